"""Obligations: every step with a time limit, who owes it and by when (F2)."""

from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _

from govcloud.accounts.models import Organisation, Role


class ObligationKind(models.TextChoices):
    PROVISION = "provision", _("Provision the approved resources")
    AGREEMENT_FILING = "agreement_filing", _("File the signed service agreement")
    MIGRATION = "migration", _("Finish migration and testing")
    CHANGE = "change", _("Complete the approved change")
    RECLAIM = "reclaim", _("Reclaim the resources")
    RECTIFICATION = "rectification", _("Rectify the use of resources")


class ObligationStatus(models.TextChoices):
    OPEN = "open", _("Open")
    MET = "met", _("Met")
    CANCELLED = "cancelled", _("Cancelled")


class ObligationQuerySet(models.QuerySet):
    def visible_to(self, user):
        if user.sees_whole_city:
            return self
        organisation = user.organisation
        if organisation is None:
            return self.none()
        if organisation.is_user_department:
            return self.filter(department=organisation)
        if user.role == Role.PROVIDER:
            return self.filter(owed_by=organisation)
        return self.none()

    def open(self):
        return self.filter(status=ObligationStatus.OPEN)

    def overdue_on(self, today):
        return self.open().filter(due_on__lt=today)


class Obligation(models.Model):
    """A step that one organisation owes by a due date, counted from a triggering event."""

    kind = models.CharField(_("kind"), max_length=30, choices=ObligationKind.choices)
    rule = models.CharField(_("rule"), max_length=20, help_text=_("The article that sets the limit."))
    status = models.CharField(_("status"), max_length=20, choices=ObligationStatus.choices, default=ObligationStatus.OPEN)
    subject_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, related_name="+")
    subject_id = models.PositiveBigIntegerField()
    subject = GenericForeignKey("subject_type", "subject_id")
    subject_label = models.CharField(_("concerning"), max_length=200)
    owed_by = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="obligations", verbose_name=_("owed by")
    )
    department = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="department_obligations", verbose_name=_("department")
    )
    triggered_on = models.DateField(_("triggered on"))
    due_on = models.DateField(_("due on"))
    limit = models.PositiveSmallIntegerField(_("limit"))
    limit_in_workdays = models.BooleanField(_("limit counted in working days"))
    calendar_assumed = models.BooleanField(
        _("calendar assumed"), default=False,
        help_text=_("The due date falls in a year whose holidays nobody has entered yet."),
    )
    met_on = models.DateField(_("met on"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ObligationQuerySet.as_manager()

    class Meta:
        ordering = ["due_on", "pk"]
        verbose_name = _("obligation")
        verbose_name_plural = _("obligations")
        indexes = [
            models.Index(fields=["owed_by", "status", "due_on"]),
            models.Index(fields=["department", "status", "due_on"]),
            models.Index(fields=["status", "due_on"]),
            models.Index(fields=["subject_type", "subject_id"]),
        ]

    def __str__(self):
        return "%s: %s" % (self.get_kind_display(), self.subject_label)

    def is_overdue(self, today):
        return self.status == ObligationStatus.OPEN and today > self.due_on

    def is_late(self, today):
        if self.status == ObligationStatus.MET:
            return self.met_on > self.due_on
        return self.is_overdue(today)
