"""The application actions from draft to decision (第十条, 第十一条, 第十二条)."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from govcloud.applications import services
from govcloud.applications.models import ApplicationStatus, Decision, Filing
from govcloud.audit.models import AuditEvent
from govcloud.deadlines.models import Obligation, ObligationKind, ObligationStatus
from govcloud.systems.models import CloudStatus
from tests import workflow

pytestmark = pytest.mark.django_db


def test_draft_gets_number_and_lines(users, system, priced_items):
    application = workflow.draft(users, system, priced_items, now=workflow.at(datetime.date(2026, 3, 2)))

    assert application.number == "ZWY20260001"
    assert application.status == ApplicationStatus.DRAFT
    assert sorted((line.item.code, line.quantity) for line in application.lines.all()) == [
        ("ECS-MEM", 8), ("ECS-VCPU", 4)]


def test_second_draft_takes_next_number(users, system, priced_items):
    workflow.draft(users, system, priced_items, now=workflow.at(datetime.date(2026, 3, 2)))
    second = workflow.draft(users, system, priced_items, now=workflow.at(datetime.date(2026, 3, 3)))

    assert second.number == "ZWY20260002"


def test_outsider_department_cannot_apply_for_anothers_system(users, system, priced_items):
    with pytest.raises(PermissionDenied):
        services.create_application(actor=users["outsider"], system=system, form=workflow.FORM,
                                    lines=[(priced_items["vcpu"], 1, "")])


def test_retired_item_is_rejected(users, system, priced_items):
    priced_items["vcpu"].retired_on = datetime.date(2026, 1, 1)
    priced_items["vcpu"].save()

    with pytest.raises(ValidationError, match="ECS-VCPU"):
        workflow.draft(users, system, priced_items)


def test_submit_records_time_and_audit(users, system, priced_items):
    application = workflow.submitted(users, system, priced_items)

    assert application.status == ApplicationStatus.SUBMITTED
    event = AuditEvent.objects.filter(action="application.submitted").get()
    assert (event.state_before, event.state_after, event.actor) == ("draft", "submitted", users["applicant"])


def test_approval_opens_provisioning_due_two_working_days_later(users, orgs, system, priced_items):
    """第十二条: the provider provisions within 2 working days of the review opinion; 2026-03-02 is a Monday."""
    application = workflow.approved(users, orgs, system, priced_items, day=datetime.date(2026, 3, 2))

    obligation = Obligation.objects.get(kind=ObligationKind.PROVISION)
    assert obligation.subject == application
    assert obligation.owed_by == orgs["provider"]
    assert obligation.triggered_on == datetime.date(2026, 3, 2)
    assert obligation.due_on == datetime.date(2026, 3, 4)
    assert obligation.rule == "第十二条"
    assert not obligation.calendar_assumed


def test_approval_before_spring_festival_is_due_after_it(users, orgs, system, priced_items):
    """第十二条 and 民法典第二百零一条: an opinion on 2026-02-13 is due 2026-02-24 (02-14 is an adjusted working day)."""
    workflow.approved(users, orgs, system, priced_items, day=datetime.date(2026, 2, 13))

    assert Obligation.objects.get(kind=ObligationKind.PROVISION).due_on == datetime.date(2026, 2, 24)


def test_approval_before_national_day_2025_is_due_2025_10_10(users, orgs, system, priced_items):
    """第十二条: an opinion on 2025-09-30 skips the 2025-10-01..08 holiday and is due 2025-10-10."""
    workflow.approved(users, orgs, system, priced_items, day=datetime.date(2025, 9, 30))

    assert Obligation.objects.get(kind=ObligationKind.PROVISION).due_on == datetime.date(2025, 10, 10)


def test_approval_files_result_with_finance_and_authority(users, orgs, system, priced_items):
    """第十一条: the review result is filed with finance and the authority."""
    workflow.approved(users, orgs, system, priced_items)

    recipients = set(Filing.objects.values_list("recipient__code", flat=True))
    assert recipients == {"czj", "zwxxglj"}


def test_adjusted_approval_needs_reason_and_records_quantities(users, orgs, system, priced_items):
    application = workflow.submitted(users, system, priced_items)
    vcpu_line = application.lines.get(item__code="ECS-VCPU")

    with pytest.raises(ValidationError):
        services.approve_application(application, actor=users["reviewer"], opinion="核减", provider=orgs["provider"],
                                     adjustments={vcpu_line.pk: (2, "")})
    review = services.approve_application(application, actor=users["reviewer"], opinion="核减vCPU",
                                          provider=orgs["provider"], adjustments={vcpu_line.pk: (2, "利用率低")})

    assert review.decision == Decision.APPROVE_ADJUSTED
    vcpu_line.refresh_from_db()
    assert vcpu_line.approved_quantity == 2
    assert application.lines.get(item__code="ECS-MEM").approved_quantity == 8


def test_return_then_resubmit_then_reject_keeps_every_review(users, system, priced_items):
    application = workflow.submitted(users, system, priced_items)
    services.return_application(application, actor=users["reviewer"], opinion="请补充迁移方案")
    application.refresh_from_db()
    assert application.status == ApplicationStatus.RETURNED

    services.submit_application(application, actor=users["applicant"])
    services.reject_application(application, actor=users["reviewer"], opinion="不符合上云条件")
    application.refresh_from_db()

    assert application.status == ApplicationStatus.REJECTED
    assert list(application.reviews.order_by("pk").values_list("decision", flat=True)) == [
        Decision.RETURN, Decision.REJECT]
    assert Filing.objects.count() == 2
    assert not Obligation.objects.exists()


def test_department_cannot_decide(users, orgs, system, priced_items):
    application = workflow.submitted(users, system, priced_items)

    with pytest.raises(PermissionDenied):
        services.approve_application(application, actor=users["applicant"], opinion="同意", provider=orgs["provider"])


def test_decided_application_cannot_be_decided_again(users, orgs, system, priced_items):
    application = workflow.approved(users, orgs, system, priced_items)

    with pytest.raises(ValidationError):
        services.reject_application(application, actor=users["reviewer"], opinion="重复")


def test_opinion_is_required(users, orgs, system, priced_items):
    application = workflow.submitted(users, system, priced_items)

    with pytest.raises(ValidationError):
        services.return_application(application, actor=users["reviewer"], opinion="  ")


def test_filing_is_marked_read_once_by_its_recipient(users, orgs, system, priced_items):
    workflow.approved(users, orgs, system, priced_items)
    filing = Filing.objects.get(recipient=orgs["finance"])

    with pytest.raises(PermissionDenied):
        services.mark_filing_read(filing, actor=users["authority"])
    services.mark_filing_read(filing, actor=users["finance"])
    services.mark_filing_read(filing, actor=users["finance"])

    filing.refresh_from_db()
    assert filing.read_by == users["finance"]
    assert AuditEvent.objects.filter(action="filing.read").count() == 1


def test_withdraw_closes_nothing_and_blocks_review(users, system, priced_items):
    application = workflow.submitted(users, system, priced_items)
    services.withdraw_application(application, actor=users["applicant"])
    application.refresh_from_db()

    assert application.status == ApplicationStatus.WITHDRAWN
    assert not Obligation.objects.filter(status=ObligationStatus.OPEN).exists()


def test_approval_cannot_exceed_requested_quantity(users, orgs, system, priced_items):
    """第十一条: technical approval reduces what was asked for, never adds to it."""
    application = workflow.submitted(users, system, priced_items)
    vcpu_line = application.lines.get(item__code="ECS-VCPU")

    with pytest.raises(ValidationError, match="ECS-VCPU"):
        services.approve_application(application, actor=users["reviewer"], opinion="增加", provider=orgs["provider"],
                                     adjustments={vcpu_line.pk: (16, "按实际负载")})


def test_exempt_system_cannot_apply(users, system, priced_items):
    """第四条: a system exempt by law or policy from moving to the cloud gets no cloud resources."""
    system.cloud_status = CloudStatus.EXEMPT
    system.exemption_basis = "省级统一部署"
    system.save()

    with pytest.raises(ValidationError, match=system.name):
        workflow.draft(users, system, priced_items)


@pytest.mark.parametrize("months", [0, 121])
def test_period_of_use_out_of_range_is_rejected(users, system, priced_items, months):
    with pytest.raises(ValidationError):
        services.create_application(actor=users["applicant"], system=system,
                                    form=dict(workflow.FORM, period_months=months),
                                    lines=[(priced_items["vcpu"], 1, "")])


@pytest.mark.parametrize("phone", ["abc", "12", "0355-12a4567"])
def test_contact_phone_must_be_a_number(users, system, priced_items, phone):
    with pytest.raises(ValidationError):
        services.create_application(actor=users["applicant"], system=system,
                                    form=dict(workflow.FORM, contact_phone=phone),
                                    lines=[(priced_items["vcpu"], 1, "")])


@pytest.mark.parametrize("phone", ["13900000000", "0355-2345678", "+86 139 0000 0000"])
def test_contact_phone_accepts_usual_forms(users, system, priced_items, phone):
    application = services.create_application(actor=users["applicant"], system=system,
                                              form=dict(workflow.FORM, contact_phone=phone),
                                              lines=[(priced_items["vcpu"], 1, "")])

    assert application.contact_phone == phone
