"""Safe uploads of 第十条 materials: real files made here, identified by content, size-limited, names cleaned."""

import io
import zipfile

import docx
import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from govcloud.applications.dossier_models import FileType, Material, MaterialKind
from govcloud.applications.materials import upload_material
from govcloud.applications.uploads import check_upload, clean_file_name
from tests.dossier_factories import make_application
from tests.factories import TEST_PASSWORD


def real_pdf():
    from weasyprint import HTML

    return HTML(string="<p>迁移技术方案</p>").write_pdf()


def real_docx():
    document = docx.Document()
    document.add_paragraph("系统迁移（部署）技术方案")
    output = io.BytesIO()
    document.save(output)
    return output.getvalue()


def renamed_executable():
    # A DOS/PE header: "MZ", the DOS stub message and a PE signature, as a Windows program starts.
    stub = b"MZ" + b"\x90\x00" * 29 + b"\x80\x00\x00\x00" + b"This program cannot be run in DOS mode.\r\n$"
    return stub.ljust(0x80, b"\x00") + b"PE\x00\x00" + b"\x00" * 200


def zip_bomb_docx(unpacked_bytes):
    """A .docx-shaped archive whose one extra entry unpacks to unpacked_bytes of zeros."""
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
        with archive.open("word/media/padding.bin", "w", force_zip64=True) as entry:
            chunk = b"\x00" * (1024 * 1024)
            for _ in range(unpacked_bytes // len(chunk)):
                entry.write(chunk)
    return output.getvalue()


@pytest.fixture
def application(users, orgs, system, priced_items):
    return make_application(users=users, orgs=orgs, system=system, priced_items=priced_items)


def test_real_pdf_accepted(application, users):
    material = upload_material(application, actor=users["applicant"], kind=MaterialKind.MIGRATION_PLAN,
                               uploaded_file=SimpleUploadedFile("方案.pdf", real_pdf()))

    assert material.file_type == FileType.PDF
    assert material.original_name == "方案.pdf"


def test_real_docx_accepted(application, users):
    material = upload_material(application, actor=users["applicant"], kind=MaterialKind.MIGRATION_PLAN,
                               uploaded_file=SimpleUploadedFile("方案.docx", real_docx()))

    assert material.file_type == FileType.DOCX


def test_pdf_renamed_docx_stored_as_pdf():
    checked = check_upload(SimpleUploadedFile("方案.docx", real_pdf()))

    assert checked.file_type == FileType.PDF
    assert checked.clean_name == "方案.pdf"


def test_renamed_executable_rejected(application, users):
    with translation.override("zh-hans"), pytest.raises(ValidationError) as raised:
        upload_material(application, actor=users["applicant"], kind=MaterialKind.APPLICATION_LETTER,
                        uploaded_file=SimpleUploadedFile("申请函.pdf", renamed_executable()))

    assert raised.value.code == "file_type"
    assert "不是 PDF、Word、Excel、OFD 或图片文件" in raised.value.messages[0]
    assert Material.objects.count() == 0


def test_oversized_file_rejected(application, users, settings):
    settings.UPLOAD_MAX_FILE_BYTES = 1024 * 1024
    big = real_pdf() + b"%" + b"0" * (1024 * 1024)

    with translation.override("zh-hans"), pytest.raises(ValidationError) as raised:
        upload_material(application, actor=users["applicant"], kind=MaterialKind.APPLICATION_LETTER,
                        uploaded_file=SimpleUploadedFile("申请函.pdf", big))

    assert raised.value.code == "too_large"
    assert "单个文件不得超过 1 MB" in raised.value.messages[0]


def test_application_total_limit(application, users, settings):
    settings.UPLOAD_MAX_APPLICATION_BYTES = 1024 * 1024
    half = real_pdf() + b"%" + b"0" * (600 * 1024)
    upload_material(application, actor=users["applicant"], kind=MaterialKind.APPLICATION_LETTER,
                    uploaded_file=SimpleUploadedFile("a.pdf", half))

    with pytest.raises(ValidationError) as raised:
        upload_material(application, actor=users["applicant"], kind=MaterialKind.APPLICATION_FORM,
                        uploaded_file=SimpleUploadedFile("b.pdf", half))

    assert raised.value.code == "application_too_large"
    assert Material.objects.count() == 1


def test_zip_bomb_docx_rejected(application, users, settings):
    # 120 MB of zeros packed into about 120 KB: over the default 100 MB unpacked limit.
    bomb = zip_bomb_docx(120 * 1024 * 1024)
    assert len(bomb) < settings.UPLOAD_MAX_FILE_BYTES

    with translation.override("zh-hans"), pytest.raises(ValidationError) as raised:
        upload_material(application, actor=users["applicant"], kind=MaterialKind.MIGRATION_PLAN,
                        uploaded_file=SimpleUploadedFile("方案.docx", bomb))

    assert raised.value.code == "archive_size"
    assert "压缩炸弹" in raised.value.messages[0]


def test_archive_with_too_many_entries_rejected(settings):
    settings.UPLOAD_ARCHIVE_MAX_ENTRIES = 50
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
        for index in range(60):
            archive.writestr("xl/worksheets/sheet%d.xml" % index, "<sheet/>")

    with pytest.raises(ValidationError) as raised:
        check_upload(SimpleUploadedFile("表.xlsx", output.getvalue()))

    assert raised.value.code == "archive_entries"


@pytest.mark.parametrize("given, cleaned", [
    ("../../etc/passwd.pdf", "passwd.pdf"),
    ("C:\\Users\\张三\\桌面\\申请函.pdf", "申请函.pdf"),
    ("..\\..\\方案.docx", "方案.docx"),
    ("/", "file"),
    ("a\x00b<>:|?*.pdf", "ab.pdf"),
])
def test_file_name_cleaned(given, cleaned):
    assert clean_file_name(given) == cleaned


def test_path_separator_name_cleaned_on_upload(application, users, settings):
    material = upload_material(application, actor=users["applicant"], kind=MaterialKind.APPLICATION_LETTER,
                               uploaded_file=SimpleUploadedFile("../../../tmp/申请函.pdf", real_pdf()))

    assert material.original_name == "申请函.pdf"
    assert material.file.path.startswith(str(settings.MEDIA_ROOT))


def test_rejected_upload_page_keeps_dossier(client, application, users):
    """A rejected file shows its Chinese error and leaves the materials already uploaded in place."""
    upload_material(application, actor=users["applicant"], kind=MaterialKind.APPLICATION_LETTER,
                    uploaded_file=SimpleUploadedFile("申请函.pdf", real_pdf()))
    client.login(username="applicant", password=TEST_PASSWORD)

    response = client.post(reverse("dossier:materials", args=[application.pk]), {
        "kind": MaterialKind.MIGRATION_PLAN, "file": SimpleUploadedFile("方案.docx", renamed_executable()),
    }, HTTP_ACCEPT_LANGUAGE="zh-hans")

    assert response.status_code == 200
    assert "不是 PDF、Word、Excel、OFD 或图片文件" in response.content.decode()
    assert list(Material.objects.values_list("original_name", flat=True)) == ["申请函.pdf"]


def test_material_download_scoped(client, application, users):
    material = upload_material(application, actor=users["applicant"], kind=MaterialKind.APPLICATION_LETTER,
                               uploaded_file=SimpleUploadedFile("申请函.pdf", real_pdf()))
    url = reverse("dossier:material_download", args=[material.pk])

    client.login(username="outsider", password=TEST_PASSWORD)
    assert client.get(url).status_code == 404

    client.login(username="applicant", password=TEST_PASSWORD)
    response = client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF-")
    assert response["Content-Type"] == "application/pdf"


def test_ofd_accepted_plain_zip_rejected():
    ofd, plain = io.BytesIO(), io.BytesIO()
    with zipfile.ZipFile(ofd, "w") as archive:
        archive.writestr("OFD.xml", "<ofd:OFD/>")
        archive.writestr("Doc_0/Document.xml", "<ofd:Document/>")
    with zipfile.ZipFile(plain, "w") as archive:
        archive.writestr("setup.exe", renamed_executable())

    assert check_upload(SimpleUploadedFile("公文.ofd", ofd.getvalue())).file_type == FileType.OFD
    with pytest.raises(ValidationError):
        check_upload(SimpleUploadedFile("方案.docx", plain.getvalue()))


def test_png_scan_accepted_truncated_png_rejected():
    from PIL import Image

    output = io.BytesIO()
    Image.new("RGB", (40, 30), "white").save(output, format="PNG")

    assert check_upload(SimpleUploadedFile("扫描.png", output.getvalue())).file_type == FileType.PNG
    with pytest.raises(ValidationError):
        check_upload(SimpleUploadedFile("扫描.png", output.getvalue()[:20]))
