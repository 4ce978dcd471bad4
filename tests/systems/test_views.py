"""Information system pages: a department reads only its own systems (第七条); city-wide roles see all."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from govcloud.systems.models import CloudStatus, InformationSystem, SystemKind
from tests.factories import SystemFactory


def test_department_list_shows_own_systems_only(client, users, orgs, system):
    SystemFactory(department=orgs["outsider"], name="治安管理系统")
    client.force_login(users["applicant"])

    response = client.get(reverse("systems:list"))

    assert [row.name for row in response.context["rows"]] == ["教育资源公共服务平台"]
    assert "progress" not in response.context
    assert "department" not in response.context["filter"].form.fields


@pytest.mark.parametrize("role", ["reviewer", "authority", "finance"])
def test_city_wide_roles_see_all_with_progress(client, users, orgs, system, role):
    SystemFactory(department=orgs["outsider"], name="治安管理系统", cloud_status=CloudStatus.ON_CLOUD)
    client.force_login(users[role])

    response = client.get(reverse("systems:list"))

    assert response.context["page_obj"].paginator.count == 2
    assert response.context["progress"]["city"]["on_cloud"] == 1
    assert b"migration-progress" in response.content


def test_filters_by_status_kind_level_department(client, users, orgs, system):
    SystemFactory(department=orgs["outsider"], name="甲", cloud_status=CloudStatus.ON_CLOUD, mlps_level=3,
                  kind=SystemKind.NEW)
    client.force_login(users["reviewer"])

    by_status = client.get(reverse("systems:list"), {"cloud_status": CloudStatus.ON_CLOUD}).context["rows"]
    by_level = client.get(reverse("systems:list"), {"mlps_level": 3, "kind": SystemKind.NEW}).context["rows"]
    by_department = client.get(reverse("systems:list"), {"department": orgs["applicant"].pk}).context["rows"]

    assert [row.name for row in by_status] == ["甲"]
    assert [row.name for row in by_level] == ["甲"]
    assert [row.name for row in by_department] == ["教育资源公共服务平台"]


def test_outsider_gets_404_on_detail_and_edit(client, users, system):
    client.force_login(users["outsider"])

    assert client.get(reverse("systems:detail", args=[system.pk])).status_code == 404
    assert client.get(reverse("systems:edit", args=[system.pk])).status_code == 404
    response = client.post(reverse("systems:edit", args=[system.pk]), {"name": "改名"})
    assert response.status_code == 404
    system.refresh_from_db()
    assert system.name == "教育资源公共服务平台"


def test_manager_reads_but_cannot_edit(client, users, system):
    client.force_login(users["reviewer"])

    assert client.get(reverse("systems:detail", args=[system.pk])).status_code == 200
    assert client.get(reverse("systems:edit", args=[system.pk])).status_code == 403


def test_provider_without_applications_sees_nothing(client, users, system):
    client.force_login(users["engineer"])

    assert client.get(reverse("systems:list")).status_code == 403


def test_department_registers_through_form_第四条(client, users):
    client.force_login(users["applicant"])
    form = {
        "name": "学籍管理系统", "contact_name": "王五", "contact_phone": "13700000000", "kind": SystemKind.BUILT,
        "mlps_level": 3, "cloud_status": CloudStatus.EXEMPT, "exemption_basis": "",
    }

    refused = client.post(reverse("systems:create"), form)
    assert refused.status_code == 200
    assert "不宜上云的系统须填写法律法规或政策的明确规定" in refused.content.decode()

    form["exemption_basis"] = "上级主管部门规定部署于专网"
    accepted = client.post(reverse("systems:create"), form)
    system = InformationSystem.objects.get(name="学籍管理系统")
    assert accepted.status_code == 302
    assert system.department == users["applicant"].organisation
    assert system.mlps_level == 3


def test_department_edits_own_system(client, users, system):
    client.force_login(users["applicant"])
    form = {
        "name": system.name, "contact_name": "赵六", "contact_phone": "13600000000", "kind": SystemKind.BUILT,
        "mlps_level": 2, "cloud_status": CloudStatus.ON_CLOUD, "shares_data_exchange": "on",
    }

    response = client.post(reverse("systems:edit", args=[system.pk]), form)

    assert response.status_code == 302
    system.refresh_from_db()
    assert (system.contact_name, system.cloud_status, system.shares_data_exchange) == ("赵六", CloudStatus.ON_CLOUD, True)


@pytest.mark.parametrize("role", ["applicant", "reviewer"])
def test_list_query_count_flat(client, users, orgs, role):
    client.force_login(users[role])

    def count_queries(rows):
        InformationSystem.objects.all().delete()
        for department in (orgs["applicant"], orgs["outsider"]):
            for number in range(rows):
                SystemFactory(department=department, name="系统%d" % number)
        with CaptureQueriesContext(connection) as context:
            assert client.get(reverse("systems:list")).status_code == 200
        return len(context.captured_queries)

    assert count_queries(3) == count_queries(30)
