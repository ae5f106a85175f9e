"""
Machine translation against real local servers posing as LibreTranslate:
each call to the provider has a total deadline, so a provider that answers
a byte at a time cannot hold the worker (or, with immediate tasks, the
editor's request); a task that overruns is recorded as failed and retried
with backoff by the database worker.
"""

import time

import pytest
from django.contrib.messages import get_messages
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from home import deadlines
from tests.factories import StandardPageFactory
from tests.receivers import Receiver, libretranslate
from tests.servers import manage


class TestOutboundDeadline:
    @pytest.mark.parametrize("mode", ["trickle", "silent"])
    def test_a_slow_receiver_is_cut_off_at_the_deadline(self, mode):
        with Receiver(mode, libretranslate, interval=0.3) as receiver:
            started = time.monotonic()
            with pytest.raises(deadlines.DeadlineExceeded):
                deadlines.post(receiver.url + "/translate", seconds=1.5, json={"q": ["a"]})
            elapsed = time.monotonic() - started
        assert 1.4 < elapsed < 3

    def test_an_inner_deadline_never_outlives_the_outer_one(self):
        with Receiver("silent") as receiver, deadlines.deadline(1):
            started = time.monotonic()
            with pytest.raises(deadlines.DeadlineExceeded):
                deadlines.post(receiver.url, seconds=30, json={})
        assert time.monotonic() - started < 2.5

    def test_a_prompt_receiver_answers_normally(self):
        with Receiver("ok", libretranslate) as receiver:
            response = deadlines.post(receiver.url + "/translate", seconds=5, json={"q": ["women in ict"]})
        assert response.json() == {"translatedText": ["WOMEN IN ICT"]}


@pytest.mark.django_db
class TestMachineTranslationDeadline:
    def test_a_prompt_provider_translates_through_the_deadline_client(self, admin_client, home, provider_at):
        page = StandardPageFactory(parent=home, title="Digital skills")
        with Receiver("ok", libretranslate) as receiver:
            provider_at(receiver.url)
            admin_client.post(f"/admin/translations/machine-translate/{page.pk}/", {"scope": "page"})
        assert {p.title for p in page.get_translations()} == {"DIGITAL SKILLS"}
        assert page.get_translations().count() == 5

    def test_a_trickling_provider_cannot_hold_the_editor(self, admin_client, home, provider_at):
        """With TASKS_BACKEND=immediate the task runs in the editor's request."""
        page = StandardPageFactory(parent=home, title="Cyber hygiene")
        with Receiver("trickle", libretranslate, interval=0.5) as receiver:
            provider_at(receiver.url)
            started = time.monotonic()
            response = admin_client.post(f"/admin/translations/machine-translate/{page.pk}/", {"scope": "page"})
            elapsed = time.monotonic() - started
        assert response.status_code == 302
        assert elapsed < 8, f"the editor waited {elapsed:.1f} s"
        text = " ".join(str(m) for m in get_messages(response.wsgi_request))
        assert "failed" in text
        assert not page.get_translations().exists()


PROBE = (
    "from home.models import HomePage, StandardPage; "
    "from translation_workflow.machine import machine_translate_task; "
    "home = HomePage.objects.get(depth=2, locale__language_code='en'); "
    "page = home.add_child(instance=StandardPage(title='Deadline probe', slug='deadline-probe')); "
    "page.save_revision().publish(); "
    "machine_translate_task.enqueue(page.pk, False, None)"
)
# The subprocesses commit to the test database: leave it as it was.
CLEAN_UP = (
    "from wagtail.models import Page; from django_tasks_db.models import DBTaskResult; "
    "Page.objects.filter(slug='deadline-probe').delete(); "
    "DBTaskResult.objects.filter(enqueued_at__gte='{since}').delete()"
)


@pytest.mark.django_db
def test_an_overrunning_task_is_recorded_as_failed_and_retried_with_backoff():
    """The database worker, as in production, against a provider that trickles its answer."""
    since = timezone.now().isoformat()
    with Receiver("trickle", libretranslate, interval=0.5, give_up_after=60) as receiver:
        env = {
            "LIBRETRANSLATE_URL": receiver.url,
            "MACHINE_TRANSLATION_TIMEOUT": "2",
            "TASK_RETRY_BACKOFF": "120",
        }
        try:
            manage("shell", "-c", PROBE, env=env)
            started = time.monotonic()
            manage("db_worker", "--batch", env=env)
            worker_took = time.monotonic() - started
            results = DBTaskResult.objects.filter(enqueued_at__gte=since, task_path__endswith="machine_translate_task")
            failed = results.get(status="FAILED")
            assert failed.exception_class_path == "home.deadlines.DeadlineExceeded"
            retry = results.get(status="READY")
            assert retry.args_kwargs["kwargs"] == {"attempt": 2}
            delay = (retry.run_after - failed.finished_at).total_seconds()
            assert 100 < delay < 140  # TASK_RETRY_BACKOFF after the first attempt
        finally:
            manage("shell", "-c", CLEAN_UP.format(since=since))
    # Python start-up and Django set-up take a few seconds; the provider would have held it for a minute.
    assert worker_took < 30, f"the worker was held {worker_took:.0f} s"
