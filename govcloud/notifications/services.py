"""Sending in-platform messages and marking them read."""

import logging

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from govcloud.audit.services import record_event
from govcloud.notifications.models import Message

logger = logging.getLogger(__name__)


@transaction.atomic
def send_message(recipient, text, *, link="", now=None):
    """Send a message to every user of the recipient organisation."""
    message = Message.objects.create(recipient=recipient, text=str(text), link=link, sent_at=now or timezone.now())
    logger.info("message %s sent to organisation %s", message.pk, recipient.pk)
    return message


@transaction.atomic
def mark_read(message, *, actor, now=None):
    """Mark a message of the actor's organisation read; reading it again keeps the first reading."""
    if actor is None or actor.organisation_id != message.recipient_id:
        raise PermissionDenied(_("This message was sent to another organisation."))
    updated = Message.objects.filter(pk=message.pk, read_at__isnull=True).update(
        read_at=now or timezone.now(), read_by=actor)
    if updated:
        message.refresh_from_db(fields=["read_at", "read_by"])
        record_event("notifications.read", message, actor=actor)
    return message
