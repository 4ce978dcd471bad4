"""Chinese first: every message of every app has its zh-Hans translation, none fuzzy, none missing."""

import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest

ROOT = Path(__file__).resolve().parents[2]
APPS = sorted(path.parent for path in (ROOT / "govcloud").glob("*/apps.py"))


def _catalog(app):
    return app / "locale" / "zh_Hans" / "LC_MESSAGES" / "django.po"


@pytest.mark.parametrize("app", APPS, ids=[app.name for app in APPS])
def test_catalog_has_no_untranslated_or_fuzzy_entry(app):
    path = _catalog(app)
    if not path.exists():
        pytest.skip("app %s has no messages" % app.name)
    catalog = polib.pofile(str(path))

    untranslated = [entry.msgid for entry in catalog.untranslated_entries() if not entry.obsolete]
    fuzzy = [entry.msgid for entry in catalog.fuzzy_entries()]

    assert untranslated == []
    assert fuzzy == []


@pytest.mark.parametrize("app", APPS, ids=[app.name for app in APPS])
def test_catalog_holds_every_message_of_the_code(app, tmp_path):
    """Extract the app's messages afresh; each must already be in its committed catalog."""
    copy = tmp_path / app.name
    shutil.copytree(app, copy, ignore=shutil.ignore_patterns("locale", "__pycache__", "static"))
    (copy / "locale").mkdir()
    subprocess.run(
        # django-admin, not "python -m django": the app folder must not shadow standard modules (calendar.py).
        [str(Path(sys.executable).parent / "django-admin"), "makemessages", "-l", "zh_Hans", "-v", "0"],
        cwd=copy, check=True, env={"DJANGO_SETTINGS_MODULE": "govcloud.settings", "PYTHONPATH": str(ROOT),
                                   "PATH": "/usr/bin:/bin"},
    )
    fresh_path = _catalog(copy)
    fresh = {entry.msgid for entry in polib.pofile(str(fresh_path))} if fresh_path.exists() else set()
    committed = {entry.msgid for entry in polib.pofile(str(_catalog(app)))} if _catalog(app).exists() else set()

    assert sorted(fresh - committed) == []
