"""
Numbers the site reads from the environment: a value that is not a number
stops the start with a message that names the variable, and an empty one
means the default.
"""

import os
import subprocess
import sys

import pytest

from tests.servers import ROOT

SHOW = "from django.conf import settings; import django; django.setup(); print(settings.{name})"


def start(settings_module, name, value):
    env = {key: item for key, item in os.environ.items() if key != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    # What production requires besides; the settings only read these, nothing connects.
    required = {"SECRET_KEY": "x" * 60, "REDIS_URL": "redis://127.0.0.1:6379/0", "SEARCH_URL": ""}
    env.update({**required, "DJANGO_SETTINGS_MODULE": settings_module, name: value})
    return subprocess.run(  # noqa: S603 (our own settings, in a process of their own)
        [sys.executable, "-c", SHOW.format(name=name)], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )


@pytest.mark.parametrize(
    ("settings_module", "name", "value", "kind"),
    [
        ("cms.settings.dev", "TRUSTED_PROXY_COUNT", "one", "a whole number"),
        ("cms.settings.dev", "PAGE_CACHE_SECONDS", "1h", "a whole number"),
        ("cms.settings.dev", "SEARCH_TIMEOUT", "2s", "a number"),
        ("cms.settings.dev", "WEBHOOK_BACKOFF_SECONDS", "30.5", "a whole number"),
        ("cms.settings.production", "SECURE_HSTS_SECONDS", "a year", "a whole number"),
    ],
)
def test_a_value_that_is_not_a_number_names_the_variable(settings_module, name, value, kind):
    result = start(settings_module, name, value)
    assert result.returncode != 0
    assert f"ImproperlyConfigured: {name} must be {kind}, not {value!r}." in result.stderr


def test_an_empty_value_means_the_default():
    result = start("cms.settings.dev", "PAGE_CACHE_SECONDS", "")
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["3600"]
