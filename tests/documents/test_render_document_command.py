"""manage.py render_document writes each document kind to a file for batch printing."""

import io

import docx
import openpyxl
import pytest
from django.core.management import CommandError, call_command

from govcloud.audit.models import AuditEvent


def run(*args):
    output = io.StringIO()
    call_command("render_document", *args, stdout=output)
    return output.getvalue()


def test_application_form_pdf(delivered, tmp_path):
    target = tmp_path / "form.pdf"

    message = run("application-form", str(delivered["application"].pk), "--format", "pdf", "--output", str(target))

    assert target.read_bytes().startswith(b"%PDF-")
    assert str(target) in message
    assert AuditEvent.objects.get(action="document.rendered").details["document"] == "application-form"


@pytest.mark.parametrize("kind, record", [
    ("requirements-form", "application"), ("delivery-confirmation", "delivery"), ("review-opinion", "review"),
])
def test_record_documents_docx(delivered, tmp_path, kind, record):
    target = tmp_path / "document.docx"

    run(kind, str(delivered[record].pk), "--format", "docx", "--output", str(target))

    text = "\n".join(cell.text for table in docx.Document(target).tables for row in table.rows for cell in row.cells)
    assert "ECS-MEM" in text or "edu-app-01" in text


def test_catalog_xlsx(delivered, tmp_path):
    target = tmp_path / "catalog.xlsx"

    run("catalog", "--format", "xlsx", "--output", str(target))

    assert openpyxl.load_workbook(target).active.max_row >= 5


def test_wrong_format_rejected(delivered, tmp_path):
    with pytest.raises(CommandError, match="not pdf"):
        run("catalog", "--format", "pdf", "--output", str(tmp_path / "x.pdf"))


def test_missing_record_rejected(delivered, tmp_path):
    with pytest.raises(CommandError, match="no record with id 999"):
        run("application-form", "999", "--format", "docx", "--output", str(tmp_path / "x.docx"))


def test_missing_id_rejected(delivered, tmp_path):
    with pytest.raises(CommandError):
        run("review-opinion", "--format", "docx", "--output", str(tmp_path / "x.docx"))
