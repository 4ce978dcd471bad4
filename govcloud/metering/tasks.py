"""Periodic utilization work for Celery beat; with no broker the management commands do the same from cron."""

from celery import shared_task

from govcloud.metering.services import pull_all_sources
from govcloud.web.clock import local_today


@shared_task(name="metering.pull_utilization")
def pull_utilization(days_back=2):
    outcomes = pull_all_sources(local_today(), days_back=days_back)
    return [outcome.run.pk for outcome in outcomes]
