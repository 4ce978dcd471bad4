"""The documents the platform issues: which record each is made from, its formats and its file name."""

import dataclasses

from django.utils.translation import gettext_lazy as _

from govcloud.applications.models import Application, Review
from govcloud.documents import contexts
from govcloud.resources.models import DeliveryConfirmation


class Format:
    DOCX = "docx"
    PDF = "pdf"
    XLSX = "xlsx"


CONTENT_TYPES = {
    Format.DOCX: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    Format.PDF: "application/pdf",
    Format.XLSX: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def _visible_applications(user):
    return Application.objects.visible_to(user).select_related("department", "system", "provider")


def _visible_deliveries(user):
    return DeliveryConfirmation.objects.visible_to(user).select_related(
        "application__system", "department", "provider"
    )


def _visible_reviews(user):
    return Review.objects.filter(application__in=Application.objects.visible_to(user)).select_related(
        "application__department", "application__system", "reviewer"
    )


def _all_applications():
    return Application.objects.select_related("department", "system", "provider")


@dataclasses.dataclass(frozen=True)
class DocumentKind:
    """One official document: how to find its record for a user, build its context and name its file."""

    code: str
    title: object
    formats: tuple
    build_context: object
    visible_records: object = None
    all_records: object = None
    number_of: object = None

    @property
    def needs_record(self):
        return self.visible_records is not None


DOCUMENT_KINDS = {
    kind.code: kind
    for kind in (
        DocumentKind(
            "catalog", _("Annex 1 Government cloud service catalog"), (Format.DOCX, Format.XLSX),
            lambda record, today: contexts.catalog_context(today),
        ),
        DocumentKind(
            "application-form", _("Annex 2 Government cloud resource application form"), (Format.DOCX, Format.PDF),
            contexts.application_form_context, _visible_applications, _all_applications,
            lambda application: application.number,
        ),
        DocumentKind(
            "requirements-form", _("Annex 3 Government cloud resource requirements form"), (Format.DOCX, Format.PDF),
            contexts.requirements_form_context, _visible_applications, _all_applications,
            lambda application: application.number,
        ),
        DocumentKind(
            "delivery-confirmation", _("Annex 4 Government cloud resource delivery confirmation"),
            (Format.DOCX, Format.PDF), contexts.delivery_confirmation_context, _visible_deliveries,
            lambda: DeliveryConfirmation.objects.select_related("application__system", "department", "provider"),
            lambda delivery: delivery.number,
        ),
        DocumentKind(
            "review-opinion", _("Review opinion"), (Format.DOCX, Format.PDF),
            contexts.review_opinion_context, _visible_reviews,
            lambda: Review.objects.select_related("application__department", "application__system", "reviewer"),
            lambda review: review.application.number,
        ),
    )
}
