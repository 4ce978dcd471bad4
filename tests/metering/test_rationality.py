"""第二十六条: the periodic assessment finds long-idle resources and zombie systems from the real trace."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from govcloud.deadlines.models import Obligation, ObligationKind, ObligationStatus
from govcloud.metering import rationality
from govcloud.metering.lifecycle import reclaim_resource
from govcloud.metering.models import FindingKind, FindingStatus
from govcloud.metering.services import import_file
from govcloud.resources.models import ResourceStatus
from tests.factories import SystemFactory
from tests.metering.helpers import make_resource, trace_path

TRACE_END = datetime.date(2026, 5, 10)
TODAY = datetime.date(2026, 5, 11)  # idle window 2026-04-27 .. 2026-05-10 = trace days 2013-08-18 .. 2013-08-31


@pytest.fixture
def fleet(orgs, users, priced_items):
    """VM 2 alone in one system, VMs 1 and 89 in another, VM 20 (powered off most of the month) in a third."""
    department = orgs["applicant"]
    systems = {name: SystemFactory(department=department, name=name) for name in ("档案系统", "门户网站", "旧审批系统")}
    placement = {2: "档案系统", 1: "门户网站", 89: "门户网站", 20: "旧审批系统"}
    resources = {}
    for vm, system_name in placement.items():
        resources[vm] = make_resource(department=department, provider=orgs["provider"], system=systems[system_name],
                                      user=users["engineer"], items=priced_items, instance_id="vm-%s" % vm)
        assert import_file(trace_path(vm), "bitbrains", instance="vm-%s" % vm, shift_to=TRACE_END).succeeded
    return resources


def _findings(assessment):
    return {(finding.resource.instance_id, finding.kind) for finding in assessment.findings.select_related("resource")}


@pytest.mark.django_db
def test_assessment_finds_zombie_system_and_idle_resource(fleet):
    """第二十六条: VM 2 (0 % CPU, 0 KB/s network) is a zombie system.

    VM 1 (CPU p95 0.3-4.7 %, network up to 62 KB/s) is idle but alive. VM 89 (CPU p95 about 28 %) is in use.
    VM 20 has one day of data in the window, so it is not judged.
    """
    assessment = rationality.run_assessment(TODAY)

    assert _findings(assessment) == {("vm-2", FindingKind.ZOMBIE), ("vm-1", FindingKind.IDLE)}
    assert (assessment.window_start, assessment.window_end) == (datetime.date(2026, 4, 27), datetime.date(2026, 5, 10))
    zombie = assessment.findings.get(kind=FindingKind.ZOMBIE)
    assert len(zombie.evidence["cpu_p95"]) == 14
    assert max(zombie.evidence["network_p95"].values()) < 1


@pytest.mark.django_db
def test_assessment_does_not_repeat_open_findings(fleet):
    rationality.run_assessment(TODAY)

    again = rationality.run_assessment(TODAY + datetime.timedelta(days=1))

    assert again.findings.count() == 0


@pytest.mark.django_db
def test_reclaim_order_opens_provider_obligation_and_ends_billing(fleet, users, orgs):
    """第二十六条 reclaim: ordered Monday 2026-05-11, due Wednesday 2026-05-13 (第十五条 2 working days)."""
    finding = rationality.run_assessment(TODAY).findings.get(kind=FindingKind.ZOMBIE)

    rationality.order_reclaim(finding, actor=users["reviewer"], today=TODAY, note="僵尸系统，收回")
    obligation = Obligation.objects.get(kind=ObligationKind.RECLAIM)
    assert (obligation.owed_by, obligation.due_on) == (orgs["provider"], datetime.date(2026, 5, 13))
    reclaim_resource(fleet[2], actor=users["engineer"], reclaimed_on=datetime.date(2026, 5, 12))

    fleet[2].refresh_from_db()
    assert (fleet[2].status, fleet[2].billing_ends_on) == (ResourceStatus.RECLAIMED, datetime.date(2026, 5, 12))
    obligation.refresh_from_db()
    assert obligation.status == ObligationStatus.MET
    finding.refresh_from_db()
    assert finding.status == FindingStatus.RECLAIMED


@pytest.mark.django_db
def test_rectification_order_is_owed_by_department(fleet, users, orgs):
    """第二十六条 rectification: 10 working days from Monday 2026-05-11 is Monday 2026-05-25."""
    finding = rationality.run_assessment(TODAY).findings.get(kind=FindingKind.IDLE)

    rationality.order_rectification(finding, actor=users["reviewer"], today=TODAY)
    obligation = Obligation.objects.get(kind=ObligationKind.RECTIFICATION)
    assert (obligation.owed_by, obligation.due_on) == (orgs["applicant"], datetime.date(2026, 5, 25))
    with pytest.raises(PermissionDenied):
        rationality.report_rectified(finding, actor=users["outsider"], today=TODAY, note="已缩容")
    rationality.report_rectified(finding, actor=users["applicant"], today=datetime.date(2026, 5, 20), note="已缩容")

    obligation.refresh_from_db()
    assert (obligation.status, obligation.met_on) == (ObligationStatus.MET, datetime.date(2026, 5, 20))


@pytest.mark.django_db
def test_only_management_unit_orders(fleet, users):
    finding = rationality.run_assessment(TODAY).findings.get(kind=FindingKind.IDLE)

    with pytest.raises(PermissionDenied):
        rationality.order_reclaim(finding, actor=users["applicant"], today=TODAY)


@pytest.mark.django_db
def test_misuse_needs_a_note(fleet, users):
    with pytest.raises(ValidationError):
        rationality.record_misuse(fleet[89], actor=users["reviewer"], note=" ", today=TODAY)

    finding = rationality.record_misuse(fleet[89], actor=users["reviewer"], note="用于与申请无关的测试环境", today=TODAY)

    assert finding.kind == FindingKind.MISUSE
    assert finding.status == FindingStatus.OPEN
