"""
Article cards, each kept as a part in the shared cache
(home.page_cache.remembered_many) and fetched for a whole listing at once.

A card costs more to render than anything else on a listing page (a
picture's renditions, the byline, topic links and the article's address),
and the same card appears on the In Focus pages, topic archives and beside
related articles. It is stored under the tags its article declares
(`page:<pk>`, purged when the article is published, unpublished, moved,
restricted or its picture changes; `topics`, purged when any topic or label
changes), and its key names everything else it shows: the language, the
site asked, the index's address that topic links start with, the topic
labels' language and the card's variant. Only the articles whose cards are
missing have their rows, topics (with their labels), authors and renditions
read, in the same four queries however many cards are missing. A listing
reads them as values (card_data): making pages, images and renditions as
model instances, with their prefetches, cost more than the rest of a card.

The card's markup is written here rather than in a template: a listing
renders a dozen of them on every cold request, and the template engine
(a context lookup per variable, a node per tag and filter) cost three times
what the markup itself does. Each value goes through the function its
template filter or tag would have called, escaped as autoescaping would.
"""

import functools
import re
from html import escape
from urllib.parse import quote

from django.conf import settings
from django.db.models import OuterRef, Subquery, prefetch_related_objects
from django.template.defaultfilters import truncatewords
from django.utils import translation
from django.utils.formats import date_format
from django.utils.html import conditional_escape
from django.utils.http import RFC3986_SUBDELIMS
from django.utils.safestring import mark_safe
from django.utils.translation import gettext, pgettext
from wagtail.images import get_image_model
from wagtail.images.models import Filter
from wagtail.images.shortcuts import get_renditions_or_not_found
from wagtail.models import Page

from home import locales, page_cache
from home.content_language import TextIn, attributes
from home.prepared import PreparedQuery
from home.templatetags.site_tags import name_in_its_script
from home.visibility import public_pages

# A card's picture: WebP, with JPEG for browsers without it, each in two widths.
PICTURE_FILTERS = {
    image_format: [Filter(spec=f"format-{image_format}|fill-{size}") for size in ("400x225", "800x450")]
    for image_format in ("webp", "jpeg")
}
PICTURE_SIZES = "(min-width: 72rem) 22rem, (min-width: 40rem) 45vw, 100vw"
# What a fill filter's rendition varies with (Filter.get_cache_key).
FOCAL_POINT_FIELDS = ("focal_point_x", "focal_point_y", "focal_point_width", "focal_point_height")
# The characters reverse() leaves unescaped in a path.
SAFE = RFC3986_SUBDELIMS + "/~:@"


def article_cards(request, articles, *, topics_locale_id, index_url, heading_level=3, featured=None, prefetch_with=()):
    """
    [card HTML] for `articles` (pages or their ids), in their order; the one
    that is `featured` (a page or id) as the featured card. Topic labels are
    in the language of `topics_locale_id`. `prefetch_with`: pages that need
    what a card reads (labels included), read in the same queries when some
    card has to be rendered.
    """
    from .models import listing_prefetch, topic_labels_of

    variant = f"{translation.get_language()}:{request.scheme}://{request.get_host()}:{index_url}"
    variant += f":{topics_locale_id}:{heading_level}"
    featured_pk = getattr(featured, "pk", featured)
    items = {}
    for article in articles:
        pk = getattr(article, "pk", article)
        items[f"article-card:{pk}:{variant}:{int(featured_pk is not None and pk == featured_pk)}"] = article

    loaded = {}

    def prepare(missing):
        # Listings keep only the ids of the articles they show: read what the missing cards show, as values.
        if ids := [article for article in missing if isinstance(article, int)]:
            loaded.update(card_data(request, ids, topics_locale_id))
        pages = [article for article in [*missing, *prefetch_with] if not isinstance(article, int)]
        if pages:
            # The pages read with the cards (an article's own) show their authors' profiles; cards do not.
            prefetch_related_objects(pages, *listing_prefetch(topics_locale_id, profiles=bool(prefetch_with)))

    def render(article):
        if isinstance(article, int):
            if (card := loaded.get(article)) is None:
                # Withdrawn since the listing was read (whose entry that purged too).
                page_cache.depends_on(f"page:{article}")
                return ""
        else:
            card = Card.of_page(article, request, topic_labels_of(article.prefetched_topics))
        page_cache.shows_page(card)
        page_cache.depends_on("topics")
        return render_card(card, featured=card.pk == featured_pk, heading_level=heading_level, index_url=index_url)

    cards = page_cache.remembered_many(items, render, prepare=prepare)
    return [cards[key] for key in items]


class Card:
    """
    What a card shows of an article: `topics` are (slug, label) pairs,
    `picture` the picture's markup (or "").
    """

    __slots__ = ("pk", "title", "url", "display_date", "intro", "authors", "topics", "picture")

    def __init__(self, **values):
        for name, value in values.items():
            setattr(self, name, value)

    @classmethod
    def of_page(cls, article, request, labels):
        """The card of `article`, a page read with listing_prefetch (`labels`: topic_labels_of its topics)."""
        return cls(
            pk=article.pk,
            title=article.title,
            url=article.get_url(request=request),
            display_date=article.display_date,
            intro=article.intro,
            authors=[author.name for author in article.authors.all()],
            topics=[(tag.slug, _label(labels, tag.pk, tag.name)) for tag in article.topic_tags],
            picture=_picture(article.hero_image) if article.hero_image else "",
        )


def _label(labels, tag_id, name):
    return labels.get(tag_id) or TextIn(name, settings.LANGUAGE_CODE)


def _article_rows(ids):
    from .models import ArticlePage

    return public_pages(ArticlePage.objects.filter(pk__in=ids)).values_list(
        "pk",
        "title",
        "url_path",
        "intro",
        "date",
        "first_published_at",
        "latest_revision_created_at",
        "hero_image_id",
        *(f"hero_image__{field}" for field in FOCAL_POINT_FIELDS),
    )


def _topic_rows(ids, locale_id, default_locale_id):
    from .models import ArticlePageTag, TopicLabel

    labels = TopicLabel.objects.filter(tag=OuterRef("tag_id"))
    return (
        ArticlePageTag.objects.filter(content_object_id__in=ids)
        .order_by("pk")
        .values_list(
            "content_object_id",
            "tag__slug",
            "tag__name",
            Subquery(labels.filter(locale_id=locale_id).values("label")[:1]),
            Subquery(labels.filter(locale_id=default_locale_id).values("label")[:1]),
        )
    )


def _author_rows(ids):
    from .models import ArticleAuthor

    return ArticleAuthor.objects.filter(page_id__in=ids).order_by("sort_order").values_list("page_id", "name")


def _rendition_rows(image_ids):
    rendition_model = get_image_model().get_rendition_model()
    specs = [spec.spec for filters in PICTURE_FILTERS.values() for spec in filters]
    return rendition_model.objects.filter(image_id__in=image_ids, filter_spec__in=specs).values_list(
        "image_id", "filter_spec", "focal_point_key", "file", "width", "height"
    )


# Compiled once per process (home.prepared): building these cost more CPU than reading them.
ARTICLE_ROWS = PreparedQuery(_article_rows)
TOPIC_ROWS = PreparedQuery(_topic_rows)
AUTHOR_ROWS = PreparedQuery(_author_rows)
RENDITION_ROWS = PreparedQuery(_rendition_rows)


def card_data(request, ids, topics_locale_id):
    """
    {id: Card} of the public articles among `ids`, read as values in four
    queries (rows, topics with their labels, authors, renditions) rather
    than as pages with their prefetches.
    """
    rows = ARTICLE_ROWS(list(ids))
    if not rows:
        return {}
    ids = [row[0] for row in rows]
    default = locales.default()
    topics, authors = {}, {}
    for article_id, slug, name, label, default_label in TOPIC_ROWS(ids, topics_locale_id, default.pk):
        if label is None and default_label is not None:
            label = TextIn(default_label, default.language_code)
        topics.setdefault(article_id, []).append((slug, label or TextIn(name, settings.LANGUAGE_CODE)))
    for article_id, name in AUTHOR_ROWS(ids):
        authors.setdefault(article_id, []).append(name)
    pictures = _pictures({row[7]: row[8:] for row in rows if row[7] is not None})
    urls = _PageUrls(request)
    cards = {}
    for pk, title, url_path, intro, date, first_published, revised, image_id, *_focal in rows:
        published = first_published or revised
        cards[pk] = Card(
            pk=pk,
            title=title,
            url=urls.url(url_path),
            display_date=date or (published.date() if published else None),
            intro=intro,
            authors=authors.get(pk, []),
            topics=topics.get(pk, []),
            picture=pictures[image_id] if image_id is not None else "",
        )
    return cards


def _pictures(focal_points):
    """
    {image id: picture markup} for the images of `focal_points` ({id: focal
    point fields}), from their renditions read in one query, as Wagtail
    finds them among prefetched renditions (the same spec and focal point
    key). An image with a rendition missing is read whole, to have it made.
    """
    found = {}
    for image_id, spec, focal_point_key, name, width, height in RENDITION_ROWS(list(focal_points)):
        found[image_id, spec, focal_point_key] = (name, width, height)
    storage = get_image_model().get_rendition_model()._meta.get_field("file").storage
    pictures, incomplete = {}, []
    for image_id, focal_point in focal_points.items():
        image = _FocalPoint(*focal_point)
        renditions = {}
        for spec in [*PICTURE_FILTERS["webp"], *PICTURE_FILTERS["jpeg"]]:
            if (rendition := found.get((image_id, spec.spec, spec.get_cache_key(image)))) is None:
                break
            name, width, height = rendition
            renditions[spec.spec] = (storage.url(name), width, height)
        else:
            pictures[image_id] = _picture_markup(renditions)
            continue
        incomplete.append(image_id)
    if incomplete:
        for image in get_image_model().objects.filter(pk__in=incomplete):
            pictures[image.pk] = _picture(image)
    return pictures


class _FocalPoint:
    """What Filter.get_cache_key reads of an image."""

    def __init__(self, *values):
        for field, value in zip(FOCAL_POINT_FIELDS, values, strict=True):
            setattr(self, field, value)


class _PageUrls:
    """
    `Page(url_path=url_path).get_url(request)` for many pages: each site
    root's address is worked out by Wagtail once, and the rest of the path
    appended as reverse() escapes it.
    """

    def __init__(self, request):
        # What reverse() accepts for wagtail_serve's argument (imported here: wagtail.urls loads models).
        from wagtail.urls import serve_pattern

        self.servable = re.compile(serve_pattern)
        self.request = request
        self.root_paths = Page()._get_site_root_paths(request)
        # Several sites, or URLs without trailing slashes: Wagtail picks the site or trims per page.
        self.per_page = len({root.site_id for root in self.root_paths}) > 1 or not settings.WAGTAIL_APPEND_SLASH
        self._roots = {}

    def url(self, url_path):
        root = next((root for root in self.root_paths if url_path.startswith(root.root_path)), None)
        rest = url_path[len(root.root_path) :] if root is not None else ""
        if self.per_page or root is None or not self.servable.match(rest):
            return Page(url_path=url_path).get_url(request=self.request)
        if root.root_path not in self._roots:
            self._roots[root.root_path] = Page(url_path=root.root_path).get_url(request=self.request)
        return self._roots[root.root_path] + quote(rest, safe=SAFE)


def render_card(card, *, featured, heading_level, index_url):
    """One card (a Card): its picture, title, date, byline, summary and topic links."""
    heading = conditional_escape(heading_level or 3)
    meta = ""
    if shown_date := card.display_date:
        meta = f'<time datetime="{shown_date.isoformat()}">{_date_text(translation.get_language(), shown_date)}</time>'
    if card.authors:
        names = _words(translation.get_language())["list separator"].join(
            conditional_escape(name_in_its_script(name)) for name in card.authors
        )
        authors_line = f" · {names}"
    else:
        authors_line = ""
    topic_list = ""
    if card.topics:
        items = [
            f'<li><a href="{escape(index_url)}topic/{escape(slug)}/"{attributes(label)}>{escape(label)}</a></li>'
            for slug, label in card.topics
        ]
        topic_list = (
            f'\n            <ul class="tag-list card__summary" aria-label="{_words(translation.get_language())["Topics"]}">\n'
            f"                {''.join(items)}\n"
            "            </ul>\n        "
        )
    return mark_safe(  # noqa: S308 (every value in it is escaped above)
        f'\n<article class="card{" card--featured" if featured else ""}">\n'
        f"    {card.picture}\n"
        f'    <h{heading} class="card__title"><a href="{escape(card.url)}">'
        f"{escape(card.title)}</a></h{heading}>\n"
        '    <p class="card__meta">\n'
        f"        {meta}\n"
        f"        {authors_line}\n"
        "    </p>\n"
        f'    <p class="card__summary">{escape(truncatewords(card.intro, 40))}</p>\n'
        f"    \n        {topic_list}\n    \n"
        "</article>\n"
    )


def _picture(image):
    """
    `{% picture image format-{webp,jpeg} fill-{400x225,800x450} sizes=… class="card__image" alt="" loading="lazy" %}`:
    the markup Wagtail's Picture writes (attributes in flatatt's sorted order), without its per-attribute lazy escaping.
    """
    renditions = get_renditions_or_not_found(image, [*PICTURE_FILTERS["webp"], *PICTURE_FILTERS["jpeg"]])
    return _picture_markup(
        {spec: (rendition.url, rendition.width, rendition.height) for spec, rendition in renditions.items()}
    )


def _picture_markup(renditions):
    """The picture of `renditions` ({spec: (url, width, height)} for every spec of PICTURE_FILTERS)."""
    srcsets = {}
    for image_format, filters in PICTURE_FILTERS.items():
        srcsets[image_format] = ", ".join(f"{renditions[spec.spec][0]} {renditions[spec.spec][1]}w" for spec in filters)
    url, width, height = renditions[PICTURE_FILTERS["jpeg"][0].spec]
    return (
        f'<picture><source sizes="{PICTURE_SIZES}" srcset="{escape(srcsets["webp"])}" type="image/webp">'
        f'<img alt="" class="card__image" height="{height}" loading="lazy" sizes="{PICTURE_SIZES}"'
        f' src="{escape(url)}" srcset="{escape(srcsets["jpeg"])}" width="{width}"></picture>'
    )


@functools.lru_cache(maxsize=4096)
def _date_text(language, day):
    """`{{ day|date:"DATE_FORMAT" }}` in `language` (the active one): the same words for the same day."""
    return escape(date_format(day, "DATE_FORMAT"))


@functools.cache
def _words(language):
    """
    The card's own words in `language`, as `{% translate %}` writes them
    (escaped, doubled percent signs restored). Translations are compiled
    into the code, so a process keeps them.
    """
    with translation.override(language):
        words = {"list separator": pgettext("list separator", ", "), "Topics": gettext("Topics")}
    return {key: escape(text).replace("%%", "%") for key, text in words.items()}
