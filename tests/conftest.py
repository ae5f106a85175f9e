"""
Shared fixtures. The test site (tests/site.py: every section, six languages,
built with factories, never the demo content) is built once per run, after
the test database is created, and committed: tests run in transactions on
top of it and roll back, and the browser tests' live server reads it from its
own connection.
"""

import dataclasses
import io
import mimetypes
import os
import subprocess
import sys
import threading
from pathlib import Path
from urllib.parse import urlsplit
from wsgiref.simple_server import WSGIRequestHandler, make_server

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.staticfiles.handlers import StaticFilesHandler
from django.core.cache import caches
from django.core.files.storage import default_storage
from django.core.handlers.wsgi import WSGIHandler
from django.core.management import call_command
from django.core.servers.basehttp import ThreadedWSGIServer
from django.db import connection
from django.test import Client
from wagtail.models import Locale, Site

from search import index as search_index
from tests import servers
from tests import site as test_site
from tests.pictures import make_renditions


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        if not Site.objects.filter(site_name=test_site.TEXT["site_name"]).exists():  # not kept by --reuse-db
            test_site.build()
        make_renditions()
        if settings.SEARCH_URL:
            delete_abandoned_test_indexes()
            call_command("update_index", stdout=io.StringIO())  # Wagtail's indexes and the site search's
    yield
    # A connection opened by a finished live-server request thread can linger
    # idle; end it so the test database can be dropped.
    with django_db_blocker.unblock(), connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )
    if settings.SEARCH_URL:
        search_index.delete_indexes()
        search_index.client().indices.delete(index=f"{settings.SEARCH_INDEX_PREFIX}-wagtail-*")


def delete_abandoned_test_indexes():
    """
    Delete the indexes of test runs that were killed before they could clean
    up (their names carry the pid of the run: cms/settings/test.py), so a
    long-lived development node does not fill up. Only for a node on this
    machine, where a pid means something.
    """
    if urlsplit(settings.SEARCH_URL).hostname not in {"127.0.0.1", "localhost"}:
        return
    client = search_index.client()
    names = client.cat.indices(index="test-*", h="index", format="json")
    pids = {row["index"].split("-")[1] for row in names}
    for pid in pids:
        if pid.isdigit() and not Path(f"/proc/{pid}").exists():
            client.indices.delete(index=f"test-{pid}-*")


_touched_documents = set()


@pytest.fixture(autouse=True)
def keep_search_index_in_step(django_db_blocker):
    """
    Tests publish and delete inside a transaction that is rolled back, but the
    search engine is outside it: every document a test touched is put back in
    line with the database when the next test starts. (pytest-django's own
    autouse fixture opens the transaction before this one and rolls it back
    after it, so only then does the database show the state to put back.)
    """
    if _touched_documents:
        with django_db_blocker.unblock():
            search_index.resync(set(_touched_documents))
        _touched_documents.clear()
    with search_index.recording() as changed:
        yield
    _touched_documents.update(changed)


@pytest.fixture(autouse=True)
def empty_cache():
    """
    Each test starts with an empty cache: pages and chrome stored by an earlier
    test were rendered from data that its rollback has since undone.
    """
    clear_caches()
    yield
    clear_caches()


def clear_caches():
    for alias in settings.CACHES:
        caches[alias].clear()


@pytest.fixture(scope="session")
def demo_database(django_db_setup, tmp_path_factory):
    """
    A fresh database beside the test database, prepared as `make run` prepares
    one (migrated, the demo content loaded, an admin user), which never
    touches the test database: its URL and what the preparation printed.
    """
    with servers.fresh_database(f"{connection.settings_dict['NAME']}_demo") as url:
        # SEARCH_URL empty: the preparation indexes nothing into the shared engine.
        media_root = str(tmp_path_factory.mktemp("demo-media"))  # the demo's pictures, not the worktree's media/
        environment = {
            **os.environ,
            "DATABASE_URL": url,
            "DJANGO_SETTINGS_MODULE": "cms.settings.dev",
            "SEARCH_URL": "",
            "MEDIA_ROOT": media_root,
        }
        environment.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        prepared = subprocess.run(  # noqa: S603
            [sys.executable, "manage.py", "prepare_demo_site"],
            cwd=servers.ROOT,
            env=environment,
            capture_output=True,
            text=True,
            timeout=900,
            check=False,
        )
        if prepared.returncode:
            pytest.fail(f"prepare_demo_site failed:\n{prepared.stdout}\n{prepared.stderr}")
        yield DemoDatabase(url, prepared.stdout, media_root)


@dataclasses.dataclass
class DemoDatabase:
    url: str
    prepared_output: str
    media_root: str


@pytest.fixture
def engine(db):
    """The real search engine; missing it is a failure, not a skip."""
    if not settings.SEARCH_URL:
        pytest.fail("SEARCH_URL is not set: engine tests need the search engine that make test starts")
    try:
        search_index.client().cluster.health()
    except search_index.UNAVAILABLE as error:
        pytest.fail(f"The search engine at {settings.SEARCH_URL} does not answer: {error}")
    return search_index.client()


@pytest.fixture
def page_cache_off(settings):
    """Pages rendered on every request, from what the shared cache keeps of their parts (tests/reading.py)."""
    settings.PAGE_CACHE_SECONDS = 0


@pytest.fixture
def reader():
    """An anonymous reader whose server errors come back as 500 responses, as a browser sees them."""
    return Client(raise_request_exception=False)


@pytest.fixture(scope="session")
def redis_url(tmp_path_factory):
    """A redis-server of this run's own, for the shared cache of several workers."""
    process, url = servers.start_redis(tmp_path_factory.mktemp("redis"))
    yield url
    process.terminate()
    process.wait(timeout=10)


@pytest.fixture
def site(db):
    return Site.objects.get(is_default_site=True)


@pytest.fixture
def home(site):
    return site.root_page.specific


@pytest.fixture
def in_focus(home):
    from articles.models import ArticleIndexPage

    return ArticleIndexPage.objects.child_of(home).get()


@pytest.fixture
def french_in_focus(in_focus, locales):
    return in_focus.get_translation(locales["fr"])


@pytest.fixture
def policy(db):
    """A topic of the test site, labelled in every language."""
    from taggit.models import Tag

    return Tag.objects.get(slug="policy")


@pytest.fixture
def events_index(home):
    from events.models import EventIndexPage

    return EventIndexPage.objects.child_of(home).get()


@pytest.fixture
def directory(home):
    from members.models import MemberDirectoryPage

    return MemberDirectoryPage.objects.child_of(home).get()


@pytest.fixture
def locales(db):
    return {locale.language_code: locale for locale in Locale.objects.all()}


@pytest.fixture
def canary(db):
    """An unlisted member, with a photo, a biography and contact data: she must appear nowhere public."""
    from tests.factories import ImageFactory, MemberFactory

    return MemberFactory(
        full_name="Canary Unlisted",
        country="NO",
        listed=False,
        show_on_map=False,
        show_photo=False,
        show_organisation=False,
        show_biography=False,
        show_links=False,
        photo=ImageFactory(title="Canary member photo"),
        biography="Canary biography, never public.",
    )


@pytest.fixture
def admin_user(db):
    return get_user_model().objects.get(username="admin")


@pytest.fixture
def admin_client(client, admin_user):
    client.force_login(admin_user)
    return client


@pytest.fixture
def french_translator(django_user_model):
    """A member of the French translation team (tests/site.py sets the teams up)."""
    from translation_workflow.teams import translators_group_name

    user = django_user_model.objects.create_user("amelie", "amelie@example.org", "password")  # noqa: S106
    user.groups.add(Group.objects.get(name=translators_group_name(Locale.objects.get(language_code="fr"))))
    return user


class _MediaFromStorage:
    """Serves uploaded media (the demo's pictures) from the default storage, as a CDN would in production."""

    def __init__(self, application):
        self.application = application

    def __call__(self, environ, start_response):
        path = environ.get("PATH_INFO", "")
        if not path.startswith(settings.MEDIA_URL):
            return self.application(environ, start_response)
        name = path[len(settings.MEDIA_URL) :]
        if ".." in name or not default_storage.exists(name):
            start_response("404 Not Found", [("Content-Type", "text/plain")])
            return [b"Not found"]
        with default_storage.open(name) as file:
            data = file.read()
        content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
        start_response("200 OK", [("Content-Type", content_type), ("Content-Length", str(len(data)))])
        return [data]


class _QuietHandler(WSGIRequestHandler):
    def log_message(self, format, *args):  # noqa: A002
        pass


@pytest.fixture(scope="session")
def live_site(django_db_setup, django_db_blocker):
    """
    The site served over HTTP on 127.0.0.1 from a thread, reading the
    committed demo content. For read-only tests (browsers, HTTP clients).
    """
    django_db_blocker.unblock()
    server = make_server(
        "127.0.0.1",
        0,
        _MediaFromStorage(StaticFilesHandler(WSGIHandler())),
        server_class=ThreadedWSGIServer,
        handler_class=_QuietHandler,
    )
    # Join request threads on close, so none still holds a database connection
    # when the test database is dropped.
    server.daemon_threads = False
    server.block_on_close = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    server.server_close()
    django_db_blocker.restore()
