"""Catalog import and export as Excel (附件1): a round trip, and row-level Chinese errors that import nothing."""

import datetime
import io

import openpyxl
import pytest
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from govcloud.audit.models import AuditEvent
from govcloud.catalog.excel import CatalogImportError, export_catalog, import_catalog
from govcloud.catalog.models import BillingPeriod, CatalogItem
from tests.factories import TEST_PASSWORD, CategoryFactory


def exported_workbook():
    with translation.override("zh-hans"):
        content = export_catalog(datetime.date(2026, 12, 4))
    return openpyxl.load_workbook(io.BytesIO(content))


def as_file(workbook):
    output = io.BytesIO()
    workbook.save(output)
    output.seek(0)
    return output


def test_export_lists_items_with_prices(priced_items):
    sheet = exported_workbook().active

    assert sheet["A1"].value == "附件1 政务云服务目录"
    assert [cell.value for cell in sheet[3]][:7] == ["目录编码", "类别", "服务项目", "规格", "计量单位", "计费周期", "单价（元）"]
    rows = {row[0]: row for row in sheet.iter_rows(min_row=4, values_only=True)}
    assert rows["ECS-VCPU"][6] == 46.0
    assert rows["ECS-MEM"][5] == "按月"


@pytest.fixture
def storage_category(db):
    return CategoryFactory(name="存储服务")


def test_round_trip_updates_and_adds(priced_items, users, storage_category):
    workbook = exported_workbook()
    sheet = workbook.active
    sheet["C5"] = "云主机vCPU（通用型）"  # row 4 is ECS-MEM: the catalog sorts by code
    sheet.append(["OBS-STD", "存储服务", "对象存储", "标准存储", "GB", "按月", None, None])

    with translation.override("zh-hans"):
        result = import_catalog(as_file(workbook), actor=users["reviewer"])

    assert (result.created, result.updated) == (1, 2)
    assert CatalogItem.objects.get(code="ECS-VCPU").name == "云主机vCPU（通用型）"
    added = CatalogItem.objects.get(code="OBS-STD")
    assert added.category.name == "存储服务"
    assert added.billing_period == BillingPeriod.MONTH
    assert AuditEvent.objects.get(action="catalog.imported").details == {"created": 1, "updated": 2}


def test_bad_rows_reported_and_nothing_imported(priced_items, users, storage_category):
    """Each bad row is named with its row number in Chinese, and the good rows are not imported either."""
    workbook = exported_workbook()
    sheet = workbook.active
    sheet.append(["NEW-OK", "存储服务", "对象存储", "", "GB", "按月"])       # row 6: fine
    sheet.append(["NEW-BAD", "存储服务", "", "", "GB", "按周"])             # row 7: no name, bad period
    sheet.append(["ECS-VCPU", "计算服务", "重复", "", "vCPU", "按月"])       # row 8: duplicate code

    with translation.override("zh-hans"), pytest.raises(CatalogImportError) as raised:
        import_catalog(as_file(workbook), actor=users["reviewer"])

    messages = raised.value.messages
    assert "第7行：“服务项目”未填写。" in messages
    assert any(message.startswith("第7行：计费周期“按周”不是") for message in messages)
    assert "第8行：编码 ECS-VCPU 与第5行重复。" in messages
    assert len(messages) == 3
    assert not CatalogItem.objects.filter(code="NEW-OK").exists()


def test_file_without_header_rejected(priced_items, users):
    workbook = openpyxl.Workbook()
    workbook.active.append(["随便", "什么"])

    with translation.override("zh-hans"), pytest.raises(CatalogImportError) as raised:
        import_catalog(as_file(workbook), actor=users["reviewer"])

    assert "未找到含有" in raised.value.messages[0]


def test_only_management_unit_imports(priced_items, users):
    with pytest.raises(PermissionDenied):
        import_catalog(as_file(exported_workbook()), actor=users["finance"])


def test_import_page_shows_row_errors(client, priced_items, users):
    workbook = exported_workbook()
    workbook.active.append(["X-1", "", "名称", "", "个", "按月"])
    client.login(username="reviewer", password=TEST_PASSWORD)

    response = client.post(reverse("catalog_excel:import"), {
        "workbook": SimpleUploadedFile("目录.xlsx", as_file(workbook).getvalue()),
    }, HTTP_ACCEPT_LANGUAGE="zh-hans")

    assert response.status_code == 200
    body = response.content.decode()
    assert "未导入任何数据" in body
    assert "“类别”未填写。" in body
    assert not CatalogItem.objects.filter(code="X-1").exists()


def test_import_page_rejects_non_excel(client, priced_items, users):
    client.login(username="reviewer", password=TEST_PASSWORD)

    response = client.post(reverse("catalog_excel:import"), {
        "workbook": SimpleUploadedFile("目录.xlsx", b"MZ" + b"\x00" * 100),
    }, HTTP_ACCEPT_LANGUAGE="zh-hans")

    assert "不是 PDF、Word、Excel、OFD 或图片文件" in response.content.decode()


def test_import_page_forbidden_for_department(client, priced_items, users):
    client.login(username="applicant", password=TEST_PASSWORD)

    assert client.get(reverse("catalog_excel:import")).status_code == 403


def test_unknown_category_is_a_row_error(priced_items, users):
    """B3: a misspelt category is refused instead of becoming a new group of the catalog."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["目录编码", "类别", "服务项目", "规格", "计量单位", "计费周期"])
    sheet.append(["NEW-1", "不存在的类别", "测试项", "", "个", "按月"])
    upload = io.BytesIO()
    workbook.save(upload)
    upload.seek(0)

    with translation.override("zh-hans"), pytest.raises(CatalogImportError) as raised:
        import_catalog(upload, actor=users["reviewer"])

    assert "不存在的类别" in str(raised.value)
    assert not CatalogItem.objects.filter(code="NEW-1").exists()
