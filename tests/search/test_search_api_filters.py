"""
The search API's filters as an API client combines them, on the real
engine: topic, country, year and kind narrow the same search together, each
facet counts what choosing it would give, events say when they next happen,
and a search typed on the database fallback gives the same kinds of answer.
"""

import datetime

import pytest

from articles.models import ArticlePage
from tests import site
from tests.factories import EventPageFactory

pytestmark = pytest.mark.django_db

API = "/api/v2/search/"


def api(client, **params):
    response = client.get(API, {"per_page": 50, **params})
    assert response.status_code == 200, response.content
    return response.json()


def titles(data):
    return {result["title"] for result in data["results"]}


def facet(data, name):
    """{value: count} of one facet of the answer."""
    return {option["value"]: option["count"] for option in data["facets"].get(name, [])}


def test_a_topic_keeps_only_the_articles_on_it(client, engine):
    data = api(client, q="women", topic="e-skills-development")
    expected = {a["title"] for a in site.MORE_ARTICLES if "e-skills-development" in a["topics"]}
    assert titles(data) and titles(data) <= expected
    assert {result["type"] for result in data["results"]} == {"article"}


def test_a_year_keeps_only_what_is_dated_that_year(client, engine):
    data = api(client, q="women", type="article", year=2025)
    dated_2025 = {a["title"] for a in site.MORE_ARTICLES if a["date"].year == 2025}
    assert titles(data) and titles(data) <= dated_2025
    assert all(result["date"].startswith("2025") for result in data["results"])


def test_a_country_keeps_only_what_takes_place_there(client, engine):
    data = api(client, q=site.EVENT["conference"]["title"]["en"].split()[-1], country="ch")
    assert site.EVENT["conference"]["title"]["en"] in titles(data)
    assert {result["type"] for result in data["results"]} <= {"event", "member"}


def test_filters_combine(client, engine):
    everything = api(client, q="women")
    narrowed = api(client, q="women", type="article", topic="policy")
    assert 0 < narrowed["total"] < everything["total"]
    policy_titles = {site.ARTICLE["title"]["en"], *(a["title"] for a in site.MORE_ARTICLES if "policy" in a["topics"])}
    assert titles(narrowed) <= policy_titles


def test_each_facet_counts_what_choosing_it_gives(client, engine):
    data = api(client, q="women")
    for kind, count in facet(data, "type").items():
        assert api(client, q="women", type=kind)["total"] == count
    for topic, count in list(facet(data, "topic").items())[:3]:
        assert api(client, q="women", topic=topic)["total"] == count


def test_a_chosen_facet_is_marked_selected(client, engine):
    data = api(client, q="women", type="article")
    selected = [option["value"] for option in data["facets"]["type"] if option["selected"]]
    assert selected == ["article"]


def test_topic_facets_are_labelled_in_the_language_searched(client, engine):
    data = api(client, q=site.ARTICLE["title"]["ar"].split()[0], locale="ar")
    labels = {option["value"]: option["label"] for option in data["facets"]["topic"]}
    assert labels.get("e-health") == site.TOPICS["e-health"]["ar"]


def test_an_event_says_when_it_next_happens_and_an_article_does_not(client, engine, events_index):
    start = datetime.datetime(2030, 6, 4, 9, tzinfo=datetime.UTC)
    site.publish(
        EventPageFactory(
            parent=events_index,
            title="Quinquennial spectrum summit",
            start=start,
            end=start + datetime.timedelta(hours=3),
        )
    )
    data = api(client, q="quinquennial spectrum summit")
    event = next(result for result in data["results"] if result["title"] == "Quinquennial spectrum summit")
    assert event["type"] == "event"
    assert datetime.datetime.fromisoformat(event["next_occurrence"]) == start
    article = api(client, q=site.ARTICLE["title"]["en"], type="article")["results"][0]
    assert "next_occurrence" not in article


def test_an_event_whose_dates_are_all_past_has_no_next_date(client, engine):
    data = api(client, q=site.EVENT["past"]["title"], type="event")
    past = next(result for result in data["results"] if result["title"] == site.EVENT["past"]["title"])
    assert past["next_occurrence"] is None


def test_the_answer_says_which_language_and_backend_answered(client, engine):
    data = api(client, q="telemedicine", locale="fr")
    assert data["language"] == "fr"
    assert data["backend"] == "engine"
    assert data["query"] == "telemedicine"
    assert data["all_languages"] is False


def test_a_very_long_query_is_cut_not_refused(client, engine):
    data = api(client, q="telemedicine " * 100)
    assert len(data["query"]) <= 200
    assert site.ARTICLE["title"]["en"] in titles(data)


@pytest.mark.parametrize(
    ("params", "parameter"),
    [
        ({"year": 1899}, "year"),
        ({"year": "twenty"}, "year"),
        ({"country": "Switzerland"}, "country"),
        ({"topic": "not a slug!"}, "topic"),
        ({"locale": "xx"}, "locale"),
        ({"languages": "some"}, "languages"),
        ({"per_page": 0}, "per_page"),
        ({"page": 0}, "page"),
    ],
)
def test_a_bad_filter_is_a_400_naming_it(client, engine, params, parameter):
    response = client.get(API, {"q": "women", **params})
    assert response.status_code == 400
    body = response.json()
    assert body["parameter"] == parameter
    assert body["message"]


def test_an_unknown_parameter_is_named(client, engine):
    response = client.get(API, {"q": "women", "sort": "date"})
    assert response.status_code == 400
    assert "sort" in response.json()["message"]


def test_drafts_never_answer_a_search(client, engine, in_focus):
    draft = ArticlePage(title="Unpublished zebra findings", slug="zebra-findings", intro="Zebras.", live=False)
    in_focus.add_child(instance=draft)
    draft.save_revision()
    assert "Unpublished zebra findings" not in titles(api(client, q="zebra"))
    draft.get_latest_revision().publish()
    assert "Unpublished zebra findings" in titles(api(client, q="zebra"))
    draft.refresh_from_db()
    draft.unpublish()
    assert "Unpublished zebra findings" not in titles(api(client, q="zebra"))
