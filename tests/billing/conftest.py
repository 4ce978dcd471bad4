"""Billing fixtures: confirmed resources with a size history, built directly on the models."""

import datetime
import itertools
from decimal import Decimal

import pytest

from govcloud.applications.models import Application, ApplicationLine, ApplicationStatus
from govcloud.resources.models import CloudResource, ResourceComponent, ResourceStatus
from tests.factories import CatalogItemFactory, FeeStandardFactory

_numbers = itertools.count(1)


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    # The shared fixtures create eight users per test; the default hasher would dominate the run time.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def ecs_items(db):
    """ECS-4C8G at 1,000.00 and ECS-8C16G at 2,000.00 yuan a month from 2026-01-01."""
    small = CatalogItemFactory(code="ECS-4C8G", name="云主机4核8G", unit="台")
    large = CatalogItemFactory(code="ECS-8C16G", name="云主机8核16G", unit="台")
    FeeStandardFactory(item=small, unit_price=Decimal("1000.00"), effective_from=datetime.date(2026, 1, 1))
    FeeStandardFactory(item=large, unit_price=Decimal("2000.00"), effective_from=datetime.date(2026, 1, 1))
    return {"small": small, "large": large}


@pytest.fixture
def make_resource(orgs, users, system):
    """Build a confirmed resource: components are (item, quantity, effective_from, effective_to)."""

    def build(components, *, starts, ends=None, department=None, provider=None, resource_system=None):
        number = next(_numbers)
        department = department or orgs["applicant"]
        application = Application.objects.create(
            number="SQ-T-%04d" % number, department=department, system=resource_system or system,
            provider=provider or orgs["provider"], status=ApplicationStatus.DELIVERED, contact_name="张三",
            contact_phone="13800000000", reason="测试", created_by=users["applicant"],
        )
        resource = CloudResource.objects.create(
            application=application, department=department, system=resource_system or system,
            provider=provider or orgs["provider"], name="vm-%d" % number, instance_id="i-%06d" % number,
            network_zone="extranet", status=ResourceStatus.RECLAIMED if ends else ResourceStatus.IN_SERVICE,
            provisioned_on=starts, billing_starts_on=starts, billing_ends_on=ends, recorded_by=users["engineer"],
        )
        for item, quantity, effective_from, effective_to in components:
            line, _created = ApplicationLine.objects.get_or_create(
                application=application, item=item, defaults={"quantity": quantity})
            ResourceComponent.objects.create(resource=resource, item=item, quantity=quantity, application_line=line,
                                             effective_from=effective_from, effective_to=effective_to)
        return resource

    return build
