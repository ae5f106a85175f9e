import functools
import math
import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.core.paginator import Page as PaginatorPage
from django.db import models
from django.db.models import Count, Exists, OuterRef, Prefetch, Subquery, prefetch_related_objects
from django.http import Http404
from django.shortcuts import redirect
from django.utils import translation
from django.utils.functional import cached_property
from django.utils.html import strip_tags
from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import Tag, TaggedItemBase
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.fields import StreamField
from wagtail.images.api.fields import ImageRenditionField
from wagtail.models import Orderable, Page, PageManager, TranslatableMixin, Workflow
from wagtail.query import PageQuerySet
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from home import locales, page_cache
from home.blocks import BodyStreamBlock
from home.content_language import TextIn
from home.models import SECTION_INDEX_SEARCH_RANK, BasePage, prefetch_renditions
from home.prepared import PreparedQuery
from home.renditions import rendition_or_none
from home.visibility import public_pages

from . import compiled
from .cards import article_cards
from .feeds import ArticleAtomFeed, ArticleRssFeed

ARTICLES_PER_PAGE = 12
# Bylines link to a profile of this model (the member directory's
# "members.Member" on this site), which provides `profile_url_resolver()`.
# Empty: bylines are names only, and articles installs without members.
AUTHOR_PROFILE_MODEL = settings.ARTICLES_AUTHOR_PROFILE_MODEL
WORKFLOW_NAME = "In Focus review"
# Average reading speeds: words per minute for alphabetic scripts, characters
# per minute for Chinese, which has no spaces between words.
WORDS_PER_MINUTE = 200
CJK_CHARACTERS_PER_MINUTE = 400
CJK_CHARACTER = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


class ArticlePageQuerySet(PageQuerySet):
    def for_listing(self):
        """Everything a listing card shows, in a fixed number of queries."""
        return self.select_related("hero_image", "locale").prefetch_related(*listing_prefetch())

    def newest_first(self):
        return self.order_by(models.F("date").desc(nulls_last=True), "-first_published_at", "-pk")


ArticlePageManager = PageManager.from_queryset(ArticlePageQuerySet)


def listing_prefetch(labels_locale_id=None, profiles=True):
    """
    What a card or an article page shows besides the page's own row; with
    `labels_locale_id`, each topic comes with its labels in that language
    and the default one (topic_labels_of), in the same query. Without
    `profiles`, the authors come without their member profiles (a card
    shows their names only).
    """
    topics = ArticlePageTag.objects.select_related("tag").order_by("pk")
    if labels_locale_id is not None:
        topics = with_topic_labels(topics, labels_locale_id, tag="tag_id")
    return [
        "hero_image__renditions",
        # Through the tagged items into a list (ArticlePage.topic_tags):
        # taggit's manager takes no queryset to prefetch with, and
        # prefetching into it builds a query object per article.
        Prefetch("tagged_items", queryset=topics, to_attr="prefetched_topics"),
        Prefetch(
            "authors",
            queryset=(
                ArticleAuthor.objects.select_related("member")
                if AUTHOR_PROFILE_MODEL and profiles
                else ArticleAuthor.objects.all()
            ).order_by("sort_order"),
        ),
    ]


# A topic archive's topic (`.first()`), compiled once per process (home.prepared).
TOPIC_BY_SLUG = PreparedQuery(lambda slug: Tag.objects.filter(slug=slug).order_by("pk")[:1])


class ArticleIndexPage(RoutablePageMixin, BasePage):
    parent_page_types = ["home.HomePage"]
    subpage_types = ["articles.ArticlePage"]
    max_count_per_parent = 1
    page_description = _("The In Focus magazine: lists its articles, topics, feed and submission form.")
    # The view behind a form route, named here and imported when the route
    # is called: the views module imports the models, and a site may name its own.
    submit_view = "articles.views.submit_article"
    search_rank = SECTION_INDEX_SEARCH_RANK

    intro = models.TextField(_("introduction"), blank=True)
    featured_article = models.ForeignKey(
        "articles.ArticlePage",
        verbose_name=_("featured article"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown at the top of the first page. Defaults to the newest article."),
    )
    submission_intro = models.TextField(
        _("submission form introduction"),
        blank=True,
        help_text=_("Shown above the 'Submit your article' form."),
    )
    terms = models.TextField(
        _("submission terms"),
        blank=True,
        help_text=_("The terms a submitter agrees to. Shown beside the consent box."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        PageChooserPanel("featured_article", "articles.ArticlePage"),
        MultiFieldPanel([FieldPanel("submission_intro"), FieldPanel("terms")], heading=_("Submit your article")),
    ]

    search_fields = [*BasePage.search_fields, index.SearchField("intro")]

    api_fields = [*BasePage.api_fields, APIField("intro"), APIField("featured_article")]

    class Meta:
        verbose_name = _("In Focus index")
        verbose_name_plural = _("In Focus indexes")

    def articles(self):
        page_cache.lists_children(self)
        return public_pages(ArticlePage.objects.child_of(self)).for_listing().newest_first()

    def listing_context(self, request, topic=None):
        """The articles to show: newest first, 12 a page, the featured one on top of page one."""
        # Which articles a page shows, and how many there are, are kept in
        # the shared cache until a child of this index (or the index) is
        # published or withdrawn; each card is kept on its own (articles.cards).
        # The featured article is out of the list on every page, not only the
        # first, so that the pages agree on their count and never repeat an
        # article; it is shown on top of the first page only.
        key = f"in-focus-listing:{self.pk}:{topic.pk if topic else ''}"
        locale = locales.active()
        topics_key = f"in-focus-topics:{self.pk}:{locale.pk}"
        # The count and the topics list read from the cache together.
        parts = page_cache.remembered_many(
            {key: lambda: self._featured_and_count(topic), topics_key: lambda: self._topics_used(locale.pk)},
            lambda compute: compute(),
        )
        featured, count = parts[key]
        all_topics = parts[topics_key]
        paginator = Paginator([], ARTICLES_PER_PAGE)
        paginator.count = count
        try:
            number = paginator.validate_number(request.GET.get("page", 1))
        except PageNotAnInteger:
            number = 1
        except EmptyPage:
            number = paginator.num_pages
        shown = page_cache.remembered(
            f"{key}:{featured}:{number}", lambda: self._page_of_articles(topic, featured, number)
        )
        page_obj = PaginatorPage(shown, number, paginator)
        # Read once: every card's topic links start with it, and Page.url computes it on each use.
        index_url = self.url
        # The labels of every topic listed, read with the list (the cards read their own with their topics).
        topics = topic_labels_of(all_topics)
        if topic is not None and topic.pk not in topics:
            # A topic no article has any more, or nobody labelled: its heading still asks.
            topics.update(topic_labels_of(with_topic_labels(Tag.objects.filter(pk=topic.pk), locale.pk)))
        # The featured card and the page's cards, read and rendered together.
        featured = featured if featured and number == 1 else None
        cards = article_cards(
            request,
            [featured, *shown] if featured else shown,
            topics_locale_id=locale.pk,
            index_url=index_url,
            heading_level=2,
            featured=featured,
        )
        return {
            "index_url": index_url,
            "topic": topic,
            "featured_card": cards[0] if featured else None,
            "page_obj": page_obj,
            "cards": cards[1:] if featured else cards,
            "topics": topics,
            "all_topics": all_topics,
        }

    def _listing(self, topic):
        articles = public_pages(ArticlePage.objects.child_of(self)).newest_first()
        page_cache.lists_children(self)
        return articles if topic is None else articles.filter(tags=topic)

    def _listing_key(self, topic, *more):
        """What the listing's SQL is built from (articles.compiled): this index where it is, and the topic."""
        return (self.pk, self.path, self.depth, topic.pk if topic else None, *more)

    def _featured_and_count(self, topic):
        """(the featured article's id or None, how many articles the pages list besides it)."""
        page_cache.shows_page(self)
        page_cache.lists_children(self)

        def articles():
            return self._listing(topic).values_list("pk", flat=True)

        featured = None
        if topic is None:
            if self.featured_article_id:
                chosen = self._listing_key(topic, "featured", self.featured_article_id)
                featured = compiled.rows(chosen, lambda: articles().filter(pk=self.featured_article_id)[:1])
            featured = featured or compiled.rows(self._listing_key(topic, "newest"), lambda: articles()[:1])
            featured = featured[0][0] if featured else None
        count = compiled.count(self._listing_key(topic, "count"), articles)
        return featured, count - 1 if featured else count

    def _page_of_articles(self, topic, featured, number):
        page_cache.lists_children(self)

        def articles():
            listed = self._listing(topic).values_list("pk", flat=True)
            if featured:
                listed = listed.exclude(pk=featured)
            start = (number - 1) * ARTICLES_PER_PAGE
            return listed[start : start + ARTICLES_PER_PAGE]

        return [pk for (pk,) in compiled.rows(self._listing_key(topic, "page", featured, number), articles)]

    def _topics_used(self, labels_locale_id):
        page_cache.depends_on("topics")
        page_cache.lists_children(self)

        def used():
            # The listed articles as a subquery: nothing of what a listing prefetches or orders by.
            # Tags whose id is among the listed articles' (a semi-join): a join
            # made a row per tagged article to remove again with DISTINCT, five
            # times slower on ten thousand articles.
            articles = public_pages(ArticlePage.objects.child_of(self)).values("pk")
            used = Tag.objects.filter(
                pk__in=ArticlePageTag.objects.filter(content_object__in=articles).values("tag_id")
            )
            return with_topic_labels(used, labels_locale_id).order_by("name")

        key = (*self._listing_key(None, "topics"), labels_locale_id, locales.default().pk)
        return compiled.objects(Tag, key, used)

    @path("")
    def index_route(self, request):
        topic_slug = request.GET.get("topic")
        if topic_slug:
            # Only a topic that exists has an address to go to (?topic=a b has none).
            tag = Tag.objects.filter(slug=topic_slug[:100]).first()
            if tag is None:
                raise Http404
            return redirect(self.topic_url(tag))
        return self.render(request, context_overrides=self.listing_context(request))

    # Topic slugs are django-taggit's, which keep letters of any script
    # (Django's <slug:> converter takes ASCII only).
    @re_path(r"^topic/(?P<slug>[-\w]+)/$", name="topic")
    def topic_route(self, request, slug):
        tag = next(iter(TOPIC_BY_SLUG(slug)), None)
        if tag is None:
            raise Http404
        return self.render(
            request, context_overrides=self.listing_context(request, topic=tag), template="articles/topic_archive.html"
        )

    @path("feed/", name="feed")
    def feed_route(self, request):
        return ArticleRssFeed(self)(request)

    @path("feed/atom/", name="atom_feed")
    def atom_feed_route(self, request):
        return ArticleAtomFeed(self)(request)

    @path("submit/", name="submit")
    def submit_route(self, request):
        return import_string(self.submit_view)(request, self)

    @path("submit/thanks/", name="submit_thanks")
    def submit_thanks_route(self, request):
        return self.render(request, template="articles/submit_thanks.html")

    def topic_url(self, tag):
        return self.url + self.reverse_subpage("topic", args=[tag.slug])


class ArticlePageTag(TaggedItemBase):
    content_object = ParentalKey("articles.ArticlePage", on_delete=models.CASCADE, related_name="tagged_items")


class ArticlePage(BasePage):
    parent_page_types = ["articles.ArticleIndexPage"]
    subpage_types = []
    page_description = _("An In Focus article.")

    intro = models.TextField(_("standfirst"), max_length=600, help_text=_("One or two sentences under the title."))
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("hero image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    hero_image_alt = models.CharField(
        _("hero image alternative text"),
        max_length=250,
        blank=True,
        help_text=_("Describe the image for people who cannot see it. Defaults to the image's own description."),
    )
    body = StreamField(BodyStreamBlock(), verbose_name=_("body"))
    date = models.DateField(
        _("display date"),
        null=True,
        blank=True,
        help_text=_("The date shown to readers. Defaults to the date of first publication."),
    )
    tags = ClusterTaggableManager(through=ArticlePageTag, blank=True, verbose_name=_("topics"))

    objects = ArticlePageManager()
    serve_select_related = ["hero_image", "listing_image"]

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        MultiFieldPanel([FieldPanel("hero_image"), FieldPanel("hero_image_alt")], heading=_("Hero image")),
        InlinePanel("authors", label=_("Authors")),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("date"), FieldPanel("tags"), InlinePanel("related_links", label=_("Related articles"))],
            heading=_("Date, topics and related articles"),
        ),
    ]

    search_fields = [
        *BasePage.search_fields,
        index.SearchField("intro", boost=2),
        index.SearchField("body"),
        index.RelatedFields("tags", [index.SearchField("name"), index.FilterField("slug")]),
        index.RelatedFields("authors", [index.SearchField("name")]),
        index.FilterField("date"),
    ]

    api_fields = [
        *BasePage.api_fields,
        APIField("intro"),
        APIField("hero_image", serializer=ImageRenditionField("fill-1200x630")),
        APIField("hero_image_alt_text"),
        APIField("body"),
        APIField("display_date"),
        APIField("reading_time"),
        APIField("byline"),
        APIField("topics"),
    ]

    override_translatable_fields = [SynchronizedField("date"), SynchronizedField("hero_image")]

    class Meta:
        verbose_name = _("article")
        verbose_name_plural = _("articles")

    @property
    def display_date(self):
        if self.date:
            return self.date
        published = self.first_published_at or self.latest_revision_created_at
        return published.date() if published else None

    @property
    def hero_image_alt_text(self):
        if self.hero_image_alt:
            return self.hero_image_alt
        return self.hero_image.description if self.hero_image else ""

    def get_social_image(self):
        return self.hero_image or self.listing_image

    @cached_property
    def reading_time(self):
        """Minutes to read the body, at least one."""
        # The body rendered whole: its links are resolved once, not once per
        # block (home.blocks). The article page has rendered it already.
        html = getattr(self, "rendered_body", None)
        text = strip_tags(str(self.body.render_as_block() if html is None else html))
        cjk_characters = len(CJK_CHARACTER.findall(text))
        words = len(CJK_CHARACTER.sub(" ", text).split())
        minutes = words / WORDS_PER_MINUTE + cjk_characters / CJK_CHARACTERS_PER_MINUTE
        return max(1, math.ceil(minutes))

    @property
    def byline(self):
        return [author.as_dict() for author in self.authors.all()]

    @property
    def topics(self):
        labels = self.topic_labels
        return [{"slug": tag.slug, "label": labels.get(tag.pk, tag.name)} for tag in self.topic_tags]

    @property
    def topic_tags(self):
        """
        `tags.all()`, from the list `listing_prefetch` read where there is
        one: the taggit manager builds a query object on every call, even
        for tags it has prefetched.
        """
        prefetched = getattr(self, "prefetched_topics", None)
        return [item.tag for item in prefetched] if prefetched is not None else list(self.tags.all())

    @cached_property
    def topic_labels(self):
        return TopicLabel.objects.labels_for(locales.by_id(self.locale_id))

    @classmethod
    def prepare_for_listing(cls, articles, hero_images=True):
        """
        What an API listing shows of each article, read for all of them at
        once: the rows listing_prefetch() reads, by queries compiled once per
        process (home.prepared) and handed to each article as a prefetch
        would, without Django's prefetch machinery (a queryset per article).
        Without `hero_images`, those are left to be read when shown.
        """
        ids = sorted({article.pk for article in articles})
        topics, authors = {}, {}
        for item in _listed_topics(ids):
            topics.setdefault(item.content_object_id, []).append(item)
        for author in _listed_authors(ids):
            authors.setdefault(author.page_id, []).append(author)
        image_ids = sorted({article.hero_image_id for article in articles if article.hero_image_id is not None})
        images = {}
        if hero_images and image_ids:
            images = {image.pk: image for image in _listed_images(image_ids)}
            prefetch_renditions(list(images.values()))
        hero_image, author_page = cls._meta.get_field("hero_image"), ArticleAuthor._meta.get_field("page")
        labels = TopicLabel.objects.labels_by_locale({article.locale_id for article in articles})
        for article in articles:
            article.prefetched_topics = topics.get(article.pk, [])
            # As Django's prefetch leaves it: `article.authors.all()` reads this.
            listed = ArticleAuthor.objects.all()
            listed._result_cache, listed._prefetch_done = authors.get(article.pk, []), True
            for author in listed._result_cache:
                author_page.set_cached_value(author, article)
            article._prefetched_objects_cache = {**getattr(article, "_prefetched_objects_cache", {}), "authors": listed}
            if article.hero_image_id in images:
                hero_image.set_cached_value(article, images[article.hero_image_id])
            article.topic_labels = labels[article.locale_id]
        share_member_directories(articles)

    def prepare_for_detail(self):
        """What the API's detail of an article shows, as for a listing (its picture is one query either way)."""
        self.prepare_for_listing([self], hero_images=False)

    def page_cache_purge_tags(self):
        # Other articles pick related articles by shared topic.
        return [f"topic:{tag.pk}" for tag in self.topic_tags]

    def get_related_articles(self, limit=3):
        """
        Articles the editor chose (in the reader's language where translated);
        otherwise those sharing the most topics. One query when the editor
        chose, two when not; each uses the indexes, whatever the corpus size,
        and is compiled once per process (below).
        """
        if self.pk is None:
            # A preview before the first save: no links or topics are stored to choose by.
            return []
        chosen = _chosen_related_articles(self.pk)
        if chosen:
            by_key = {}
            for article in chosen:  # the reader's language where translated, else the article chosen
                if article.locale_id == self.locale_id or (article.linked and article.translation_key not in by_key):
                    by_key[article.translation_key] = article
            related = list(by_key.values())[:limit]
            for article in chosen:
                # A translation published in the reader's language takes the chosen one's place.
                page_cache.links_to_translations(article)
        else:
            related = _most_shared_topics(limit)(self.locale_id, self.pk)
        for article in related:
            page_cache.shows_page(article)
        return related

    def get_workflow(self):
        """
        Articles go through 'In Focus review' (moderators approve or ask for
        changes) rather than the site-wide workflow; deactivating it in the
        admin hands articles back to whatever workflow covers the section.
        """
        if settings.WAGTAIL_WORKFLOW_ENABLED:
            workflow = Workflow.objects.filter(name=WORKFLOW_NAME, active=True).first()
            if workflow is not None:
                return workflow
        return super().get_workflow()

    def json_ld(self):
        """schema.org Article metadata."""
        data = {
            "@context": "https://schema.org",
            "@type": "Article",
            "headline": self.title,
            "description": self.intro,
            "inLanguage": locales.by_id(self.locale_id).language_code,
            "url": self.full_url,
            "author": [{"@type": "Person", "name": author.name} for author in self.authors.all()],
            "publisher": {"@type": "Organization", "name": "Global Network of Women ICT Decision Makers"},
            "keywords": [topic["label"] for topic in self.topics],
        }
        if self.display_date:
            data["datePublished"] = self.display_date.isoformat()
        if self.last_published_at:
            data["dateModified"] = self.last_published_at.isoformat()
        if picture := rendition_or_none(self.hero_image, "fill-1200x630"):
            data["image"] = picture.full_url
        return data

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # The index only lends its title and address (and the routing already has it).
        context["index"] = self.get_parent()
        context["index_url"] = context["index"].url
        page_cache.shows_page(context["index"])
        context["related_cards"] = self.related_cards(request, context["index_url"])
        # This article's topics with their labels, authors and images (read
        # with the related cards' when they were rendered).
        self.prefetch_for_page()
        share_member_directories([self])
        page_cache.depends_on("topics")
        if self.pk is None:  # a preview before the first save: its topics are in memory (prefetch_for_page)
            context["topic_labels"] = self.topic_labels
        else:
            context["topic_labels"] = self.topic_labels = topic_labels_of(self.prefetched_topics)
        # The body, rendered once as {% include_block %} would (the page's
        # context as the blocks' parent context): the page shows it, and its
        # reading time counts its words.
        context["body_html"] = self.rendered_body = self.body.render_as_block(context)
        return context

    def prefetch_for_page(self):
        if getattr(self, "prefetched_topics", None) is not None:
            return
        if self.pk is None:
            # A preview before the first save: its topics and authors are the
            # form's, in memory; nothing of it is stored to read.
            self.prefetched_topics = list(self.tagged_items.all())
        else:
            prefetch_related_objects([self], *listing_prefetch(self.locale_id))

    def related_cards(self, request, index_url):
        """
        The related articles' cards, kept in the shared cache: choosing them
        takes the heaviest queries of the page, and their answer changes only
        when this article, one of those shown, a translation of one chosen or
        an article sharing a topic is published or withdrawn.
        """

        def choose_and_render():
            page_cache.shows_page(self)
            cards = article_cards(
                request,
                self.get_related_articles(),
                topics_locale_id=self.locale_id,
                index_url=index_url,
                prefetch_with=[self],
            )
            # A newly published article sharing a topic may become related.
            # Its topics were read with the cards' (unless all were stored).
            self.prefetch_for_page()
            page_cache.depends_on(*self.page_cache_purge_tags())
            return cards

        if self.pk is None:  # a preview before the first save: none to choose, nothing to keep
            return []
        key = f"related-articles:{self.pk}:{translation.get_language()}:{request.scheme}://{request.get_host()}"
        return page_cache.remembered(f"{key}:{index_url}", choose_and_render)


@PreparedQuery
def _chosen_related_articles(page_pk):
    """
    Every language version of the articles the editor of `page_pk` chose (an
    indexed lookup), in the editor's order, each marked `linked` if it is
    the version chosen: ArticlePage.get_related_articles narrows them.
    """
    links = ArticleRelatedLink.objects.filter(page_id=page_pk).exclude(related_id=page_pk)
    linked = ArticleRelatedLink.objects.filter(page_id=page_pk).values("related_id")
    return (
        public_pages(ArticlePage.objects.filter(translation_key__in=links.values("related__translation_key")))
        .exclude(pk=page_pk)
        .annotate(linked=Exists(linked.filter(related_id=OuterRef("pk"))))
        .annotate(
            chosen_order=Subquery(
                links.filter(related__translation_key=OuterRef("translation_key")).values("sort_order")[:1]
            )
        )
        .select_related("hero_image", "locale")
        .order_by("chosen_order", "pk")
    )


@functools.cache
def _most_shared_topics(limit):
    """The `limit` articles in a language sharing the most topics with an article: (locale id, article id)."""

    def build(locale_id, page_pk):
        own_tags = ArticlePageTag.objects.filter(content_object_id=page_pk).values("tag_id")
        return (
            public_pages(ArticlePage.objects.filter(locale_id=locale_id, tags__in=own_tags))
            .exclude(pk=page_pk)
            .annotate(shared=Count("tags"))
            .select_related("hero_image", "locale")
            .order_by("-shared", "-first_published_at")[:limit]
        )

    return PreparedQuery(build)


class ArticleAuthor(TranslatableMixin, Orderable):
    """A name in an article's byline, linked to a member profile where there is one."""

    page = ParentalKey(ArticlePage, on_delete=models.CASCADE, related_name="authors")
    if AUTHOR_PROFILE_MODEL:
        member = models.ForeignKey(
            AUTHOR_PROFILE_MODEL,
            verbose_name=_("member profile"),
            null=True,
            blank=True,
            on_delete=models.SET_NULL,
            related_name="+",
            help_text=_("Link the byline to her profile in the member directory (shown only if she is listed)."),
        )
    name = models.CharField(_("name"), max_length=200)
    role = models.CharField(
        _("role"), max_length=200, blank=True, help_text=_("For example 'Minister of ICT, Rwanda'.")
    )

    panels = [*([FieldPanel("member")] if AUTHOR_PROFILE_MODEL else []), FieldPanel("name"), FieldPanel("role")]

    # A person's name is the same in every language; her role is translated;
    # the member link follows the source (and is shown in the reader's language).
    override_translatable_fields = [
        SynchronizedField("name"),
        TranslatableField("role"),
        *([SynchronizedField("member")] if AUTHOR_PROFILE_MODEL else []),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("author")
        verbose_name_plural = _("authors")

    def __str__(self):
        return self.name

    def profile_url(self, locale=None):
        """Her public profile in the reader's language, if she is a listed member."""
        member = getattr(self, "member", None)
        if member is None:
            return None
        resolve = getattr(self, "profile_resolver", None) or member.profile_url_resolver()
        return resolve(member, locale or locales.active())

    def as_dict(self):
        return {"name": self.name, "role": self.role, "profile_url": self.profile_url()}


class ArticleRelatedLink(Orderable):
    page = ParentalKey(ArticlePage, on_delete=models.CASCADE, related_name="related_links")
    related = models.ForeignKey(ArticlePage, verbose_name=_("article"), on_delete=models.CASCADE, related_name="+")

    panels = [PageChooserPanel("related", "articles.ArticlePage")]

    class Meta(Orderable.Meta):
        verbose_name = _("related article")
        verbose_name_plural = _("related articles")


@PreparedQuery
def _listed_topics(article_ids):
    return ArticlePageTag.objects.filter(content_object_id__in=article_ids).select_related("tag").order_by("pk")


@PreparedQuery
def _listed_authors(article_ids):
    authors = ArticleAuthor.objects.filter(page_id__in=article_ids).order_by("sort_order")
    return authors.select_related("member") if AUTHOR_PROFILE_MODEL else authors


@PreparedQuery
def _listed_images(image_ids):
    return ArticlePage._meta.get_field("hero_image").related_model.objects.filter(pk__in=image_ids)


def share_member_directories(articles):
    """Give every linked author of `articles` (authors prefetched) one resolver: one lookup of the directories."""
    authors = [author for article in articles for author in article.authors.all() if getattr(author, "member", None)]
    if authors:
        resolve = authors[0].member.profile_url_resolver()
        for author in authors:
            author.profile_resolver = resolve


class TopicLabelQuerySet(models.QuerySet):
    def labels_for(self, locale):
        """{tag id: label} in `locale`, falling back to the default language's labels."""
        return self.labels_by_locale([locale.pk])[locale.pk]

    def labels_by_locale(self, locale_ids):
        """
        {locale id: {tag id: label}} for each of `locale_ids`, in at most one query.
        Until a label is translated, the default language's stands in, marked
        as such (TextIn) so that templates give it its own lang and dir.
        """
        page_cache.depends_on("topics")
        # Kept in the shared cache, per language, under the page cache's token
        # for "topics", which every change of a label or topic replaces.
        token = page_cache.tag_token("topics")
        keys = {locale_id: f"topic-labels:{token}:{locale_id}" for locale_id in set(locale_ids)}
        stored = page_cache.store().get_many(keys.values())
        found = {locale_id: stored[key] for locale_id, key in keys.items() if key in stored}
        missing = [locale_id for locale_id in keys if locale_id not in found]
        if missing:
            default = locales.default()
            rows = list(self.filter(locale_id__in={*missing, default.pk}).values_list("tag_id", "locale_id", "label"))
            for locale_id in missing:
                labels = found[locale_id] = {
                    tag_id: label for tag_id, label_locale_id, label in rows if label_locale_id == locale_id
                }
                for tag_id, label_locale_id, label in rows:
                    if label_locale_id == default.pk and tag_id not in labels:
                        labels[tag_id] = TextIn(label, default.language_code)
            page_cache.store().set_many({keys[locale_id]: found[locale_id] for locale_id in missing}, 60 * 60)
        return found


class TopicLabel(TranslatableMixin, models.Model):
    """
    The label of a topic in one language. A topic is a django-taggit tag with
    one slug for every language (so URLs and filters are shared); its label
    is this translatable snippet, translated with wagtail-localize like any
    other content.
    """

    tag = models.ForeignKey(Tag, verbose_name=_("topic"), on_delete=models.CASCADE, related_name="labels")
    label = models.CharField(_("label"), max_length=100)

    panels = [FieldPanel("tag"), FieldPanel("label")]

    override_translatable_fields = [SynchronizedField("tag"), TranslatableField("label")]

    objects = TopicLabelQuerySet.as_manager()

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("topic label")
        verbose_name_plural = _("topic labels")
        constraints = [models.UniqueConstraint(fields=["tag", "locale"], name="unique_topic_label_per_locale")]

    def __str__(self):
        return self.label

    def clean(self):
        super().clean()
        # The admin's form has no locale field, so Django's own check of the
        # constraint above skips it: without this, a second label is a 500.
        others = TopicLabel.objects.filter(tag_id=self.tag_id, locale_id=self.locale_id).exclude(pk=self.pk)
        if self.tag_id and self.locale_id and others.exists():
            raise ValidationError({"tag": _("This topic already has a label in this language.")})


def with_topic_labels(queryset, locale_id, tag="pk"):
    """
    `queryset` (of tags, or of rows whose field `tag` is one) with each
    topic's id and its labels in `locale_id` and in the default language,
    read in the same query: see topic_labels_of.
    """
    labels = TopicLabel.objects.filter(tag=OuterRef(tag))
    return queryset.annotate(
        topic_id=models.F(tag),
        label_in_locale=Subquery(labels.filter(locale_id=locale_id).values("label")[:1]),
        label_in_default=Subquery(labels.filter(locale_id=locales.default().pk).values("label")[:1]),
    )


def topic_labels_of(rows):
    """
    {tag id: label} for `rows` read with_topic_labels, as
    TopicLabel.objects.labels_by_locale gives them: the default language's
    label, marked as such, until the topic's label is translated.
    """
    default = locales.default()
    labels = {}
    for row in rows:
        if row.label_in_locale is not None:
            labels[row.topic_id] = row.label_in_locale
        elif row.label_in_default is not None:
            labels[row.topic_id] = TextIn(row.label_in_default, default.language_code)
    return labels


class ArticleSubmission(models.Model):
    """
    Who submitted a reader's article, kept apart from the page so that the
    submitter's contact details never reach the page, its revisions, the API
    or the search index. Visible to editors in the admin only.
    """

    article = models.OneToOneField(
        ArticlePage, verbose_name=_("article"), null=True, on_delete=models.SET_NULL, related_name="submission"
    )
    title = models.CharField(_("title"), max_length=200)
    author_name = models.CharField(_("author name"), max_length=200)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    country = CountryField(_("country"))
    email = models.EmailField(_("email"))
    language = models.CharField(_("language"), max_length=10)
    consented_at = models.DateTimeField(_("consented to the terms at"))
    submitted_at = models.DateTimeField(_("submitted at"), auto_now_add=True)

    class Meta:
        verbose_name = _("article submission")
        verbose_name_plural = _("article submissions")
        ordering = ["-submitted_at"]

    def __str__(self):
        return self.title
