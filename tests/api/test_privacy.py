"""No endpoint shows a draft, a private page, an unlisted member or contact details."""

import json

import pytest
from wagtail.models import PageViewRestriction

from articles.models import ArticleIndexPage
from tests.factories import CONTACT_DOMAIN, ArticlePageFactory, ImageFactory, StandardPageFactory

LISTINGS = [
    "/api/v2/pages/",
    "/api/v2/articles/",
    "/api/v2/images/",
    "/api/v2/documents/",
    "/api/v2/members/",
    "/api/v2/map/",
    "/api/v2/events/",
]


@pytest.mark.django_db
def test_no_endpoint_leaks_a_canary(client, home, canary):
    image = ImageFactory(title="Canary image of a draft")
    draft = ArticlePageFactory(
        parent=ArticleIndexPage.objects.child_of(home).get(),
        title="Canary draft",
        slug="canary-draft",
        live=False,
        hero_image=image,
    )
    private = StandardPageFactory(parent=home, title="Canary private", slug="canary-private")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    canary.photo = ImageFactory(title="Canary member photo")
    canary.show_photo = True
    canary.save()

    bodies = []
    for path in LISTINGS:
        for locale in ["en", "fr", "ar"]:
            params = {"locale": locale, "limit": 100}
            if path.endswith(("images/", "documents/")):
                params.pop("locale")
            if path.endswith("map/"):
                params.pop("limit")
            if path.endswith("events/"):
                params.update({"from": "2011-01-01", "to": "2015-12-31"})
            response = client.get(path, params)
            assert response.status_code == 200, (path, response.content[:200])
            bodies.append(response.content.decode())
    for query in ["canary", "Canary draft", "Canary private", canary.full_name]:
        found = client.get("/api/v2/search/", {"q": query, "locale": "en"}).json()  # echoes the query itself
        bodies.append(json.dumps([found["results"], found["promotions"], found["suggestion"]], ensure_ascii=False))
        bodies.append(client.get("/api/v2/pages/", {"search": query}).content.decode())
    for page in (draft, private):
        assert client.get(f"/api/v2/pages/{page.pk}/").status_code == 404
        assert client.get("/api/v2/pages/find/", {"html_path": page.url or f"/en/{page.slug}/"}).status_code == 404
    assert client.get(f"/api/v2/images/{image.pk}/").status_code == 404
    everything = "\n".join(bodies)
    for word in [
        "Canary draft",
        "Canary private",
        canary.full_name,
        "Canary image",
        "Canary member photo",
        CONTACT_DOMAIN,
        canary.email,
    ]:
        assert word not in everything, word
