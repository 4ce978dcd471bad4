"""Fixed organisations and users that tests share: an applicant department and an outsider
department, the management unit, finance, the authority and one provider."""

import datetime
from decimal import Decimal

import pytest

from govcloud.accounts.models import OrganisationKind, Role
from tests.factories import (
    CatalogItemFactory,
    FeeStandardFactory,
    OrganisationFactory,
    SystemFactory,
    UserFactory,
)


@pytest.fixture(autouse=True)
def _test_settings(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    # Password hashing at full strength costs about a second per user; tests do not need it.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def orgs(db):
    return {
        "management": OrganisationFactory(code="zfxxzx", name="长治市政府信息中心", kind=OrganisationKind.MANAGEMENT),
        "finance": OrganisationFactory(code="czj", name="长治市财政局", kind=OrganisationKind.FINANCE),
        "authority": OrganisationFactory(code="zwxxglj", name="长治市政务信息管理局", kind=OrganisationKind.AUTHORITY),
        "applicant": OrganisationFactory(code="jyj", name="长治市教育局", kind=OrganisationKind.DEPARTMENT),
        "outsider": OrganisationFactory(code="gaj", name="长治市公安局", kind=OrganisationKind.DEPARTMENT),
        "provider": OrganisationFactory(code="provider-a", name="示例云服务商甲", kind=OrganisationKind.PROVIDER),
        "other_provider": OrganisationFactory(code="provider-b", name="示例云服务商乙", kind=OrganisationKind.PROVIDER),
        "experts": OrganisationFactory(code="experts", name="政务云专家库", kind=OrganisationKind.EXPERT_PANEL),
    }


@pytest.fixture
def users(orgs):
    return {
        "applicant": UserFactory(username="applicant", role=Role.DEPARTMENT, organisation=orgs["applicant"]),
        "outsider": UserFactory(username="outsider", role=Role.DEPARTMENT, organisation=orgs["outsider"]),
        "reviewer": UserFactory(username="reviewer", role=Role.MANAGER, organisation=orgs["management"]),
        "finance": UserFactory(username="finance", role=Role.FINANCE, organisation=orgs["finance"]),
        "authority": UserFactory(username="authority", role=Role.AUTHORITY, organisation=orgs["authority"]),
        "engineer": UserFactory(username="engineer", role=Role.PROVIDER, organisation=orgs["provider"]),
        "other_engineer": UserFactory(username="other_engineer", role=Role.PROVIDER, organisation=orgs["other_provider"]),
        "expert": UserFactory(username="expert", role=Role.EXPERT, organisation=orgs["experts"]),
    }


@pytest.fixture
def priced_items(db):
    """Two priced catalog items: vCPU at 46.00 and memory at 17.00 yuan per unit and month."""
    vcpu = CatalogItemFactory(code="ECS-VCPU", name="云主机vCPU", unit="vCPU")
    memory = CatalogItemFactory(code="ECS-MEM", name="云主机内存", unit="GB")
    FeeStandardFactory(item=vcpu, unit_price=Decimal("46.00"), effective_from=datetime.date(2025, 1, 1))
    FeeStandardFactory(item=memory, unit_price=Decimal("17.00"), effective_from=datetime.date(2025, 1, 1))
    return {"vcpu": vcpu, "memory": memory}


@pytest.fixture
def system(orgs):
    return SystemFactory(department=orgs["applicant"], name="教育资源公共服务平台")
