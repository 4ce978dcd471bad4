"""Paper applications (第十条 线上和线下): recorded by the management unit, marked offline everywhere."""

import io

import docx
import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from govcloud.applications import services
from govcloud.applications.dossier_models import Material, MaterialKind
from govcloud.applications.models import Application, ApplicationStatus
from govcloud.applications.offline import record_offline_application
from govcloud.audit.models import AuditEvent
from tests import workflow
from tests.factories import TEST_PASSWORD

SCAN = b"%PDF-1.4\n% scanned letter\n%%EOF\n"


def record(users, system, priced_items, letter=SCAN):
    return record_offline_application(
        actor=users["reviewer"], system=system, form=workflow.FORM,
        lines=[(priced_items["vcpu"], 4, ""), (priced_items["memory"], 8, "")],
        scanned_letter=SimpleUploadedFile("申请函扫描件.pdf", letter),
    )


def test_manager_records_paper_application_article_10(users, system, priced_items):
    application = record(users, system, priced_items)

    assert application.is_offline
    assert application.department == system.department
    assert application.created_by == users["reviewer"]
    letter = Material.objects.get(application=application)
    assert letter.kind == MaterialKind.APPLICATION_LETTER
    assert letter.original_name == "申请函扫描件.pdf"
    assert AuditEvent.objects.filter(action="application.recorded_offline").count() == 1


def test_department_cannot_record_offline(users, system, priced_items):
    with pytest.raises(PermissionDenied):
        record_offline_application(actor=users["applicant"], system=system, form=workflow.FORM,
                                   lines=[(priced_items["vcpu"], 4, "")],
                                   scanned_letter=SimpleUploadedFile("a.pdf", SCAN))


def test_bad_letter_records_nothing(users, system, priced_items):
    with pytest.raises(ValidationError):
        record(users, system, priced_items, letter=b"MZ\x90\x00" * 10)

    assert not Application.objects.exists()


def test_manager_completes_and_submits_offline(users, system, priced_items):
    application = record(users, system, priced_items)
    workflow.complete_dossier(application, users["reviewer"])

    with pytest.raises(PermissionDenied):
        services.submit_application(application, actor=users["applicant"])
    services.submit_application(application, actor=users["reviewer"])

    application.refresh_from_db()
    assert application.status == ApplicationStatus.SUBMITTED
    assert application.versions.get().snapshot["form"]["is_offline"] is True


def test_offline_marked_on_pages_and_form(client, users, system, priced_items):
    application = record(users, system, priced_items)
    client.login(username="applicant", password=TEST_PASSWORD)

    listing = client.get(reverse("applications:list"), HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode()
    materials = client.get(reverse("dossier:materials", args=[application.pk])).content.decode()
    form = client.get(reverse("documents:application_form", kwargs={"pk": application.pk, "fmt": "docx"}))

    row = listing[listing.index(application.number):][:400]
    assert "线下" in row
    assert 'data-testid="offline-badge"' in materials
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(form.content)).paragraphs)
    assert "线下申请" in text


def test_offline_page_records_application(client, users, system, priced_items):
    client.login(username="reviewer", password=TEST_PASSWORD)

    response = client.post(reverse("dossier:offline_create"), {
        "system": system.pk, "contact_name": "李四", "contact_phone": "13900000000", "reason": "纸质申请",
        "network_zone": "extranet", "period_months": 12,
        "lines-TOTAL_FORMS": 3, "lines-INITIAL_FORMS": 0, "lines-MIN_NUM_FORMS": 0, "lines-MAX_NUM_FORMS": 30,
        "lines-0-item": priced_items["vcpu"].pk, "lines-0-quantity": 4,
        "letter": SimpleUploadedFile("申请函.pdf", SCAN),
    })

    application = Application.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("dossier:materials", args=[application.pk])
    assert application.is_offline
