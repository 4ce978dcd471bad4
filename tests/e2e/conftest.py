"""A real Chromium (Debian's package) driven by Playwright against the live test server."""

import os
from pathlib import Path

import pytest
from django.core.management import call_command

from tests.factories import TEST_PASSWORD

CHROMIUM = os.environ.get("GOVCLOUD_CHROMIUM", "/usr/bin/chromium")
# Chromium must not reach for Google's services: this machine has no internet.
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-output" / "screenshots"

# Django's live server runs in a thread of this process, and Playwright's sync API runs an event loop.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(scope="session")
def browser():
    playwright_api = pytest.importorskip("playwright.sync_api")
    if not Path(CHROMIUM).exists():
        pytest.fail("Chromium is missing at %s; `make setup` installs Debian's chromium package" % CHROMIUM)
    with playwright_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def demo(transactional_db, settings):
    """The reference data and the demo scenario, with every demo account's password set to the test one."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    call_command("load_reference_data", verbosity=0)
    call_command("load_demo", verbosity=0)
    from govcloud.accounts.models import User

    for user in User.objects.all():
        user.set_password(TEST_PASSWORD)
        user.save(update_fields=["password"])


class Session:
    """One person's browser session: sign in, move around, keep screenshots."""

    def __init__(self, browser, base_url, username):
        self.context = browser.new_context(viewport={"width": 1400, "height": 900}, locale="zh-CN")
        self.page = self.context.new_page()
        self.base_url = base_url
        self.username = username

    def sign_in(self):
        self.page.goto(self.base_url + "/login/")
        self.page.fill("#id_username", self.username)
        self.page.fill("#id_password", TEST_PASSWORD)
        self.page.click("button[type=submit]")
        self.page.wait_for_url(self.base_url + "/")
        return self

    def go(self, path):
        self.page.goto(self.base_url + path)
        return self.page

    def shot(self, name):
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        self.page.screenshot(path=str(SCREENSHOTS / ("%s.png" % name)), full_page=True)

    def close(self):
        self.context.close()


@pytest.fixture
def sign_in(browser, live_server):
    sessions = []

    def open_session(username):
        session = Session(browser, live_server.url, username).sign_in()
        sessions.append(session)
        return session

    yield open_session
    for session in sessions:
        session.close()
