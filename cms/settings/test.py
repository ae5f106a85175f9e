"""Settings for the test suite: PostgreSQL and the real search engine."""

import atexit
import os
import shutil
import tempfile

from .base import *  # noqa: F403
from .base import DATABASES, env_float

SECRET_KEY = "test-only-insecure-key"  # noqa: S105
DEBUG = False
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
WAGTAILADMIN_BASE_URL = "http://testserver"

if not DATABASES["default"]["ENGINE"].endswith("postgresql") and not os.environ.get("ALLOW_SQLITE_TESTS"):
    raise RuntimeError("The test suite runs on PostgreSQL: set DATABASE_URL (make test does this for you).")

# Media on disk in a folder of this run's own: unlike an in-memory storage,
# the files outlive a test that swaps the storage for a moment (Django builds a
# new storage object when STORAGES or MEDIA_ROOT changes and back).
MEDIA_ROOT = tempfile.mkdtemp(prefix="gnwict-test-media-")
atexit.register(shutil.rmtree, MEDIA_ROOT, ignore_errors=True)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Each test run has indexes of its own, so a run never sees another's data.
SEARCH_INDEX_PREFIX = os.environ.get("SEARCH_INDEX_PREFIX", f"test-{os.getpid()}")
# The shared engine on a busy two-core machine can take seconds to answer: a
# slow answer must not open the circuit breaker and send later tests to the
# database. Outage tests set their own short deadline.
SEARCH_TIMEOUT = env_float("SEARCH_TIMEOUT", 10)
if SEARCH_URL:  # noqa: F405
    WAGTAILSEARCH_BACKENDS["default"]["INDEX_PREFIX"] = f"{SEARCH_INDEX_PREFIX}-wagtail-"  # noqa: F405
    WAGTAILSEARCH_BACKENDS["default"]["TIMEOUT"] = SEARCH_TIMEOUT  # noqa: F405
# Tests search right after publishing: make each index write visible at once.
SEARCH_REFRESH_ON_WRITE = True
# Tests run the catch-up of missed index updates themselves (or through a real
# worker with its own setting); no timer thread should fire during the run.
SEARCH_CATCH_UP_SECONDS = env_float("SEARCH_CATCH_UP_SECONDS", 3600)
