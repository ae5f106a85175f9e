"""An article's byline links its author to her profile, in the reader's directory, only while she is listed."""

import re

import pytest

from articles.models import ArticleAuthor
from home.translations import translate_object
from tests.factories import ArticlePageFactory, MemberFactory

pytestmark = pytest.mark.django_db


def byline_links(client, page):
    content = client.get(page.url).content.decode()
    return re.findall(r'<a href="([^"]+)" rel="author"[^>]*>([^<]+)</a>', content)


@pytest.fixture
def article(in_focus):
    member = MemberFactory(full_name="Byline Author")
    page = ArticlePageFactory(parent=in_focus, title="Spectrum in the Sahel")
    page.authors.add(ArticleAuthor(name=member.full_name, role="Editor", member=member, locale=page.locale))
    page.save()  # the author gets her row before the revision records it
    page.save_revision().publish()
    page.member = member
    return page


def test_the_byline_links_a_listed_author_to_her_profile(client, article, directory):
    links = byline_links(client, article)
    assert links == [(f"{directory.url}byline-author/", "Byline Author")]
    assert client.get(links[0][0]).status_code == 200


def test_a_translated_article_links_to_her_profile_in_the_readers_directory(client, article, directory, locales):
    french = translate_object(article, "fr", {article.title: "Le spectre au Sahel"})
    french_directory = directory.get_translation(locales["fr"])
    assert byline_links(client, french) == [(f"{french_directory.url}byline-author/", "Byline Author")]


def test_an_unlisted_author_is_named_without_a_link(client, article):
    article.member.listed = False
    article.member.save()
    content = client.get(article.url).content.decode()
    assert "Byline Author" in content
    assert byline_links(client, article) == []
