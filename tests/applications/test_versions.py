"""Every submission freezes a version of the form, its lines and its materials (C4, 第十条)."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from govcloud.applications.dossier_models import MaterialKind, VersionEvent
from govcloud.applications.materials import upload_material, withdraw_material
from govcloud.applications.versions import compare_versions, record_version
from tests.dossier_factories import make_application
from tests.factories import TEST_PASSWORD

PDF = b"%PDF-1.4\n%%EOF\n"


@pytest.fixture
def application(users, orgs, system, priced_items):
    return make_application(users=users, orgs=orgs, system=system, priced_items=priced_items)


def test_versions_keep_earlier_form_and_materials(application, users):
    letter = upload_material(application, actor=users["applicant"], kind=MaterialKind.APPLICATION_LETTER,
                             uploaded_file=SimpleUploadedFile("申请函.pdf", PDF))
    first = record_version(application, actor=users["applicant"], event=VersionEvent.SUBMITTED)

    application.reason = "补充：峰值并发2000"
    application.save()
    memory = application.lines.get(item__code="ECS-MEM")
    memory.quantity = 12
    memory.save()
    withdraw_material(letter, actor=users["applicant"])
    upload_material(application, actor=users["applicant"], kind=MaterialKind.APPLICATION_LETTER,
                    uploaded_file=SimpleUploadedFile("申请函（修订）.pdf", PDF + b" "))
    second = record_version(application, actor=users["applicant"], event=VersionEvent.RESUBMITTED)

    assert (first.number, second.number) == (1, 2)
    first.refresh_from_db()
    assert first.snapshot["form"]["reason"] == "教育资源平台迁移上云"
    assert [line["quantity"] for line in first.snapshot["lines"]] == [16, 4]

    form_rows, line_rows, material_rows = compare_versions(first, second)
    changed_form = [row for row in form_rows if row.changed]
    assert [(row.before, row.after) for row in changed_form] == [("教育资源平台迁移上云", "补充：峰值并发2000")]
    assert [(row.before, row.after) for row in line_rows if row.changed] == [(16, 12)]
    assert sorted((row.before, row.after) for row in material_rows) == [(False, True), (True, False)]


def test_version_page_side_by_side(client, application, users):
    record_version(application, actor=users["applicant"], event=VersionEvent.SUBMITTED)
    application.contact_phone = "13900002222"
    application.save()
    record_version(application, actor=users["applicant"], event=VersionEvent.RESUBMITTED)
    client.login(username="applicant", password=TEST_PASSWORD)

    body = client.get(reverse("dossier:versions", args=[application.pk]) + "?a=1&b=2").content.decode()

    assert "13900001111" in body
    assert "13900002222" in body
    assert body.count('data-changed="1"') == 1


def test_version_page_scoped(client, application, users):
    client.login(username="outsider", password=TEST_PASSWORD)

    assert client.get(reverse("dossier:versions", args=[application.pk])).status_code == 404


def test_return_and_resubmit_keep_both_versions(users, system, priced_items):
    """C4: the submitted version and the resubmitted one both remain after a return for supplement."""
    from govcloud.applications import services
    from tests import workflow

    application = workflow.submitted(users, system, priced_items)
    services.return_application(application, actor=users["reviewer"], opinion="请补充迁移方案")
    application.refresh_from_db()
    services.update_application(application, actor=users["applicant"], form={"reason": "补充迁移方案后重新提交"},
                                lines=[(priced_items["vcpu"], 4, ""), (priced_items["memory"], 12, "")])
    services.submit_application(application, actor=users["applicant"])

    versions = list(application.versions.order_by("number"))
    assert [(v.number, v.event) for v in versions] == [(1, VersionEvent.SUBMITTED), (2, VersionEvent.RESUBMITTED)]
    assert versions[0].snapshot["form"]["reason"] == "教育资源平台迁移上云"
    assert versions[1].snapshot["form"]["reason"] == "补充迁移方案后重新提交"
    _form, line_rows, _materials = compare_versions(*versions)
    assert [(row.before, row.after) for row in line_rows if row.changed] == [(8, 12)]
