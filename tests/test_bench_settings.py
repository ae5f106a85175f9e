"""`make bench` runs manage.py under bench.settings before it serves anything."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_the_benchmark_settings_start_with_production_task_queues():
    env = {
        **{k: v for k, v in os.environ.items() if k not in {"DJANGO_SETTINGS_MODULE", "SECRET_KEY"}},
        "DATABASE_URL": "postgres://user:pass@127.0.0.1:5432/gnwict_bench",
        "REDIS_URL": "redis://127.0.0.1:6379/0",
        "SEARCH_URL": "",
    }
    result = subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", "check", "--settings=bench.settings"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
