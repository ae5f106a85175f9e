"""
Settings shared by every environment. Values that differ between machines come
from the environment; nothing secret lives here.
"""

import datetime
import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _
from redis.backoff import NoBackoff
from redis.retry import Retry

from cms.redis_urls import next_redis_database, redis_url

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_int(name, default):
    return _env_number(name, default, int, "a whole number")


def env_float(name, default):
    return _env_number(name, default, float, "a number")


def _env_number(name, default, kind, described):
    # A typo in a deployment's environment stops the start with the variable's
    # name, not a bare "invalid literal for int()" from the middle of this file.
    value = os.environ.get(name, "").strip()
    if not value:
        return kind(default)
    try:
        return kind(value)
    except ValueError as error:
        raise ImproperlyConfigured(f"{name} must be {described}, not {value!r}.") from error


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", False)
SECRET_KEY = os.environ.get("SECRET_KEY", "")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "home",
    "articles",
    "events",
    "members",
    "search",
    "headless",
    "translation_workflow",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail.api.v2",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_countries",
    "django_filters",
    "django_tasks_db",
    "axes",
    "rest_framework",
    "corsheaders",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.sitemaps",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
]

MIDDLEWARE = [
    "cms.middleware.PermissionsPolicyMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "cms.middleware.RejectMalformedHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "home.page_cache.PageCacheMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "cms.middleware.LocaleMiddleware",
    "cms.middleware.RejectNulCharactersMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "cms.middleware.APICachingMiddleware",
    "translation_workflow.admin_direction.AdminContentDirectionMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "search.notices.SearchNoticeMiddleware",
    "cms.middleware.IncompleteFormMiddleware",
    # Last, as django-axes asks: turns a locked-out sign-in into a 429.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "cms.urls"
WSGI_APPLICATION = "cms.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# Database: a SQLite file unless DATABASE_URL says otherwise (PostgreSQL in
# tests and production).
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=env_int("DB_CONN_MAX_AGE", 0),
        conn_health_checks=True,
    )
}
# A database host that drops packets must not hold a worker for the kernel's
# TCP timeout (minutes), nor a runaway query hold it for ever: both end in a
# 503 with Retry-After (home/errors.py). Seconds; 0 turns either off.
DB_CONNECT_TIMEOUT = env_int("DB_CONNECT_TIMEOUT", 3)
DB_STATEMENT_TIMEOUT = env_float("DB_STATEMENT_TIMEOUT", 20)
if DATABASES["default"]["ENGINE"].endswith("postgresql"):
    _db_options = DATABASES["default"].setdefault("OPTIONS", {})
    if DB_CONNECT_TIMEOUT:
        _db_options.setdefault("connect_timeout", DB_CONNECT_TIMEOUT)
    if DB_STATEMENT_TIMEOUT:
        _statement_timeout = f"-c statement_timeout={int(DB_STATEMENT_TIMEOUT * 1000)}"
        _db_options["options"] = " ".join(filter(None, [_db_options.get("options"), _statement_timeout]))
# A link that goes silent while a connection is open: the kernel gives up
# on unacknowledged data after DB_TCP_USER_TIMEOUT and probes an idle
# connection after DB_KEEPALIVES_IDLE (libpq options); and any query that
# has no answer after DB_QUERY_DEADLINE has its connection closed by the
# site (home/query_deadline.py), whatever the network does. Seconds; 0 off.
DB_TCP_USER_TIMEOUT = env_int("DB_TCP_USER_TIMEOUT", 30)
DB_KEEPALIVES_IDLE = env_int("DB_KEEPALIVES_IDLE", 10)
DB_QUERY_DEADLINE = env_float("DB_QUERY_DEADLINE", DB_STATEMENT_TIMEOUT + 5)
if DATABASES["default"]["ENGINE"].endswith("postgresql"):
    if DB_KEEPALIVES_IDLE:
        _db_options.setdefault("keepalives", 1)
        _db_options.setdefault("keepalives_idle", DB_KEEPALIVES_IDLE)
        _db_options.setdefault("keepalives_interval", 5)
        _db_options.setdefault("keepalives_count", 3)
    if DB_TCP_USER_TIMEOUT:
        _db_options.setdefault("tcp_user_timeout", DB_TCP_USER_TIMEOUT * 1000)  # milliseconds
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTHENTICATION_BACKENDS = [
    # First: refuses locked-out clients before any password is checked.
    "home.logins.LockoutBackend",
    "django.contrib.auth.backends.ModelBackend",
]

# The number of proxies in front of the site that append to X-Forwarded-For
# (one TLS proxy: 1). Rate limits and sign-in lockouts read the client's
# address that many entries from the right; 0 means REMOTE_ADDR.
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)

# Sign-in protection (django-axes, home.logins): failures per account from one
# address, per address across accounts, and per account across addresses; a
# locked-out client waits LOGIN_COOLOFF_MINUTES and gets HTTP 429 meanwhile.
AXES_HANDLER = "home.logins.TieredLockoutHandler"
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"], "ip_address", "username"]
LOGIN_FAILURE_LIMITS = {"username+ip_address": 5, "ip_address": 20, "username": 50}
AXES_FAILURE_LIMIT = LOGIN_FAILURE_LIMITS["username+ip_address"]
AXES_COOLOFF_TIME = datetime.timedelta(minutes=env_int("LOGIN_COOLOFF_MINUTES", 15))
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "home.abuse.client_address"
AXES_LOCKOUT_CALLABLE = "home.logins.lockout_response"
AXES_HTTP_RESPONSE_CODE = 429
AXES_ENABLE_ADMIN = False
AXES_VERBOSE = False

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Cache: Redis when REDIS_URL is set (required with several workers, so that
# what one worker purges is purged for all), else a per-process cache for a
# single development server.
# Everything in it can be recomputed: while Redis is unreachable pages are
# served uncached, each call waiting at most the socket timeouts, and the
# process skips Redis for REDIS_RETRY_AFTER seconds after a failure
# (home/redis_cache.py). redis-py's own retries would multiply the wait.
if REDIS_URL := os.environ.get("REDIS_URL"):

    def redis_cache(location):
        return {
            "BACKEND": "home.redis_cache.RedisCache",
            "LOCATION": location,
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "gnwict"),
            "RETRY_AFTER": env_float("REDIS_RETRY_AFTER", 10),
            "OPTIONS": {
                "socket_connect_timeout": env_float("REDIS_CONNECT_TIMEOUT", 0.5),
                "socket_timeout": env_float("REDIS_TIMEOUT", 0.5),
                "retry": Retry(NoBackoff(), 0),
            },
        }

    CACHES = {
        "default": redis_cache(redis_url("REDIS_URL", REDIS_URL)),
        # Stored pages and page parts (home.page_cache), in a database of
        # their own so that clearing them leaves the site-wide caches alone.
        "pages": redis_cache(
            redis_url("PAGE_CACHE_REDIS_URL", page_url)
            if (page_url := os.environ.get("PAGE_CACHE_REDIS_URL"))
            else next_redis_database(REDIS_URL)
        ),
    }
else:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "site"},
        "pages": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "pages"},
    }
# How long anonymous readers may be served a stored page (home.page_cache);
# changes purge it sooner. 0 turns the page cache off.
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 3600)

# Internationalisation: the six official languages of the United Nations.
LANGUAGE_CODE = "en"
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES = [
    ("ar", _("Arabic")),
    ("zh-hans", _("Chinese")),
    ("en", _("English")),
    ("fr", _("French")),
    ("ru", _("Russian")),
    ("es", _("Spanish")),
]
LANGUAGES_BIDI = ["ar"]
LOCALE_PATHS = [BASE_DIR / "locale"]
# Dates read the same in the page and in the reader's browser (see cms/formats).
FORMAT_MODULE_PATH = ["cms.formats"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "UTC"

# Static files and media.
STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [PROJECT_DIR / "static"]
STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
MEDIA_URL = os.environ.get("MEDIA_URL", "/media/")
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
if AWS_STORAGE_BUCKET_NAME := os.environ.get("AWS_STORAGE_BUCKET_NAME"):
    # S3-compatible media storage; credentials come from the usual AWS_*
    # variables or the instance role.
    STORAGES["default"] = {"BACKEND": "storages.backends.s3.S3Storage"}
    AWS_S3_ENDPOINT_URL = os.environ.get("AWS_S3_ENDPOINT_URL") or None
    AWS_S3_REGION_NAME = os.environ.get("AWS_S3_REGION_NAME") or None
    AWS_S3_CUSTOM_DOMAIN = os.environ.get("AWS_S3_CUSTOM_DOMAIN") or None
    AWS_DEFAULT_ACL = None
    AWS_S3_FILE_OVERWRITE = False
    AWS_QUERYSTRING_AUTH = False

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# Email: SMTP when EMAIL_HOST is set, otherwise printed to the console.
if email_host := os.environ.get("EMAIL_HOST"):
    MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {
                "host": email_host,
                "port": env_int("EMAIL_PORT", 587),
                "username": os.environ.get("EMAIL_HOST_USER", ""),
                "password": os.environ.get("EMAIL_HOST_PASSWORD", ""),
                "use_tls": env_bool("EMAIL_USE_TLS", True),
                "timeout": 10,
            },
        }
    }
else:
    MAILERS = {"default": {"BACKEND": "django.core.mail.backends.console.EmailBackend"}}
DEFAULT_FROM_EMAIL = os.environ.get(
    "DEFAULT_FROM_EMAIL", "Global Network of Women ICT Decision Makers <no-reply@localhost>"
)
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# Who hears about new article submissions and membership applications.
EDITORS_EMAIL = env_list("EDITORS_EMAIL", "editors@localhost")

# Background work (search index updates, reference index, webhook deliveries,
# machine translation) runs on Wagtail's django-tasks. "immediate" runs a task
# inside the request that enqueued it; "database" stores it for
# `manage.py db_worker` (the production default, see production.py).
TASK_BACKENDS = {
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
    "database": "django_tasks_db.DatabaseBackend",
}
# Webhook deliveries have a queue of their own (`db_worker --queue-name webhooks`),
# so a slow receiver never holds up index updates.
TASK_QUEUES = ["default", "webhooks"]
TASKS = {"default": {"BACKEND": TASK_BACKENDS[os.environ.get("TASKS_BACKEND", "immediate")], "QUEUES": TASK_QUEUES}}
# Tasks decorated with home.deadlines.retried run under a total deadline and,
# when they overrun or an outbound call fails, are recorded as failed and
# enqueued again after TASK_RETRY_BACKOFF, 2×, 4×, … seconds.
TASK_TIME_LIMIT = env_float("TASK_TIME_LIMIT", 600)
TASK_RETRY_BACKOFF = env_float("TASK_RETRY_BACKOFF", 60)
TASK_MAX_ATTEMPTS = env_int("TASK_MAX_ATTEMPTS", 5)

# Search: the database unless SEARCH_URL points at an OpenSearch 2/3 cluster
# (https://user:password@host:9200). The site search keeps one index per
# language (search/analysis.py); Wagtail's own backend serves the admin and
# the API's ?search=. Both fall back to the database when the engine fails,
# and skip it for SEARCH_BREAKER_SECONDS after a failure. See docs/search.md.
SEARCH_URL = os.environ.get("SEARCH_URL", "")
SEARCH_INDEX_PREFIX = os.environ.get("SEARCH_INDEX_PREFIX", "gnwict")
SEARCH_TIMEOUT = env_float("SEARCH_TIMEOUT", 2)
SEARCH_BREAKER_SECONDS = env_float("SEARCH_BREAKER_SECONDS", 30)
SEARCH_CATCH_UP_SECONDS = env_float("SEARCH_CATCH_UP_SECONDS", 30)
SEARCH_BACKEND_MODULE = os.environ.get("SEARCH_BACKEND", "opensearch2")
if SEARCH_URL:
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "search.backends",
            "ENGINE": f"wagtail.search.backends.{SEARCH_BACKEND_MODULE}",
            "FALLBACK": "database",
            "URLS": [SEARCH_URL],
            "INDEX_PREFIX": f"{SEARCH_INDEX_PREFIX}-wagtail-",
            "TIMEOUT": SEARCH_TIMEOUT,
            "OPTIONS": {"max_retries": 0},
        },
        # Never the engine: what Wagtail's searches fall back to.
        "database": {"BACKEND": "search.backends.database_backend"},
    }
else:
    WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.backends.database_backend"}}
# A search cluster: SEARCH_URL may name several nodes, comma-separated; a
# node that refuses a connection is skipped for the next. SEARCH_REPLICAS is
# how many copies of each index the other nodes keep: a range ("0-1") follows
# the number of nodes, so one node stays green and two keep a copy each.
SEARCH_REPLICAS = os.environ.get("SEARCH_REPLICAS", "0-1")
if SEARCH_URL:
    _search_urls = env_list("SEARCH_URL")
    WAGTAILSEARCH_BACKENDS["default"]["URLS"] = _search_urls
    WAGTAILSEARCH_BACKENDS["default"]["OPTIONS"]["max_retries"] = len(_search_urls) - 1
    WAGTAILSEARCH_BACKENDS["default"]["INDEX_SETTINGS"] = {
        "settings": {
            "index": {"auto_expand_replicas": SEARCH_REPLICAS}
            if "-" in SEARCH_REPLICAS
            else {"number_of_replicas": int(SEARCH_REPLICAS)}
        }
    }

# Wagtail.
WAGTAIL_SITE_NAME = "Global Network of Women ICT Decision Makers"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
# Checked from the image's header before it is decoded: a small file can
# describe an enormous image. The public submission form allows fewer.
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
PUBLIC_IMAGE_MAX_PIXELS = 25_000_000
# A file Pillow refuses while reading it gets a form error, not a server error.
WAGTAILIMAGES_IMAGE_FORM_BASE = "home.uploads.AdminImageForm"
WAGTAILEMBEDS_RESPONSIVE_HTML = True
WAGTAIL_ALLOW_UNICODE_SLUGS = False
# Page URLs end with a slash (headless.page_urls builds them the same way).
WAGTAIL_APPEND_SLASH = True
WAGTAILAPI_BASE_URL = os.environ.get("WAGTAILAPI_BASE_URL", WAGTAILADMIN_BASE_URL)
WAGTAILAPI_RICH_TEXT_FORMAT = "html"
WAGTAILAPI_LIMIT_MAX = 100
# One error shape, {"message": …}, for every API view (home/parameters.py).
REST_FRAMEWORK = {
    "EXCEPTION_HANDLER": "home.parameters.exception_handler",
    # No API address answers 406 to a browser's Accept header (headless/negotiation.py).
    "DEFAULT_CONTENT_NEGOTIATION_CLASS": "headless.negotiation.FallbackContentNegotiation",
}
# Machine translation for translators: DeepL if DEEPL_API_KEY is set, else a
# LibreTranslate server at LIBRETRANSLATE_URL, else none (the admin says so).
# Each call to the provider must complete within MACHINE_TRANSLATION_TIMEOUT
# seconds in all (translation_workflow/providers.py).
MACHINE_TRANSLATION_TIMEOUT = env_float("MACHINE_TRANSLATION_TIMEOUT", 30)
if deepl_key := os.environ.get("DEEPL_API_KEY"):
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "translation_workflow.providers.DeepLTranslator",
        "OPTIONS": {"AUTH_KEY": deepl_key},
    }
elif libretranslate_url := os.environ.get("LIBRETRANSLATE_URL"):
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "translation_workflow.providers.LibreTranslator",
        "OPTIONS": {"LIBRETRANSLATE_URL": libretranslate_url, "API_KEY": os.environ.get("LIBRETRANSLATE_API_KEY", "")},
    }
else:
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = None
# A translation submitted through wagtail-localize starts as a draft, even of a
# live page: it holds the source's text until translated, and a translator or
# moderator publishes it.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
WAGTAIL_PASSWORD_MANAGEMENT_ENABLED = True
# No Gravatar: it is unreachable offline (broken avatars) and tells a third
# party which editors use the admin. Wagtail shows its default avatar instead.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# Workflow notifications go to the moderators of each task, not to every superuser.
WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS = False

TAGGIT_CASE_INSENSITIVE = True

# API clients on other origins (a separate front end, a mobile app).
CORS_ALLOWED_ORIGINS = env_list("CORS_ALLOWED_ORIGINS")
CORS_URLS_REGEX = r"^/api/.*$"
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]
CORS_EXPOSE_HEADERS = ["ETag", "Last-Modified"]
# Headless preview: the front end's preview address (per site in the admin's
# settings, or this default) and how long a preview token lasts.
HEADLESS_PREVIEW_URL = os.environ.get("HEADLESS_PREVIEW_URL", "")
HEADLESS_PREVIEW_MAX_AGE = env_int("HEADLESS_PREVIEW_MAX_AGE", 600)
# Webhooks: the total time one delivery may take, and networks that receivers
# may be on although they are not public (none by default: see headless.webhooks).
WEBHOOK_TIMEOUT_SECONDS = env_float("WEBHOOK_TIMEOUT_SECONDS", 10)
WEBHOOK_ALLOWED_NETWORKS = env_list("WEBHOOK_ALLOWED_NETWORKS")
# Webhook retries wait this long, doubled after each failed attempt.
WEBHOOK_BACKOFF_SECONDS = env_int("WEBHOOK_BACKOFF_SECONDS", 30)
# How long shared caches (CDN, browsers) may keep public API responses.
API_CACHE_SECONDS = env_int("API_CACHE_SECONDS", 60)

# Content security policy for the public site; the Wagtail admin has its own
# (ADMIN_CSP, applied to the admin's views in cms.urls).
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:", *env_list("CSP_IMG_SRC")],
    "frame-src": [CSP.SELF, "https://www.youtube-nocookie.com", "https://www.youtube.com", "https://player.vimeo.com"],
    "frame-ancestors": [CSP.SELF],
    "form-action": [CSP.SELF],
    "base-uri": [CSP.SELF],
    "object-src": [CSP.NONE],
}

# Browser features nothing on the site (nor anything it embeds) may use.
PERMISSIONS_POLICY_DENIED = [
    "accelerometer",
    "camera",
    "display-capture",
    "geolocation",
    "gyroscope",
    "hid",
    "magnetometer",
    "microphone",
    "midi",
    "payment",
    "serial",
    "usb",
]

# The admin's policy. Wagtail's inline panels, date widgets and wagtail-localize's
# editor write small inline scripts and style attributes, so those are allowed
# inline; everything is still loaded from this site only, never framed by
# another, and forms post only here.
ADMIN_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.UNSAFE_INLINE],
    "style-src": [CSP.SELF, CSP.UNSAFE_INLINE],
    "img-src": [CSP.SELF, "data:", "blob:", *env_list("CSP_IMG_SRC")],
    "font-src": [CSP.SELF, "data:"],
    "connect-src": [CSP.SELF],
    "frame-src": SECURE_CSP["frame-src"],
    "worker-src": [CSP.SELF, "blob:"],
    "frame-ancestors": [CSP.SELF],
    "form-action": [CSP.SELF],
    "base-uri": [CSP.SELF],
    "object-src": [CSP.NONE],
}
# No avatars from gravatar.com and no update check: nothing in the admin is
# loaded from elsewhere.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False

SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "SAMEORIGIN"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"one_line_warning": {"()": "home.log_filters.OneLineWarning"}},
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
    "loggers": {
        "django.security.DisallowedHost": {"filters": ["one_line_warning"]},
        # Django's own console handler (DEBUG only) would print each of its
        # warnings a second time beside the root's: let them reach the root alone.
        "django": {"handlers": [], "level": os.environ.get("LOG_LEVEL", "WARNING"), "propagate": True},
        "opensearch": {"level": "ERROR"},
        "urllib3": {"level": "ERROR"},
    },
}

# Limits on what anonymous visitors may send, per client address (see
# TRUSTED_PROXY_COUNT) and hour: reader submissions to In Focus, images
# attached to them, applications to join, and password resets (per address,
# and per account across addresses). Public uploads are smaller than the
# admin's (WAGTAILIMAGES_MAX_UPLOAD_SIZE).
ARTICLE_SUBMISSIONS_PER_HOUR = 5
ARTICLE_UPLOADS_PER_HOUR = 20
MEMBERSHIP_APPLICATIONS_PER_HOUR = 5
PASSWORD_RESETS_PER_ADDRESS = 10
PASSWORD_RESETS_PER_ACCOUNT = 3
PUBLIC_IMAGE_MAX_UPLOAD_SIZE = 5 * 1024 * 1024

# Wagtail's moderation workflows: In Focus submissions go through the review workflow.
WAGTAIL_WORKFLOW_ENABLED = True
# Every search is logged (search.models.SearchQueryLog) for the promotions report.
SEARCH_LOG_QUERIES = True
# Each index write waits until the engine shows it (the test settings turn this on).
SEARCH_REFRESH_ON_WRITE = False
# Serve uploaded files from Django (the development settings only; production
# uses S3 or the web server).
SERVE_MEDIA = False
# Bylines in articles link to profiles of this model; empty for names only
# (articles then installs without members: docs/architecture.md).
ARTICLES_AUTHOR_PROFILE_MODEL = "members.Member"
