"""Periodic billing work for Celery beat; with no broker, cron runs `manage.py billing rebuild` instead."""

import datetime

from celery import shared_task

from govcloud.billing.proration import month_start
from govcloud.billing.services import rebuild_statements
from govcloud.web.clock import local_today


@shared_task(name="billing.rebuild_statements")
def rebuild_recent_statements(months_back=1):
    """Recompute the statements of the current month and of the months_back months before it.

    Late confirmations, changes and reclaims reach those statements this way. Return the number of differences.
    """
    today = local_today()
    first = month_start(today)
    for _month in range(months_back):
        first = month_start(first - datetime.timedelta(days=1))
    return len(rebuild_statements(first, month_start(today)).differences)
