"""
The demo content (what `make run` shows), in a fresh database of its own: the
one test that reads it. Every other test builds its own data (tests/site.py),
so this test checks the demo as a whole and no word of it: loaded as `make run`
loads it, every page it lists renders for a reader in each language, loading it
again adds nothing, its search index builds and finds its pages, and the API
lists them.
"""

import os
import re
import subprocess
import sys
from urllib.parse import urlencode, urlsplit

import pytest
from django.conf import settings
from wagtail import hooks

from tests import servers

LANGUAGES = [code for code, _name in settings.LANGUAGES]

COUNTS = (
    "from wagtail.models import Page; from wagtail.images import get_image_model; "
    "from members.models import Member; from home.demo.pictures import COLLECTION_NAME; "
    "images = get_image_model().objects; "
    "print(Page.objects.count(), Member.objects.count(), images.count(), "
    "images.exclude(collection__name=COLLECTION_NAME).count(), images.filter(description='').count())"
)


def manage(environment, *arguments):
    done = subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", *arguments],
        cwd=servers.ROOT,
        env={**os.environ, **environment},
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    assert done.returncode == 0, f"manage.py {' '.join(arguments)}:\n{done.stdout}\n{done.stderr}"
    return done.stdout


def counts(environment):
    """Pages, members, images, images not drawn by the project, images with no description."""
    return manage(environment, "shell", "--no-imports", "-c", COUNTS).splitlines()[-1].split()


@pytest.mark.search_engine
def test_demo_content_loads_renders_in_every_language_is_searchable_and_listed(demo_database, engine, tmp_path):
    prefix = f"demo-smoke-{os.getpid()}"
    # The settings `make run` serves with: the pictures are files on disk, not the tests' in-memory storage.
    environment = {
        "DJANGO_SETTINGS_MODULE": "cms.settings.dev",
        "DATABASE_URL": demo_database.url,
        "SEARCH_URL": settings.SEARCH_URL,
        "SEARCH_INDEX_PREFIX": prefix,
        "MEDIA_ROOT": demo_database.media_root,
        # A busy machine answers slowly; a fallback to the database search would not test the index.
        "SEARCH_TIMEOUT": "15",
    }
    # Loaded section by section, each saying so as it starts.
    sections = len(hooks.get_hooks("load_demo_content"))
    assert re.findall(r"^\[(\d+)/(\d+)\] ", demo_database.prepared_output, re.M) == [
        (str(n), str(sections)) for n in range(1, sections + 1)
    ]
    # Loading it again changes nothing; every picture is the project's own drawing, described.
    before = counts(environment)
    manage(environment, "load_demo_content")
    after = counts(environment)
    assert before == after
    pages, members, images, foreign_images, undescribed = map(int, after)
    assert pages > 6 * 5 and members > 0 and images > 0
    assert foreign_images == 0 and undescribed == 0

    server = None
    try:
        manage(environment, "update_index")
        # Every picture drawn in every size first, as the test site's are (tests/pictures.py).
        manage(
            environment, "shell", "--no-imports", "-c", "from tests.pictures import make_renditions; make_renditions()"
        )
        server = servers.start_server(database_url=demo_database.url, env=environment)
        for code in LANGUAGES:
            listed = server.get(f"/api/v2/pages/?locale={code}&limit=100&fields=title", timeout=120)
            assert listed.status == 200, listed.text
            items = listed.json()["items"]
            assert listed.json()["meta"]["total_count"] == len(items) > 5, code
            for item in items:
                page = server.get(urlsplit(item["meta"]["html_url"]).path, timeout=120)
                assert page.status == 200, f"{item['meta']['html_url']}: {page.status}"
                assert f'<html lang="{code}"' in page.text, item["meta"]["html_url"]

            members_listed = server.get(f"/api/v2/members/?locale={code}")
            assert members_listed.status == 200 and members_listed.json()["items"], code
            profile = server.get(urlsplit(members_listed.json()["items"][0]["url"]).path)
            assert profile.status == 200 and f'<html lang="{code}"' in profile.text, code

            article = next(item for item in items if item["meta"]["type"] == "articles.ArticlePage")
            found = server.get("/api/v2/search/?" + urlencode({"q": article["title"], "locale": code}))
            assert found.status == 200, found.text
            assert found.json()["backend"] == "engine", code
            assert article["title"] in [hit["title"] for hit in found.json()["results"]], code
    finally:
        if server is not None:
            server.stop()
        engine.indices.delete(index=f"{prefix}-*", ignore_unavailable=True)
