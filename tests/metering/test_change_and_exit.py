"""Change (第十四条) and exit (第十五条) of a provisioned resource through the review flow."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from govcloud.applications import services as application_services
from govcloud.applications.models import ApplicationKind, ApplicationStatus
from govcloud.deadlines.models import Obligation, ObligationKind, ObligationStatus
from govcloud.deadlines.services import obligations_of
from govcloud.metering import lifecycle
from govcloud.metering.models import HandoverStatus
from govcloud.resources import services as resource_services
from govcloud.resources.models import ResourceStatus
from tests.workflow import at, provisioned

DELIVERED_ON = datetime.date(2026, 3, 4)


@pytest.fixture
def resource(users, orgs, system, priced_items):
    """A 4 vCPU / 8 GB host delivered and confirmed on 2026-03-04."""
    application = provisioned(users, orgs, system, priced_items)
    confirmation = resource_services.submit_delivery_confirmation(
        application, actor=users["engineer"], credential_handover="线下当面交接")
    resource_services.confirm_delivery(confirmation, actor=users["reviewer"], confirmed_on=DELIVERED_ON)
    return application.resources.get()


def _approve(application, users, orgs, day):
    application_services.submit_application(application, actor=users["applicant"], now=at(day, 9))
    application_services.approve_application(application, actor=users["reviewer"], opinion="同意",
                                             provider=orgs["provider"], now=at(day, 15))
    application.refresh_from_db()
    return application


@pytest.mark.django_db
def test_change_from_4_to_8_vcpu_recorded_on_completion_date(resource, users, orgs, priced_items):
    """第十四条: a change approved 2026-05-13 and completed 2026-05-15 from 4 to 8 vCPU keeps that date."""
    change = lifecycle.create_change_application(
        actor=users["applicant"], resource=resource, quantities={priced_items["vcpu"]: 8},
        reason="CPU利用率持续高于85%", today=datetime.date(2026, 5, 12))
    assert change.kind == ApplicationKind.CHANGE
    assert change.target_resource == resource
    _approve(change, users, orgs, datetime.date(2026, 5, 13))
    obligation = Obligation.objects.get(kind=ObligationKind.CHANGE)
    # 2 working days after Wednesday 2026-05-13: Friday 2026-05-15.
    assert (obligation.owed_by, obligation.due_on, obligation.rule) == (orgs["provider"], datetime.date(2026, 5, 15),
                                                                         "第十四条")

    lifecycle.complete_change(change, actor=users["engineer"], completed_on=datetime.date(2026, 5, 15))

    vcpu = resource.components.filter(item=priced_items["vcpu"]).order_by("effective_from")
    assert [(c.quantity, c.effective_from, c.effective_to) for c in vcpu] == [
        (4, datetime.date(2026, 3, 2), datetime.date(2026, 5, 15)), (8, datetime.date(2026, 5, 15), None)]
    memory = resource.components.filter(item=priced_items["memory"])
    assert [(c.quantity, c.effective_to) for c in memory] == [(8, None)]
    change.refresh_from_db()
    assert change.status == ApplicationStatus.COMPLETED
    obligation.refresh_from_db()
    assert (obligation.status, obligation.met_on) == (ObligationStatus.MET, datetime.date(2026, 5, 15))


@pytest.mark.django_db
def test_change_only_by_the_assigned_provider(resource, users, orgs, priced_items):
    """第十四条: only the provider that serves the resource executes the change."""
    change = lifecycle.create_change_application(
        actor=users["applicant"], resource=resource, quantities={priced_items["vcpu"]: 8}, reason="扩容",
        today=datetime.date(2026, 5, 12))
    _approve(change, users, orgs, datetime.date(2026, 5, 13))

    with pytest.raises(PermissionDenied):
        lifecycle.complete_change(change, actor=users["other_engineer"], completed_on=datetime.date(2026, 5, 15))


@pytest.mark.django_db
def test_change_to_same_size_is_rejected(resource, users, priced_items):
    with pytest.raises(ValidationError):
        lifecycle.create_change_application(actor=users["applicant"], resource=resource,
                                            quantities={priced_items["vcpu"]: 4}, reason="无", today=DELIVERED_ON)


@pytest.mark.django_db
def test_outsider_department_cannot_apply_for_change(resource, users, priced_items):
    with pytest.raises(PermissionDenied):
        lifecycle.create_change_application(actor=users["outsider"], resource=resource,
                                            quantities={priced_items["vcpu"]: 8}, reason="无", today=DELIVERED_ON)


@pytest.mark.django_db
def test_exit_reclaimed_on_2026_06_10_ends_billing_that_day(resource, users, orgs):
    """第十五条: exit approved 2026-06-08, reclaimed 2026-06-10 within 2 working days; billing ends 2026-06-10."""
    exit_application = lifecycle.create_exit_application(actor=users["applicant"], resource=resource,
                                                         reason="系统注销", today=datetime.date(2026, 6, 5))
    assert sorted(exit_application.lines.values_list("item__code", "quantity")) == [("ECS-MEM", 8), ("ECS-VCPU", 4)]
    _approve(exit_application, users, orgs, datetime.date(2026, 6, 8))
    obligation = Obligation.objects.get(kind=ObligationKind.RECLAIM)
    assert (obligation.due_on, obligation.rule) == (datetime.date(2026, 6, 10), "第十五条")

    lifecycle.reclaim_for_exit(exit_application, actor=users["engineer"], reclaimed_on=datetime.date(2026, 6, 10))

    resource.refresh_from_db()
    assert resource.status == ResourceStatus.RECLAIMED
    assert resource.billing_ends_on == datetime.date(2026, 6, 10)
    assert set(resource.components.values_list("effective_to", flat=True)) == {datetime.date(2026, 6, 10)}
    assert [o.status for o in obligations_of(exit_application) if o.kind == ObligationKind.RECLAIM] == [
        ObligationStatus.MET]


@pytest.mark.django_db
def test_handover_recorded_by_provider_and_confirmed_by_department(resource, users, orgs):
    """第十五条: data and documents handed over and cleared, with the department's receipt."""
    exit_application = lifecycle.create_exit_application(actor=users["applicant"], resource=resource,
                                                         reason="系统迁出", today=datetime.date(2026, 6, 5))
    _approve(exit_application, users, orgs, datetime.date(2026, 6, 8))
    lifecycle.reclaim_for_exit(exit_application, actor=users["engineer"], reclaimed_on=datetime.date(2026, 6, 10))

    record = lifecycle.record_handover(exit_application, actor=users["engineer"], data_handover="数据库全量导出交使用部门",
                                       documents_handover="运维文档3份", clearing="磁盘三次覆写",
                                       cleared_on=datetime.date(2026, 6, 11))
    with pytest.raises(PermissionDenied):
        lifecycle.confirm_handover(record, actor=users["outsider"], confirmed_on=datetime.date(2026, 6, 12))
    lifecycle.confirm_handover(record, actor=users["applicant"], confirmed_on=datetime.date(2026, 6, 12))

    record.refresh_from_db()
    assert (record.status, record.confirmed_on) == (HandoverStatus.CONFIRMED, datetime.date(2026, 6, 12))


@pytest.mark.django_db
def test_handover_needs_the_reclaim_first(resource, users, orgs):
    exit_application = lifecycle.create_exit_application(actor=users["applicant"], resource=resource,
                                                         reason="系统迁出", today=datetime.date(2026, 6, 5))
    _approve(exit_application, users, orgs, datetime.date(2026, 6, 8))

    with pytest.raises(ValidationError):
        lifecycle.record_handover(exit_application, actor=users["engineer"], data_handover="x", documents_handover="",
                                  clearing="y", cleared_on=datetime.date(2026, 6, 9))


@pytest.mark.django_db
def test_billing_follows_change_and_stops_at_reclaim(resource, users, orgs, priced_items):
    """F5: billing reads the new size from the change date (第十四条) and no day from the reclaim date (第十五条)."""
    from govcloud.billing.engine import day_charges
    from govcloud.billing.records import history_of, load_price_book

    change = lifecycle.create_change_application(
        actor=users["applicant"], resource=resource, quantities={priced_items["vcpu"]: 8}, reason="扩容",
        today=datetime.date(2026, 5, 12))
    _approve(change, users, orgs, datetime.date(2026, 5, 13))
    lifecycle.complete_change(change, actor=users["engineer"], completed_on=datetime.date(2026, 5, 15))
    exit_application = lifecycle.create_exit_application(actor=users["applicant"], resource=resource,
                                                         reason="系统注销", today=datetime.date(2026, 6, 5))
    _approve(exit_application, users, orgs, datetime.date(2026, 6, 8))
    lifecycle.reclaim_for_exit(exit_application, actor=users["engineer"], reclaimed_on=datetime.date(2026, 6, 10))

    charges = list(day_charges(history_of(resource), load_price_book(), datetime.date(2026, 5, 14),
                               datetime.date(2026, 6, 11)))

    vcpu = {charge.day: charge.quantity for charge in charges if charge.item == "ECS-VCPU"}
    assert vcpu[datetime.date(2026, 5, 14)] == 4
    assert vcpu[datetime.date(2026, 5, 15)] == 8
    assert max(vcpu) == datetime.date(2026, 6, 9)


def test_second_open_application_for_a_resource_is_refused(users, orgs, system, priced_items):
    """第十四条, 第十五条: one change or exit at a time, so a resource being reclaimed is never resized."""
    application = provisioned(users, orgs, system, priced_items)
    confirmation = resource_services.submit_delivery_confirmation(application, actor=users["engineer"],
                                                                  credential_handover="当面移交")
    resource_services.confirm_delivery(confirmation, actor=users["reviewer"], confirmed_on=datetime.date(2026, 3, 4))
    resource = application.resources.get()
    change = lifecycle.create_change_application(actor=users["applicant"], resource=resource,
                                                 quantities={priced_items["vcpu"]: 8}, reason="扩容",
                                                 today=datetime.date(2026, 3, 5))

    with pytest.raises(ValidationError, match=change.number):
        lifecycle.create_exit_application(actor=users["applicant"], resource=resource, reason="注销",
                                          today=datetime.date(2026, 3, 5))
