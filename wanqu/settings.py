"""The one settings module. Everything that varies comes from WANQU_* environment variables.

A bad value stops the process at start-up with a message naming the variable, rather than
running half-configured.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path
from typing import Any

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent


def _env_bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    value = raw.strip().lower()
    if value in {"1", "true", "yes", "on"}:
        return True
    if value in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be one of 1/0, true/false, yes/no, on/off; got {raw!r}")


def _env_int(name: str, default: int, *, low: int, high: int) -> int:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be an integer; got {raw!r}") from None
    if not low <= value <= high:
        raise ImproperlyConfigured(f"{name} must be between {low} and {high}; got {value}")
    return value


def _secret_key(data_dir: Path) -> str:
    """WANQU_SECRET_KEY, or one generated once and kept in the data dir."""
    raw = os.environ.get("WANQU_SECRET_KEY")
    if raw:
        if len(raw) < 32:
            raise ImproperlyConfigured("WANQU_SECRET_KEY must be at least 32 characters long")
        return raw
    key_file = data_dir / "secret_key"
    if key_file.exists():
        return key_file.read_text().strip()
    data_dir.mkdir(parents=True, exist_ok=True)
    key = secrets.token_urlsafe(50)
    key_file.write_text(key)
    key_file.chmod(0o600)
    return key


DATA_DIR = Path(os.environ.get("WANQU_DATA_DIR") or "var").resolve()
DEBUG = _env_bool("WANQU_DEBUG", False)
PORT = _env_int("WANQU_PORT", 8000, low=1, high=65535)
SECRET_KEY = _secret_key(DATA_DIR)
ALLOWED_HOSTS = [
    h.strip() for h in (os.environ.get("WANQU_ALLOWED_HOSTS") or "127.0.0.1,localhost").split(",") if h.strip()
]

_database_url = os.environ.get("WANQU_DATABASE_URL") or f"sqlite:///{DATA_DIR / 'wanqu.sqlite3'}"
if not _database_url.startswith(("sqlite:", "postgres:", "postgresql:")):
    raise ImproperlyConfigured(f"WANQU_DATABASE_URL must be a sqlite:/// or postgresql:// URL; got {_database_url!r}")
try:
    _default_db: dict[str, Any] = dict(dj_database_url.parse(_database_url, conn_max_age=60))
except ValueError as exc:
    raise ImproperlyConfigured(f"WANQU_DATABASE_URL is not a valid URL: {exc}") from None
if _default_db["ENGINE"].endswith("sqlite3"):
    Path(_default_db["NAME"]).parent.mkdir(parents=True, exist_ok=True)
    # Wait for a busy writer instead of failing at once; SQLite allows one writer at a time.
    _default_db["OPTIONS"] = {"timeout": 20, "transaction_mode": "IMMEDIATE"}
    _default_db["CONN_MAX_AGE"] = 0
DATABASES = {"default": _default_db}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_tasks",
    "django_tasks_db",
    "wanqu.core",
    "wanqu.geo",
    "wanqu.org",
    "wanqu.plans",
    "wanqu.ledger",
    "wanqu.registers",
    "wanqu.indicators",
    "wanqu.dashboard",
    "wanqu.notifications",
    "wanqu.demo",
    "wanqu.reports",
    "wanqu.web",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Serves STATIC_ROOT (filled by collectstatic) from the app itself: no separate web server needed.
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "wanqu.web.language.LanguageMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wanqu.core.middleware.RequestIdMiddleware",
]

ROOT_URLCONF = "wanqu.urls"
WSGI_APPLICATION = "wanqu.wsgi.application"

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
                "wanqu.web.context_processors.shell",
            ],
        },
    },
]

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
]

LANGUAGE_CODE = "zh-hans"
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"
LANGUAGES = [
    ("zh-hans", "简体中文"),
    ("zh-hant", "繁體中文"),
    ("en", "English"),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = DATA_DIR / "static"
# htmx, ECharts and the map data, copied out of node_modules by `make frontend` (never committed).
STATICFILES_DIRS = [("vendor", BASE_DIR.parent / "build" / "vendor")]
# Compressed copies are made at collectstatic time. No hashed names (no manifest), so pages render
# in tests and before the first collectstatic; `wanqu serve` runs collectstatic itself.
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
MEDIA_ROOT = DATA_DIR / "media"

# Background work (report rendering, reminders, digests) runs in `wanqu db_worker`, which
# `wanqu serve` starts beside the web server; the queue is a table, so no broker is needed.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

EMAIL_BACKEND = os.environ.get("WANQU_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}

# Shown in the admin header; the product's own pages come with the web interface.
WANQU_TITLE = _("Wanqu — Greater Bay Area programme office")
