"""load_reference_data: the city's organisations and the catalog (第五条, 第六条, 附件1)."""

import datetime
from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command

from govcloud.accounts.models import Organisation, OrganisationKind
from govcloud.accounts.reference import ReferenceDataError, load_organisations
from govcloud.catalog.models import CatalogCategory, CatalogItem, FeeStandard
from govcloud.catalog.reference import load_catalog

pytestmark = pytest.mark.django_db

ORG_HEADER = "code,name,kind,note\n"
CATALOG_HEADER = "code,category,item,spec,unit,price_yuan,per,price_source\n"


def _counts():
    return (Organisation.objects.count(), CatalogCategory.objects.count(), CatalogItem.objects.count(),
            FeeStandard.objects.count())


def test_loads_every_organisation_with_its_kind():
    """第五条 and 第六条 name the authority, the management unit and finance; the rest are users."""
    call_command("load_reference_data", stdout=open("/dev/null", "w"))

    assert Organisation.objects.count() == 49
    assert Organisation.objects.get(code="zwxxglj").kind == OrganisationKind.AUTHORITY
    assert Organisation.objects.get(code="zfxxzx").kind == OrganisationKind.MANAGEMENT
    assert Organisation.objects.get(code="czj").kind == OrganisationKind.FINANCE
    assert Organisation.objects.get(code="jyj").name == "长治市教育局"
    assert Organisation.objects.filter(kind=OrganisationKind.DEPARTMENT).count() == 32
    assert Organisation.objects.filter(kind=OrganisationKind.COUNTY).count() == 14


def test_loads_catalog_with_reference_prices():
    """附件1: 15 items in 7 categories; 9 carry a public reference price from 2025-01-01."""
    call_command("load_reference_data", stdout=open("/dev/null", "w"))

    assert CatalogCategory.objects.count() == 7
    assert CatalogItem.objects.count() == 15
    vcpu = CatalogItem.objects.get(code="ECS-VCPU")
    assert vcpu.category.name == "计算服务"
    assert vcpu.unit == "vCPU"
    fee = vcpu.fee_standards.get()
    assert fee.unit_price == Decimal("46.00")
    assert fee.effective_from == datetime.date(2025, 1, 1)
    assert fee.basis == "天翼云 s8e 通用型 vCPU 刊例价"
    assert FeeStandard.objects.count() == 9


def test_item_without_price_gets_no_fee_standard():
    """第六条: finance sets the price; the loader invents none for a row without one."""
    load_catalog()

    assert not CatalogItem.objects.get(code="NET-EIP").fee_standards.exists()
    assert not CatalogItem.objects.get(code="SEC-MLPS3").fee_standards.exists()


def test_running_twice_changes_nothing():
    call_command("load_reference_data", stdout=open("/dev/null", "w"))
    first = _counts()
    snapshot = list(Organisation.objects.values_list("code", "name", "kind", "note"))

    call_command("load_reference_data", stdout=open("/dev/null", "w"))

    assert _counts() == first
    assert list(Organisation.objects.values_list("code", "name", "kind", "note")) == snapshot


def test_rerun_keeps_manager_edits_to_items():
    load_catalog()
    CatalogItem.objects.filter(code="ECS-VCPU").update(name="云主机vCPU（改）")

    load_catalog()

    assert CatalogItem.objects.get(code="ECS-VCPU").name == "云主机vCPU（改）"


def test_malformed_catalog_loads_nothing(tmp_path):
    bad = tmp_path / "catalog.csv"
    bad.write_text(CATALOG_HEADER + "A-1,计算服务,甲,,个,1.00,month,来源\nA-2,计算服务,乙,,个,-3,month,来源\n",
                   encoding="utf-8")

    with pytest.raises(CommandError) as raised:
        call_command("load_reference_data", "--catalog", str(bad))

    assert "第 3 行" in str(raised.value)
    assert "不能为负" in str(raised.value)
    assert _counts() == (0, 0, 0, 0)


def test_unknown_kind_is_rejected_in_chinese(tmp_path):
    bad = tmp_path / "orgs.csv"
    bad.write_text(ORG_HEADER + "a,甲单位,department,\nb,乙单位,bank,\n", encoding="utf-8")

    with pytest.raises(ReferenceDataError) as raised:
        load_organisations(bad)

    assert "未知的单位类型" in str(raised.value)
    assert "bank" in str(raised.value)
    assert Organisation.objects.count() == 0


def test_missing_column_is_rejected(tmp_path):
    bad = tmp_path / "catalog.csv"
    bad.write_text("code,category,item\nA,计算服务,甲\n", encoding="utf-8")

    with pytest.raises(ReferenceDataError) as raised:
        load_catalog(bad)

    assert "缺少列" in str(raised.value)
    assert "price_yuan" in str(raised.value)


def test_price_with_three_decimals_is_rejected(tmp_path):
    bad = tmp_path / "catalog.csv"
    bad.write_text(CATALOG_HEADER + "A-1,计算服务,甲,,个,1.005,month,来源\n", encoding="utf-8")

    with pytest.raises(ReferenceDataError) as raised:
        load_catalog(bad)

    assert "两位小数" in str(raised.value)
    assert CatalogItem.objects.count() == 0


def test_duplicate_code_is_rejected(tmp_path):
    bad = tmp_path / "orgs.csv"
    bad.write_text(ORG_HEADER + "a,甲单位,department,\na,乙单位,department,\n", encoding="utf-8")

    with pytest.raises(ReferenceDataError) as raised:
        load_organisations(bad)

    assert "重复" in str(raised.value)


def test_name_of_other_code_is_rejected(tmp_path):
    Organisation.objects.create(code="edu", name="甲单位", kind=OrganisationKind.DEPARTMENT)
    bad = tmp_path / "orgs.csv"
    bad.write_text(ORG_HEADER + "a,甲单位,department,\n", encoding="utf-8")

    with pytest.raises(ReferenceDataError) as raised:
        load_organisations(bad)

    assert "已属于编码为“edu”的单位" in str(raised.value)
    assert not Organisation.objects.filter(code="a").exists()
