"""The change and exit pages: the department drafts from the resource, the provider completes, both sign the handover."""

import datetime
import zoneinfo

import pytest
import time_machine
from django.urls import reverse

from govcloud.applications import services as application_services
from govcloud.applications.models import Application, ApplicationKind, ApplicationStatus
from govcloud.metering.models import HandoverRecord, HandoverStatus
from govcloud.resources import services as resource_services
from govcloud.resources.models import ResourceStatus
from tests.workflow import provisioned

SHANGHAI = zoneinfo.ZoneInfo("Asia/Shanghai")


@pytest.fixture
def resource(users, orgs, system, priced_items):
    application = provisioned(users, orgs, system, priced_items)
    confirmation = resource_services.submit_delivery_confirmation(
        application, actor=users["engineer"], credential_handover="线下当面交接")
    resource_services.confirm_delivery(confirmation, actor=users["reviewer"], confirmed_on=datetime.date(2026, 3, 4))
    return application.resources.get()


def _approve(application, users, orgs):
    application_services.submit_application(application, actor=users["applicant"])
    application_services.approve_application(application, actor=users["reviewer"], opinion="同意",
                                             provider=orgs["provider"])


@pytest.mark.django_db
@time_machine.travel(datetime.datetime(2026, 5, 13, 10, tzinfo=SHANGHAI), tick=False)
def test_change_page_drafts_and_provider_completes(client, resource, users, orgs, priced_items):
    """第十四条 through the pages: 4 → 8 vCPU drafted by the department, completed by the provider."""
    client.force_login(users["applicant"])
    form = {"reason": "业务量增长", "item_%d" % priced_items["vcpu"].pk: 8, "item_%d" % priced_items["memory"].pk: 8}

    response = client.post(reverse("metering:apply_change", args=[resource.pk]), form)

    change = Application.objects.get(kind=ApplicationKind.CHANGE)
    assert response["Location"] == reverse("applications:detail", args=[change.pk])
    assert sorted(change.lines.values_list("item__code", "quantity")) == [("ECS-MEM", 8), ("ECS-VCPU", 8)]
    _approve(change, users, orgs)
    client.force_login(users["engineer"])
    client.post(reverse("metering:complete", args=[change.pk]), {"day": "2026-05-15"})
    change.refresh_from_db()
    assert change.status == ApplicationStatus.COMPLETED
    assert resource.components.get(item=priced_items["vcpu"], effective_to=None).quantity == 8


@pytest.mark.django_db
@time_machine.travel(datetime.datetime(2026, 6, 8, 10, tzinfo=SHANGHAI), tick=False)
def test_exit_pages_through_handover_receipt(client, resource, users, orgs):
    """第十五条 through the pages: exit drafted, reclaimed, handover recorded and confirmed."""
    client.force_login(users["applicant"])
    client.post(reverse("metering:apply_exit", args=[resource.pk]), {"reason": "系统注销"})
    exit_application = Application.objects.get(kind=ApplicationKind.EXIT)
    _approve(exit_application, users, orgs)
    client.force_login(users["engineer"])

    client.post(reverse("metering:complete", args=[exit_application.pk]), {"day": "2026-06-10"})
    client.post(reverse("metering:handover_new", args=[exit_application.pk]), {
        "data_handover": "数据库导出", "documents_handover": "", "clearing": "磁盘覆写", "cleared_on": "2026-06-11"})
    client.force_login(users["applicant"])
    record = HandoverRecord.objects.get()
    client.post(reverse("metering:handover_confirm", args=[record.pk]))

    resource.refresh_from_db()
    assert resource.status == ResourceStatus.RECLAIMED
    assert resource.billing_ends_on == datetime.date(2026, 6, 10)
    record.refresh_from_db()
    assert record.status == HandoverStatus.CONFIRMED


@pytest.mark.django_db
def test_provider_cannot_apply_for_change(client, resource, users):
    client.force_login(users["engineer"])

    assert client.get(reverse("metering:apply_change", args=[resource.pk])).status_code == 403
