"""One application walked in a real browser from draft to confirmed delivery, by every role in turn."""

import re

import pytest
from django.utils import timezone

from govcloud.applications.demo import stand_in_pdf
from govcloud.applications.models import Application, ApplicationStatus

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


# 第十条 for a newly built system such as the enrolment system: letter, both forms, approval, plan, contract
# and the migration (deployment) plan.
NEW_SYSTEM_MATERIALS = ["application_letter", "application_form", "requirements_form", "project_approval",
                        "construction_plan", "construction_contract", "migration_plan"]


def upload_dossier(page, tmp_path):
    """Upload a scan for every material, after checking that a renamed program is refused."""
    program = tmp_path / "迁移方案.docx"
    program.write_bytes(b"MZ" + b"\x00" * 512)
    page.select_option("select[name=kind]", "migration_plan")
    page.set_input_files("input[name=file]", str(program))
    page.click("[data-testid=upload-form] button[type=submit]")
    assert "不是 PDF、Word、Excel、OFD 或图片文件" in page.inner_text("[data-testid=upload-error]")

    scan = tmp_path / "扫描件.pdf"
    scan.write_bytes(stand_in_pdf("scan"))
    for kind in NEW_SYSTEM_MATERIALS:
        if page.locator("[data-testid=checklist] tr[data-kind=%s] a" % kind).count():
            continue
        page.select_option("select[name=kind]", kind)
        page.set_input_files("input[name=file]", str(scan))
        page.click("[data-testid=upload-form] button[type=submit]")
        page.wait_for_selector("[data-testid=checklist] tr[data-kind=%s] a" % kind)
    assert page.locator("[data-testid=dossier-complete]").is_visible()


def download(page, testid, tmp_path):
    with page.expect_download() as info:
        page.click("[data-testid=%s]" % testid)
    target = tmp_path / info.value.suggested_filename
    info.value.save_as(target)
    return target


def _open_application(session, number):
    page = session.go("/applications/?search=%s" % number)
    page.click("text=%s" % number)
    return page


def test_login_page_is_chinese(browser, live_server):
    page = browser.new_page()
    page.goto(live_server.url + "/login/")

    assert page.locator("h1").inner_text() == "登录政务云管理平台"
    assert page.locator("html").get_attribute("lang") == "zh-hans"
    page.close()


def test_application_from_draft_to_confirmed_delivery(demo, sign_in, tmp_path):
    today = timezone.localdate()

    # The department drafts and submits an application for one of its systems.
    edu = sign_in("edu")
    assert "待办事项" in edu.page.inner_text("h1")
    edu.shot("01-department-home")
    page = edu.go("/applications/new/")
    page.select_option("#id_system", label="义务教育招生报名系统")
    page.fill("#id_contact_name", "孙老师")
    page.fill("#id_contact_phone", "13903550101")
    page.fill("#id_reason", "招生报名高峰期扩容")
    page.select_option("#id_lines-0-item", label="ECS-VCPU 云主机vCPU")
    page.fill("#id_lines-0-quantity", "4")
    page.select_option("#id_lines-1-item", label="ECS-MEM 云主机内存")
    page.fill("#id_lines-1-quantity", "8")
    edu.shot("02-department-new-application")
    page.click("text=保存草稿")
    assert "草稿" in page.inner_text("[data-status=draft]")
    number = re.search(r"ZWY\d{8}", page.inner_text("h1")).group(0)

    # 第十条: submission waits for the dossier; the department uploads each material, a renamed program is refused.
    page.click("text=提交审核")
    assert "系统迁移（部署）技术方案" in page.inner_text(".alert-danger")
    page.click("[data-testid=materials-link]")
    upload_dossier(page, tmp_path)
    edu.shot("02b-department-materials")
    assert download(page, "annex2-pdf", tmp_path).read_bytes().startswith(b"%PDF-")
    assert download(page, "annex3-docx", tmp_path).read_bytes()[:2] == b"PK"
    page = _open_application(edu, number)
    page.click("text=提交审核")
    assert page.locator("[data-status=submitted]").count() == 1

    # The management unit invites an expert (第十一条), who sees only this application and gives an opinion.
    manager = sign_in("manager")
    assert "待审核的申请" in manager.page.inner_text("[data-testid=todo-actions]")
    page = _open_application(manager, number)
    page.click("[data-testid=experts-link]")
    page.select_option("select[name=expert]", label="何专家")
    page.click("[data-testid=invite-form] button[type=submit]")
    expert = sign_in("expert")
    page = expert.go("/dossier/invitations/")
    assert page.locator("[data-testid=expert-inbox] tbody tr").count() == 2  # the demo's invitation and this one
    page.click("text=%s" % number)
    page.check("input[value=agree_with_changes]")
    page.fill("textarea[name=opinion]", "建议按峰值利用率复核内存")
    expert.shot("02c-expert-opinion")
    page.click("[data-testid=opinion-form] button[type=submit]")
    assert expert.page.goto(expert.base_url + "/applications/").status == 200

    # The reviewer reads the opinion on the review page and approves it for provider 甲.
    page = _open_application(manager, number)
    page.get_by_role("link", name="审核", exact=True).click()
    assert "建议按峰值利用率复核内存" in page.inner_text("[data-testid=expert-summary]")
    page.select_option("#id_decision", label="同意（按申请）")
    page.select_option("#id_provider", label="示例政务云服务商（甲）")
    page.fill("#id_opinion", "资料齐全，同意开通。")
    manager.shot("03-manager-review")
    page.click("text=出具审核意见")
    assert page.locator("[data-status=approved]").count() == 1
    obligations = page.inner_text("[data-testid=obligations]")
    assert "开通核定的云资源" in obligations and "示例政务云服务商（甲）" in obligations

    # Finance and the authority find the result in their filing inbox.
    finance = sign_in("finance")
    page = finance.go("/applications/filings/?unread=true")
    row = page.locator("tr", has_text=number)
    assert "同意（按申请）" in row.inner_text()
    row.locator("text=标记已阅").click()
    assert "已标记为已阅" in page.inner_text(".alert")
    finance.shot("04-finance-filings")
    authority = sign_in("authority")
    assert number in authority.go("/applications/filings/").inner_text("[data-testid=filing-table]")

    # The provider sees the deadline, provisions, records the agreement and submits the delivery.
    engineer = sign_in("cloud-a")
    assert number in engineer.page.inner_text("body")
    page = _open_application(engineer, number)
    page.click("text=登记已开通资源")
    page.fill("#id_name", "enrol-app-01")
    page.fill("#id_instance_id", "ecs-enrol-e2e")
    page.fill("#id_ip_address", "10.21.9.9")
    engineer.shot("05-provider-provision")
    page.click("text=保存")
    page.click("text=开通完成")
    assert page.locator("[data-status=provisioned]").count() >= 1
    page.click("text=登记服务协议")
    page.fill("#id_number", "ZWYXY-E2E-01")
    page.click("text=保存")
    page.click("text=协议报备")
    page.click("text=报送交付确认函")
    page.fill("#id_credential_handover", "密码信封当面移交")
    page.click("text=保存")
    engineer.shot("06-provider-delivery-submitted")

    # The management unit confirms the delivery; billing starts today.
    page = _open_application(manager, number)
    page.click("text=确认交付")
    assert page.locator("h1 [data-status=delivered]").count() == 1
    assert page.inner_text("[data-testid=billing-start]") == today.isoformat()
    manager.shot("07-manager-delivered")

    # The department downloads the delivery confirmation (附件4) and sees the resource with its billing start date.
    page = _open_application(edu, number)
    annex4 = download(page, "annex4-pdf", tmp_path)
    assert annex4.read_bytes().startswith(b"%PDF-")
    assert "附件4" in annex4.name
    page = edu.go("/resources/?search=ecs-enrol-e2e")
    assert today.isoformat() in page.inner_text("[data-testid=resource-table]")
    edu.shot("08-department-resources")
    application = Application.objects.get(number=number)
    assert application.status == ApplicationStatus.DELIVERED

    # Another department cannot open it.
    hrss = sign_in("hrss")
    response = hrss.page.goto(hrss.base_url + "/applications/%d/" % application.pk)
    assert response.status == 404
    manager.go("/deadlines/")
    manager.shot("09-manager-deadlines")


@pytest.mark.parametrize("username,expected_menu,hidden_menu", [
    ("expert", ["待办事项", "政务云服务目录"], ["资源申请", "审计日志"]),
    ("assessor", ["待办事项", "政务云服务目录"], ["资源申请", "审计日志"]),
    ("sysadmin", ["待办事项"], ["资源申请", "备案收件箱"]),
    ("secadmin", ["待办事项"], ["资源申请", "备案收件箱"]),
    ("auditor", ["待办事项", "审计日志"], ["资源申请", "云资源"]),
])
def test_other_roles_see_their_own_menu(demo, sign_in, username, expected_menu, hidden_menu):
    session = sign_in(username)
    menu = session.page.inner_text("nav.sidebar")

    for entry in expected_menu:
        assert entry in menu
    for entry in hidden_menu:
        assert entry not in menu
    session.shot("10-%s-home" % username)


def test_department_adds_rows_for_more_items(demo, sign_in):
    edu = sign_in("edu")
    page = edu.go("/applications/new/")
    rows = page.locator("[data-testid=line-table] tbody tr")
    assert rows.count() == 3

    page.click("[data-testid=add-line]")
    assert rows.count() == 4
    page.select_option("#id_system", label="义务教育招生报名系统")
    page.fill("#id_contact_name", "孙老师")
    page.fill("#id_contact_phone", "13903550101")
    page.fill("#id_reason", "四类资源一并申请")
    for index, (label, quantity) in enumerate([("ECS-VCPU 云主机vCPU", "4"), ("ECS-MEM 云主机内存", "8"),
                                                ("EVS-SSD 高性能块存储", "200"), ("NET-BW 互联网带宽", "5")]):
        page.select_option("#id_lines-%d-item" % index, label=label)
        page.fill("#id_lines-%d-quantity" % index, quantity)
    page.click("text=保存草稿")

    assert "ZWY" in page.inner_text("h1")
    assert page.locator("[data-testid=lines] tbody tr").count() == 4
