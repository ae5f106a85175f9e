"""
The total deadline of outbound calls (home.deadlines) where an operator
notices it: through an outbound HTTP proxy (HTTP_PROXY, as on a locked-down
server), a proxy that never answers cannot hold the worker past the deadline
either; a call made when no time is left never leaves the machine; long work
that checks its deadline between steps stops; and a task that fails for good
says so in the log.
"""

import logging
import time

import pytest
from django.contrib.messages import get_messages

from home import deadlines
from tests.factories import StandardPageFactory
from tests.receivers import Receiver


def proxied(receiver):
    return {"http": receiver.url}


class TestThroughAProxy:
    def test_a_prompt_proxy_carries_the_call(self):
        with Receiver("ok", lambda path, body: (200, {"via": "proxy", "path": path})) as proxy:
            response = deadlines.post("http://provider.invalid/translate", seconds=5, proxies=proxied(proxy), json={})
        # A proxy is asked for the whole address: the call really went through it.
        assert response.json() == {"via": "proxy", "path": "http://provider.invalid/translate"}

    @pytest.mark.parametrize("mode", ["silent", "trickle"])
    def test_a_proxy_that_holds_the_call_is_cut_off_at_the_deadline(self, mode):
        with Receiver(mode, interval=0.3) as proxy:
            started = time.monotonic()
            with pytest.raises(deadlines.DeadlineExceeded):
                deadlines.post("http://provider.invalid/translate", seconds=1.5, proxies=proxied(proxy), json={})
            elapsed = time.monotonic() - started
            assert proxy.requests, "the call never reached the proxy"
        assert 1.4 < elapsed < 3.5


class TestNoTimeLeft:
    def test_a_call_made_after_the_deadline_never_leaves_the_machine(self):
        with Receiver("ok") as receiver, deadlines.deadline(0.05):
            time.sleep(0.1)
            with pytest.raises(deadlines.DeadlineExceeded, match="No time left"):
                deadlines.post(receiver.url, seconds=30, json={})
            assert receiver.requests == []

    def test_long_work_that_checks_between_steps_stops_at_the_deadline(self):
        steps = 0
        started = time.monotonic()
        with pytest.raises(deadlines.DeadlineExceeded), deadlines.deadline(0.5):
            while True:
                deadlines.check()
                steps += 1
                time.sleep(0.05)
        assert 0.45 < time.monotonic() - started < 2
        assert 2 <= steps <= 11  # about ten on a quiet machine; fewer when sleeps overrun

    def test_without_a_deadline_nothing_is_cut(self):
        assert deadlines.remaining() is None
        deadlines.check()  # no deadline: never raises
        with deadlines.deadline(60):
            assert 59 < deadlines.remaining() <= 60
        assert deadlines.remaining() is None

    def test_the_retry_waits_double_each_time(self, settings):
        settings.TASK_RETRY_BACKOFF = 30
        assert [deadlines.backoff(attempt) for attempt in range(1, 5)] == [30, 60, 120, 240]


@pytest.mark.django_db
def test_a_task_out_of_attempts_is_logged_as_failed_for_good(admin_client, home, settings, caplog):
    settings.TASK_MAX_ATTEMPTS = 1
    settings.MACHINE_TRANSLATION_TIMEOUT = 2
    page = StandardPageFactory(parent=home, title="Broadband for schools")
    with Receiver("ok", lambda path, body: (503, {"error": "busy"})) as receiver, caplog.at_level(logging.ERROR):
        settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
            "CLASS": "translation_workflow.providers.LibreTranslator",
            "OPTIONS": {"LIBRETRANSLATE_URL": receiver.url, "API_KEY": ""},
        }
        response = admin_client.post(f"/admin/translations/machine-translate/{page.pk}/", {"scope": "page"})
    assert "failed" in " ".join(str(m) for m in get_messages(response.wsgi_request))
    assert "machine_translate_task failed for good after 1 attempt(s)" in caplog.text
    assert not page.get_translations().exists()
