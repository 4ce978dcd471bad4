"""Writing and verifying the audit chain."""

import datetime
import json
import logging

from cryptography.hazmat.primitives import hashes
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from govcloud.audit.models import AuditEvent, ChainCheck

logger = logging.getLogger(__name__)


def _sm3_hex(text):
    digest = hashes.Hash(hashes.SM3())
    digest.update(text.encode("utf-8"))
    return digest.finalize().hex()


def _canonical(event):
    return json.dumps(
        [
            # In UTC: the database returns UTC, so a time given in Asia/Shanghai would not digest the same.
            event.occurred_at.astimezone(datetime.timezone.utc).isoformat(),
            event.actor_id,
            event.action,
            event.object_type,
            event.object_id,
            event.state_before,
            event.state_after,
            event.details,
            event.previous_digest,
        ],
        ensure_ascii=False,
        sort_keys=True,
        default=str,
    )


def record_event(action, obj, *, actor=None, before="", after="", details=None, now=None):
    """Append an audit event for obj and chain it to the previous event.

    Call it inside the transaction of the change it records, so the change and
    its audit row commit or roll back together.
    """
    with transaction.atomic():
        # Serialise writers on the newest row so two events never chain to the same predecessor.
        previous = AuditEvent.objects.select_for_update().order_by("-pk").first()
        event = AuditEvent(
            occurred_at=now or timezone.now(),
            actor=actor,
            actor_name=str(actor) if actor else "",
            organisation_name=str(actor.organisation) if actor and actor.organisation_id else "",
            action=action,
            object_type=obj._meta.label_lower,
            object_id=str(obj.pk),
            object_repr=str(obj)[:200],
            state_before=str(before or ""),
            state_after=str(after or ""),
            details=details or {},
            previous_digest=previous.digest if previous else "",
        )
        event.details = json.loads(json.dumps(event.details, default=str))
        event.digest = _sm3_hex(_canonical(event))
        event.save()
    logger.info("audit %s on %s %s by %s", action, event.object_type, event.object_id, event.actor_name or "system")
    return event


def verify_chain():
    """Return the first event whose digest or link does not match, or None when the chain is intact."""
    return _verify_after(None, "")[0]


def _verify_after(after_pk, previous_digest):
    """Verify the events after after_pk (all when None); return (first broken event, last event, count)."""
    events = AuditEvent.objects.order_by("pk")
    if after_pk is not None:
        events = events.filter(pk__gt=after_pk)
    last = None
    count = 0
    for event in events.iterator():
        if event.previous_digest != previous_digest or event.digest != _sm3_hex(_canonical(event)):
            return event, last, count
        previous_digest = event.digest
        last = event
        count += 1
    return None, last, count


@transaction.atomic
def check_chain(now=None):
    """Verify the whole chain, store the result as a ChainCheck and return it."""
    now = now or timezone.now()
    broken, last, count = _verify_after(None, "")
    check = ChainCheck.objects.create(
        checked_at=now, last_event_id=last.pk if last else None, last_digest=last.digest if last else "",
        events_checked=count, broken_event_id=broken.pk if broken else None,
    )
    if broken is not None:
        logger.error("audit chain broken at event %s (full check %s)", broken.pk, check.pk)
    return check


def chain_status(max_age, now=None):
    """Return (first broken event or None, the full check relied on) for a page view.

    A full check older than max_age (a timedelta) is run again. Otherwise only the events recorded
    after the last full check are verified, chained to the digest that check ended with.
    """
    now = now or timezone.now()
    latest = ChainCheck.objects.order_by("-checked_at", "-pk").first()
    if latest is None or latest.checked_at < now - max_age or latest.broken_event_id is not None:
        latest = check_chain(now)
        broken = AuditEvent.objects.filter(pk=latest.broken_event_id).first() if latest.broken_event_id else None
        return broken, latest

    broken, _last, _count = _verify_after(latest.last_event_id, latest.last_digest)
    return broken, latest


def history_of(*objects):
    """Return the audit events of the given records, newest first; None entries are skipped."""
    condition = Q(pk__in=[])
    for obj in objects:
        if obj is not None:
            condition |= Q(object_type=obj._meta.label_lower, object_id=str(obj.pk))
    return AuditEvent.objects.filter(condition).select_related("actor")
