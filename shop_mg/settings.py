"""Settings for the demo shop around the `catalog` app, read from the environment.

`make run` sets DJANGO_DEBUG=1 and uses the defaults (SQLite file, a development SECRET_KEY).
Production sets DJANGO_SECRET_KEY, DJANGO_ALLOWED_HOSTS, DJANGO_SECURE=1 and DATABASE_URL and
leaves DJANGO_DEBUG unset; `manage.py check --deploy` is then clean. Without DJANGO_SECRET_KEY
the site refuses to start when it serves with DEBUG off (gunicorn through shop_mg.wsgi/asgi)
or when DJANGO_SECURE=1; tests and management commands fall back to a development key, which
`check --deploy` reports (security.W009).
"""

import logging
import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
import structlog
from csp.constants import NONCE, NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from catalog.database import RANDOM_PAGE_COST, tuned_database

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


DEBUG = env_bool("DJANGO_DEBUG", False)
SECURE = not DEBUG and env_bool("DJANGO_SECURE", False)
# Only good for development and tests. The "django-insecure-" prefix makes Django's own
# deploy check (security.W009) flag it wherever it ends up in use.
DEV_SECRET_KEY = "django-insecure-magnesium-catalog-development-key-0123456789abcdef"
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    # shop_mg.wsgi and shop_mg.asgi (what gunicorn serves) set DJANGO_REQUIRE_SECRET_KEY=1.
    if not DEBUG and (SECURE or env_bool("DJANGO_REQUIRE_SECRET_KEY", False)):
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY must be set in production (or DJANGO_DEBUG=1 for development)."
        )
    SECRET_KEY = DEV_SECRET_KEY

ALLOWED_HOSTS = [
    h.strip()
    for h in os.environ.get("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost,testserver").split(",")
    if h.strip()
]

INSTALLED_APPS = [
    "modeltranslation",  # must come before django.contrib.admin
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "rest_framework",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "csp",
    "axes",  # admin login lockout (attempts in the database)
    "django_structlog",
    "catalog",
]

# Operations (see the README's "Deploying"): metrics only when DJANGO_METRICS=1.
METRICS = env_bool("DJANGO_METRICS", False)

MIDDLEWARE = [
    "shop_mg.health.HealthMiddleware",  # /healthz, /readyz: before redirects and host checks
    *(["django_prometheus.middleware.PrometheusBeforeMiddleware"] if METRICS else []),
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django_structlog.middlewares.RequestMiddleware",  # one JSON line per request
    "shop_mg.observability.QueryCountMiddleware",  # its duration and query count
    "shop_mg.db_routing.ReplicaRoutingMiddleware",  # anonymous reads to replicas (if any)
    "shop_mg.middleware.RequestSizeLimitMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "axes.middleware.AxesMiddleware",  # last, as django-axes asks
    "shop_mg.db_retry.RetryReadOnDroppedConnectionMiddleware",  # its exception hook runs first
    *(["django_prometheus.middleware.PrometheusAfterMiddleware"] if METRICS else []),
]

ROOT_URLCONF = "shop_mg.urls"

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

WSGI_APPLICATION = "shop_mg.wsgi.application"

# The embedded default is a SQLite file; PostgreSQL through DATABASE_URL.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
        # A kept connection is checked (SELECT 1) before a request's first query, so one
        # dropped by a failover or a database restart is replaced instead of failing.
        conn_health_checks=env_bool("DATABASE_CONN_HEALTH_CHECKS", True),
    )
}
# The catalog's PostgreSQL planner setting (catalog.database; README, "PostgreSQL"):
# DATABASE_RANDOM_PAGE_COST overrides it, "" keeps the server's value.
_random_page_cost = os.environ.get("DATABASE_RANDOM_PAGE_COST", str(RANDOM_PAGE_COST)).strip()
try:
    DATABASES["default"] = tuned_database(  # type: ignore[assignment]
        DATABASES["default"], random_page_cost=_random_page_cost
    )
except ValueError:
    raise ImproperlyConfigured(
        f"DATABASE_RANDOM_PAGE_COST must be a number, not {_random_page_cost!r}"
    ) from None
# Read replicas (shop_mg/db_routing.py): anonymous reads go to one of them, writes, the
# admin, logged-in users and read-after-write to the primary. Each replica is a test mirror
# of the primary, so tests need no second database.
DATABASE_REPLICA_URLS = os.environ.get("DATABASE_REPLICA_URLS", "")
for _i, _url in enumerate([u.strip() for u in DATABASE_REPLICA_URLS.split(",") if u.strip()], 1):
    DATABASES[f"replica_{_i}"] = {
        **dj_database_url.parse(
            _url,
            conn_max_age=DATABASES["default"].get("CONN_MAX_AGE", 0),
            conn_health_checks=DATABASES["default"].get("CONN_HEALTH_CHECKS", False),
        ),
        "OPTIONS": dict(DATABASES["default"].get("OPTIONS", {})),
        "TEST": {"MIRROR": "default"},
    }
DATABASE_ROUTERS = ["shop_mg.db_routing.PrimaryReplicaRouter"] if len(DATABASES) > 1 else []
# How long a browser that wrote reads from the primary (longer than the replicas' lag).
DATABASE_REPLICA_PIN_SECONDS = int(os.environ.get("DATABASE_REPLICA_PIN_SECONDS", "15"))
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            # Django's Redis backend, one redis-py client per pool (shop_mg/redis_cache.py).
            "BACKEND": "shop_mg.redis_cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "mgcat",
            # A Redis that does not answer costs a request at most this long per attempt
            # (redis-py waits forever by default).
            "OPTIONS": {
                "socket_connect_timeout": float(os.environ.get("REDIS_CONNECT_TIMEOUT", "0.5")),
                "socket_timeout": float(os.environ.get("REDIS_SOCKET_TIMEOUT", "0.5")),
            },
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Dutch first, English second.
LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Dutch")), ("en", _("English"))]
MODELTRANSLATION_FALLBACK_LANGUAGES = ("nl", "en")
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = BASE_DIR / "media"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedStaticFilesStorage"
        )
    },
}

# "off" turns throttling off (benchmarks: one anonymous client sending thousands of requests).
_anon_rate = os.environ.get("DJANGO_API_ANON_RATE", "600/minute").strip()
API_ANON_RATE = None if _anon_rate.lower() in {"", "0", "off", "none"} else _anon_rate

# The catalog's API declares its own authentication, permissions, throttle, parsers, renderer
# and schema (catalog/api/base.py): the demo needs no more of DRF's settings than the proxies.
REST_FRAMEWORK = {
    # Reverse proxies in front of the app (X-Forwarded-For); 0/unset trusts REMOTE_ADDR only.
    "NUM_PROXIES": int(os.environ.get("DJANGO_NUM_PROXIES", "0")) or None,
}

# The catalog's own settings (defaults in catalog/conf.py).
CATALOG = {
    "DEFAULT_MARKET": os.environ.get("CATALOG_DEFAULT_MARKET", "EU"),
    # Anonymous clients share a generous budget per IP (cache-backed; Redis in production),
    # answered with 429 and Retry-After beyond it. Authenticated clients are not throttled.
    "API_ANON_RATE": API_ANON_RATE,
    # The demo catalog has no photos: generated packshots (catalog/packshots.py) stand in.
    "PACKSHOTS": os.environ.get("CATALOG_PACKSHOTS", "1") == "1",
}

# Logs: one JSON object a line on stderr (django-structlog): a `request_finished` line per
# request with request_id, code, duration_ms, db_queries, ip and user_id
# (DJANGO_ACCESS_LOG=0 turns those off), and warnings and errors. DJANGO_LOG_FORMAT=console
# prints them for people instead.
ACCESS_LOG = env_bool("DJANGO_ACCESS_LOG", True)
_renderer = (
    structlog.dev.ConsoleRenderer(colors=False)
    if os.environ.get("DJANGO_LOG_FORMAT", "json") == "console"
    else structlog.processors.JSONRenderer()
)
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "structured": {
            "()": structlog.stdlib.ProcessorFormatter,
            "processor": _renderer,
            "foreign_pre_chain": [
                structlog.contextvars.merge_contextvars,
                structlog.processors.TimeStamper(fmt="iso"),
                structlog.stdlib.add_logger_name,
                structlog.stdlib.add_log_level,
            ],
        }
    },
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "structured"}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "WARNING")},
    "loggers": {
        "django_structlog": {"level": "INFO" if ACCESS_LOG else "WARNING"},
        "axes": {"level": "WARNING"},
    },
}
structlog.configure(
    processors=[
        structlog.contextvars.merge_contextvars,
        structlog.stdlib.filter_by_level,
        structlog.processors.TimeStamper(fmt="iso"),
        structlog.stdlib.add_logger_name,
        structlog.stdlib.add_log_level,
        structlog.processors.StackInfoRenderer(),
        structlog.processors.format_exc_info,
        structlog.processors.UnicodeDecoder(),
        structlog.stdlib.ProcessorFormatter.wrap_for_formatter,
    ],
    logger_factory=structlog.stdlib.LoggerFactory(),
    cache_logger_on_first_use=True,
)
# request_started would double the lines; request_finished carries all of it.
DJANGO_STRUCTLOG_STATUS_START_LOG_LEVEL = logging.DEBUG
# Behind a proxy, keep the request id it assigned (X-Request-ID), so its log and ours join.
DJANGO_STRUCTLOG_TRUST_UPSTREAM_REQUEST_ID = int(os.environ.get("DJANGO_NUM_PROXIES", "0")) > 0

# Metrics (django-prometheus) at /metrics, when DJANGO_METRICS=1: requests, responses,
# latencies, and database queries and errors. Not public: only with
# `Authorization: Bearer $DJANGO_METRICS_TOKEN` or for a staff user; anyone else gets 404.
# With several gunicorn workers set PROMETHEUS_MULTIPROC_DIR (see gunicorn.conf.py).
METRICS_TOKEN = os.environ.get("DJANGO_METRICS_TOKEN", "")
if METRICS:
    INSTALLED_APPS.append("django_prometheus")
    for _db in DATABASES.values():
        _engine = _db.get("ENGINE", "")
        if _engine.startswith("django.db.backends."):
            _db["ENGINE"] = _engine.replace("django.db.backends.", "django_prometheus.db.backends.")

# Production hardening (see `manage.py check --deploy`).
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True

# Request bodies: form and JSON bodies up to DATA_UPLOAD_MAX_MEMORY_SIZE; multipart uploads
# (the admin's CSV/XLSX import, at most 20 MB a file) up to MAX_UPLOAD_BODY_SIZE. Larger
# bodies are refused with 413 before anything reads them (shop_mg.middleware).
DATA_UPLOAD_MAX_MEMORY_SIZE = int(os.environ.get("DJANGO_MAX_BODY_BYTES", str(2_621_440)))
DATA_UPLOAD_MAX_NUMBER_FIELDS = 1000
MAX_UPLOAD_BODY_SIZE = int(os.environ.get("DJANGO_MAX_UPLOAD_BYTES", str(25 * 1024 * 1024)))

# Admin login (django-axes, attempts kept in the database, so a lock holds through a cache
# outage and across processes): after this many failed logins for one IP and username, the
# login answers 429 with Retry-After until the window has passed.
ADMIN_LOGIN_MAX_FAILURES = int(os.environ.get("DJANGO_ADMIN_LOGIN_MAX_FAILURES", "5"))
ADMIN_LOGIN_LOCKOUT_SECONDS = int(os.environ.get("DJANGO_ADMIN_LOGIN_LOCKOUT_SECONDS", "900"))
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_ONLY_ADMIN_SITE = True
AXES_FAILURE_LIMIT = ADMIN_LOGIN_MAX_FAILURES
AXES_COOLOFF_TIME = timedelta(seconds=ADMIN_LOGIN_LOCKOUT_SECONDS)
AXES_LOCKOUT_PARAMETERS = [["ip_address", "username"]]
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "shop_mg.middleware.client_ip"  # trusts NUM_PROXIES, like the API
AXES_LOCKOUT_CALLABLE = "shop_mg.middleware.admin_lockout_response"
AXES_DISABLE_ACCESS_LOG = True  # failures are enough; the request log has the rest

# Content Security Policy (django-csp 4): no inline script or style anywhere. A template that
# needs an inline <style> or <script> gives it nonce="{{ request.csp_nonce }}". JSON-LD
# blocks (<script type="application/ld+json">) are data, not scripts: CSP leaves them alone.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF, NONCE],
        "img-src": [
            SELF,
            "data:",
            *os.environ.get("DJANGO_CSP_IMG_HOSTS", "").split(),
        ],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}

if SECURE:
    SECURE_SSL_REDIRECT = True
    SECURE_HSTS_SECONDS = 31536000
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    CONTENT_SECURITY_POLICY["DIRECTIVES"]["upgrade-insecure-requests"] = True
