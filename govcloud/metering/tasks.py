"""Periodic utilization work for Celery beat; with no broker, cron runs the management commands
pull_utilization and evaluate_utilization instead."""

from celery import shared_task

from govcloud.metering.flags import evaluate_utilization
from govcloud.metering.lifecycle import draft_change_for_flags
from govcloud.metering.rationality import run_assessment
from govcloud.metering.services import pull_all_sources
from govcloud.web.clock import local_today


@shared_task(name="metering.pull_utilization")
def pull_utilization(days_back=2):
    """Pull every enabled Prometheus source up to yesterday, then raise and clear flags."""
    today = local_today()
    outcomes = pull_all_sources(today, days_back=days_back)
    raised, _cleared = evaluate_utilization(today, draft_change=draft_change_for_flags)
    return {"imports": [outcome.run.pk for outcome in outcomes], "flags": [flag.pk for flag in raised]}


@shared_task(name="metering.assess_rationality")
def assess_rationality():
    return run_assessment(local_today()).pk
