"""/api/v2/articles/: In Focus articles with their own filters."""

from django.db.models import Subquery
from taggit.models import Tag

from headless.api import PAGE_PARAMETERS, NetworkPagesAPIViewSet
from home.parameters import Date, Text, slug

from .models import ArticleAuthor, ArticlePage, ArticlePageTag


class ArticlesAPIViewSet(NetworkPagesAPIViewSet):
    name = "articles"
    model = ArticlePage
    listing_default_fields = [
        *NetworkPagesAPIViewSet.listing_default_fields,
        "intro",
        "display_date",
        "topics",
        "byline",
        "hero_image",
    ]
    parameters = PAGE_PARAMETERS.without("type") + [
        slug("topic", "Topic slug, e.g. e-health."),
        Text("author", "Author name (or part of it).", max_length=200),
        Date("date_from", "Articles dated on or after this day."),
        Date("date_to", "Articles dated on or before this day."),
    ]

    keep_items = True
    listing_defer = ("body",)
    # Its own filters go into the SQL as values (see pages_queryset).
    PREPARED_PARAMETERS = NetworkPagesAPIViewSet.PREPARED_PARAMETERS | {"topic", "author", "date_from", "date_to"}

    def item_tags(self, page):
        # Topic labels; pictures purge their pages' tags (home.signals).
        return [*super().item_tags(page), "topics"]

    def count_tags(self):
        # ?topic= names a tag by its slug.
        return [*super().count_tags(), "topics"]

    def pages_queryset(self):
        params = self.params
        articles = self.public_in_site(ArticlePage)
        # Subqueries rather than joins: no duplicate rows, so no DISTINCT over
        # every column of every page to count and list them.
        if topic := params.get("topic"):
            # The tag by its id, found first: joined by slug, PostgreSQL
            # cannot tell how many articles a topic has and guesses few.
            tag = Tag.objects.filter(slug=topic).values("pk")[:1]
            articles = articles.filter(
                pk__in=ArticlePageTag.objects.filter(tag=Subquery(tag)).values("content_object_id")
            )
        if author := params.get("author"):
            articles = articles.filter(pk__in=ArticleAuthor.objects.filter(name__icontains=author).values("page_id"))
        if date_from := params.get("date_from"):
            articles = articles.filter(date__gte=date_from)
        if date_to := params.get("date_to"):
            articles = articles.filter(date__lte=date_to)
        if params.get("order") is None:
            articles = articles.newest_first()
        return articles
