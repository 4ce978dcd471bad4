"""Document downloads are scoped to who may see the record and each one is audited."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from govcloud.applications.dossier_models import MaterialKind
from govcloud.applications.materials import open_material_for_download, upload_material
from govcloud.applications.models import ApplicationStatus
from govcloud.audit.models import AuditEvent
from tests.factories import TEST_PASSWORD


def urls_for(delivered):
    application, delivery, review = delivered["application"], delivered["delivery"], delivered["review"]
    return [
        reverse("documents:application_form", kwargs={"pk": application.pk, "fmt": "docx"}),
        reverse("documents:requirements_form", kwargs={"pk": application.pk, "fmt": "docx"}),
        reverse("documents:delivery_confirmation", kwargs={"pk": delivery.pk, "fmt": "docx"}),
        reverse("documents:review_opinion", kwargs={"pk": review.pk, "fmt": "docx"}),
    ]


@pytest.mark.parametrize("username", ["applicant", "reviewer", "finance", "authority", "engineer"])
def test_parties_download(client, delivered, username):
    client.login(username=username, password=TEST_PASSWORD)

    for url in urls_for(delivered):
        response = client.get(url)
        assert response.status_code == 200, url
        assert response["Content-Disposition"].startswith("attachment;")
        assert response.content[:2] == b"PK"


@pytest.mark.parametrize("username", ["outsider", "other_engineer", "expert"])
def test_other_organisations_get_404(client, delivered, username):
    client.login(username=username, password=TEST_PASSWORD)

    for url in urls_for(delivered):
        assert client.get(url).status_code == 404, url
    assert not AuditEvent.objects.filter(action="document.downloaded").exists()


def test_download_audited(client, delivered, users):
    client.login(username="applicant", password=TEST_PASSWORD)
    url = reverse("documents:delivery_confirmation", kwargs={"pk": delivered["delivery"].pk, "fmt": "pdf"})

    response = client.get(url)

    assert response["Content-Type"] == "application/pdf"
    event = AuditEvent.objects.get(action="document.downloaded")
    assert event.actor == users["applicant"]
    assert event.object_type == "resources.deliveryconfirmation"
    assert event.object_id == str(delivered["delivery"].pk)
    assert event.details["document"] == "delivery-confirmation"
    assert event.details["format"] == "pdf"


def test_chinese_file_name(client, delivered):
    client.login(username="applicant", password=TEST_PASSWORD)
    url = reverse("documents:application_form", kwargs={"pk": delivered["application"].pk, "fmt": "pdf"})

    response = client.get(url)

    assert "filename*=utf-8''" in response["Content-Disposition"]
    assert "%E9%99%84%E4%BB%B62" in response["Content-Disposition"]  # 附件2


def test_unknown_format_is_404(client, delivered):
    client.login(username="reviewer", password=TEST_PASSWORD)

    assert client.get(reverse("documents:catalog", kwargs={"fmt": "pdf"})).status_code == 404
    form_as_excel = reverse("documents:application_form", kwargs={"pk": delivered["application"].pk, "fmt": "xlsx"})
    assert client.get(form_as_excel).status_code == 404


def test_catalog_download_for_every_role(client, delivered):
    client.login(username="outsider", password=TEST_PASSWORD)

    response = client.get(reverse("documents:catalog", kwargs={"fmt": "xlsx"}))

    assert response.status_code == 200
    assert AuditEvent.objects.get(action="document.downloaded").details["document"] == "catalog"


def test_anonymous_redirected_to_login(client, delivered):
    response = client.get(urls_for(delivered)[0])

    assert response.status_code == 302



def test_history_names_dossier_actions(client, delivered, users):
    """The application's history shows an upload and a download by their Chinese names, not their codes."""
    application = delivered["application"]
    application.status = ApplicationStatus.DRAFT
    application.save(update_fields=["status"])
    material = upload_material(application, actor=users["applicant"], kind=MaterialKind.OTHER,
                               uploaded_file=SimpleUploadedFile("a.pdf", b"%PDF-1.4\n"))
    open_material_for_download(material.pk, actor=users["applicant"])
    client.login(username="applicant", password=TEST_PASSWORD)

    history = client.get(reverse("applications:detail", args=[application.pk]),
                         HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode()

    assert "上传申请材料" in history
    assert "下载文书" in history
