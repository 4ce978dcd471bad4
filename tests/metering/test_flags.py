"""Flags of 第十四条: utilization below 50 % or above 85 % over the policy window, with evidence and a recommended size."""

import datetime

import pytest

from govcloud.metering.flags import evaluate_utilization
from govcloud.metering.models import FlagDirection, FlagStatus, Metric, UtilizationFlag
from govcloud.metering.services import import_file
from govcloud.notifications.models import Message
from tests.metering.helpers import make_resource, trace_path

# The trace is moved so that its last day is 2026-05-10; evaluating on 2026-05-11 reads the
# 7-day window 2026-05-04 .. 2026-05-10, which is trace days 2013-08-25 .. 2013-08-31.
TRACE_END = datetime.date(2026, 5, 10)
TODAY = datetime.date(2026, 5, 11)


@pytest.fixture
def make(orgs, users, priced_items, system):
    def build(vm, vcpu=4, memory_gb=8):
        resource = make_resource(department=orgs["applicant"], provider=orgs["provider"], system=system,
                                 user=users["engineer"], items=priced_items, instance_id="vm-%s" % vm,
                                 vcpu=vcpu, memory_gb=memory_gb)
        assert import_file(trace_path(vm), "bitbrains", instance="vm-%s" % vm, shift_to=TRACE_END).succeeded
        return resource
    return build


@pytest.mark.django_db
def test_busy_vm_flagged_high_cpu_and_low_memory(make, orgs):
    """第十四条: VM 407's daily CPU p95 is above 85 % on all 7 days, its memory p95 (30-33 %) below 50 %."""
    resource = make(407)

    raised, cleared = evaluate_utilization(TODAY)

    assert cleared == 0
    flags = {(flag.metric, flag.direction): flag for flag in raised}
    assert set(flags) == {(Metric.CPU, FlagDirection.HIGH), (Metric.MEMORY, FlagDirection.LOW)}
    cpu = flags[(Metric.CPU, FlagDirection.HIGH)]
    assert (cpu.window_start, cpu.window_end) == (datetime.date(2026, 5, 4), datetime.date(2026, 5, 10))
    assert [day["day"] for day in cpu.evidence] == ["2026-05-%02d" % day for day in range(4, 11)]
    assert all(day["p95"] > 85 for day in cpu.evidence)
    assert cpu.threshold == 85
    # Peak p95 100 % of 4 vCPU is 4 vCPU of load; at most 85 % of the size needs 4.7, so 8.
    assert (cpu.current_quantity, cpu.recommended_quantity) == (4, 8)
    memory = flags[(Metric.MEMORY, FlagDirection.LOW)]
    # Peak memory p95 in the window is 33.x % of 8 GB, 2.7 GB, which fits in 85 % of 4 GB.
    assert (memory.current_quantity, memory.recommended_quantity) == (8, 4)
    assert memory.threshold == 50
    messages = Message.objects.filter(recipient=orgs["applicant"], text__contains=resource.name)
    assert messages.count() == 2
    assert all(message.link.endswith("/metering/resources/%d/" % resource.pk) for message in messages)


@pytest.mark.django_db
def test_peaky_vm_not_flagged_for_cpu(make):
    """第十四条: VM 42's CPU p95 is 0 % on 2013-08-25 and 100 % on the other six days: neither always low nor high."""
    make(42)

    raised, _cleared = evaluate_utilization(TODAY)

    assert not [flag for flag in raised if flag.metric == Metric.CPU]


@pytest.mark.django_db
def test_steady_vm_between_thresholds_not_flagged(make):
    """第十四条: VM 306 runs its CPU at a daily p95 of 55-56 %, inside 50-85 %, so its CPU is not flagged."""
    make(306)

    raised, _cleared = evaluate_utilization(TODAY)

    assert [(flag.metric, flag.direction) for flag in raised] == [(Metric.MEMORY, FlagDirection.LOW)]


@pytest.mark.django_db
def test_evaluation_raises_each_flag_once(make):
    """Running the daily evaluation again raises no second flag nor a second message."""
    make(407)
    evaluate_utilization(TODAY)
    messages = Message.objects.count()

    raised, _cleared = evaluate_utilization(TODAY + datetime.timedelta(days=1))

    assert raised == []
    assert UtilizationFlag.objects.count() == 2
    assert Message.objects.count() == messages


@pytest.mark.django_db
def test_too_few_days_with_data_raise_no_flag(make):
    """A window with fewer days of data than the policy minimum (5) is not judged: 3 days after the trace ends."""
    make(407)

    raised, _cleared = evaluate_utilization(TRACE_END + datetime.timedelta(days=5))

    assert raised == []


@pytest.mark.django_db
def test_flag_cleared_when_back_within_thresholds(make):
    """An open flag closes as cleared once the window no longer shows the resource outside the thresholds."""
    make(407)
    evaluate_utilization(TODAY)

    _raised, cleared = evaluate_utilization(TRACE_END + datetime.timedelta(days=8))

    assert cleared == 2
    assert set(UtilizationFlag.objects.values_list("status", flat=True)) == {FlagStatus.CLEARED}


@pytest.mark.django_db
def test_flags_draft_one_change_application_with_recommended_sizes(make, users, priced_items):
    """第十四条: the platform drafts a change to 8 vCPU and 4 GB for VM 407; the department submits it."""
    from govcloud.applications.models import ApplicationKind, ApplicationStatus
    from govcloud.applications.services import submit_application
    from govcloud.metering.flags import evaluate_utilization as evaluate
    from govcloud.metering.lifecycle import draft_change_for_flags

    resource = make(407)

    raised, _cleared = evaluate(TODAY, draft_change=draft_change_for_flags)

    drafts = {flag.change_application for flag in raised}
    assert len(drafts) == 1
    draft = drafts.pop()
    assert (draft.kind, draft.status, draft.target_resource) == (ApplicationKind.CHANGE, ApplicationStatus.DRAFT,
                                                                 resource)
    assert sorted(draft.lines.values_list("item__code", "quantity")) == [("ECS-MEM", 4), ("ECS-VCPU", 8)]
    submit_application(draft, actor=users["applicant"])
    evaluate(TODAY + datetime.timedelta(days=1), draft_change=draft_change_for_flags)
    assert set(UtilizationFlag.objects.values_list("status", flat=True)) == {FlagStatus.CHANGE_FILED}


@pytest.mark.django_db
def test_rejected_change_reopens_the_flag(make, users, orgs):
    """第十四条: a rejected change application leaves the department still owing one, so the flag reopens."""
    from govcloud.applications.services import reject_application, submit_application
    from govcloud.metering.lifecycle import draft_change_for_flags

    make(407)
    raised, _cleared = evaluate_utilization(TODAY, draft_change=draft_change_for_flags)
    draft = raised[0].change_application
    submit_application(draft, actor=users["applicant"])
    evaluate_utilization(TODAY, draft_change=draft_change_for_flags)
    reject_application(draft, actor=users["reviewer"], opinion="依据不足")

    evaluate_utilization(TODAY + datetime.timedelta(days=1), draft_change=draft_change_for_flags)

    assert set(UtilizationFlag.objects.values_list("status", flat=True)) == {FlagStatus.OPEN}
