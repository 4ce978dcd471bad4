"""Registering information systems (第四条, 第七条, 第二十一条) and migration progress (第五条)."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from govcloud.accounts.models import OrganisationKind
from govcloud.audit.models import AuditEvent
from govcloud.deadlines.models import ObligationKind
from govcloud.deadlines.services import open_obligation
from govcloud.systems.models import CloudStatus, SystemKind
from govcloud.systems.services import migration_progress, register_system, update_system
from tests.factories import OrganisationFactory, SystemFactory

TODAY = datetime.date(2026, 12, 4)


def _values(**overrides):
    values = {
        "name": "教育督导管理系统", "contact_name": "李四", "contact_phone": "13900000000", "kind": SystemKind.BUILT,
        "mlps_level": 2, "cloud_status": CloudStatus.TO_MIGRATE, "shares_data_exchange": True,
    }
    values.update(overrides)
    return values


def test_department_registers_own_system_第七条(users, orgs):
    system = register_system(actor=users["applicant"], department=orgs["applicant"], **_values())

    assert system.department == orgs["applicant"]
    assert system.shares_data_exchange is True
    assert AuditEvent.objects.filter(action="systems.registered", object_id=str(system.pk)).exists()


@pytest.mark.parametrize("role", ["outsider", "reviewer", "finance", "engineer"])
def test_nobody_registers_for_another_department_第七条(users, orgs, role):
    with pytest.raises(PermissionDenied):
        register_system(actor=users[role], department=orgs["applicant"], **_values())


def test_exempt_requires_legal_basis_第四条(users, orgs):
    """第四条: only systems a law, regulation or policy keeps off the cloud are exempt, so the basis is required."""
    with pytest.raises(ValidationError) as raised:
        register_system(actor=users["applicant"], department=orgs["applicant"],
                        **_values(cloud_status=CloudStatus.EXEMPT, exemption_basis=" "))

    assert "exemption_basis" in raised.value.message_dict
    assert "法律法规或政策" in raised.value.message_dict["exemption_basis"][0]


def test_exempt_with_basis_is_kept_第四条(users, orgs):
    system = register_system(actor=users["applicant"], department=orgs["applicant"],
                             **_values(cloud_status=CloudStatus.EXEMPT, exemption_basis="涉及国家秘密的规定"))

    assert system.exemption_basis == "涉及国家秘密的规定"


def test_basis_cleared_when_not_exempt_第四条(users, orgs):
    system = register_system(actor=users["applicant"], department=orgs["applicant"],
                             **_values(cloud_status=CloudStatus.EXEMPT, exemption_basis="某规定"))

    system = update_system(system, actor=users["applicant"], cloud_status=CloudStatus.TO_MIGRATE)

    assert system.exemption_basis == ""
    event = AuditEvent.objects.get(action="systems.updated")
    assert (event.state_before, event.state_after) == (CloudStatus.EXEMPT, CloudStatus.TO_MIGRATE)


@pytest.mark.parametrize("level", [0, 5])
def test_mlps_level_one_to_four(users, orgs, level):
    with pytest.raises(ValidationError) as raised:
        register_system(actor=users["applicant"], department=orgs["applicant"], **_values(mlps_level=level))

    assert "mlps_level" in raised.value.message_dict


def test_duplicate_name_in_department_rejected(users, orgs, system):
    with pytest.raises(ValidationError) as raised:
        register_system(actor=users["applicant"], department=orgs["applicant"], **_values(name=system.name))

    assert "name" in raised.value.message_dict


def test_outsider_cannot_update_第七条(users, system):
    with pytest.raises(PermissionDenied):
        update_system(system, actor=users["outsider"], name="改名")


def test_migration_progress_per_department_and_city_第五条(orgs):
    """第五条 推动全市政务信息系统迁移上云: education has 2 on the cloud, 1 to migrate, 1 exempt → 2 of 3 due (67 %);
    the county has 1 to migrate; the city has 5 systems, 2 of 4 due on the cloud (50 %)."""
    county = OrganisationFactory(code="luzhou", name="潞州区人民政府", kind=OrganisationKind.COUNTY)
    for status in (CloudStatus.ON_CLOUD, CloudStatus.ON_CLOUD, CloudStatus.TO_MIGRATE, CloudStatus.EXEMPT):
        SystemFactory(department=orgs["applicant"], cloud_status=status)
    SystemFactory(department=county, cloud_status=CloudStatus.TO_MIGRATE)

    progress = migration_progress(TODAY)

    rows = {row["department"].code: row for row in progress["departments"]}
    assert set(rows) == {"jyj", "luzhou"}
    assert (rows["jyj"]["on_cloud"], rows["jyj"]["to_migrate"], rows["jyj"]["exempt"]) == (2, 1, 1)
    assert rows["jyj"]["share_on_cloud"] == 67
    assert rows["luzhou"]["share_on_cloud"] == 0
    assert (progress["city"]["total"], progress["city"]["on_cloud"]) == (5, 2)
    assert progress["city"]["share_on_cloud"] == 50
    assert (rows["jyj"]["overdue"], progress["city"]["overdue"]) == (0, 0)


def test_overdue_migration_counted_第十三条(orgs):
    """第十三条: migration and testing end 30 working days after confirmation. Confirmed on Friday 2026-10-09:
    Saturday 10-10 is an adjusted working day (1), then five full weeks from 10-12 to 11-13 (26), then
    11-16 to 11-19 (30). So the deadline is 2026-11-19: not overdue on that day, overdue from 11-20."""
    system = SystemFactory(department=orgs["applicant"], cloud_status=CloudStatus.TO_MIGRATE)
    obligation = open_obligation(ObligationKind.MIGRATION, system, owed_by=orgs["applicant"],
                                 department=orgs["applicant"], triggered_on=datetime.date(2026, 10, 9))

    assert obligation.due_on == datetime.date(2026, 11, 19)
    assert migration_progress(datetime.date(2026, 11, 19))["city"]["overdue"] == 0
    progress = migration_progress(datetime.date(2026, 11, 20))
    assert progress["departments"][0]["overdue"] == 1
    assert progress["city"]["overdue"] == 1
