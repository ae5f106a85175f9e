"""The management commands an operator runs by hand or through `make run`: what they print and leave behind."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

pytestmark = pytest.mark.django_db


def run(name, *args):
    out = io.StringIO()
    call_command(name, *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def no_superuser():
    get_user_model().objects.filter(is_superuser=True).delete()


class TestEnsureAdmin:
    def test_creates_the_admin_with_the_password_given_in_the_environment(self, no_superuser, monkeypatch, client):
        monkeypatch.setenv("ADMIN_PASSWORD", "a-chosen-passphrase")
        output = run("ensure_admin")
        assert "password: a-chosen-passphrase" in output
        assert "shown only this once" not in output
        assert client.login(username="admin", password="a-chosen-passphrase")

    def test_without_a_password_makes_a_random_one_and_shows_it_once(self, no_superuser, monkeypatch, client):
        monkeypatch.delenv("ADMIN_PASSWORD", raising=False)
        output = run("ensure_admin")
        password = output.split("password: ")[1].split()[0]
        assert len(password) >= 12
        assert "shown only this once" in output
        assert client.login(username="admin", password=password)

    def test_second_run_changes_nothing_and_says_how_to_reset_the_password(self, no_superuser, monkeypatch):
        monkeypatch.setenv("ADMIN_PASSWORD", "first-passphrase")
        run("ensure_admin")
        monkeypatch.setenv("ADMIN_PASSWORD", "second-passphrase")
        output = run("ensure_admin")
        assert "exists already" in output
        assert "changepassword admin" in output
        assert "second-passphrase" not in output
        admin = get_user_model().objects.get(username="admin")
        assert admin.check_password("first-passphrase")
        assert get_user_model().objects.filter(is_superuser=True).count() == 1

    def test_an_existing_superuser_of_another_name_is_enough(self, no_superuser, monkeypatch):
        get_user_model().objects.create_superuser("chief", "chief@example.org", "chief-passphrase")
        output = run("ensure_admin")
        assert "exists already" in output
        assert not get_user_model().objects.filter(username="admin").exists()
