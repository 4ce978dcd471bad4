"""Downloads of statements and settlements; every download is written to the audit log."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404

from govcloud.audit.services import record_event
from govcloud.billing import exports
from govcloud.billing.models import Settlement
from govcloud.billing.settlement_views import SETTLEMENT_ROLES
from govcloud.billing.views import visible_statement
from govcloud.web.listing import require_page_role

FORMATS = {
    "xlsx": (exports.XLSX, exports.statement_xlsx, exports.settlement_xlsx),
    "docx": (exports.DOCX, exports.statement_docx, exports.settlement_docx),
    "pdf": (exports.PDF, exports.statement_pdf, exports.settlement_pdf),
}


def _download(content, content_type, filename):
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = 'attachment; filename="%s"' % filename
    return response


@login_required
def statement_export(request, pk, fmt):
    if fmt not in FORMATS:
        raise Http404
    statement = visible_statement(request.user, pk)
    content_type, render_statement, _render_settlement = FORMATS[fmt]
    content = render_statement(statement)
    record_event("billing.statement_exported", statement, actor=request.user, details={"format": fmt})
    filename = "statement-%s-%s-%s.%s" % (statement.month.strftime("%Y%m"), statement.department.code,
                                          statement.provider.code, fmt)
    return _download(content, content_type, filename)


@login_required
def settlement_export(request, pk, fmt):
    if fmt not in FORMATS:
        raise Http404
    require_page_role(request.user, *SETTLEMENT_ROLES)
    settlement = get_object_or_404(Settlement.objects.visible_to(request.user).select_related("provider"), pk=pk)
    content_type, _render_statement, render_settlement = FORMATS[fmt]
    content = render_settlement(settlement)
    record_event("billing.settlement_exported", settlement, actor=request.user, details={"format": fmt})
    return _download(content, content_type, "settlement-%s-%s.%s" % (settlement.year, settlement.provider.code, fmt))
