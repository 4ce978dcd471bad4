"""Factories for the records most tests need: organisations, users, catalog items with prices, systems."""

import datetime
from decimal import Decimal

import factory

from govcloud.accounts.models import Organisation, OrganisationKind, Role, User
from govcloud.catalog.models import CatalogCategory, CatalogItem, FeeStandard
from govcloud.systems.models import CloudStatus, InformationSystem, SystemKind

TEST_PASSWORD = "Test-passw0rd!"


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: "org%d" % n)
    name = factory.Sequence(lambda n: "测试单位%d" % n)
    kind = OrganisationKind.DEPARTMENT


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: "user%d" % n)
    full_name = factory.Sequence(lambda n: "测试用户%d" % n)
    role = Role.DEPARTMENT
    organisation = factory.SubFactory(OrganisationFactory)
    password = factory.django.Password(TEST_PASSWORD)


class CategoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CatalogCategory
        django_get_or_create = ("name",)

    name = "计算服务"


class CatalogItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CatalogItem
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: "ITEM-%d" % n)
    category = factory.SubFactory(CategoryFactory)
    name = factory.Sequence(lambda n: "服务项%d" % n)
    unit = "个"


class FeeStandardFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FeeStandard

    item = factory.SubFactory(CatalogItemFactory)
    unit_price = Decimal("46.00")
    effective_from = datetime.date(2025, 1, 1)


class SystemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = InformationSystem

    department = factory.SubFactory(OrganisationFactory)
    name = factory.Sequence(lambda n: "测试系统%d" % n)
    contact_name = "张三"
    contact_phone = "13800000000"
    kind = SystemKind.BUILT
    mlps_level = 2
    cloud_status = CloudStatus.TO_MIGRATE
