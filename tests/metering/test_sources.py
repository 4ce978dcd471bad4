"""The management unit configures providers' Prometheus sources; nobody else may."""

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from govcloud.audit.models import AuditEvent
from govcloud.metering.models import PrometheusSource, SourceKind
from govcloud.metering.sources import save_prometheus_source


@pytest.mark.django_db
def test_manager_saves_source_with_audit(users, orgs):
    source = save_prometheus_source(actor=users["reviewer"], values={
        "provider": orgs["provider"], "name": "甲云监控", "base_url": "http://127.0.0.1:9",
        "cpu_query": "vm_cpu_usage_percent"})

    assert source.queries() == {"cpu": "vm_cpu_usage_percent"}
    assert AuditEvent.objects.filter(action="metering.prometheus_source_saved", object_id=str(source.pk)).exists()


@pytest.mark.django_db
def test_provider_cannot_save_source(users, orgs):
    with pytest.raises(PermissionDenied):
        save_prometheus_source(actor=users["engineer"], values={"provider": orgs["provider"], "name": "x",
                                                                "base_url": "http://127.0.0.1:9"})


@pytest.mark.django_db
def test_unreachable_source_records_rejected_run(client, users, orgs):
    """A Prometheus that does not answer leaves a rejected run with the reason, and no roll-up."""
    source = PrometheusSource.objects.create(provider=orgs["provider"], name="甲云监控",
                                             base_url="http://127.0.0.1:9", cpu_query="up", timeout_seconds=2)
    client.force_login(users["reviewer"])

    response = client.post(reverse("metering:source_pull", args=[source.pk]), follow=True)

    assert response.status_code == 200
    run = response.context["runs"][0]
    assert run.source_kind == SourceKind.PROMETHEUS
    assert run.problems
    source.refresh_from_db()
    assert source.last_pulled_through is None


@pytest.mark.django_db
def test_department_gets_403_on_sources(client, users):
    client.force_login(users["applicant"])

    assert client.get(reverse("metering:sources")).status_code == 403
