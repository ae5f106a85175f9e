"""
The headless layer's and the translation workflow's models left `home` for
apps of their own. A database built by today's main (the models in `home`,
rows in their tables, permissions and a workflow task pointing at their
content types) migrates forward and every row is found through the new
models, with the same permissions and task.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import psycopg
import pytest
from django.db import connection

ROOT = Path(__file__).resolve().parent.parent
# The last `home` migration of the main branch before the move: it holds the
# models in `home` (0003 created the headless ones, 0004 the approval task).
OLD_STATE = "0005_homepage_hero_actions_homepage_hero_image_alt"

CHECK = """
import json
from django.contrib.auth.models import Permission
from wagtail.models import Task
from headless.models import HeadlessSettings, PagePreview, WebhookDelivery, WebhookEndpoint
from translation_workflow.models import LanguageGroupApprovalTask

endpoint = WebhookEndpoint.objects.get(name="Old receiver")
print(json.dumps({
    "endpoint_locales": sorted(endpoint.locales.values_list("language_code", flat=True)),
    "deliveries": [d.event for d in endpoint.deliveries.all()],
    "preview_url": HeadlessSettings.objects.get().preview_url,
    "previews": PagePreview.objects.count(),
    "task": type(Task.objects.get(name="Moderation by language").specific).__name__,
    "task_groups": list(LanguageGroupApprovalTask.objects.get().groups.values_list("name", flat=True)),
    "permission_app": Permission.objects.get(codename="change_webhookendpoint").content_type.app_label,
    "permission_id": Permission.objects.get(codename="change_webhookendpoint").pk,
    "group_permissions": list(
        Permission.objects.filter(group__name="Integrators").values_list("content_type__app_label", "codename")
    ),
    "tables": sorted(
        name for name in __import__("django.db").db.connection.introspection.table_names()
        if "webhook" in name or "headlesssettings" in name or "languagegroup" in name
    ),
}))
"""


def manage(database_url, *args):
    env = {**os.environ, "DATABASE_URL": database_url, "DJANGO_SETTINGS_MODULE": "cms.settings.test", "SEARCH_URL": ""}
    result = subprocess.run(  # noqa: S603 (our own manage.py)
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=600
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout


@pytest.fixture
def old_database(django_db_blocker):
    """An empty database of its own beside the test database, dropped afterwards."""
    with django_db_blocker.unblock():
        db = connection.settings_dict
    name = f"{db['NAME']}_moves"
    params = {
        "host": db["HOST"] or "127.0.0.1",
        "port": db["PORT"] or 5432,
        "user": db["USER"],
        "password": db["PASSWORD"],
    }
    with psycopg.connect(dbname="postgres", autocommit=True, **params) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
        admin.execute(f'CREATE DATABASE "{name}"')
    url = f"postgres://{params['user']}:{params['password']}@{params['host']}:{params['port']}/{name}"
    yield url, {**params, "dbname": name}
    with psycopg.connect(dbname="postgres", autocommit=True, **params) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def insert_old_rows(params):
    """What a running site on main had: rows in home's tables, a group with webhook permissions, a workflow task."""
    with psycopg.connect(autocommit=True, **params) as db:

        def one(sql, *args):
            return db.execute(sql, args).fetchone()[0]

        site = one("SELECT id FROM wagtailcore_site LIMIT 1")
        french = one("SELECT id FROM wagtailcore_locale WHERE language_code = 'fr'")
        page_type = one("SELECT id FROM django_content_type WHERE app_label = 'wagtailcore' AND model = 'page'")
        one(
            "INSERT INTO home_headlesssettings (site_id, preview_url) VALUES (%s, %s) RETURNING id",
            site,
            "https://front.example.org/preview",
        )
        one(
            "INSERT INTO home_pagepreview (token, content_type_id, content_json, created_at)"
            " VALUES (gen_random_uuid(), %s, '{}', now()) RETURNING id",
            page_type,
        )
        endpoint = one(
            "INSERT INTO home_webhookendpoint (name, url, secret, events, active)"
            " VALUES ('Old receiver', 'https://hooks.example.org/', 's3cret', '[]', true) RETURNING id"
        )
        one(
            "INSERT INTO home_webhookendpoint_locales (webhookendpoint_id, locale_id) VALUES (%s, %s) RETURNING id",
            endpoint,
            french,
        )
        one(
            "INSERT INTO home_webhookdelivery (endpoint_id, event, payload, status, attempts, last_error, created_at)"
            " VALUES (%s, 'page.published', '{}', 'succeeded', 1, '', now()) RETURNING id",
            endpoint,
        )
        group = one("INSERT INTO auth_group (name) VALUES ('Integrators') RETURNING id")
        permission = one(
            "SELECT p.id FROM auth_permission p JOIN django_content_type c ON c.id = p.content_type_id"
            " WHERE c.app_label = 'home' AND p.codename = 'change_webhookendpoint'"
        )
        one(
            "INSERT INTO auth_group_permissions (group_id, permission_id) VALUES (%s, %s) RETURNING id",
            group,
            permission,
        )
        task_type = one(
            "SELECT id FROM django_content_type WHERE app_label = 'home' AND model = 'languagegroupapprovaltask'"
        )
        task = one(
            "INSERT INTO wagtailcore_task (name, content_type_id, active) VALUES ('Moderation by language', %s, true)"
            " RETURNING id",
            task_type,
        )
        db.execute("INSERT INTO home_languagegroupapprovaltask (task_ptr_id) VALUES (%s)", (task,))
        one(
            "INSERT INTO home_languagegroupapprovaltask_groups (languagegroupapprovaltask_id, group_id)"
            " VALUES (%s, %s) RETURNING id",
            task,
            group,
        )
        return permission


@pytest.mark.django_db
def test_a_database_from_main_keeps_its_rows_permissions_and_tasks_after_the_move(old_database):
    url, params = old_database
    # The state of main: every app migrated as far as main had migrations, `home`
    # up to the migration that still holds the moved models.
    manage(url, "migrate", "home", OLD_STATE, "--noinput")
    permission = insert_old_rows(params)

    manage(url, "migrate", "--noinput")
    found = json.loads(manage(url, "shell", "-c", CHECK).strip().splitlines()[-1])

    assert found["endpoint_locales"] == ["fr"]
    assert found["deliveries"] == ["page.published"]
    assert found["preview_url"] == "https://front.example.org/preview"
    assert found["previews"] == 1
    assert found["task"] == "LanguageGroupApprovalTask"
    assert found["task_groups"] == ["Integrators"]
    # The very permission row a group held, now about the model in its new app.
    assert found["permission_id"] == permission
    assert found["permission_app"] == "headless"
    assert found["group_permissions"] == [["headless", "change_webhookendpoint"]]
    assert found["tables"] == [
        "headless_headlesssettings",
        "headless_webhookdelivery",
        "headless_webhookendpoint",
        "headless_webhookendpoint_content_types",
        "headless_webhookendpoint_locales",
        "translation_workflow_languagegroupapprovaltask",
        "translation_workflow_languagegroupapprovaltask_groups",
    ]
