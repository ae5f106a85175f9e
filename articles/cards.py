"""
Article cards (articles/includes/article_card.html), each kept as a part in
the shared cache (home.page_cache.remembered_many) and fetched for a whole
listing at once.

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
"""

from django.db.models import prefetch_related_objects
from django.template import Context
from django.template.loader import get_template
from django.utils import translation

from home import page_cache
from home.visibility import public_pages

TEMPLATE = "articles/includes/article_card.html"


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

    loaded, shared = {}, []

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
        context = {
            "article": article,
            "featured": article.pk == featured_pk,
            "heading_level": heading_level,
            "topics": topic_labels_of(article.prefetched_topics),
            "index_url": index_url,
        }
        # One template and one context for the listing's cards: the card reads
        # nothing the context processors add, and render_to_string would run
        # them again for each card.
        if not shared:
            shared.append(get_template(TEMPLATE).template)
            shared.append(Context({"request": request}, autoescape=shared[0].engine.autoescape))
        template, shared_context = shared
        with shared_context.push(context):
            return template.render(shared_context)

    cards = page_cache.remembered_many(items, render, prepare=prepare)
    return [cards[key] for key in items]
