"""List pages run a fixed number of queries however many rows they show (no query per row)."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from govcloud.resources import services as resource_services
from tests import workflow
from tests.factories import SystemFactory

pytestmark = pytest.mark.django_db


def _delivered(users, orgs, priced_items, index):
    system = SystemFactory(department=orgs["applicant"])
    application = workflow.provisioned(users, orgs, system, priced_items, day=datetime.date(2026, 3, 2),
                                       instance_id="ecs-%04d" % index)
    resource_services.record_service_agreement(application, actor=users["engineer"], number="XY-%d" % index,
                                               signed_on=datetime.date(2026, 3, 3), today=datetime.date(2026, 3, 3))
    confirmation = resource_services.submit_delivery_confirmation(application, actor=users["engineer"],
                                                                  credential_handover="当面移交")
    resource_services.confirm_delivery(confirmation, actor=users["reviewer"], confirmed_on=datetime.date(2026, 3, 5))


def _queries(client, url):
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context.captured_queries)


@pytest.mark.parametrize("url_name,username", [
    ("applications:list", "reviewer"),
    ("applications:list", "applicant"),
    ("resources:list", "reviewer"),
    ("deadlines:list", "reviewer"),
    ("applications:filings", "finance"),
    ("web:home", "reviewer"),
    ("web:home", "engineer"),
])
def test_list_page_queries_stay_flat(client, users, orgs, priced_items, url_name, username):
    client.force_login(users[username])
    url = reverse(url_name)

    for index in range(3):
        _delivered(users, orgs, priced_items, index)
    few = _queries(client, url)
    for index in range(3, 20):
        _delivered(users, orgs, priced_items, index)
    many = _queries(client, url)

    # A page may need one query fewer with more rows: linked records are fetched once per kind on the page.
    assert many <= few
