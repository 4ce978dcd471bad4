"""The audit log: one append-only row per state change, sign-in, download or export."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class AuditEvent(models.Model):
    """Who did what to which record, when, with the state before and after.

    Each row stores the SM3 digest of its own content chained to the previous
    row's digest, so an edited or deleted row breaks the chain.
    """

    occurred_at = models.DateTimeField(_("occurred at"), db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, verbose_name=_("actor")
    )
    actor_name = models.CharField(_("actor name"), max_length=150, blank=True)
    organisation_name = models.CharField(_("organisation"), max_length=120, blank=True)
    action = models.CharField(_("action"), max_length=60, db_index=True)
    object_type = models.CharField(_("object type"), max_length=60, db_index=True)
    object_id = models.CharField(_("object id"), max_length=40, db_index=True)
    object_repr = models.CharField(_("object"), max_length=200)
    state_before = models.CharField(_("state before"), max_length=40, blank=True)
    state_after = models.CharField(_("state after"), max_length=40, blank=True)
    details = models.JSONField(_("details"), default=dict, blank=True)
    previous_digest = models.CharField(max_length=64, blank=True)
    digest = models.CharField(max_length=64, unique=True)

    class Meta:
        ordering = ["-occurred_at", "-pk"]
        verbose_name = _("audit event")
        verbose_name_plural = _("audit events")
        indexes = [models.Index(fields=["object_type", "object_id", "occurred_at"])]

    def __str__(self):
        return "%s %s %s" % (self.occurred_at, self.action, self.object_repr)


class ChainCheck(models.Model):
    """The result of one full verification of the audit chain, kept so that a page view only has to
    verify the events recorded since (an edited old event is found by the next full check)."""

    checked_at = models.DateTimeField(_("checked at"), db_index=True)
    last_event_id = models.BigIntegerField(_("last event checked"), null=True, blank=True)
    last_digest = models.CharField(max_length=64, blank=True)
    events_checked = models.PositiveIntegerField(_("events checked"))
    broken_event_id = models.BigIntegerField(_("first broken event"), null=True, blank=True)

    class Meta:
        ordering = ["-checked_at", "-pk"]
        verbose_name = _("audit chain check")
        verbose_name_plural = _("audit chain checks")

    def __str__(self):
        return "%s %s" % (self.checked_at, self.broken_event_id or "intact")
