"""Issuing official documents: render one for a user who may see its record, and audit every download."""

import dataclasses
import logging

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _

from govcloud.audit.services import record_event
from govcloud.catalog.models import CatalogItem
from govcloud.documents.registry import CONTENT_TYPES, DOCUMENT_KINDS, Format
from govcloud.documents.rendering import render_docx, render_pdf

logger = logging.getLogger(__name__)

# Official documents are Chinese forms whatever language the requesting user reads.
DOCUMENT_LANGUAGE = "zh-hans"


@dataclasses.dataclass(frozen=True)
class RenderedDocument:
    filename: str
    content_type: str
    content: bytes


class DocumentNotFound(ObjectDoesNotExist):
    """The document kind, its format or its record does not exist, or the user may not see it."""


def document_kind(code, fmt):
    kind = DOCUMENT_KINDS.get(code)
    if kind is None or fmt not in kind.formats:
        raise DocumentNotFound(code)
    return kind


def render_document(kind, record, fmt, *, today):
    """Render one document of kind for record (None for the catalog) in format fmt."""
    with translation.override(DOCUMENT_LANGUAGE):
        if fmt == Format.XLSX:
            from govcloud.catalog.excel import export_catalog

            content = export_catalog(today)
        else:
            context = kind.build_context(record, today)
            content = render_docx(kind.code, context) if fmt == Format.DOCX else render_pdf(kind.code, context)
        stem = str(kind.title)
        if kind.number_of is not None:
            stem = "%s %s" % (stem, kind.number_of(record))
    return RenderedDocument("%s.%s" % (stem, fmt), CONTENT_TYPES[fmt], content)


def _record(kind, record_id, records):
    """Return the record of a document from the queryset records() builds, or None for the catalog."""
    if not kind.needs_record:
        return None
    record = records().filter(pk=record_id).first() if record_id is not None else None
    if record is None:
        raise DocumentNotFound(kind.code)
    return record


def _audit_subject(record):
    # The catalog has no single row, so its downloads are recorded against the catalog item type.
    return record if record is not None else ContentType.objects.get_for_model(CatalogItem)


def download_document(code, record_id, fmt, *, actor, today):
    """Render a document for actor and record a document.downloaded audit event.

    Raises DocumentNotFound when the kind, format or record does not exist or the
    record belongs to an organisation the actor may not see.
    """
    kind = document_kind(code, fmt)
    record = _record(kind, record_id, lambda: kind.visible_records(actor))

    rendered = render_document(kind, record, fmt, today=today)
    with transaction.atomic():
        record_event("document.downloaded", _audit_subject(record), actor=actor,
                     details={"document": code, "format": fmt, "filename": rendered.filename,
                              "bytes": len(rendered.content)})
    logger.info("document %s (%s) of record %s downloaded by user %s", code, fmt, record_id, actor.pk)
    return rendered


def render_for_operator(code, record_id, fmt, *, today):
    """Render a document for the render_document command, which runs on the server without a user."""
    kind = document_kind(code, fmt)
    if kind.needs_record and record_id is None:
        raise ValidationError(_("The document “{kind}” needs the id of its record.").format(kind=code))
    record = _record(kind, record_id, kind.all_records)

    rendered = render_document(kind, record, fmt, today=today)
    with transaction.atomic():
        record_event("document.rendered", _audit_subject(record),
                     details={"document": code, "format": fmt, "filename": rendered.filename})
    return rendered
