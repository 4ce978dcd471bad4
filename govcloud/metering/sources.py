"""The management unit's configuration of providers' Prometheus sources, and pulling one on demand."""

import datetime
import logging

from django.db import transaction
from django.forms.models import model_to_dict

from govcloud.accounts.models import Role
from govcloud.accounts.permissions import require_role
from govcloud.audit.services import record_event
from govcloud.metering.models import PrometheusSource
from govcloud.metering.services import pull_prometheus

logger = logging.getLogger(__name__)

SOURCE_FIELDS = ("provider", "name", "base_url", "instance_label", "cpu_query", "memory_query", "disk_query",
                 "disk_io_query", "network_query", "timeout_seconds", "is_enabled")


@transaction.atomic
def save_prometheus_source(*, actor, values, source=None):
    """Create a source, or change one, from cleaned form values; the audit event keeps the before and after."""
    require_role(actor, Role.MANAGER)
    before = model_to_dict(source, fields=SOURCE_FIELDS) if source else {}
    source = source or PrometheusSource()
    for field in SOURCE_FIELDS:
        if field in values:
            setattr(source, field, values[field])
    source.save()
    # The audit row's before and after hold a short state, so the field values go into its details.
    record_event("metering.prometheus_source_saved", source, actor=actor,
                 details={"before": before, "after": model_to_dict(source, fields=SOURCE_FIELDS)})
    logger.info("Prometheus source %s saved by %s", source.pk, actor)
    return source


def pull_source_now(source, *, actor, today, days=1):
    """Pull the last `days` complete local days of one source at the management unit's request."""
    require_role(actor, Role.MANAGER)
    last_day = today - datetime.timedelta(days=1)
    return pull_prometheus(source, last_day - datetime.timedelta(days=days - 1), last_day, actor=actor)
