"""Messages the platform sends to an organisation's users, shown in the platform (N6)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class MessageQuerySet(models.QuerySet):
    def visible_to(self, user):
        if user.organisation_id is None:
            return self.none()
        return self.filter(recipient_id=user.organisation_id)

    def unread(self):
        return self.filter(read_at__isnull=True)


class Message(models.Model):
    """A notice to every user of one organisation, with a link to the record it is about."""

    recipient = models.ForeignKey(
        "accounts.Organisation", on_delete=models.PROTECT, related_name="messages", verbose_name=_("recipient")
    )
    text = models.TextField(_("text"))
    link = models.CharField(_("link"), max_length=300, blank=True)
    sent_at = models.DateTimeField(_("sent at"))
    read_at = models.DateTimeField(_("read at"), null=True, blank=True)
    read_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+",
        verbose_name=_("read by"),
    )

    objects = MessageQuerySet.as_manager()

    class Meta:
        ordering = ["-sent_at", "-pk"]
        verbose_name = _("message")
        verbose_name_plural = _("messages")
        indexes = [models.Index(fields=["recipient", "read_at", "sent_at"])]

    def __str__(self):
        return self.text[:60]
