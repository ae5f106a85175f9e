"""
The public forms refuse a line break in a one-line field before anything is
saved (it would add headers to the emails the value goes into), and their
429s say when to come back.
"""

import pytest
from django.core import mail
from wagtail.models import WorkflowState

from articles.models import ArticleIndexPage, ArticlePage, ArticleSubmission
from members.models import MemberDirectoryPage, MembershipApplication
from tests.articles.conftest import submission_data
from tests.members.test_join import application

INJECTED = "Joan\r\nBcc: attacker@evil.example"


@pytest.fixture
def in_focus(home, locales):
    return ArticleIndexPage.objects.child_of(home.get_translation(locales["en"])).get()


@pytest.fixture
def directory(home, locales):
    return MemberDirectoryPage.objects.child_of(home.get_translation(locales["en"])).get()


@pytest.mark.django_db
class TestLineBreaks:
    @pytest.mark.parametrize("field", ["full_name", "position", "organisation"])
    def test_membership_application(self, reader, directory, field):
        response = reader.post(directory.url + "join/", application(**{field: INJECTED}), REMOTE_ADDR="192.0.2.60")
        assert response.status_code == 400
        assert "one line" in response.content.decode()
        assert not MembershipApplication.objects.exists()
        assert not mail.outbox

    @pytest.mark.parametrize("field", ["title", "author_name", "organisation"])
    def test_article_submission(self, reader, in_focus, field):
        before = (ArticlePage.objects.count(), WorkflowState.objects.count())
        response = reader.post(in_focus.url + "submit/", submission_data(**{field: INJECTED}), REMOTE_ADDR="192.0.2.61")
        assert response.status_code == 400
        assert "one line" in response.content.decode()
        assert (ArticlePage.objects.count(), WorkflowState.objects.count()) == before
        assert not ArticleSubmission.objects.exists()
        assert not mail.outbox

    def test_line_breaks_stay_welcome_where_they_belong(self, reader, directory):
        motivation = "I lead spectrum policy.\r\n\r\nI would like to share what we learnt with peers in the network."
        response = reader.post(directory.url + "join/", application(motivation=motivation), REMOTE_ADDR="192.0.2.62")
        assert response.status_code == 302
        assert len(mail.outbox) == 1 and "\n" not in mail.outbox[0].subject


@pytest.mark.django_db
class TestRetryAfter:
    def test_the_membership_form_says_when_to_come_back(self, reader, directory):
        for number in range(5):
            reader.post(directory.url + "join/", application(email=f"a{number}@example.org"), REMOTE_ADDR="192.0.2.70")
        refused = reader.post(directory.url + "join/", application(), REMOTE_ADDR="192.0.2.70")
        assert refused.status_code == 429
        assert 0 < int(refused["Retry-After"]) <= 3600

    def test_the_submission_form_says_when_to_come_back(self, reader, in_focus):
        for number in range(5):
            reader.post(in_focus.url + "submit/", submission_data(title=f"Article {number}"), REMOTE_ADDR="192.0.2.71")
        refused = reader.post(in_focus.url + "submit/", submission_data(), REMOTE_ADDR="192.0.2.71")
        assert refused.status_code == 429
        assert 0 < int(refused["Retry-After"]) <= 3600
