"""Helpers that walk an application through the services, for tests that need it in a later state."""

import datetime
import zoneinfo

from django.core.files.uploadedfile import SimpleUploadedFile

from govcloud.applications import services as application_services
from govcloud.applications.materials import missing_kinds, upload_material
from govcloud.resources import services as resource_services

SHANGHAI = zoneinfo.ZoneInfo("Asia/Shanghai")

FORM = {
    "contact_name": "李四",
    "contact_phone": "13900000000",
    "reason": "教育资源平台迁移上云",
    "network_zone": "extranet",
    "period_months": 12,
}


def at(day, hour=10):
    """Return an aware datetime on a local date in Asia/Shanghai."""
    return datetime.datetime(day.year, day.month, day.day, hour, tzinfo=SHANGHAI)


def draft(users, system, priced_items, vcpu=4, memory=8, now=None):
    lines = [(priced_items["vcpu"], vcpu, "应用服务器"), (priced_items["memory"], memory, "应用服务器")]
    return application_services.create_application(
        actor=users["applicant"], system=system, form=FORM, lines=lines, now=now
    )


def complete_dossier(application, actor):
    """Upload a one-page PDF for every material 第十条 requires and the application still lacks."""
    for kind in missing_kinds(application):
        scan = SimpleUploadedFile("%s.pdf" % kind, b"%PDF-1.4\n% " + kind.encode() + b"\n%%EOF\n")
        upload_material(application, actor=actor, kind=kind, uploaded_file=scan)


def submitted(users, system, priced_items, day=datetime.date(2026, 3, 2)):
    application = draft(users, system, priced_items, now=at(day, 9))
    complete_dossier(application, users["applicant"])
    return application_services.submit_application(application, actor=users["applicant"], now=at(day, 9))


def approved(users, orgs, system, priced_items, day=datetime.date(2026, 3, 2), adjustments=None):
    application = submitted(users, system, priced_items, day)
    application_services.approve_application(
        application, actor=users["reviewer"], opinion="同意", provider=orgs["provider"],
        adjustments=adjustments, now=at(day, 15),
    )
    application.refresh_from_db()
    return application


def provisioned(users, orgs, system, priced_items, day=datetime.date(2026, 3, 2), instance_id="ecs-0001"):
    application = approved(users, orgs, system, priced_items, day)
    lines = {line.item.code: line for line in application.lines.all()}
    resource_services.record_provisioned_resource(
        application, actor=users["engineer"],
        details={"name": "edu-app-01", "instance_id": instance_id, "ip_address": "10.1.2.3",
                 "operating_system": "openEuler 22.03"},
        quantities={lines["ECS-VCPU"].pk: lines["ECS-VCPU"].approved_quantity,
                    lines["ECS-MEM"].pk: lines["ECS-MEM"].approved_quantity},
        provisioned_on=day,
    )
    resource_services.complete_provisioning(application, actor=users["engineer"], completed_on=day)
    application.refresh_from_db()
    return application
