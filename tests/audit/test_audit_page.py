"""The audit log page: the auditor, the management unit and the authority read it; nobody changes it."""

import datetime
import re
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from govcloud.accounts.models import Role
from govcloud.audit.models import AuditEvent, ChainCheck
from govcloud.audit.services import record_event
from govcloud.systems.models import CloudStatus
from tests.factories import UserFactory


@pytest.fixture
def auditor(orgs):
    return UserFactory(username="auditor", role=Role.AUDITOR, organisation=orgs["management"])


def _events(users, system, count):
    for number in range(count):
        actor = users["applicant"] if number % 2 else users["reviewer"]
        record_event("systems.updated" if number % 2 else "catalog.item_created", system, actor=actor,
                     now=timezone.make_aware(datetime.datetime(2026, 11, 1 + number % 28, 9, 0)))


def test_auditor_sees_events_and_intact_chain(client, users, system, auditor):
    _events(users, system, 4)
    client.force_login(auditor)

    response = client.get(reverse("audit:list"))

    assert response.status_code == 200
    assert response.context["broken_at"] is None
    assert response.context["page_obj"].paginator.count == 4
    assert "审计链完整" in response.content.decode()


def test_tampered_event_breaks_chain(client, users, system, auditor):
    _events(users, system, 3)
    second = AuditEvent.objects.order_by("pk")[1]
    AuditEvent.objects.filter(pk=second.pk).update(state_after="tampered")
    client.force_login(auditor)

    response = client.get(reverse("audit:list"))

    assert response.context["broken_at"].pk == second.pk
    assert "审计链在第 %d 号事件" % second.pk in response.content.decode()


def test_filters_action_actor_type_and_dates(client, users, system, auditor):
    _events(users, system, 6)
    client.force_login(auditor)
    url = reverse("audit:list")

    by_action = client.get(url, {"action": "systems.updated"}).context["page_obj"].paginator.count
    by_actor = client.get(url, {"actor": users["reviewer"].pk}).context["page_obj"].paginator.count
    by_type = client.get(url, {"object_type": "systems.informationsystem"}).context["page_obj"].paginator.count
    by_dates = client.get(url, {"occurred_from": "2026-11-02", "occurred_to": "2026-11-03"}).context["page_obj"]

    assert (by_action, by_actor, by_type) == (3, 3, 6)
    assert by_dates.paginator.count == 2


def test_page_is_read_only(client, users, auditor):
    client.force_login(auditor)

    assert client.post(reverse("audit:list"), {}).status_code == 405
    html = client.get(reverse("audit:list")).content.decode()
    post_actions = re.findall(r'<form method="post" action="([^"]*)"', html)

    assert html.count('method="post"') == len(post_actions)
    assert sorted(post_actions) == sorted([reverse("logout"), reverse("set_language")])


@pytest.mark.parametrize("role", ["applicant", "finance", "engineer"])
def test_closed_to_other_roles(client, users, role):
    client.force_login(users[role])

    assert client.get(reverse("audit:list")).status_code == 403


def test_query_count_flat(client, users, system, auditor):
    client.force_login(auditor)

    def count_queries(rows):
        ChainCheck.objects.all().delete()
        AuditEvent.objects.all().delete()
        _events(users, system, rows)
        client.get(reverse("audit:list"))  # the full check; the measured view verifies only newer events
        with CaptureQueriesContext(connection) as context:
            client.get(reverse("audit:list"))
        return len(context.captured_queries)

    assert count_queries(3) == count_queries(30)


def test_states_show_their_labels(client, users, system, auditor):
    record_event("systems.updated", system, actor=users["applicant"], before=CloudStatus.TO_MIGRATE, after=CloudStatus.ON_CLOUD)
    record_event("custom.thing", system, actor=users["applicant"], after="unknown_state")
    client.force_login(auditor)

    page = client.get(reverse("audit:list")).content.decode()

    assert "待迁移" in page
    assert "已上云" in page
    assert "unknown_state" in page


def test_object_type_choices_name_models(client, users, system, auditor):
    _events(users, system, 2)
    client.force_login(auditor)

    form = client.get(reverse("audit:list")).context["filter"].form

    assert ("systems.informationsystem", "政务信息系统") in [
        (value, str(label)) for value, label in form.fields["object_type"].choices]


def test_full_check_is_reused_until_it_is_old(client, users, system, auditor, settings):
    """A view after a recent full check verifies only newer events: a tampered newer event is found at once,
    a tampered older one at the next full check."""
    settings.AUDIT_CHAIN_CHECK_SECONDS = 600
    _events(users, system, 3)
    client.force_login(auditor)
    assert client.get(reverse("audit:list")).context["broken_at"] is None
    first = AuditEvent.objects.order_by("pk").first()
    AuditEvent.objects.filter(pk=first.pk).update(state_after="tampered")

    assert client.get(reverse("audit:list")).context["broken_at"] is None
    record_event("systems.updated", system, actor=users["applicant"])
    newest = AuditEvent.objects.order_by("-pk").first()
    AuditEvent.objects.filter(pk=newest.pk).update(state_after="tampered")
    assert client.get(reverse("audit:list")).context["broken_at"].pk == newest.pk

    ChainCheck.objects.update(checked_at=timezone.now() - datetime.timedelta(seconds=601))
    assert client.get(reverse("audit:list")).context["broken_at"].pk == first.pk


def test_verify_command_reports_in_chinese(users, system):
    _events(users, system, 2)
    out = StringIO()

    call_command("verify_audit_chain", stdout=out)
    assert "审计链完整（共校验 2 条事件）" in out.getvalue()

    AuditEvent.objects.filter(pk=AuditEvent.objects.order_by("pk").first().pk).update(action="x")
    with pytest.raises(CommandError) as raised:
        call_command("verify_audit_chain", stdout=StringIO())
    assert "审计链在第" in str(raised.value)
