"""
Background work runs on Wagtail 8's django-tasks with the database backend
and its worker, as in production: index updates and webhook deliveries are
tasks like Wagtail's own. django-tasks binds each task to the backend
configured when its module is imported, so this runs real processes with
TASKS_BACKEND=database against the test database.
"""

import pytest
from django_tasks_db.models import DBTaskResult

from tests.servers import manage

PUBLISH = (
    "from home.models import HomePage, StandardPage; "
    "home = HomePage.objects.get(depth=2, locale__language_code='en'); "
    "page = home.add_child(instance=StandardPage(title='Task probe', slug='task-probe')); "
    "page.save_revision().publish()"
)
# The subprocesses commit to the test database: leave it as it was.
DELETE = "from wagtail.models import Page; Page.objects.filter(slug='task-probe').delete()"


@pytest.mark.django_db
def test_publishing_queues_tasks_and_the_database_worker_runs_them():
    before = set(DBTaskResult.objects.values_list("id", flat=True))
    try:
        manage("shell", "-c", PUBLISH)
        queued = DBTaskResult.objects.exclude(id__in=before)
        paths = set(queued.values_list("task_path", flat=True))
        assert "search.tasks.sync_search_documents" in paths  # ours
        assert paths & {"modelsearch.tasks.insert_or_update_object_task", "wagtail.tasks.update_reference_index_task"}
        assert set(queued.values_list("status", flat=True)) == {"READY"}  # waiting for the worker, not run inline
        manage("db_worker", "--batch")
        statuses = set(DBTaskResult.objects.filter(id__in=queued.values("id")).values_list("status", flat=True))
        assert statuses == {"SUCCESSFUL"}
    finally:
        manage("shell", "-c", DELETE)
        manage("db_worker", "--batch")
