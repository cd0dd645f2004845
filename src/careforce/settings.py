"""Django settings for careforce.

Everything that differs between a laptop and production comes from the environment:
``DATABASE_URL`` (default: SQLite in ``$CAREFORCE_DATA_DIR``, default ``./var``), ``SECRET_KEY``,
``DEBUG``, ``ALLOWED_HOSTS``, ``REDIS_URL`` (queue in production), ``GOVUK_NOTIFY_API_KEY`` (email).
"""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent
DATA_DIR = Path(os.environ.get("CAREFORCE_DATA_DIR", "var")).resolve()
DATA_DIR.mkdir(parents=True, exist_ok=True)


def _secret_key() -> str:
    if key := os.environ.get("SECRET_KEY"):
        return key
    # A per-installation key kept in the data folder, so sessions survive restarts.
    path = DATA_DIR / "secret_key"
    if not path.exists():
        import secrets

        path.write_text(secrets.token_urlsafe(50))
        path.chmod(0o600)
    return path.read_text().strip()


SECRET_KEY = _secret_key()
DEBUG = os.environ.get("DEBUG", "") == "1"
ALLOWED_HOSTS = os.environ.get("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver").split(",")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "axes",
    "careforce.web",
    "careforce.accounts",
    "careforce.region",
    "careforce.workforce",
    "careforce.intelligence",
    "careforce.jobs",
    "careforce.uploads",
    "careforce.planning",
    "careforce.careers",
    "careforce.recruitment",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "careforce.accounts.scope.ScopeMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "careforce.web.middleware.SecurityHeadersMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "careforce.urls"
WSGI_APPLICATION = "careforce.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.jinja2.Jinja2",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "environment": "careforce.web.jinja.environment",
            "autoescape": True,
            "context_processors": ["careforce.web.context.page_context"],
        },
    },
    {
        # Only the Django admin uses Django's own template language.
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ]
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{DATA_DIR / 'careforce.sqlite3'}",
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
# EmailBackend compares the email address without case; ModelBackend stays listed for sessions that name it
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "careforce.accounts.backends.EmailBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
LOGIN_URL = "/sign-in"
LOGIN_REDIRECT_URL = "/home"

# Repeated failed sign-ins pause sign-in for that email address from that address (django-axes; ADRs 0004,
# 0091): one address cannot lock out other people, and someone else's address cannot lock out a person.
# The name is compared in lower case (accounts.backends.sign_in_name), so changing case gives no new tries.
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("AXES_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_USERNAME_FORM_FIELD = "username"
AXES_USERNAME_CALLABLE = "careforce.accounts.backends.sign_in_name"
AXES_LOCKOUT_CALLABLE = "careforce.accounts.views.locked_out"
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False
# Behind a reverse proxy, the person's address is the proxy's unless it is read from X-Forwarded-For:
# AXES_PROXY_COUNT is the number of proxies in front of the service (0: none, read REMOTE_ADDR).
AXES_IPWARE_PROXY_COUNT = int(os.environ.get("AXES_PROXY_COUNT", "0")) or None
AXES_IPWARE_META_PRECEDENCE_ORDER = (
    ("HTTP_X_FORWARDED_FOR", "REMOTE_ADDR") if AXES_IPWARE_PROXY_COUNT else ("REMOTE_ADDR",)
)
# Sign-in attempts from one address and for one email address, whatever their outcome (django-ratelimit,
# through the cache): a cap on guessing many accounts from one place, or one account from many.
SIGN_IN_RATE_PER_ADDRESS = os.environ.get("SIGN_IN_RATE_PER_ADDRESS", "100/15m")
SIGN_IN_RATE_PER_EMAIL = os.environ.get("SIGN_IN_RATE_PER_EMAIL", "20/10m")
PASSWORD_RESET_TIMEOUT = int(os.environ.get("PASSWORD_RESET_TIMEOUT", str(60 * 60)))  # seconds a link works

# Production security (ADR 0091). With DEBUG off the service is HTTPS only: Secure cookies, HSTS, and
# plain HTTP redirected to HTTPS. CAREFORCE_LOCAL_HTTP=1 is for the local demo only (`careforce demo`
# sets it): plain HTTP on this machine, refused unless ALLOWED_HOSTS is this machine alone.
LOCAL_HTTP = os.environ.get("CAREFORCE_LOCAL_HTTP", "") == "1"
if LOCAL_HTTP and not set(ALLOWED_HOSTS) <= {"127.0.0.1", "localhost", "[::1]", "testserver"}:
    from django.core.exceptions import ImproperlyConfigured

    raise ImproperlyConfigured("CAREFORCE_LOCAL_HTTP=1 is for the local demo only: ALLOWED_HOSTS must be this machine")
HTTPS_ONLY = not DEBUG and not LOCAL_HTTP
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_AGE = 60 * 60 * 8
SESSION_COOKIE_SECURE = HTTPS_ONLY
CSRF_COOKIE_SECURE = HTTPS_ONLY
CSRF_COOKIE_HTTPONLY = True  # forms carry the token; no script reads the cookie
CSRF_TRUSTED_ORIGINS = [o for o in os.environ.get("CSRF_TRUSTED_ORIGINS", "").split(",") if o]
SECURE_SSL_REDIRECT = HTTPS_ONLY and os.environ.get("SECURE_SSL_REDIRECT", "1") == "1"
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(365 * 24 * 60 * 60))) if HTTPS_ONLY else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = os.environ.get("SECURE_HSTS_INCLUDE_SUBDOMAINS", "1") == "1"
SECURE_HSTS_PRELOAD = os.environ.get("SECURE_HSTS_PRELOAD", "") == "1"


def _proxy_ssl_header(value: str) -> tuple[str, str] | None:
    """``X-Forwarded-Proto`` (value https) or ``Header: value``: how the proxy in front says a request was HTTPS."""
    if not value:
        return None
    name, _, expected = value.partition(":")
    return "HTTP_" + name.strip().upper().replace("-", "_"), expected.strip() or "https"


# Only set this behind a proxy that always sets (and strips from clients) the header it names.
SECURE_PROXY_SSL_HEADER = _proxy_ssl_header(os.environ.get("SECURE_PROXY_SSL_HEADER", ""))
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = False
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "staticfiles"
STATIC_ROOT.mkdir(exist_ok=True)  # whitenoise serves from the app folders (finders); this stays empty
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG

CACHES = {
    # Local memory (per process) unless REDIS_URL is set. It also holds cached_db sessions, so it keeps
    # more entries than Django's default 300 (about 1 KB each).
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "OPTIONS": {"MAX_ENTRIES": 10_000}}
    if not os.environ.get("REDIS_URL")
    else {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": os.environ["REDIS_URL"]},
    # Job search result pages (careers/views/search.py, ADR 0050): derived from the in-memory vacancy
    # index of this process and keyed by its build, so always local memory; about 20 KB each.
    "careers": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "careers-results",
        "TIMEOUT": 300,
        "OPTIONS": {"MAX_ENTRIES": 1_000},
    },
}

REDIS_URL = os.environ.get("REDIS_URL", "")
# Background jobs: "thread" in the web process (embedded default), "rq" on Redis (production),
# "immediate" when the submitting transaction commits (tests, command-line tools). ADR 0008.
JOBS_BACKEND = os.environ.get("JOBS_BACKEND", "rq" if REDIS_URL and os.environ.get("USE_RQ") == "1" else "thread")
# A running job's process renews its lease every third of this; a job whose lease expired is lost: with RQ it
# is queued again until it has been started JOBS_MAX_ATTEMPTS times, otherwise marked failed (ADR 0090).
JOBS_LEASE_SECONDS = float(os.environ.get("JOBS_LEASE_SECONDS", "30"))
JOBS_MAX_ATTEMPTS = int(os.environ.get("JOBS_MAX_ATTEMPTS", "2"))

# Personal data kept only as long as needed (careforce.retention, ADR 0092): uploaded files and their reports
# are deleted when the upload ends and at the latest after UPLOAD_RETENTION_DAYS; job applications that did
# not end in a hire are anonymised after APPLICATION_RETENTION_MONTHS without activity. `careforce
# housekeeping` does it (daily from cron); `careforce worker` also runs it every HOUSEKEEPING_EVERY_HOURS.
UPLOAD_RETENTION_DAYS = int(os.environ.get("UPLOAD_RETENTION_DAYS", "30"))
APPLICATION_RETENTION_MONTHS = int(os.environ.get("APPLICATION_RETENTION_MONTHS", "12"))
HOUSEKEEPING_EVERY_HOURS = float(os.environ.get("HOUSEKEEPING_EVERY_HOURS", "24"))

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"one_line": {"()": "careforce.web.errors.OneLineForClientErrors"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "filters": ["one_line"]}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
    # 403 and 404 as one line each, without a traceback (ADR 0091): on the handler for every logger, and on
    # django.request itself so that any other handler gets the one line too
    "loggers": {
        "django.request": {"filters": ["one_line"]},
    },
}

SERVICE_NAME = "careforce"
SERVICE_TAGLINE = "West Midlands adult social care workforce"

# Email: one sender for every message (ours and Django's password reset), ADR 0085. GOV.UK Notify when
# GOVUK_NOTIFY_API_KEY is set; otherwise the demo outbox in the database, read at /demo-mailbox.
# GOVUK_NOTIFY_TEMPLATE_IDS: "application_sent=<id>,confirm_account=<id>,..." (careforce/notify.py TEMPLATES);
# a message without an id goes through GOVUK_NOTIFY_PLAIN_TEMPLATE_ID (subject ((subject)), body ((body))).
GOVUK_NOTIFY_API_KEY = os.environ.get("GOVUK_NOTIFY_API_KEY", "")
GOVUK_NOTIFY_BASE_URL = os.environ.get("GOVUK_NOTIFY_BASE_URL", "")
GOVUK_NOTIFY_PLAIN_TEMPLATE_ID = os.environ.get("GOVUK_NOTIFY_PLAIN_TEMPLATE_ID", "")
GOVUK_NOTIFY_TEMPLATE_IDS = dict(
    item.strip().split("=", 1) for item in os.environ.get("GOVUK_NOTIFY_TEMPLATE_IDS", "").split(",") if "=" in item
)
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND") or (
    "careforce.careers.mail_backends.NotifyEmailBackend"
    if GOVUK_NOTIFY_API_KEY
    else "careforce.careers.mail_backends.OutboxEmailBackend"
)
# Links in email start with this address.
CAREFORCE_BASE_URL = os.environ.get("CAREFORCE_BASE_URL", "http://127.0.0.1:8000")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "careforce <no-reply@careforce.invalid>")
# The demo mailbox page exists only while the outbox is the sender.
CAREFORCE_DEMO_MAILBOX = EMAIL_BACKEND == "careforce.careers.mail_backends.OutboxEmailBackend"
