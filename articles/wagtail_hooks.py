from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.panels import FieldPanel
from wagtail.admin.ui.tables import TitleColumn
from wagtail.admin.widgets.button import Button
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from home import page_cache
from home.models import HOME_PAGE_SECTIONS_HOOK
from home.prepared import PreparedQuery
from home.snippet_views import TranslatableSnippetViewSet
from home.visibility import public_pages

from .models import ArticleIndexPage, ArticlePage, ArticleSubmission, TopicLabel


class TopicLabelViewSet(TranslatableSnippetViewSet):
    model = TopicLabel
    icon = "tag"
    list_display = ["label", "tag", "locale"]
    list_filter = ["locale"]
    search_fields = ["label"]


def draft_article_url(submission):
    return reverse("wagtailadmin_pages:edit", args=[submission.article_id]) if submission.article_id else None


class ArticleSubmissionViewSet(SnippetViewSet):
    """Who submitted what: for editors only, never shown on the site."""

    model = ArticleSubmission
    icon = "mail"
    list_display = [
        "title",
        TitleColumn("article", label=gettext_lazy("Draft article"), get_url=draft_article_url),
        "author_name",
        "organisation",
        "country",
        "language",
        "submitted_at",
    ]
    list_filter = ["language"]
    search_fields = ["title", "author_name", "organisation"]
    inspect_view_enabled = True
    menu_order = 300
    # What the reader sent (and when they agreed to the terms) is a record:
    # editors link it to its draft but cannot rewrite it by accident.
    panels = [
        FieldPanel("article"),
        *(
            FieldPanel(name, read_only=True)
            for name in ("title", "author_name", "organisation", "country", "email", "language", "consented_at")
        ),
    ]


register_snippet(TopicLabelViewSet)
register_snippet(ArticleSubmissionViewSet)


@hooks.register("register_admin_viewset")
def register_article_editor():
    """Articles' page editor shows the reader's submission beside a submitted draft."""
    from .views import ArticlePageViewSet

    return ArticlePageViewSet("article_pages")


@hooks.register("register_snippet_listing_buttons")
def submission_article_button(snippet, user, next_url=None):
    if isinstance(snippet, ArticleSubmission) and snippet.article_id:
        yield Button(gettext_lazy("Edit the draft article"), draft_article_url(snippet), icon_name="edit", priority=5)


# What the home page's section shows of an article (display_date reads the last three).
LATEST_ARTICLE_FIELDS = (
    "title",
    "slug",
    "intro",
    "hero_image",
    "date",
    "first_published_at",
    "latest_revision_created_at",
)


def _latest_articles(path, depth):
    """The three newest public children (at `depth`) of the index at `path`, with the columns their cards show."""
    articles = public_pages(ArticlePage.objects.filter(path__startswith=path, depth=depth))
    return articles.newest_first().select_related("hero_image").only(*LATEST_ARTICLE_FIELDS)[:3]


# Compiled once per process (home.prepared): building it cost more CPU than reading it.
LATEST_ARTICLES = PreparedQuery(_latest_articles)


@hooks.register(HOME_PAGE_SECTIONS_HOOK, order=10)
def latest_articles(home, request):
    index = home.section_index(ArticleIndexPage, request)
    if index is None:
        return None
    page_cache.lists_children(index)
    # Only the columns a card shows (the pictures whole); the home page reads
    # the pictures' renditions, with its own.
    articles = LATEST_ARTICLES(index.path, index.depth + 1)
    if not articles:
        return None
    # Each article is a child of the index, at its address plus its slug.
    url = index.url
    return {
        "title": _("Latest from In Focus"),
        "url": url,
        "more_label": _("All In Focus articles"),
        "items": [
            {
                "title": article.title,
                "url": f"{url}{article.slug}/",
                "image": article.hero_image,
                "summary": article.intro,
                "meta": date_format(article.display_date) if article.display_date else "",
            }
            for article in articles
        ],
    }


@hooks.register("load_demo_content", order=10)
def load_articles_demo_content(stdout):
    """In Focus: topics and articles with their pictures."""
    from .demo import loader

    loader.load(stdout)


def article_search_document(page):
    from search.documents import base_page_document, is_public_page

    if not is_public_page(page):
        return None
    document = base_page_document(page, "article", summary=page.intro, body_fields=("body",))
    labels = TopicLabel.objects.labels_for(page.locale)
    tags = list(page.tags.all())
    document["topics"] = [tag.slug for tag in tags]
    document["topic_labels"] = [labels.get(tag.pk, tag.name) for tag in tags]
    document["body"] = " ".join([document["body"], *(author.name for author in page.authors.all())])
    if page.display_date:
        document["date"] = page.display_date.isoformat()
        document["year"] = page.display_date.year
    document["extra"] = {"authors": [a.name for a in page.authors.all()], "reading_time": page.reading_time}
    return document


def topic_facet_labels(language):
    from wagtail.models import Locale

    locale = Locale.objects.filter(language_code=language).first() or Locale.get_default()
    by_id = TopicLabel.objects.labels_for(locale)
    return {
        "topics": {
            label.tag.slug: by_id.get(label.tag_id, label.label) for label in TopicLabel.objects.select_related("tag")
        }
    }


@hooks.register("register_search_document_types")
def register_article_search():
    from home.visibility import public_pages
    from search.documents import SearchDocumentType

    return [
        SearchDocumentType(
            kind="article",
            label=gettext_lazy("Articles"),
            model=ArticlePage,
            build=article_search_document,
            queryset=lambda: (
                public_pages(ArticlePage.objects.all())
                .select_related("locale")
                .prefetch_related("tagged_items__tag", "authors")
            ),
            facet_labels=topic_facet_labels,
        )
    ]


@hooks.register("generate_content")
def generate_articles(options, stdout):
    from .demo import generate

    generate.generate(options["articles"], stdout)
