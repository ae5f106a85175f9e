from django.utils.formats import date_format
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from home.models import HOME_PAGE_SECTIONS_HOOK

from .models import ArticleIndexPage, ArticlePage, ArticleSubmission, TopicLabel


class TopicLabelViewSet(SnippetViewSet):
    model = TopicLabel
    icon = "tag"
    list_display = ["label", "tag", "locale"]
    list_filter = ["locale"]
    search_fields = ["label"]


class ArticleSubmissionViewSet(SnippetViewSet):
    """Who submitted what: for editors only, never shown on the site."""

    model = ArticleSubmission
    icon = "mail"
    list_display = ["title", "author_name", "organisation", "country", "language", "submitted_at"]
    list_filter = ["language"]
    search_fields = ["title", "author_name", "organisation"]
    inspect_view_enabled = True
    menu_order = 300


register_snippet(TopicLabelViewSet)
register_snippet(ArticleSubmissionViewSet)


@hooks.register(HOME_PAGE_SECTIONS_HOOK, order=10)
def latest_articles(home, request):
    index = ArticleIndexPage.objects.live().child_of(home).first()
    if index is None:
        return None
    articles = ArticlePage.objects.live().public().child_of(index).for_listing().newest_first()[:3]
    if not articles:
        return None
    return {
        "title": _("Latest from In Focus"),
        "url": index.url,
        "more_label": _("All In Focus articles"),
        "items": [
            {
                "title": article.title,
                "url": article.url,
                "image": article.hero_image,
                "summary": article.intro,
                "meta": date_format(article.display_date) if article.display_date else "",
            }
            for article in articles
        ],
    }


@hooks.register("load_demo_content", order=10)
def load_articles_demo_content(stdout):
    from .demo import loader

    loader.load(stdout)
