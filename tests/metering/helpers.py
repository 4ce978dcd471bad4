"""Records the metering tests need: an in-service resource with a vCPU and a memory component."""

import datetime
import itertools

from govcloud.applications.models import Application, ApplicationKind, ApplicationLine, ApplicationStatus
from govcloud.resources.models import CloudResource, ResourceComponent, ResourceStatus

TRACE_DIR = "govcloud/metering/data/bitbrains-gwa-t-12-rnd/2013-8"
_numbers = itertools.count(1)


def trace_path(vm):
    return "%s/%s.csv.gz" % (TRACE_DIR, vm)


def make_resource(*, department, provider, system, user, items, instance_id, vcpu=4, memory_gb=8,
                  since=datetime.date(2026, 1, 5)):
    """Create a delivered application and an in-service resource of vcpu × vCPU and memory_gb × GB."""
    application = Application.objects.create(
        number="SQ-T-%04d" % next(_numbers), kind=ApplicationKind.NEW, status=ApplicationStatus.DELIVERED,
        department=department, system=system, provider=provider, contact_name="张三", contact_phone="13800000000",
        reason="业务上云", created_by=user,
    )
    resource = CloudResource.objects.create(
        application=application, department=department, system=system, provider=provider,
        name="主机-%s" % instance_id, instance_id=instance_id, network_zone="extranet",
        status=ResourceStatus.IN_SERVICE, provisioned_on=since, billing_starts_on=since, recorded_by=user,
    )
    for item, quantity in ((items["vcpu"], vcpu), (items["memory"], memory_gb)):
        line = ApplicationLine.objects.create(application=application, item=item, quantity=quantity,
                                              approved_quantity=quantity)
        ResourceComponent.objects.create(resource=resource, item=item, quantity=quantity, application_line=line,
                                         effective_from=since)
    return resource
