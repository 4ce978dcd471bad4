"""Statements and settlements as Excel workbooks, Word documents and PDF, in Chinese.

Word files come from the docxtpl templates in document_templates/; PDFs are rendered
by WeasyPrint from HTML templates in the TrueType font WenQuanYi Micro Hei, which
subsets quickly, unlike the CFF-based Noto CJK faces.
"""

import io
from pathlib import Path

from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from docxtpl import DocxTemplate
from openpyxl import Workbook
from openpyxl.styles import Font

TEMPLATES = Path(__file__).resolve().parent / "document_templates"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
PDF = "application/pdf"


def statement_rows(statement):
    charges = statement.charges.select_related("resource", "item", "fee_standard").order_by(
        "resource__name", "first_day", "item__code")
    return [
        {"resource": "%s (%s)" % (charge.resource.name, charge.resource.instance_id), "item": str(charge.item),
         "quantity": charge.quantity, "unit_price": charge.fee_standard.unit_price,
         "price_from": charge.fee_standard.effective_from.isoformat(),
         "period": "%s – %s" % (charge.first_day.isoformat(), charge.last_day.isoformat()),
         "days": charge.days, "amount": charge.amount}
        for charge in charges
    ]


def _workbook(title, header_lines, headers, rows, footer):
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = title[:31]
    sheet.append([title])
    sheet["A1"].font = Font(bold=True, size=14)
    for line in header_lines:
        sheet.append(line)
    sheet.append(headers)
    for cell in sheet[sheet.max_row]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append(row)
    for line in footer:
        sheet.append(line)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def statement_xlsx(statement):
    rows = statement_rows(statement)
    return _workbook(
        _("Monthly statement"),
        [[_("Month"), statement.month.strftime("%Y-%m")], [_("Department"), str(statement.department)],
         [_("Provider"), str(statement.provider)]],
        [_("Resource"), _("Item"), _("Quantity"), _("Unit price (yuan)"), _("Price effective from"), _("Days billed"),
         _("Days"), _("Amount (yuan)")],
        [[row["resource"], row["item"], row["quantity"], row["unit_price"], row["price_from"], row["period"],
          row["days"], row["amount"]] for row in rows],
        [[_("Total"), "", "", "", "", "", "", statement.total]],
    )


def settlement_context(settlement):
    return {
        "provider": str(settlement.provider), "year": settlement.year, "status": settlement.get_status_display(),
        "lines": [{"department": str(line.department), "category": line.category, "amount": line.amount}
                  for line in settlement.lines.select_related("department")],
        "adjustments": [{"reason": adjustment.reason, "amount": adjustment.amount,
                         "corrects": str(adjustment.corrects) if adjustment.corrects_id else ""}
                        for adjustment in settlement.adjustments.select_related("corrects__provider")],
        "charges_total": settlement.charges_total, "score": settlement.score, "score_source": settlement.score_source,
        "payment_percent": settlement.payment_percent, "after_evaluation": settlement.after_evaluation,
        "adjustments_total": settlement.adjustments_total, "payable": settlement.payable,
        "prepared_by": str(settlement.prepared_by),
        "prepared_at": timezone.localtime(settlement.prepared_at).strftime("%Y-%m-%d %H:%M"),
        "signed_by": str(settlement.signed_by) if settlement.signed_by_id else "",
        "signed_at": timezone.localtime(settlement.signed_at).strftime("%Y-%m-%d %H:%M") if settlement.signed_at else "",
    }


def settlement_xlsx(settlement):
    context = settlement_context(settlement)
    footer = [[_("Charges at the fee standards"), "", context["charges_total"]],
              [_("Payment share of the evaluation (%)"), context["score"], context["payment_percent"]],
              [_("After evaluation"), "", context["after_evaluation"]]]
    footer += [[_("Adjustment"), row["reason"], row["amount"]] for row in context["adjustments"]]
    footer += [[_("Payable"), "", context["payable"]]]
    return _workbook(
        _("Settlement"),
        [[_("Provider"), context["provider"]], [_("Year"), context["year"]], [_("Status"), context["status"]]],
        [_("Department"), _("Category"), _("Charges (yuan)")],
        [[row["department"], row["category"], row["amount"]] for row in context["lines"]],
        footer,
    )


def _docx(template_name, context):
    document = DocxTemplate(TEMPLATES / template_name)
    document.render(context)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def statement_context(statement):
    return {"month": statement.month.strftime("%Y-%m"), "department": str(statement.department),
            "provider": str(statement.provider), "lines": statement_rows(statement), "total": statement.total,
            "generated": timezone.localtime().strftime("%Y-%m-%d %H:%M")}


def statement_docx(statement):
    return _docx("statement.docx", statement_context(statement))


def settlement_docx(settlement):
    return _docx("settlement.docx", settlement_context(settlement))


def _pdf(template, context):
    import weasyprint  # noqa: PLC0415 (a heavy import, needed only for PDF downloads)

    html = render_to_string(template, context)
    return weasyprint.HTML(string=html).write_pdf()


def statement_pdf(statement):
    return _pdf("billing/pdf/statement.html", statement_context(statement))


def settlement_pdf(settlement):
    return _pdf("billing/pdf/settlement.html", settlement_context(settlement))
