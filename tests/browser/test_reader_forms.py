"""Readers send an article and apply to join, in Chromium. What they send is removed again afterwards."""

import pytest
from django.core.cache import cache

from articles.models import ArticlePage, ArticleSubmission
from members.models import MembershipApplication

pytestmark = pytest.mark.browser


@pytest.fixture
def forgets_what_readers_send():
    """The live server commits what the browser sends: take it away after the test."""
    cache.clear()  # rate limits
    yield
    ArticlePage.objects.filter(pk__in=ArticleSubmission.objects.values("article_id")).delete()
    ArticleSubmission.objects.all().delete()
    MembershipApplication.objects.all().delete()
    cache.clear()


def test_submitting_an_article(open_page, forgets_what_readers_send):
    page = open_page("/ar/in-focus/submit/")
    page.fill("#id_title", "نساء يصممن سياسات الطيف")
    page.fill("#id_summary", "كيف فتحت ثلاث هيئات تنظيمية مزادات الطيف لاحتياجات الريف.")
    page.fill("#id_body", "غيّرت الهيئات التنظيمية في ثلاثة بلدان طريقة مزاداتها. " * 12)
    page.fill("#id_author_name", "Zanele Mokoena")
    page.get_by_label("البلد").select_option("ZA")
    page.fill("#id_email", "browser-submitter@example.org")
    page.check("#id_consent")
    page.get_by_role("button", name="إرسال للمراجعة").click()
    page.wait_for_url("**/ar/in-focus/submit/thanks/")
    submission = ArticleSubmission.objects.get(email="browser-submitter@example.org")
    assert submission.country == "ZA"
    assert not submission.article.live


def test_a_mistake_in_the_form_is_explained_and_nothing_is_sent(open_page, forgets_what_readers_send):
    page = open_page("/en/members/join/")
    page.fill("#id_full_name", "Ines Ferreira")
    page.get_by_role("button", name="Send my application").click()
    page.locator(".form-errors").wait_for()  # the answer to the post: the form again, with what to correct
    assert page.locator("#id_country").input_value() == ""  # still nothing chosen for her
    assert not MembershipApplication.objects.exists()


def test_applying_to_join(open_page, forgets_what_readers_send):
    page = open_page("/fr/members/join/")
    page.fill("#id_full_name", "Inès Ferreira")
    page.fill("#id_position", "Directrice du spectre")
    page.fill("#id_organisation", "Régulateur exemple")
    page.get_by_label("Secteur").select_option("regulator")
    page.get_by_label("Pays").select_option(label="Portugal")
    page.fill("#id_email", "browser-applicant@example.org")
    page.fill("#id_motivation", "Je dirige la politique du spectre et souhaite partager mon expérience avec mes pairs.")
    page.check("#id_consent")
    page.get_by_role("button", name="Envoyer ma demande").click()
    page.wait_for_url("**/fr/members/join/thanks/")
    application = MembershipApplication.objects.get(email="browser-applicant@example.org")
    assert (application.country, application.language) == ("PT", "fr")
