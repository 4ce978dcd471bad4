"""Django settings for govcloud.

Every value that differs between a trial machine, a test run and production
comes from an environment variable read through govcloud.env.
"""

from pathlib import Path

import dj_database_url
from django.conf.locale import LANG_INFO

from govcloud.env import env_bool, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(env_str("GOVCLOUD_VAR_DIR", str(BASE_DIR / "var")))

SECRET_KEY = env_str("GOVCLOUD_SECRET_KEY", "trial-only-secret-key-change-me-in-production")
DEBUG = env_bool("GOVCLOUD_DEBUG", False)
ALLOWED_HOSTS = env_list("GOVCLOUD_ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"])

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_filters",
    "govcloud.accounts",
    "govcloud.audit",
    "govcloud.workdays",
    "govcloud.policy",
    "govcloud.catalog",
    "govcloud.systems",
    "govcloud.applications",
    "govcloud.resources",
    "govcloud.deadlines",
    "govcloud.documents",
    "govcloud.metering",
    "govcloud.notifications",
    "govcloud.billing",
    "govcloud.web",
    # After govcloud.web, so that the web app's django/forms templates give every form the Bootstrap layout.
    "django.forms",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "govcloud.web.middleware.ChosenLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "govcloud.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "govcloud.web.context_processors.navigation",
            ],
        },
    },
]

FORM_RENDERER = "django.forms.renderers.TemplatesSetting"

WSGI_APPLICATION = "govcloud.wsgi.application"

# SQLite for a single-machine trial; PostgreSQL in production and in the second test run.
DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", "sqlite:///" + str(VAR_DIR / "govcloud.sqlite3")),
        conn_max_age=env_int("GOVCLOUD_DB_CONN_MAX_AGE", 0),
    )
}
if DATABASES["default"]["ENGINE"] != "django.db.backends.sqlite3":
    # Helpers and CI may test against one server at once; each names its own test database.
    DATABASES["default"]["TEST"] = {"NAME": env_str("GOVCLOUD_TEST_DB_NAME", "test_govcloud")}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "web:home"
LOGOUT_REDIRECT_URL = "login"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Chinese first: zh-Hans is the default for every screen, English the fallback. Each app keeps its
# own catalog in govcloud/<app>/locale, so apps are translated where they are written.
LANGUAGE_CODE = "zh-hans"
LANGUAGES = [(code, LANG_INFO[code]["name_local"]) for code in ("zh-hans", "en")]
USE_I18N = True
TIME_ZONE = "Asia/Shanghai"
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}

# Uploaded materials live outside the web root and are served only through views that check access.
MEDIA_ROOT = Path(env_str("GOVCLOUD_MEDIA_ROOT", str(VAR_DIR / "media")))

# Limits on uploaded materials (第十条 dossiers). Word, Excel and OFD files are zip archives, so an
# archive whose entries would unpack beyond the limits is rejected before anything reads it.
_MEGABYTE = 1024 * 1024
UPLOAD_MAX_FILE_BYTES = env_int("GOVCLOUD_UPLOAD_MAX_FILE_MB", 20) * _MEGABYTE
UPLOAD_MAX_APPLICATION_BYTES = env_int("GOVCLOUD_UPLOAD_MAX_APPLICATION_MB", 200) * _MEGABYTE
UPLOAD_ARCHIVE_MAX_UNPACKED_BYTES = env_int("GOVCLOUD_UPLOAD_ARCHIVE_MAX_UNPACKED_MB", 100) * _MEGABYTE
UPLOAD_ARCHIVE_MAX_ENTRIES = env_int("GOVCLOUD_UPLOAD_ARCHIVE_MAX_ENTRIES", 2000)
# Larger uploads are streamed to a temporary file rather than held in memory.
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * _MEGABYTE

# The CJK font that PDFs are typeset in (Debian fonts-wqy-microhei, a TrueType font that subsets fast).
DOCUMENTS_PDF_FONT_FAMILY = env_str("GOVCLOUD_PDF_FONT_FAMILY", "WenQuanYi Micro Hei")

SESSION_COOKIE_AGE = env_int("GOVCLOUD_SESSION_SECONDS", 30 * 60)
SESSION_SAVE_EVERY_REQUEST = True
SESSION_EXPIRE_AT_BROWSER_CLOSE = True

# Celery: with no broker configured, tasks run inline so a trial needs no Redis.
CELERY_BROKER_URL = env_str("GOVCLOUD_CELERY_BROKER_URL", "")
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
CELERY_TIMEZONE = TIME_ZONE

PAGE_SIZE = env_int("GOVCLOUD_PAGE_SIZE", 20)

# The audit page re-verifies the whole digest chain when its last full check is older than this;
# in between it verifies only the events recorded since. `manage.py verify_audit_chain` runs a full check.
AUDIT_CHAIN_CHECK_SECONDS = env_int("GOVCLOUD_AUDIT_CHAIN_CHECK_SECONDS", 600)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env_str("GOVCLOUD_LOG_LEVEL", "INFO")},
    # WeasyPrint and fontTools log every layout step at INFO; only their warnings matter here.
    "loggers": {
        "weasyprint": {"level": "WARNING"},
        # Refused or missing pages (403, 404, 405) are normal responses, but Django logs a 403 with a full
        # traceback. Server errors (500) are still logged.
        "django.request": {"level": "ERROR"},
        "fontTools": {"level": "WARNING"},
    },
}

# Periodic work when a broker runs Celery beat; without one, cron runs the matching management commands.
CELERY_BEAT_SCHEDULE = {
    "metering-pull-utilization": {"task": "metering.pull_utilization", "schedule": 60 * 60 * 6},
    "metering-assess-rationality": {"task": "metering.assess_rationality", "schedule": 60 * 60 * 24 * 7},
}
