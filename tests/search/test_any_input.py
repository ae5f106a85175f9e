"""Any query string, page number or filter value, on PostgreSQL, the engine and SQLite: never a 5xx."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from .fuzz import check_every_entry_point, languages, queries, values

FUZZ = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@pytest.mark.django_db
@FUZZ
@given(query=queries, page=values, kind=values, topic=values, country=values, year=values, language=languages)
def test_any_input_on_postgresql(client, settings, query, page, kind, topic, country, year, language):
    settings.SEARCH_URL = ""
    settings.SEARCH_LOG_QUERIES = False
    check_every_entry_point(client, query, page, kind, topic, country, year, language)


@pytest.mark.django_db
@FUZZ
@given(query=queries, page=values, kind=values, topic=values, country=values, year=values, language=languages)
def test_any_input_on_the_engine(client, engine, settings, query, page, kind, topic, country, year, language):
    settings.SEARCH_LOG_QUERIES = False
    check_every_entry_point(client, query, page, kind, topic, country, year, language)


def test_any_input_on_sqlite(tmp_path):
    """A fresh SQLite database with pages in six languages, in its own process (the suite runs on PostgreSQL)."""
    root = Path(__file__).resolve().parent.parent.parent
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.test",
        "ALLOW_SQLITE_TESTS": "1",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'fuzz.sqlite3'}",
        "SEARCH_URL": "",
    }
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-m", "tests.search.sqlite_fuzz"],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-6000:]
    assert "SQLite: every entry point answered" in result.stdout
