"""/api/v2/articles/: In Focus articles with their own filters."""

import datetime

from django.utils.translation import gettext as _
from wagtail.api.v2.utils import BadRequestError

from headless.api import COMMON_PAGE_PARAMETERS, NetworkPagesAPIViewSet, Parameter

from .models import ArticleAuthor, ArticlePage, ArticlePageTag


def read_date(value, name):
    try:
        return datetime.date.fromisoformat(value)
    except ValueError as error:
        raise BadRequestError(_("%(name)s must be a date like 2026-04-23.") % {"name": name}) from error


class ArticlesAPIViewSet(NetworkPagesAPIViewSet):
    name = "articles"
    model = ArticlePage
    known_query_parameters = NetworkPagesAPIViewSet.known_query_parameters.union(
        ["topic", "author", "date_from", "date_to"]
    )
    listing_default_fields = [
        *NetworkPagesAPIViewSet.listing_default_fields,
        "intro",
        "display_date",
        "topics",
        "byline",
        "hero_image",
    ]
    parameters = [
        *[p for p in COMMON_PAGE_PARAMETERS if p.name != "type"],
        Parameter("topic", "Topic slug, e.g. e-health.", {"type": "string", "pattern": r"^[-\w]+$"}),
        Parameter("author", "Author name (or part of it).", {"type": "string", "maxLength": 200}),
        Parameter("date_from", "Articles dated on or after this day.", {"type": "string", "format": "date"}),
        Parameter("date_to", "Articles dated on or before this day.", {"type": "string", "format": "date"}),
    ]

    def get_queryset(self):
        params = self.request.GET
        articles = ArticlePage.objects.filter(pk__in=self.get_base_queryset().values("pk"))
        # Subqueries rather than joins: no duplicate rows, so no DISTINCT over
        # every column of every page to count and list them.
        if topic := params.get("topic"):
            articles = articles.filter(
                pk__in=ArticlePageTag.objects.filter(tag__slug=topic[:100]).values("content_object_id")
            )
        if author := params.get("author"):
            articles = articles.filter(
                pk__in=ArticleAuthor.objects.filter(name__icontains=author[:200]).values("page_id")
            )
        if date_from := params.get("date_from"):
            articles = articles.filter(date__gte=read_date(date_from, "date_from"))
        if date_to := params.get("date_to"):
            articles = articles.filter(date__lte=read_date(date_to, "date_to"))
        if "order" not in params:
            articles = articles.newest_first()
        return articles
