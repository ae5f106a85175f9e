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
missing have their topics (with their labels), authors and renditions read,
in the same three queries however many cards are missing.

The card's markup is written here rather than in a template: a listing
renders a dozen of them on every cold request, and the template engine
(a context lookup per variable, a node per tag and filter) cost three times
what the markup itself does. Each value goes through the function its
template filter or tag would have called, escaped as autoescaping would.
"""

import functools
from html import escape

from django.conf import settings
from django.db.models import prefetch_related_objects
from django.template.defaultfilters import truncatewords
from django.utils import translation
from django.utils.formats import date_format
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext, pgettext
from wagtail.images.models import Filter
from wagtail.images.shortcuts import get_renditions_or_not_found

from home import page_cache
from home.content_language import TextIn, attributes
from home.templatetags.site_tags import name_in_its_script
from home.visibility import public_pages

# A card's picture: WebP, with JPEG for browsers without it, each in two widths.
PICTURE_FILTERS = {
    image_format: [Filter(spec=f"format-{image_format}|fill-{size}") for size in ("400x225", "800x450")]
    for image_format in ("webp", "jpeg")
}
PICTURE_SIZES = "(min-width: 72rem) 22rem, (min-width: 40rem) 45vw, 100vw"


def article_cards(request, articles, *, topics_locale_id, index_url, heading_level=3, featured=None, prefetch_with=()):
    """
    [card HTML] for `articles` (pages or their ids), in their order; the one
    that is `featured` (a page or id) as the featured card. Topic labels are
    in the language of `topics_locale_id`. `prefetch_with`: pages that need
    what a card reads (labels included), read in the same queries when some
    card has to be rendered.
    """
    from .models import ArticlePage, listing_prefetch, topic_labels_of

    variant = f"{translation.get_language()}:{request.scheme}://{request.get_host()}:{index_url}"
    variant += f":{topics_locale_id}:{heading_level}"
    featured_pk = getattr(featured, "pk", featured)
    items = {}
    for article in articles:
        pk = getattr(article, "pk", article)
        items[f"article-card:{pk}:{variant}:{int(featured_pk is not None and pk == featured_pk)}"] = article

    loaded = {}

    def prepare(missing):
        # Listings keep only the ids of the articles they show: read those whose cards are missing.
        if ids := [article for article in missing if isinstance(article, int)]:
            rows = public_pages(ArticlePage.objects.filter(pk__in=ids)).select_related("hero_image", "locale")
            loaded.update((article.pk, article) for article in rows)
        objects = [loaded.get(article) if isinstance(article, int) else article for article in missing]
        objects = [article for article in [*objects, *prefetch_with] if article is not None]
        # The pages read with the cards (an article's own) show their authors' profiles; cards do not.
        prefetch_related_objects(objects, *listing_prefetch(topics_locale_id, profiles=bool(prefetch_with)))

    def render(article):
        if isinstance(article, int) and article not in loaded:
            # Withdrawn since the listing was read (whose entry that purged too).
            page_cache.depends_on(f"page:{article}")
            return ""
        article = loaded.get(article, article)
        page_cache.shows_page(article)
        page_cache.depends_on("topics")
        return render_card(
            article,
            request=request,
            featured=article.pk == featured_pk,
            heading_level=heading_level,
            topics=topic_labels_of(article.prefetched_topics),
            index_url=index_url,
        )

    cards = page_cache.remembered_many(items, render, prepare=prepare)
    return [cards[key] for key in items]


def render_card(article, *, request, featured, heading_level, topics, index_url):
    """
    One card: its picture, title, date, byline, summary and topic links
    (`topics`: {tag id: label}, as topic_labels_of gives them).
    """
    heading = conditional_escape(heading_level or 3)
    picture = _picture(article.hero_image) if article.hero_image else ""
    meta = ""
    if shown_date := article.display_date:
        meta = f'<time datetime="{shown_date.isoformat()}">{escape(date_format(shown_date, "DATE_FORMAT"))}</time>'
    authors = list(article.authors.all())
    if authors:
        names = _words(translation.get_language())["list separator"].join(
            conditional_escape(name_in_its_script(author.name)) for author in authors
        )
        authors_line = f" · {names}"
    else:
        authors_line = ""
    topic_list = ""
    if tags := article.topic_tags:
        items = []
        for tag in tags:
            label = topics.get(tag.pk) or TextIn(tag.name, settings.LANGUAGE_CODE)
            items.append(
                f'<li><a href="{escape(index_url)}topic/{escape(tag.slug)}/"{attributes(label)}>{escape(label)}</a></li>'
            )
        topic_list = (
            f'\n            <ul class="tag-list card__summary" aria-label="{_words(translation.get_language())["Topics"]}">\n'
            f"                {''.join(items)}\n"
            "            </ul>\n        "
        )
    return mark_safe(  # noqa: S308 (every value in it is escaped above)
        f'\n<article class="card{" card--featured" if featured else ""}">\n'
        f"    {picture}\n"
        f'    <h{heading} class="card__title"><a href="{escape(article.get_url(request=request))}">'
        f"{escape(article.title)}</a></h{heading}>\n"
        '    <p class="card__meta">\n'
        f"        {meta}\n"
        f"        {authors_line}\n"
        "    </p>\n"
        f'    <p class="card__summary">{escape(truncatewords(article.intro, 40))}</p>\n'
        f"    \n        {topic_list}\n    \n"
        "</article>\n"
    )


def _picture(image):
    """
    `{% picture image format-{webp,jpeg} fill-{400x225,800x450} sizes=… class="card__image" alt="" loading="lazy" %}`:
    the markup Wagtail's Picture writes (attributes in flatatt's sorted order), without its per-attribute lazy escaping.
    """
    renditions = get_renditions_or_not_found(image, [*PICTURE_FILTERS["webp"], *PICTURE_FILTERS["jpeg"]])
    srcsets = {}
    for image_format, filters in PICTURE_FILTERS.items():
        srcsets[image_format] = ", ".join(
            f"{renditions[spec.spec].url} {renditions[spec.spec].width}w" for spec in filters
        )
    fallback = renditions[PICTURE_FILTERS["jpeg"][0].spec]
    return (
        f'<picture><source sizes="{PICTURE_SIZES}" srcset="{escape(srcsets["webp"])}" type="image/webp">'
        f'<img alt="" class="card__image" height="{fallback.height}" loading="lazy" sizes="{PICTURE_SIZES}"'
        f' src="{escape(fallback.url)}" srcset="{escape(srcsets["jpeg"])}" width="{fallback.width}"></picture>'
    )


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
