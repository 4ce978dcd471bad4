"""The metering demo uses the real trace, so a new user sees real charts and real flags in every state."""

import io

import pytest
from django.core.management import call_command

from govcloud.applications.models import Application, ApplicationKind, ApplicationStatus
from govcloud.metering.models import (
    DailyRollup,
    FindingStatus,
    FlagStatus,
    HandoverRecord,
    RationalityFinding,
    UtilizationFlag,
)
from govcloud.resources.models import CloudResource, ResourceStatus


@pytest.mark.django_db
def test_demo_has_real_utilization_and_every_state():
    call_command("load_reference_data", stdout=io.StringIO())
    call_command("load_demo", stdout=io.StringIO())

    in_service_or_reclaimed = CloudResource.objects.exclude(status=ResourceStatus.PROVISIONED)
    assert DailyRollup.objects.values("resource").distinct().count() == in_service_or_reclaimed.count() == 9
    assert set(UtilizationFlag.objects.values_list("status", flat=True)) == set(FlagStatus)
    assert set(RationalityFinding.objects.values_list("status", flat=True)) == set(FindingStatus)
    kinds = set(Application.objects.exclude(kind=ApplicationKind.NEW).values_list("kind", "status"))
    assert (ApplicationKind.CHANGE, ApplicationStatus.COMPLETED) in kinds
    assert (ApplicationKind.EXIT, ApplicationStatus.COMPLETED) in kinds
    assert HandoverRecord.objects.filter(confirmed_on__isnull=False).exists()
    assert CloudResource.objects.filter(status=ResourceStatus.RECLAIMED, billing_ends_on__isnull=False).count() == 2
