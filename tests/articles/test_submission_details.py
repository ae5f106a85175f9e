"""
A reader's article submission, beyond the form's happy path: what the form
offers in her language, what it refuses, what the draft and the emails hold,
and what editors may do with the record in the admin.
"""

import re

import pytest
from django.core import mail
from django.core.cache import cache
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from taggit.models import Tag

from articles.models import ArticleIndexPage, ArticlePage, ArticleSubmission, TopicLabel
from tests import site

from .conftest import image_file, submission_data

pytestmark = pytest.mark.django_db


def submit(client, index, **overrides):
    return client.post(index.url + "submit/", submission_data(**overrides), REMOTE_ADDR="198.51.100.23")


def in_language(code, text):
    with translation.override(code):
        return gettext(text)


class TestTheForm:
    def test_topics_are_offered_with_their_labels_in_the_readers_language(self, client, in_focus, locales):
        for code in site.LANGUAGES:
            content = client.get(in_focus.get_translation(locales[code]).url + "submit/").content.decode()
            for slug, labels in site.TOPICS.items():
                assert re.search(rf'value="{slug}"[^>]*>\s*{re.escape(labels[code])}\s*</label>', content), (code, slug)

    def test_countries_are_named_and_ordered_for_the_reader(self, client, french_in_focus):
        content = client.get(french_in_focus.url + "submit/").content.decode()
        countries = re.findall(r'<option value="([A-Z]{2})"[^>]*>([^<]+)</option>', content)
        names = [name for _code, name in countries]
        assert dict(countries)["DE"] == "Allemagne"
        # French order puts É with E, not after Z as code points would.
        assert names.index("Danemark") < names.index("Égypte") < names.index("Espagne") < names.index("Zambie")

    def test_the_editors_introduction_and_terms_replace_the_defaults(self, client, in_focus):
        in_focus.submission_intro = "Tell us about your programme."
        in_focus.terms = "You keep your copyright.\nWe may shorten your text."
        in_focus.save_revision().publish()
        content = client.get(in_focus.url + "submit/").content.decode()
        assert "Tell us about your programme." in content
        assert "You keep your copyright.<br>We may shorten your text." in content

    def test_the_form_page_is_not_indexed_by_search_engines(self, client, in_focus):
        assert '<meta name="robots" content="noindex">' in client.get(in_focus.url + "submit/").content.decode()


class TestRefusals:
    def test_more_than_three_topics_are_refused(self, client, in_focus):
        fourth = Tag.objects.create(name="Fourth", slug="fourth")
        TopicLabel.objects.create(tag=fourth, label="Fourth", locale=in_focus.locale)
        before = ArticlePage.objects.count()
        response = submit(client, in_focus, topics=["policy", "e-health", "e-skills-development", "fourth"])
        assert response.status_code == 400
        assert gettext("Please choose at most three topics.") in response.content.decode()
        assert ArticlePage.objects.count() == before
        assert not ArticleSubmission.objects.exists()
        assert not mail.outbox

    def test_a_topic_that_is_not_offered_is_refused(self, client, in_focus):
        response = submit(client, in_focus, topics=["no-such-topic"])
        assert response.status_code == 400
        assert not ArticleSubmission.objects.exists()

    def test_without_consent_nothing_is_saved_and_the_error_is_in_the_readers_language(self, client, locales):
        arabic = ArticleIndexPage.objects.get(locale=locales["ar"])
        data = submission_data()
        del data["consent"]
        response = client.post(arabic.url + "submit/", data, REMOTE_ADDR="198.51.100.23")
        assert response.status_code == 400
        assert in_language("ar", "This field is required.") in response.content.decode()
        assert not ArticleSubmission.objects.exists()


class TestTheDraft:
    def test_markup_in_the_text_stays_text(self, client, in_focus):
        body = "<script>alert('x')</script> " + "Regulators changed their auctions. " * 12
        assert submit(client, in_focus, body=body).status_code == 302
        article = ArticlePage.objects.get(title=submission_data()["title"])
        html = str(article.body[0].value)
        assert "<script>" not in html
        assert "&lt;script&gt;" in html

    def test_the_same_title_twice_makes_two_drafts_at_two_addresses(self, client, in_focus):
        assert submit(client, in_focus).status_code == 302
        cache.clear()
        assert submit(client, in_focus).status_code == 302
        drafts = ArticlePage.objects.filter(title=submission_data()["title"])
        assert drafts.count() == 2
        assert len({draft.slug for draft in drafts}) == 2
        assert ArticleSubmission.objects.count() == 2

    def test_a_title_without_latin_letters_still_gets_an_address(self, client, in_focus):
        assert submit(client, in_focus, title="远程医疗惠及偏远诊所的故事").status_code == 302
        article = ArticlePage.objects.get(title="远程医疗惠及偏远诊所的故事")
        assert article.slug
        assert article.get_parent().pk == in_focus.pk

    def test_the_picture_goes_to_the_reader_submissions_collection(self, client, in_focus):
        response = submit(client, in_focus, image=image_file("PNG"), image_alt="A chart of auctions")
        assert response.status_code == 302
        article = ArticlePage.objects.get(title=submission_data()["title"])
        assert article.hero_image.collection.name == "Reader submissions"
        assert article.hero_image_alt_text == "A chart of auctions"

    def test_the_thank_you_page_is_in_the_readers_language_and_leads_back(self, client, french_in_focus):
        response = submit(client, french_in_focus)
        thanks = client.get(response["Location"])
        assert thanks.status_code == 200
        content = thanks.content.decode()
        assert in_language("fr", "Thank you for your article") in content
        assert f'href="{french_in_focus.url}"' in content


class TestTheEmails:
    def test_the_editors_are_told_in_the_default_language_with_a_link_to_review(self, client, settings, locales):
        russian = ArticleIndexPage.objects.get(locale=locales["ru"])
        assert submit(client, russian, title="Женщины в регулировании связи").status_code == 302
        editors = mail.outbox[0]
        article = ArticlePage.objects.get(title="Женщины в регулировании связи")
        assert editors.to == list(settings.EDITORS_EMAIL)
        assert "Женщины в регулировании связи" in editors.subject
        assert "\n" not in editors.subject
        assert "A reader has submitted an article" in editors.body  # English, whatever the form's language
        assert submission_data()["author_name"] in editors.body
        assert reverse("wagtailadmin_pages:edit", args=[article.pk]) in editors.body

    def test_the_acknowledgement_carries_nothing_the_sender_typed(self, client, in_focus):
        data = {"title": "Visit https://phishing.example now", "author_name": "Click https://phishing.example"}
        assert submit(client, in_focus, **data).status_code == 302
        acknowledgement = mail.outbox[1]
        assert acknowledgement.to == [submission_data()["email"]]
        assert "phishing" not in acknowledgement.subject + acknowledgement.body


class TestTheRecordInTheAdmin:
    @pytest.fixture
    def submitted(self, client, in_focus):
        assert submit(client, in_focus).status_code == 302
        cache.clear()
        return ArticleSubmission.objects.get()

    def test_editors_see_who_sent_it_and_how_to_reach_her(self, admin_client, submitted):
        url = reverse(ArticleSubmission.snippet_viewset.get_url_name("inspect"), args=[submitted.pk])
        content = admin_client.get(url).content.decode()
        assert submitted.email in content
        assert submitted.author_name in content
        assert submitted.organisation in content

    def test_what_the_reader_sent_cannot_be_rewritten(self, admin_client, submitted):
        url = reverse(ArticleSubmission.snippet_viewset.get_url_name("edit"), args=[submitted.pk])
        response = admin_client.post(
            url,
            {
                "article": submitted.article_id,
                "title": "Rewritten",
                "author_name": "Someone else",
                "email": "someone@example.org",
                "country": "FR",
            },
        )
        assert response.status_code == 302  # saved: only the link to the draft is a field
        submitted.refresh_from_db()
        assert submitted.title == submission_data()["title"]
        assert submitted.author_name == submission_data()["author_name"]
        assert submitted.email == submission_data()["email"]

    def test_the_record_outlives_its_deleted_draft(self, submitted):
        submitted.article.delete()
        submitted.refresh_from_db()
        assert submitted.article is None
        assert submitted.email == submission_data()["email"]
