"""Records for dossier and document tests, written straight to the database so that the tests
depend only on the models: an application with two lines, its review, filings and delivery."""

import datetime

from django.utils import timezone

from govcloud.applications.models import (
    Application,
    ApplicationLine,
    ApplicationStatus,
    Decision,
    Filing,
    Review,
    ReviewLine,
)
from govcloud.resources.models import (
    CloudResource,
    ConfirmationStatus,
    DeliveryConfirmation,
    ResourceComponent,
    ResourceStatus,
)


def make_application(*, users, orgs, system, priced_items, number="ZWY-2026-0001",
                     status=ApplicationStatus.DRAFT, vcpu=4, memory=16, **fields):
    """An application of the applicant department for 4 vCPU and 16 GB of memory."""
    application = Application.objects.create(
        number=number, department=orgs["applicant"], system=system, status=status,
        contact_name="李明", contact_phone="13900001111", contact_email="liming@example.cn",
        reason="教育资源平台迁移上云", funding_basis="长发改批〔2025〕12号", created_by=users["applicant"],
        wanted_on=datetime.date(2026, 12, 20), **fields,
    )
    ApplicationLine.objects.create(application=application, item=priced_items["vcpu"], quantity=vcpu, purpose="应用服务器")
    ApplicationLine.objects.create(application=application, item=priced_items["memory"], quantity=memory,
                                   purpose="应用服务器")
    return application


def approve_adjusted(application, *, users, orgs, memory=8, on=datetime.date(2026, 12, 1)):
    """Approve the application with memory cut to 8 GB and file the result with finance and the authority."""
    review = Review.objects.create(
        application=application, decision=Decision.APPROVE_ADJUSTED, opinion="同意上云，内存按实际负载核减。",
        reviewer=users["reviewer"], decided_at=timezone.now(), decided_on=on,
    )
    for line in application.lines.all():
        approved = memory if line.item.code == "ECS-MEM" else line.quantity
        ReviewLine.objects.create(review=review, line=line, approved_quantity=approved,
                                  reason="近三个月内存峰值不足8GB" if approved != line.quantity else "")
        line.approved_quantity = approved
        line.save(update_fields=["approved_quantity"])
    for recipient in (orgs["finance"], orgs["authority"]):
        Filing.objects.create(review=review, recipient=recipient, filed_at=timezone.now())
    application.status = ApplicationStatus.APPROVED
    application.provider = orgs["provider"]
    application.decided_on = on
    application.save(update_fields=["status", "provider", "decided_on"])
    return review


def deliver(application, *, users, orgs, confirmed_on=datetime.date(2026, 12, 3)):
    """Provision one cloud host of the approved size and confirm its delivery."""
    resource = CloudResource.objects.create(
        application=application, department=application.department, system=application.system,
        provider=orgs["provider"], name="edu-app-01", instance_id="i-0001", network_zone="extranet",
        ip_address="10.20.30.40", operating_system="麒麟V10", status=ResourceStatus.IN_SERVICE,
        provisioned_on=datetime.date(2026, 12, 2), billing_starts_on=confirmed_on, recorded_by=users["engineer"],
    )
    for line in application.lines.select_related("item"):
        ResourceComponent.objects.create(resource=resource, item=line.item, quantity=line.approved_quantity,
                                         application_line=line, effective_from=confirmed_on)
    delivery = DeliveryConfirmation.objects.create(
        application=application, department=application.department, provider=orgs["provider"],
        number="JF-2026-0001", status=ConfirmationStatus.CONFIRMED, credential_handover="线下当面移交纸质密码信封",
        submitted_by=users["engineer"], submitted_at=timezone.now(), confirmed_by=users["reviewer"],
        confirmed_on=confirmed_on,
    )
    application.status = ApplicationStatus.DELIVERED
    application.save(update_fields=["status"])
    return delivery
