"""
Production settings for the benchmark, plus what it measures with: a bare
Django view to compare against, and a header with each response's SQL query
count. Never used outside `make bench`.
"""

import os

os.environ.setdefault("SECRET_KEY", "bench-only-not-secret")

from cms.settings.production import *  # noqa: E402, F403
from cms.settings.production import MIDDLEWARE, TASK_QUEUES  # noqa: E402

ROOT_URLCONF = "bench.urls"
SECURE_SSL_REDIRECT = False
SECURE_HSTS_SECONDS = 0
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
MIDDLEWARE = ["bench.middleware.QueryCountMiddleware", *MIDDLEWARE]
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend", "QUEUES": TASK_QUEUES}}
LOGGING = {"version": 1, "disable_existing_loggers": False, "root": {"level": "ERROR"}}
