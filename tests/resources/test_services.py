"""Provisioning, the service agreement and the delivery confirmation (第十二条, 第十三条)."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from govcloud.applications.models import ApplicationStatus
from govcloud.deadlines.models import Obligation, ObligationKind, ObligationStatus
from govcloud.resources import services
from govcloud.resources.models import AgreementStatus, CloudResource, ResourceStatus
from tests import workflow

pytestmark = pytest.mark.django_db


def _lines(application):
    return {line.item.code: line for line in application.lines.all()}


def test_provisioning_cannot_exceed_approved_quantity(users, orgs, system, priced_items):
    application = workflow.approved(users, orgs, system, priced_items)
    vcpu = _lines(application)["ECS-VCPU"]

    with pytest.raises(ValidationError, match="ECS-VCPU"):
        services.record_provisioned_resource(
            application, actor=users["engineer"], details={"name": "a", "instance_id": "i-1"},
            quantities={vcpu.pk: 5}, provisioned_on=datetime.date(2026, 3, 3))
    assert not CloudResource.objects.exists()


def test_only_the_assigned_provider_provisions(users, orgs, system, priced_items):
    application = workflow.approved(users, orgs, system, priced_items)
    vcpu = _lines(application)["ECS-VCPU"]

    with pytest.raises(PermissionDenied):
        services.record_provisioned_resource(
            application, actor=users["other_engineer"], details={"name": "a", "instance_id": "i-1"},
            quantities={vcpu.pk: 4}, provisioned_on=datetime.date(2026, 3, 3))


def test_completion_needs_every_approved_quantity(users, orgs, system, priced_items):
    application = workflow.approved(users, orgs, system, priced_items)
    vcpu = _lines(application)["ECS-VCPU"]
    services.record_provisioned_resource(
        application, actor=users["engineer"], details={"name": "a", "instance_id": "i-1"},
        quantities={vcpu.pk: 4}, provisioned_on=datetime.date(2026, 3, 3))

    with pytest.raises(ValidationError, match="ECS-MEM × 8"):
        services.complete_provisioning(application, actor=users["engineer"], completed_on=datetime.date(2026, 3, 3))


def test_provisioning_on_time_meets_the_obligation(users, orgs, system, priced_items):
    """第十二条: approved 2026-03-02, provisioned 2026-03-02, due 2026-03-04: met, not late."""
    application = workflow.provisioned(users, orgs, system, priced_items, day=datetime.date(2026, 3, 2))

    obligation = Obligation.objects.get(kind=ObligationKind.PROVISION)
    assert application.status == ApplicationStatus.PROVISIONED
    assert obligation.status == ObligationStatus.MET
    assert obligation.met_on == datetime.date(2026, 3, 2)
    assert not obligation.is_late(datetime.date(2026, 3, 10))


def test_agreement_signed_before_national_day_is_due_2026_10_08(users, orgs, system, priced_items):
    """第十二条 with 民法典第二百零三条: 2026-09-28 + 7 days is 10-05, a holiday, so filing is due 2026-10-08."""
    application = workflow.provisioned(users, orgs, system, priced_items, day=datetime.date(2026, 9, 25))

    agreement = services.record_service_agreement(application, actor=users["engineer"], number="XY-2026-01",
                                                  signed_on=datetime.date(2026, 9, 28),
                                                  today=datetime.date(2026, 9, 28))

    obligation = Obligation.objects.get(kind=ObligationKind.AGREEMENT_FILING)
    assert obligation.subject == agreement
    assert obligation.due_on == datetime.date(2026, 10, 8)
    assert obligation.limit == 7
    assert not obligation.limit_in_workdays


def test_filing_the_agreement_meets_the_obligation(users, orgs, system, priced_items):
    application = workflow.provisioned(users, orgs, system, priced_items)
    agreement = services.record_service_agreement(application, actor=users["engineer"], number="XY-1",
                                                  signed_on=datetime.date(2026, 3, 3), today=datetime.date(2026, 3, 3))

    services.file_service_agreement(agreement, actor=users["engineer"], filed_on=datetime.date(2026, 3, 12))

    agreement.refresh_from_db()
    obligation = Obligation.objects.get(kind=ObligationKind.AGREEMENT_FILING)
    assert agreement.status == AgreementStatus.FILED
    assert obligation.due_on == datetime.date(2026, 3, 10)
    assert obligation.is_late(datetime.date(2026, 3, 12))


def test_confirmed_delivery_starts_billing_that_day(users, orgs, system, priced_items):
    """第十三条: billing starts on the day the management unit confirms the delivery."""
    application = workflow.provisioned(users, orgs, system, priced_items)
    confirmation = services.submit_delivery_confirmation(application, actor=users["applicant"],
                                                         credential_handover="密码信封当面移交")

    services.confirm_delivery(confirmation, actor=users["reviewer"], confirmed_on=datetime.date(2026, 3, 10))

    resource = CloudResource.objects.get()
    application.refresh_from_db()
    assert resource.status == ResourceStatus.IN_SERVICE
    assert resource.billing_starts_on == datetime.date(2026, 3, 10)
    assert application.status == ApplicationStatus.DELIVERED
    migration = Obligation.objects.get(kind=ObligationKind.MIGRATION)
    assert migration.owed_by == orgs["applicant"]
    # 第十三条: 30 working days after 2026-03-10: 15 in March (11-13, 16-20, 23-27, 30-31), then April 1-3,
    # 7-10 (Qingming rests 04-04..06), 13-17 and 20-22, so the 30th is 2026-04-22.
    assert migration.due_on == datetime.date(2026, 4, 22)


def test_delivery_needs_full_provisioning_and_a_handover_note(users, orgs, system, priced_items):
    application = workflow.approved(users, orgs, system, priced_items)

    with pytest.raises(ValidationError):
        services.submit_delivery_confirmation(application, actor=users["applicant"], credential_handover="当面移交")


def test_outsider_department_cannot_submit_delivery(users, orgs, system, priced_items):
    application = workflow.provisioned(users, orgs, system, priced_items)

    with pytest.raises(PermissionDenied):
        services.submit_delivery_confirmation(application, actor=users["outsider"], credential_handover="当面移交")


def test_only_management_confirms(users, orgs, system, priced_items):
    application = workflow.provisioned(users, orgs, system, priced_items)
    confirmation = services.submit_delivery_confirmation(application, actor=users["engineer"],
                                                         credential_handover="短信发送初始密码提示")

    with pytest.raises(PermissionDenied):
        services.confirm_delivery(confirmation, actor=users["applicant"], confirmed_on=datetime.date(2026, 3, 10))


def test_delivery_of_an_unpriced_item_waits_for_finance(users, orgs, system, priced_items):
    """第六条, 第十三条: billing starts on confirmation, so finance must have priced every delivered item."""
    application = workflow.provisioned(users, orgs, system, priced_items)
    priced_items["memory"].fee_standards.all().delete()
    confirmation = services.submit_delivery_confirmation(application, actor=users["applicant"],
                                                         credential_handover="当面移交")

    with pytest.raises(ValidationError, match="ECS-MEM"):
        services.confirm_delivery(confirmation, actor=users["reviewer"], confirmed_on=datetime.date(2026, 3, 10))
    assert CloudResource.objects.get().billing_starts_on is None


def test_provisioning_date_must_be_between_opinion_and_today(users, orgs, system, priced_items):
    application = workflow.approved(users, orgs, system, priced_items, day=datetime.date(2026, 3, 2))
    vcpu = _lines(application)["ECS-VCPU"]

    for day in (datetime.date(2026, 3, 1), datetime.date(2026, 3, 10)):
        with pytest.raises(ValidationError):
            services.record_provisioned_resource(
                application, actor=users["engineer"], details={"name": "a", "instance_id": "i-1"},
                quantities={vcpu.pk: 4}, provisioned_on=day, now=workflow.at(datetime.date(2026, 3, 3)))
    assert not CloudResource.objects.exists()


def test_agreement_number_is_unique(users, orgs, system, priced_items):
    first = workflow.provisioned(users, orgs, system, priced_items, instance_id="ecs-a")
    second = workflow.provisioned(users, orgs, system, priced_items, instance_id="ecs-b")
    services.record_service_agreement(first, actor=users["engineer"], number="XY-1",
                                      signed_on=datetime.date(2026, 3, 3), today=datetime.date(2026, 3, 3))

    with pytest.raises(ValidationError, match="XY-1"):
        services.record_service_agreement(second, actor=users["engineer"], number="XY-1",
                                          signed_on=datetime.date(2026, 3, 3), today=datetime.date(2026, 3, 3))
