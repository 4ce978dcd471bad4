from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.utils.http import content_disposition_header

from govcloud.documents.services import DocumentNotFound, download_document
from govcloud.web.clock import local_today


def _attachment(rendered):
    response = HttpResponse(rendered.content, content_type=rendered.content_type)
    # An ASCII fallback plus the UTF-8 Chinese file name (RFC 6266), as browsers expect.
    response["Content-Disposition"] = content_disposition_header(True, rendered.filename)
    response["X-Content-Type-Options"] = "nosniff"
    return response


@login_required
def download(request, kind, fmt, pk=None):
    """Send an official document; another organisation's record is a 404, like a missing one."""
    try:
        rendered = download_document(kind, pk, fmt, actor=request.user, today=local_today())
    except DocumentNotFound:
        raise Http404 from None
    return _attachment(rendered)
