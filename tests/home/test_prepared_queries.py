"""
Querysets compiled once per process (home.prepared) read the database on
every call: what they return follows every change, as the queryset itself
would, and they are used by routing and the language links.
"""

import pytest
from django.db.models import F
from wagtail.models import Page

from home import language_links, routing
from home.prepared import PreparedQuery


def pages_under(path, depth, slugs):
    return Page.objects.filter(path__startswith=path, depth=depth, slug__in=slugs).order_by("path")


@pytest.mark.django_db
def test_the_same_rows_as_the_queryset_and_each_change_read_at_once(home):
    query = PreparedQuery(pages_under)
    expected = list(pages_under(home.path, home.depth + 1, ["about", "in-focus"]))
    assert [page.pk for page in query(home.path, home.depth + 1, ["about", "in-focus"])] == [p.pk for p in expected]
    about = Page.objects.get(pk=expected[0].pk)
    about.title = "Renamed"
    about.save(update_fields=["title"])
    found = query(home.path, home.depth + 1, ["about", "in-focus"])
    assert found[0].title == "Renamed"
    Page.objects.filter(pk=about.pk).update(slug="gone")
    assert [page.pk for page in query(home.path, home.depth + 1, ["about", "in-focus"])] == [expected[1].pk]


@pytest.mark.django_db
def test_compiled_once_for_each_length_of_a_list(home):
    built = []

    def build(path, slugs):
        built.append(slugs)
        return pages_under(path, home.depth + 1, slugs)

    query = PreparedQuery(build)
    query(home.path, ["about"])
    query(home.path, ["events"])
    query(home.path, ["events", "about"])
    query(home.path, ["members", "in-focus"])
    assert len(built) == 2
    assert [page.slug for page in query(home.path, ["members", "in-focus"])] == ["in-focus", "members"]
    assert query(home.path, []) == []


@pytest.mark.django_db
def test_values_annotations_and_related_objects_as_the_queryset_makes_them(home):
    def build(pk):
        return Page.objects.filter(pk=pk).select_related("locale").annotate(twice=F("depth") * 2)

    (page,) = PreparedQuery(build)(home.pk)
    assert page.twice == home.depth * 2 and page.locale.language_code == "en"
    values = PreparedQuery(lambda pk: Page.objects.filter(pk=pk).values_list("slug", flat=True))
    assert values(home.pk) == ["home"]


@pytest.mark.django_db
def test_a_like_pattern_value_with_special_characters_runs_the_queryset_itself(home):
    query = PreparedQuery(lambda prefix: Page.objects.filter(slug__startswith=prefix).values_list("slug", flat=True))
    assert "about" in query("ab")
    Page.objects.filter(pk=home.pk).update(slug="h%me")
    # Escaped as Django escapes it: '%' is a character here, not a wildcard.
    assert query("h%") == ["h%me"]
    assert query("h_") == []


@pytest.mark.django_db
def test_a_value_that_does_not_go_among_the_parameters_is_refused(home):
    # Written into the SQL itself: the compiled query would keep the first value for good.
    query = PreparedQuery(lambda text: Page.objects.extra(where=[f"slug <> '{text}'"]))  # noqa: S610
    with pytest.raises(ValueError, match="prepared"):
        query("x")


@pytest.mark.django_db
def test_routing_reads_a_changed_page_and_a_changed_specific_page(client, home, page_cache_off):
    assert client.get("/en/about/").status_code == 200
    about = Page.objects.get(slug="about", locale__language_code="en").specific
    about.title = "About us, renamed"
    about.save_revision().publish()
    response = client.get("/en/about/")
    assert "About us, renamed" in response.text
    about.unpublish()
    assert client.get("/en/about/").status_code == 404
    assert routing._specific_queries


@pytest.mark.django_db
def test_language_links_follow_an_unpublished_translation(rf, home, locales):
    english = Page.objects.get(slug="about", locale__language_code="en")
    codes = {code for code, _url, fallback in language_links._link_targets(english, None) if not fallback}
    assert "fr" in codes
    Page.objects.get(translation_key=english.translation_key, locale__language_code="fr").specific.unpublish()
    french = {code: (url, fallback) for code, url, fallback in language_links._link_targets(english, None)}["fr"]
    assert french == ("/fr/", True)
