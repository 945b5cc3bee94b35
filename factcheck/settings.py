"""Settings for factcheck: every value comes from an environment variable with a dev default."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool) -> bool:
    """Read a boolean environment variable ("1", "true", "yes", "on" are true)."""
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    """Read a comma-separated environment variable."""
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", False)

# A development key is only acceptable while DEBUG is on; production must set its own.
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off.")
    SECRET_KEY = "django-insecure-dev-only-key-not-for-production-use-0123456789"

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "django.contrib.sitemaps",
    "rest_framework",
    "knox",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "simple_history",
    "axes",
    "csp",
    "factcheck.ledger",
    "factcheck.api",
    "factcheck.web",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Headers every response carries, set above the kept-page shortcut so its answers get them.
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    # Early, so it answers 503 for a database error whatever raised it later in the chain.
    "factcheck.middleware.DatabaseUnavailableMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Anonymous readers of public pages, answered from the shared cache before sessions.
    "factcheck.web.caching.KeptPageMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into its lockout response.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "factcheck.urls"
WSGI_APPLICATION = "factcheck.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Wait for a writer instead of failing at once; WAL lets readers go on while one writes.
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0
elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # No just-in-time compilation: PostgreSQL compiles any plan whose estimate passes 100,000,
    # and the queries here are short: the topics index spent 15-28 ms compiling a 100 ms query,
    # the claim matcher's query for an article's statements 0.4 s compiling for 0.08 s running.
    options = DATABASES["default"].setdefault("OPTIONS", {})
    options["options"] = f"{options.get('options', '')} -c jit=off".strip()

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# A shared cache is what lets several app processes agree (throttles, cached pages).
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {"default": {"BACKEND": "factcheck.redis_cache.RedisCache", "LOCATION": REDIS_URL}}
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Each process's own copies of the pages kept in the shared cache, the most recently read first:
# a page kept for the clock's version is the same wherever it was rendered, so a copy whose ETag
# is the current one is served without reading the shared cache again.
CACHES["kept-pages-here"] = {
    "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
    "LOCATION": "kept-pages-here",
    "OPTIONS": {"MAX_ENTRIES": int(os.environ.get("KEPT_PAGES_HERE", "200"))},
}
# Keep the public pages' clock in the cache too, so a kept page or a 304 needs no database.
# Only for a cache every process that writes the ledger shares (a local-memory cache would
# keep each process's own clock, blind to the others' writes).
PUBLIC_CLOCK_CACHED = env_bool("PUBLIC_CLOCK_CACHED", bool(REDIS_URL))
# How long a process may reuse the kept clock it last read (its own writes show at once; other
# processes' within this time); 0 reads the shared cache every time.
PUBLIC_CLOCK_LOCAL_SECONDS = float(os.environ.get("PUBLIC_CLOCK_LOCAL_SECONDS", "1"))

# Repeated wrong passwords lock the account from that address (django-axes, records in the
# database so every app process agrees); the right password then still fails until the cool-off.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = dt.timedelta(minutes=int(os.environ.get("LOGIN_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
# The API's token sign-in is locked out the same way, answered in JSON.
AXES_LOCKOUT_CALLABLE = "factcheck.api.authentication.lockout_response"
if env_bool("USE_X_FORWARDED_PROTO", False):
    # Behind one load balancer the client's address is the hop it appended to X-Forwarded-For.
    AXES_IPWARE_META_PRECEDENCE_ORDER = ["HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"]
    AXES_IPWARE_PROXY_COUNT = 1

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-gb"
TIME_ZONE = os.environ.get("TIME_ZONE", "UTC")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
# Where whole-ledger API exports are kept, one file per public ledger version (shared by the
# app processes of one host; factcheck/api/snapshots.py).
API_EXPORT_DIR = Path(os.environ.get("API_EXPORT_DIR", BASE_DIR / "var" / "exports"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG or env_bool("TESTING", False)
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
TESTING = env_bool("TESTING", False)
# In development and tests whitenoise serves from the apps' folders (no collectstatic needed).
WHITENOISE_USE_FINDERS = DEBUG or TESTING
WHITENOISE_AUTOREFRESH = DEBUG or TESTING

# Production safety: HTTPS and HSTS on unless explicitly turned off (e.g. behind plain HTTP in dev).
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", not DEBUG)
CSRF_COOKIE_SECURE = env_bool("CSRF_COOKIE_SECURE", not DEBUG)
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "0" if DEBUG else "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", not DEBUG)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", not DEBUG)
if env_bool("USE_X_FORWARDED_PROTO", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# Content-Security-Policy on every response (django-csp): scripts and everything else only from
# this site, no inline script. Inline style attributes stay allowed (the admin uses them).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF, "'unsafe-inline'"],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
SESSION_COOKIE_HTTPONLY = True

# Largest article file the importer accepts, in bytes (uploads and the command alike).
ARTICLE_MAX_BYTES = int(os.environ.get("ARTICLE_MAX_BYTES", "2000000"))
DATA_UPLOAD_MAX_MEMORY_SIZE = max(ARTICLE_MAX_BYTES * 2, 2_621_440)
FILE_UPLOAD_MAX_MEMORY_SIZE = DATA_UPLOAD_MAX_MEMORY_SIZE
# Largest JSON body the API reads (the article import takes DATA_UPLOAD_MAX_MEMORY_SIZE).
API_JSON_MAX_BYTES = int(os.environ.get("API_JSON_MAX_BYTES", "1000000"))

# Fetching article pages and feeds: one time limit for the whole fetch (seconds), a size cap,
# and never a private or loopback address unless named here (a newsroom's own CMS, e.g.
# "10.1.2.3/32"). FETCH_ALLOW_PRIVATE opens every private address: for tests only.
FETCH_TIMEOUT = float(os.environ.get("FETCH_TIMEOUT", "15"))
FETCH_MAX_BYTES = int(os.environ.get("FETCH_MAX_BYTES", "5000000"))
FETCH_ALLOWED_NETWORKS = env_list("FETCH_ALLOWED_NETWORKS")
FETCH_ALLOW_PRIVATE = False

# Background jobs (Celery). With a broker (REDIS_URL, or CELERY_BROKER_URL to use another)
# imports of several items, feed runs and re-analyses go to `celery -A factcheck worker`;
# without one they run in the process that asked, so the demo needs no extra service.
CELERY_BROKER_URL = os.environ.get("CELERY_BROKER_URL", REDIS_URL)
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_ACKS_LATE = True  # a worker killed mid-task leaves the task to another
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_DEFAULT_QUEUE = os.environ.get("CELERY_QUEUE", "factcheck")
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# A task taken by a worker that died without acknowledging it is handed to another worker after
# this many seconds (Redis broker). Longer than any one task: an import item takes seconds.
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": int(os.environ.get("CELERY_VISIBILITY_TIMEOUT", "3600"))
}
# How often the scheduler (`celery -A factcheck beat`) looks for feeds that are due.
FEEDS_CHECK_SECONDS = int(os.environ.get("FEEDS_CHECK_SECONDS", "60"))
CELERY_BEAT_SCHEDULE = {
    "feeds-due": {"task": "factcheck.ledger.tasks.feeds_run_due", "schedule": FEEDS_CHECK_SECONDS}
}

# Who publishes the fact-checks (schema.org ClaimReview author).
NEWSROOM_NAME = os.environ.get("NEWSROOM_NAME", "factcheck")
NEWSROOM_URL = os.environ.get("NEWSROOM_URL", "http://127.0.0.1:8000/")

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.SessionAuthentication",
        "factcheck.api.authentication.TokenAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["factcheck.api.permissions.ReadPublishedWriteEditor"],
    "DEFAULT_FILTER_BACKENDS": [
        "django_filters.rest_framework.DjangoFilterBackend",
        "rest_framework.filters.OrderingFilter",
    ],
    "DEFAULT_PARSER_CLASSES": ["factcheck.api.parsers.JSONParser"],
    "DEFAULT_PAGINATION_CLASS": "factcheck.api.pagination.Pagination",
    "PAGE_SIZE": 50,
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_THROTTLE_CLASSES": [
        "rest_framework.throttling.AnonRateThrottle",
        "rest_framework.throttling.UserRateThrottle",
    ],
    "DEFAULT_THROTTLE_RATES": {
        "anon": os.environ.get("API_ANON_RATE", "120/minute"),
        "user": os.environ.get("API_USER_RATE", "1200/minute"),
    },
}

# API tokens are stored hashed (django-rest-knox) and shown once; 0 days: they never expire.
API_TOKEN_TTL_DAYS = int(os.environ.get("API_TOKEN_TTL_DAYS", "90"))
REST_KNOX = {
    "TOKEN_TTL": dt.timedelta(days=API_TOKEN_TTL_DAYS) if API_TOKEN_TTL_DAYS else None,
    "AUTH_HEADER_PREFIX": "Token",
}

SPECTACULAR_SETTINGS = {
    "TITLE": "factcheck API",
    "DESCRIPTION": "A newsroom's sourced ledger of claims: articles, claims, actors, events, "
    "topics, positions and links.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
}

LOGIN_URL = "admin:login"
