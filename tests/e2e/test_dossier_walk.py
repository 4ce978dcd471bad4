"""A browser walk through a dossier: upload the 第十条 materials, invite an expert, download 附件2, 附件3 and 附件4."""

import os
import pathlib

import pytest
from weasyprint import HTML

from govcloud.applications.models import ApplicationStatus
from govcloud.systems.models import SystemKind
from tests.dossier_factories import approve_adjusted, deliver, make_application
from tests.factories import TEST_PASSWORD

CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]
SCREENSHOTS = pathlib.Path("test-output")

# 第十条 for a newly built system: the letter, both forms, approval, plan, contract and the migration plan.
NEW_SYSTEM_MATERIALS = [
    "application_letter", "application_form", "requirements_form", "project_approval",
    "construction_plan", "construction_contract", "migration_plan",
]


@pytest.fixture
def browser():
    # Playwright's sync API runs an event loop in this thread; the ORM calls made by the test are still synchronous.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        yield browser
        browser.close()
    os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)


def sign_in(browser, live_server, username, next_path):
    context = browser.new_context(locale="zh-CN", accept_downloads=True)
    page = context.new_page()
    page.goto("%s/login/?next=%s" % (live_server.url, next_path))
    page.fill("#id_username", username)
    page.fill("#id_password", TEST_PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url("**" + next_path)
    return page


def shot(page, name):
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / ("dossier-%s.png" % name)), full_page=True)


def download(page, testid, tmp_path):
    with page.expect_download() as info:
        page.click("[data-testid=%s]" % testid)
    target = tmp_path / info.value.suggested_filename
    info.value.save_as(target)
    return target


@pytest.mark.browser
def test_dossier_walk(browser, live_server, users, orgs, system, priced_items, tmp_path):
    system.kind = SystemKind.NEW
    system.save()
    application = make_application(users=users, orgs=orgs, system=system, priced_items=priced_items)
    materials_path = "/dossier/%s/materials/" % application.pk
    scan = tmp_path / "扫描件.pdf"
    scan.write_bytes(HTML(string="<p>scan</p>").write_pdf())
    program = tmp_path / "方案.docx"
    program.write_bytes(b"MZ" + b"\x00" * 512)

    # The department uploads each material; a renamed program is refused with a Chinese message.
    page = sign_in(browser, live_server, "applicant", materials_path)
    assert page.locator("[data-testid=missing-materials]").is_visible()
    page.select_option("select[name=kind]", "migration_plan")
    page.set_input_files("input[name=file]", str(program))
    page.click("[data-testid=upload-form] button[type=submit]")
    assert "不是 PDF、Word、Excel、OFD 或图片文件" in page.locator("[data-testid=upload-error]").inner_text()
    for kind in NEW_SYSTEM_MATERIALS:
        page.select_option("select[name=kind]", kind)
        page.set_input_files("input[name=file]", str(scan))
        page.click("[data-testid=upload-form] button[type=submit]")
        page.wait_for_url("**" + materials_path)
    assert page.locator("[data-testid=dossier-complete]").is_visible()
    shot(page, "1-materials")
    annex2 = download(page, "annex2-pdf", tmp_path)
    annex3 = download(page, "annex3-docx", tmp_path)
    assert annex2.read_bytes().startswith(b"%PDF-") and "附件2" in annex2.name
    assert annex3.read_bytes()[:2] == b"PK" and "附件3" in annex3.name

    application.status = ApplicationStatus.SUBMITTED
    application.save(update_fields=["status"])

    # The reviewer invites an expert, who answers; the reviewer then reads the opinion.
    reviewer = sign_in(browser, live_server, "reviewer", "/dossier/%s/experts/" % application.pk)
    reviewer.select_option("select[name=expert]", str(users["expert"].pk))
    reviewer.click("[data-testid=invite-form] button[type=submit]")
    assert "待提出意见" in reviewer.locator("[data-testid=expert-opinions]").inner_text()

    expert = sign_in(browser, live_server, "expert", "/dossier/invitations/")
    expert.click("text=%s" % application.number)
    expert.check("input[value=agree_with_changes]")
    expert.fill("textarea[name=opinion]", "内存按实际负载核减为8GB")
    expert.click("[data-testid=opinion-form] button[type=submit]")
    expert.wait_for_url("**/dossier/invitations/")
    shot(expert, "2-expert")

    reviewer.reload()
    assert "内存按实际负载核减为8GB" in reviewer.locator("[data-testid=expert-opinions]").inner_text()
    shot(reviewer, "3-opinions")

    # After approval and a confirmed delivery, the department downloads 附件4.
    approve_adjusted(application, users=users, orgs=orgs)
    deliver(application, users=users, orgs=orgs)
    page.reload()
    annex4 = download(page, "annex4-pdf", tmp_path)
    assert annex4.read_bytes().startswith(b"%PDF-") and "附件4" in annex4.name
    shot(page, "4-delivered")
