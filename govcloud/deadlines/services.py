"""Opening and meeting obligations; every due date comes from the policy table and the working-day calendar."""

import logging

from django.contrib.contenttypes.models import ContentType
from django.db import transaction

from govcloud.deadlines.models import Obligation, ObligationKind, ObligationStatus
from govcloud.policy.models import Parameter
from govcloud.policy.services import int_value_on
from govcloud.workdays.calendar import WorkdayCalendar

logger = logging.getLogger(__name__)

# For each kind: the parameter that holds its limit, whether the limit counts working days, and the article.
OBLIGATION_RULES = {
    ObligationKind.PROVISION: (Parameter.PROVISION_WORKDAYS, True, "第十二条"),
    ObligationKind.AGREEMENT_FILING: (Parameter.AGREEMENT_FILING_DAYS, False, "第十二条"),
    ObligationKind.MIGRATION: (Parameter.MIGRATION_WORKDAYS, True, "第十三条"),
    ObligationKind.CHANGE: (Parameter.CHANGE_WORKDAYS, True, "第十四条"),
    ObligationKind.RECLAIM: (Parameter.RECLAIM_WORKDAYS, True, "第十五条"),
    ObligationKind.RECTIFICATION: (Parameter.RECTIFICATION_WORKDAYS, True, "第二十六条"),
}


def compute_due(kind, triggered_on, calendar=None):
    """Return (limit, in_workdays, Due) for an obligation of kind triggered on a date."""
    parameter, in_workdays, _rule = OBLIGATION_RULES[kind]
    limit = int_value_on(parameter, triggered_on)
    calendar = calendar or WorkdayCalendar()
    if in_workdays:
        due = calendar.add_workdays(triggered_on, limit)
    else:
        due = calendar.add_calendar_days(triggered_on, limit)
    return limit, in_workdays, due


@transaction.atomic
def open_obligation(kind, subject, *, owed_by, department, triggered_on, calendar=None):
    """Open an obligation on subject owed by an organisation, with its due date from the rules."""
    limit, in_workdays, due = compute_due(kind, triggered_on, calendar)
    obligation = Obligation.objects.create(
        kind=kind,
        rule=OBLIGATION_RULES[kind][2],
        subject_type=ContentType.objects.get_for_model(subject),
        subject_id=subject.pk,
        subject_label=str(subject)[:200],
        owed_by=owed_by,
        department=department,
        triggered_on=triggered_on,
        due_on=due.date,
        limit=limit,
        limit_in_workdays=in_workdays,
        calendar_assumed=due.is_assumed,
    )
    if due.is_assumed:
        logger.warning(
            "obligation %s due %s assumes weekdays for years %s that nobody has entered",
            obligation.pk, due.date, due.assumed_years,
        )
    logger.info("obligation %s (%s) opened on %s, due %s", obligation.pk, kind, subject, due.date)
    return obligation


def meet_obligations(kind, subject, *, met_on):
    """Mark the open obligations of kind on subject as met on a date; return how many were met."""
    count = Obligation.objects.filter(
        kind=kind,
        subject_type=ContentType.objects.get_for_model(subject),
        subject_id=subject.pk,
        status=ObligationStatus.OPEN,
    ).update(status=ObligationStatus.MET, met_on=met_on)
    logger.info("%s open %s obligation(s) on %s met on %s", count, kind, subject, met_on)
    return count


def obligations_of(subject):
    return Obligation.objects.filter(
        subject_type=ContentType.objects.get_for_model(subject), subject_id=subject.pk
    ).select_related("owed_by")
