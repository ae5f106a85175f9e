"""
Member cards in the directory, each kept as a part in the shared cache and
fetched for a whole page at once (home.page_cache.remembered_many), like the
In Focus cards.

A card shows only what the member made public, so it is stored under the
directory's tag, `members`, which any change to a member, her consents, an
area of expertise or a member's photo purges. Its key names the language
(labels, country names, the lang attributes) and the directory's address
that the profile link starts with. Only the members whose card is missing
have their photos and renditions read (those who show one, by queries
compiled once per process), and they are rendered with one template context
between them: a context of their own each, with the request's context
processors run for each, cost as much as the cards. The labels every card
repeats (the list separator, the sectors) are translated once for the lot.

A card is a few escaped fields, put together here: through a
template, its twenty nodes cost a directory page of cards a tenth of its
time when the cards were missing. Only the photo, Wagtail's `picture`, goes
through a template (members/includes/member_card_photo.html).
"""

import html

from django.template import Context
from django.template.loader import get_template
from django.utils import translation
from django.utils.safestring import mark_safe
from django.utils.translation import pgettext
from wagtail.images import get_image_model

from home import content_language, page_cache
from home.collation import country_choices
from home.models import prefetch_renditions
from home.prepared import PreparedQuery

PHOTO_TEMPLATE = "members/includes/member_card_photo.html"
# The card's lines, indented as the directory's list indents them.
INDENT = " " * 28


def member_cards(request, directory, members):
    """[card HTML] for `members` (rows without their photos), in their order."""
    directory_url = directory.url
    variant = f"{translation.get_language()}:{directory_url}"
    items = {f"member-card:{member.pk}:{variant}": member for member in members}
    shared = {}

    def prepare(missing):
        read_photos(missing)
        shared["photo_template"] = get_template(PHOTO_TEMPLATE).template
        # The directory's address and the countries' names are read once for
        # all the cards, not once a card (Wagtail's page URLs, django-countries).
        shared["context"] = Context({"directory_url": directory_url, "request": request})
        shared["country_names"] = dict(country_choices())
        # The labels every card repeats, translated once for all of them.
        shared["labels"] = CardLabels()

    def render(member):
        page_cache.depends_on("members")
        country_name = shared["country_names"].get(member.country.code) or member.country.name
        return card_html(
            member, directory_url, country_name, lambda photo: photo_html(shared, member, photo), shared["labels"]
        )

    cards = page_cache.remembered_many(items, render, prepare=prepare)
    return [cards[key] for key in items]


def read_photos(members):
    """
    The photos the cards of `members` show, with their renditions: what
    prefetch_related_objects(members, "photo__renditions") did, for the members
    who show theirs only, by queries compiled once per process (none if no one does).
    """
    showing = [member for member in members if member.show_photo and member.photo_id is not None]
    if not showing:
        return
    images = {image.pk: image for image in _images(sorted({member.photo_id for member in showing}))}
    for member in showing:
        if (image := images.get(member.photo_id)) is not None:
            member.photo = image
    prefetch_renditions(list(images.values()))


@PreparedQuery
def _images(pks):
    return get_image_model().objects.filter(pk__in=pks)


def photo_html(shared, member, photo):
    context = shared["context"]
    with context.push(photo=photo, alt=member.photo_alt):
        # The template starts with its {% load %}: the picture is the element alone.
        return mark_safe(shared["photo_template"].render(context).strip())  # noqa: S308


class CardLabels:
    """The list separator and the sectors' labels in the reader's language, escaped, for one batch of cards."""

    def __init__(self):
        from .models import Sector  # The models module imports this one.

        self.separator = escape(pgettext("list separator", ", "))
        self.sectors = {value: escape(label) for value, label in Sector.choices}

    def sector(self, member):
        return self.sectors.get(member.sector) or escape(member.sector_label)


def escape(value):
    """
    conditional_escape, as format_html would, without its cost per call (Django's
    lazy-aware wrapper): the same text, the standard library's escaping.
    """
    if hasattr(value, "__html__"):
        return value.__html__()
    return html.escape(str(value))


def card_html(member, directory_url, country_name, render_photo, labels=None):
    """One member's card: her photo, name, position, organisation, sector and country, as she made them public."""
    labels = labels or CardLabels()
    language_attrs = content_language.attributes(member)
    name = member.display_name
    organisation = member.public_organisation
    photo = member.public_photo
    if organisation:
        separator = labels.separator
        organisation_attrs = content_language.name_attributes(organisation)
        organisation = f"{separator}<span{organisation_attrs}>{escape(organisation)}</span>"
    lines = [
        f"<div{language_attrs}>{escape(render_photo(photo))}</div>" if photo else "",
        f'<h2 class="card__title"><a href="{escape(directory_url)}{escape(member.slug)}/"'
        f"{content_language.name_attributes(name)}>{escape(name)}</a></h2>",
        f'<p class="card__meta"><span{language_attrs}>{escape(member.position)}</span>{organisation}</p>',
        f'<p class="card__summary">{labels.sector(member)} · {escape(country_name)}</p>',
    ]
    body = "".join(f"\n{INDENT}{line}" for line in lines)
    return mark_safe(f'<article class="card member-card">{body}\n{INDENT[4:]}</article>')  # noqa: S308
