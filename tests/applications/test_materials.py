"""The materials checklist of 第十条 and its guard on submission."""

import io

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from govcloud.applications.dossier_models import MaterialKind
from govcloud.applications.materials import (
    checklist,
    ensure_dossier_complete,
    missing_kinds,
    required_kinds,
    upload_material,
    withdraw_material,
)
from govcloud.applications.models import ApplicationKind, ApplicationStatus
from govcloud.audit.models import AuditEvent
from govcloud.systems.models import SystemKind
from tests.dossier_factories import make_application

# 第十条 (一) and (三) apply to every new application; (二) depends on the system's kind.
ALWAYS = [
    MaterialKind.APPLICATION_LETTER,
    MaterialKind.APPLICATION_FORM,
    MaterialKind.REQUIREMENTS_FORM,
    MaterialKind.MIGRATION_PLAN,
]


def pdf_file(name="材料.pdf"):
    return SimpleUploadedFile(name, b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n", "application/pdf")


@pytest.fixture
def application(users, orgs, system, priced_items):
    return make_application(users=users, orgs=orgs, system=system, priced_items=priced_items)


def test_built_system_checklist_article_10(application):
    """第十条 (二): an already built system brings approval, plan, contract, acceptance, MLPS filing and report."""
    application.system.kind = SystemKind.BUILT

    assert list(required_kinds(application)) == [
        MaterialKind.APPLICATION_LETTER,
        MaterialKind.APPLICATION_FORM,
        MaterialKind.REQUIREMENTS_FORM,
        MaterialKind.PROJECT_APPROVAL,
        MaterialKind.CONSTRUCTION_PLAN,
        MaterialKind.CONSTRUCTION_CONTRACT,
        MaterialKind.COMPLETION_ACCEPTANCE,
        MaterialKind.MLPS_FILING,
        MaterialKind.MLPS_ASSESSMENT,
        MaterialKind.MIGRATION_PLAN,
    ]


def test_new_system_checklist_article_10(application):
    """第十条 (二): a newly built system brings approval, plan and contract; MLPS papers follow after completion."""
    application.system.kind = SystemKind.NEW

    kinds = list(required_kinds(application))

    assert kinds == ALWAYS[:3] + [
        MaterialKind.PROJECT_APPROVAL, MaterialKind.CONSTRUCTION_PLAN, MaterialKind.CONSTRUCTION_CONTRACT,
    ] + ALWAYS[3:]
    assert MaterialKind.MLPS_FILING not in kinds
    assert MaterialKind.COMPLETION_ACCEPTANCE not in kinds


def test_promoted_system_checklist_article_10(application):
    """第十条 (二): a system deployed from a higher authority brings its promotion document or policy basis."""
    application.system.kind = SystemKind.PROMOTED

    assert list(required_kinds(application)) == ALWAYS[:3] + [MaterialKind.PROMOTION_DOCUMENT] + ALWAYS[3:]


@pytest.mark.parametrize("kind", [ApplicationKind.CHANGE, ApplicationKind.EXIT])
def test_change_and_exit_need_no_article_10_papers(application, kind):
    """第十四条, 第十五条: a change or exit is filed from the resource's record; 第十条's list is for new resources."""
    application.kind = kind

    assert list(required_kinds(application)) == []


def test_submission_blocked_names_missing_in_chinese_article_10(application, users):
    """第十条: the guard names every missing material in Chinese, and passes once each has a file."""
    application.system.kind = SystemKind.PROMOTED
    application.system.save()
    for kind in (MaterialKind.APPLICATION_LETTER, MaterialKind.APPLICATION_FORM, MaterialKind.REQUIREMENTS_FORM):
        upload_material(application, actor=users["applicant"], kind=kind, uploaded_file=pdf_file())

    with translation.override("zh-hans"), pytest.raises(ValidationError) as raised:
        ensure_dossier_complete(application)

    message = raised.value.messages[0]
    assert "应用推广文件或相关政策依据" in message
    assert "系统迁移（部署）技术方案" in message
    assert "申请函" not in message
    assert "第十条" in message

    for kind in (MaterialKind.PROMOTION_DOCUMENT, MaterialKind.MIGRATION_PLAN):
        upload_material(application, actor=users["applicant"], kind=kind, uploaded_file=pdf_file())
    ensure_dossier_complete(application)
    assert missing_kinds(application) == []


def test_withdrawn_material_counts_as_missing(application, users):
    material = upload_material(application, actor=users["applicant"], kind=MaterialKind.APPLICATION_LETTER,
                               uploaded_file=pdf_file("申请函.pdf"))

    withdraw_material(material, actor=users["applicant"])

    assert MaterialKind.APPLICATION_LETTER in missing_kinds(application)
    material.refresh_from_db()
    assert material.file.storage.exists(material.file.name)


def test_checklist_lists_optional_material_after_required(application, users):
    upload_material(application, actor=users["applicant"], kind=MaterialKind.OTHER, uploaded_file=pdf_file())

    entries = checklist(application)

    assert entries[-1].kind == MaterialKind.OTHER
    assert entries[-1].required is False
    assert len(entries[-1].materials) == 1


def test_upload_writes_audit_event(application, users):
    material = upload_material(application, actor=users["applicant"], kind=MaterialKind.APPLICATION_LETTER,
                               uploaded_file=pdf_file())

    event = AuditEvent.objects.get(action="material.uploaded")
    assert event.object_id == str(application.pk)
    assert event.details["sha256"] == material.sha256


def test_other_department_cannot_upload(application, users):
    with pytest.raises(PermissionDenied):
        upload_material(application, actor=users["outsider"], kind=MaterialKind.APPLICATION_LETTER,
                        uploaded_file=pdf_file())


def test_submitted_application_materials_frozen(application, users):
    application.status = ApplicationStatus.SUBMITTED
    application.save()

    with pytest.raises(ValidationError):
        upload_material(application, actor=users["applicant"], kind=MaterialKind.APPLICATION_LETTER,
                        uploaded_file=pdf_file())


def test_material_stored_outside_static_under_media(application, users, settings):
    material = upload_material(application, actor=users["applicant"], kind=MaterialKind.APPLICATION_LETTER,
                               uploaded_file=pdf_file("../../申请函.pdf"))

    path = material.file.path
    assert path.startswith(str(settings.MEDIA_ROOT))
    assert material.original_name == "申请函.pdf"
    assert "申请函" not in path
    assert io.open(path, "rb").read().startswith(b"%PDF-")


def test_submit_service_blocked_until_complete_article_10(users, system, priced_items):
    """第十条: submit_application refuses an incomplete dossier and accepts it once every file is there."""
    from govcloud.applications import services
    from tests import workflow

    application = workflow.draft(users, system, priced_items)

    with translation.override("zh-hans"), pytest.raises(ValidationError) as raised:
        services.submit_application(application, actor=users["applicant"])
    assert "竣工验收意见书" in raised.value.messages[0]
    application.refresh_from_db()
    assert application.status == ApplicationStatus.DRAFT

    workflow.complete_dossier(application, users["applicant"])
    services.submit_application(application, actor=users["applicant"])
    application.refresh_from_db()
    assert application.status == ApplicationStatus.SUBMITTED


def test_detail_page_names_missing_materials(client, application, users):
    client.login(username="applicant", password="Test-passw0rd!")

    body = client.get(reverse("applications:detail", args=[application.pk]),
                      HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode()

    assert 'data-testid="missing-summary"' in body
    assert "网络安全等级保护测评报告" in body
    assert 'data-testid="annex2-pdf"' in body
