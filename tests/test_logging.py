"""`make run` prints each log line once (Django's own console handler used to repeat the root's)."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PROBE = (
    "import django, logging; django.setup(); "
    "logging.getLogger('django.request').warning('Not Found: /probe/'); "
    "logging.getLogger('search.query').warning('search probe')"
)


@pytest.mark.parametrize("debug", ["1", "0"])
def test_each_warning_is_printed_once(debug):
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "cms.settings.dev", "DEBUG": debug, "DATABASE_URL": "sqlite://"}
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-c", PROBE], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr.count("Not Found: /probe/") == 1, result.stderr
    assert result.stderr.count("search probe") == 1, result.stderr
