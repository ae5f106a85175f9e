"""
Sign-in protection, client addresses behind the proxy, upload limits checked
before decoding, and acknowledgement emails that carry nothing the sender chose.
"""

import datetime
import io
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from axes.models import AccessAttempt
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone
from PIL import Image
from wagtail.images import get_image_model

from articles.models import ArticleIndexPage, ArticlePage
from tests.articles.conftest import submission_data

ROOT = Path(__file__).resolve().parent.parent.parent
PASSWORD = "correct-horse-battery-staple"


@pytest.fixture(autouse=True)
def fresh_counts():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def editor(db):
    user = get_user_model().objects.create_superuser("lockout-editor", "lockout@example.org", PASSWORD)
    return user


def sign_in(client, password, address="198.51.100.10", username="lockout-editor", **extra):
    return client.post("/admin/login/", {"username": username, "password": password}, REMOTE_ADDR=address, **extra)


def signed_in(client):
    return client.get("/admin/").status_code == 200


@pytest.mark.django_db
class TestLockout:
    def test_five_wrong_passwords_lock_the_account_from_that_address_with_a_429(self, client, editor):
        for _attempt in range(4):
            assert sign_in(client, "wrong").status_code == 200
        locked = sign_in(client, "wrong")
        assert locked.status_code == 429
        assert int(locked["Retry-After"]) > 0
        # Even the right password is refused now, without being checked.
        assert sign_in(client, PASSWORD).status_code == 429
        assert not signed_in(client)
        # The owner, from her own address, is not locked out by someone else's guesses.
        assert sign_in(client, PASSWORD, address="198.51.100.99").status_code == 302

    def test_the_lock_lifts_after_the_cool_off(self, client, editor, settings):
        for _attempt in range(5):
            sign_in(client, "wrong")
        assert sign_in(client, PASSWORD).status_code == 429
        AccessAttempt.objects.update(attempt_time=timezone.now() - settings.AXES_COOLOFF_TIME - datetime.timedelta(1))
        assert sign_in(client, PASSWORD).status_code == 302

    def test_one_address_guessing_many_accounts_is_locked_out(self, client, editor):
        for number in range(20):
            sign_in(client, "wrong", username=f"guess-{number}", address="198.51.100.20")
        assert sign_in(client, PASSWORD, address="198.51.100.20").status_code == 429

    def test_rotating_addresses_hit_the_account_wide_cap(self, client, editor, settings):
        settings.TRUSTED_PROXY_COUNT = 1
        for number in range(130):
            response = sign_in(client, "wrong", address="10.0.0.1", HTTP_X_FORWARDED_FOR=f"203.0.113.{number}")
            if response.status_code == 429:
                break
        assert number <= 50
        # Then the right password, from yet another address, is refused too.
        assert sign_in(client, PASSWORD, address="10.0.0.1", HTTP_X_FORWARDED_FOR="192.0.2.200").status_code == 429

    def test_a_forged_forwarded_for_does_not_escape_the_lock(self, client, editor, settings):
        settings.TRUSTED_PROXY_COUNT = 1
        for number in range(5):
            sign_in(client, "wrong", address="10.0.0.1", HTTP_X_FORWARDED_FOR=f"1.2.3.{number}, 198.51.100.30")
        forged = sign_in(client, PASSWORD, address="10.0.0.1", HTTP_X_FORWARDED_FOR="9.9.9.9, 198.51.100.30")
        assert forged.status_code == 429


def settings_value(name, env):
    clean = {k: v for k, v in os.environ.items() if k not in {"DJANGO_SETTINGS_MODULE", "TRUSTED_PROXY_COUNT"}}
    return subprocess.run(  # noqa: S603
        [
            sys.executable,
            "-c",
            f"import django; from django.conf import settings; django.setup(); print(settings.{name})",
        ],
        cwd=ROOT,
        env={**clean, "DJANGO_SETTINGS_MODULE": "cms.settings.dev", **env},
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_trusted_proxy_count_comes_from_the_environment():
    assert settings_value("TRUSTED_PROXY_COUNT", {"TRUSTED_PROXY_COUNT": "1"}).stdout.strip() == "1"
    assert settings_value("TRUSTED_PROXY_COUNT", {}).stdout.strip() == "0"
    assert "TRUSTED_PROXY_COUNT" in (ROOT / "README.md").read_text()


def test_production_refuses_to_start_without_the_shared_cache():
    env = {
        "SECRET_KEY": "x" * 60,
        "ALLOWED_HOSTS": "www.example.org",
        "DATABASE_URL": "postgres://user:pass@127.0.0.1:5432/gnwict",
        "REDIS_URL": "",
    }
    result = settings_value("CACHES", {**env, "DJANGO_SETTINGS_MODULE": "cms.settings.production"})
    assert result.returncode != 0 and "REDIS_URL" in result.stderr


@pytest.mark.django_db
class TestFormsBehindTheProxy:
    def test_readers_behind_the_proxy_have_separate_limits(self, client, home, settings):
        settings.TRUSTED_PROXY_COUNT = 1
        index = ArticleIndexPage.objects.child_of(home).get()
        for number in range(5):
            data = submission_data(title=f"Busy reader {number}")
            response = client.post(
                index.url + "submit/", data, REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="198.51.100.1"
            )
            assert response.status_code == 302
        blocked = client.post(
            index.url + "submit/",
            submission_data(title="Sixth"),
            REMOTE_ADDR="10.0.0.1",
            HTTP_X_FORWARDED_FOR="198.51.100.1",
        )
        assert blocked.status_code == 429
        # Another reader behind the same proxy is not blocked by the first.
        other = client.post(
            index.url + "submit/",
            submission_data(title="Someone else"),
            REMOTE_ADDR="10.0.0.1",
            HTTP_X_FORWARDED_FOR="198.51.100.2",
        )
        assert other.status_code == 302


def png(width, height):
    buffer = io.BytesIO()
    Image.new("L", (width, height), 128).save(buffer, format="PNG", compress_level=1)
    return buffer.getvalue()


@pytest.fixture(scope="module")
def huge_png():
    return png(6300, 6300)


@pytest.mark.django_db
class TestUploads:
    def test_a_huge_image_on_the_public_form_is_refused_before_decoding(self, client, home, huge_png):
        index = ArticleIndexPage.objects.child_of(home).get()
        before = ArticlePage.objects.count()
        data = submission_data(image_alt="A grey square")
        data["image"] = SimpleUploadedFile("big.png", huge_png, "image/png")
        began = time.perf_counter()
        response = client.post(index.url + "submit/", data, REMOTE_ADDR="198.51.100.40")
        assert time.perf_counter() - began < 2
        assert response.status_code == 400
        assert "megapixels" in response.content.decode()
        assert ArticlePage.objects.count() == before

    def test_once_over_the_limit_uploads_are_refused_unread(self, client, home, huge_png):
        index = ArticleIndexPage.objects.child_of(home).get()
        for number in range(20):
            data = submission_data(title=f"Upload {number}", image_alt="x")
            data["image"] = SimpleUploadedFile("big.png", huge_png, "image/png")
            client.post(index.url + "submit/", data, REMOTE_ADDR="198.51.100.41")
        data = submission_data(title="Upload again", image_alt="x")
        data["image"] = SimpleUploadedFile("big.png", huge_png, "image/png")
        assert client.post(index.url + "submit/", data, REMOTE_ADDR="198.51.100.41").status_code == 429

    def test_the_admin_refuses_images_of_too_many_megapixels(self, admin_client):
        before = get_image_model().objects.count()
        response = admin_client.post(
            "/admin/images/add/",
            {"title": "Enormous", "file": SimpleUploadedFile("enormous.png", png(9400, 9400), "image/png")},
        )
        assert response.status_code == 200
        assert response.context["form"].errors.get("file")
        assert get_image_model().objects.count() == before


@pytest.mark.django_db
def test_the_acknowledgement_carries_no_text_the_sender_chose(client, home):
    index = ArticleIndexPage.objects.child_of(home).get()
    data = submission_data(
        title="You won a prize: claim it at https://evil.example/",
        author_name="Visit https://evil.example/ now",
        email="victim@example.org",
    )
    assert client.post(index.url + "submit/", data, REMOTE_ADDR="198.51.100.50").status_code == 302
    acknowledgement = next(message for message in mail.outbox if message.to == ["victim@example.org"])
    assert "evil.example" not in acknowledgement.subject + acknowledgement.body
    assert "prize" not in acknowledgement.subject + acknowledgement.body


@pytest.mark.django_db
class TestPasswordReset:
    """Each request may send an email: counted per address and per account, in the shared cache."""

    def reset(self, client, email, address="198.51.100.30"):
        return client.post("/admin/password_reset/", {"email": email}, REMOTE_ADDR=address)

    def test_one_account_cannot_be_flooded_with_reset_emails(self, client, editor):
        answers = [self.reset(client, editor.email, address=f"198.51.100.{n}").status_code for n in range(12)]
        sent = [message for message in mail.outbox if editor.email in message.to]
        assert len(sent) == 3
        assert answers[:3] == [302, 302, 302] and set(answers[3:]) == {429}
        refused = self.reset(client, editor.email.upper(), address="198.51.100.200")
        assert refused.status_code == 429 and int(refused["Retry-After"]) > 0
        assert "Too many attempts" in refused.content.decode()

    def test_one_address_cannot_ask_for_many_accounts(self, client, editor):
        for number in range(10):
            assert self.reset(client, f"someone-{number}@example.org").status_code == 302
        assert self.reset(client, editor.email).status_code == 429
        assert not [message for message in mail.outbox if editor.email in message.to]
        # Another address may still ask for her.
        assert self.reset(client, editor.email, address="198.51.100.31").status_code == 302


@pytest.mark.django_db
class TestProtectedPagePasswords:
    """Passwords of password-protected pages are limited like sign-in: wrong guesses per address and page."""

    @pytest.fixture
    def protected(self, home):
        from wagtail.models import PageViewRestriction

        from tests.factories import StandardPageFactory

        page = StandardPageFactory(parent=home, title="Board papers", slug="board-papers")
        restriction = PageViewRestriction.objects.create(
            page=page,
            restriction_type=PageViewRestriction.PASSWORD,
            password="the-board-secret",  # noqa: S106
        )
        return page, restriction

    def guess(self, client, protected, password, address="198.51.100.40"):
        page, restriction = protected
        return client.post(
            f"/en/_util/authenticate_with_password/{restriction.pk}/{page.pk}/",
            {"password": password, "return_url": page.url},
            REMOTE_ADDR=address,
        )

    def test_guessing_is_stopped_with_a_429(self, client, protected):
        for number in range(5):
            assert self.guess(client, protected, f"guess-{number}").status_code == 200
        paused = self.guess(client, protected, "the-board-secret")
        assert paused.status_code == 429 and int(paused["Retry-After"]) > 0
        assert "Too many attempts" in paused.content.decode()
        assert client.get(protected[0].url).status_code == 200  # still the password form, not the page
        assert "Board papers" not in client.get(protected[0].url).content.decode()
        # Someone else, elsewhere, who knows the password gets in.
        assert self.guess(Client(), protected, "the-board-secret", address="198.51.100.41").status_code == 302

    def test_guessing_from_rotating_addresses_hits_the_page_wide_cap(self, client, protected):
        for number in range(50):
            self.guess(client, protected, f"guess-{number}", address=f"203.0.113.{number}")
        assert self.guess(client, protected, "the-board-secret", address="203.0.113.250").status_code == 429

    def test_the_right_password_opens_the_page(self, client, protected):
        response = self.guess(client, protected, "the-board-secret")
        assert response.status_code == 302
        assert "Board papers" in client.get(protected[0].url).content.decode()
