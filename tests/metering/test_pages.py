"""Utilization pages: what each organisation may read, and query counts that stay flat as rows grow."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from govcloud.metering.models import (
    DailyRollup,
    FindingKind,
    FlagDirection,
    Metric,
    RationalityFinding,
    SourceKind,
    UtilizationFlag,
)
from govcloud.notifications.services import send_message
from govcloud.resources.models import CloudResource
from tests.factories import SystemFactory
from tests.metering.helpers import make_resource


def _resources(orgs, users, priced_items, count, department="applicant"):
    system = SystemFactory(department=orgs[department])
    made = []
    start = CloudResource.objects.count()
    for number in range(start, start + count):
        resource = make_resource(department=orgs[department], provider=orgs["provider"], system=system,
                                 user=users["engineer"], items=priced_items,
                                 instance_id="%s-%03d" % (department, number))
        DailyRollup.objects.create(resource=resource, day=datetime.date.today() - datetime.timedelta(days=1),
                                   metric=Metric.CPU, mean=10, p95=20, maximum=30, samples=288,
                                   source_kind=SourceKind.FILE)
        UtilizationFlag.objects.create(resource=resource, department=resource.department, provider=resource.provider,
                                       metric=Metric.CPU, direction=FlagDirection.LOW, window_start=datetime.date(2026, 5, 1),
                                       window_end=datetime.date(2026, 5, 7), threshold=50,
                                       evidence=[{"day": "2026-05-07", "p95": 20}], raised_on=datetime.date(2026, 5, 8))
        RationalityFinding.objects.create(resource=resource, department=resource.department,
                                          provider=resource.provider, kind=FindingKind.IDLE,
                                          found_on=datetime.date(2026, 5, 8))
        send_message(orgs[department], "消息%d" % number)
        made.append(resource)
    return made


LIST_PAGES = ("metering:flags", "metering:findings", "metering:overview", "metering:work", "metering:handovers",
              "notifications:list")


@pytest.mark.django_db
@pytest.mark.parametrize("url_name", LIST_PAGES)
def test_list_page_query_count_flat(client, orgs, users, priced_items, url_name):
    client.force_login(users["applicant"])
    _resources(orgs, users, priced_items, 3)
    with CaptureQueriesContext(connection) as few:
        assert client.get(reverse(url_name)).status_code == 200
    _resources(orgs, users, priced_items, 27)

    with CaptureQueriesContext(connection) as many:
        assert client.get(reverse(url_name)).status_code == 200

    assert len(many) <= len(few)


@pytest.mark.django_db
def test_other_department_gets_404_on_resource_and_system(client, orgs, users, priced_items):
    """A department gets 404 for another department's utilization."""
    resource = _resources(orgs, users, priced_items, 1)[0]
    client.force_login(users["outsider"])

    assert client.get(reverse("metering:resource", args=[resource.pk])).status_code == 404
    assert client.get(reverse("metering:system", args=[resource.system_id])).status_code == 404
    assert client.get(reverse("metering:apply_exit", args=[resource.pk])).status_code == 404


@pytest.mark.django_db
def test_lists_hide_other_departments(client, orgs, users, priced_items):
    _resources(orgs, users, priced_items, 2)
    _resources(orgs, users, priced_items, 1, department="outsider")
    client.force_login(users["outsider"])

    flags = client.get(reverse("metering:flags"))
    overview = client.get(reverse("metering:overview"))

    assert list(flags.context["page_obj"]) == list(UtilizationFlag.objects.filter(department=orgs["outsider"]))
    assert [row["department"] for row in overview.context["rows"]] == [orgs["outsider"]]
    assert len(client.get(reverse("notifications:list")).context["page_obj"]) == 1


@pytest.mark.django_db
def test_resource_page_draws_thresholds(client, orgs, users, priced_items):
    """第十四条: the chart draws the 50 % and 85 % lines from policy."""
    resource = _resources(orgs, users, priced_items, 1)[0]
    client.force_login(users["applicant"])

    page = client.get(reverse("metering:resource", args=[resource.pk]))

    markline = page.context["charts"][0]["option"]["series"][0]["markLine"]["data"]
    assert [line["yAxis"] for line in markline] == [50.0, 85.0]
    assert b"echarts.min.js" in page.content


@pytest.mark.django_db
def test_message_marked_read_by_own_organisation(client, orgs, users):
    message = send_message(orgs["applicant"], "请提交变更申请", link="/metering/")
    client.force_login(users["outsider"])
    assert client.post(reverse("notifications:read", args=[message.pk])).status_code == 404
    client.force_login(users["applicant"])

    response = client.post(reverse("notifications:read", args=[message.pk]))

    message.refresh_from_db()
    assert response.status_code == 302
    assert response["Location"] == "/metering/"
    assert message.read_by == users["applicant"]


def test_chart_marks_size_change_day():
    """第十四条: the day a change took effect is drawn as a vertical line; a day outside the chart is not."""
    from types import SimpleNamespace

    from govcloud.metering.charts import resource_chart

    rollups = [SimpleNamespace(metric=Metric.CPU, day=datetime.date(2026, 5, day), mean=10.0, p95=20.0, maximum=30.0)
               for day in (14, 15, 16)]

    charts = resource_chart(rollups, 50, 85, change_days=[datetime.date(2026, 5, 15), datetime.date(2026, 6, 1)])

    lines = charts[0]["option"]["series"][0]["markLine"]["data"]
    assert [line.get("xAxis") for line in lines] == [None, None, "2026-05-15"]


@pytest.mark.django_db
def test_department_todo_counts_open_flags_and_messages(client, orgs, users, priced_items):
    """第十四条: the department's to-do shows the flags that still need a change application."""
    from govcloud.deadlines.todo import todo_for

    _resources(orgs, users, priced_items, 2)

    todo = todo_for(users["applicant"], datetime.date(2026, 5, 11))
    with translation.override("en"):
        actions = {str(action.label): action.count for action in todo.actions}

    assert actions["Utilization flags awaiting a change application"] == 2
    assert actions["Unread messages"] == 2
