"""
Member cards in the directory (members/includes/member_card.html), each kept
as a part in the shared cache and fetched for a whole page at once
(home.page_cache.remembered_many), like the In Focus cards.

A card shows only what the member made public, so it is stored under the
directory's tag, `members`, which any change to a member, her consents, an
area of expertise or a member's photo purges. Its key names the language
(labels, country names, the lang attributes) and the directory's address
that the profile link starts with. Only the members whose card is missing
have their photos and renditions read, and they are rendered with one
template context between them: a context of their own each, with the
request's context processors run for each, cost as much as the cards.
"""

from django.db.models import prefetch_related_objects
from django.template import Context
from django.template.loader import get_template
from django.utils import translation
from django.utils.safestring import mark_safe

from home import page_cache
from home.collation import country_choices

TEMPLATE = "members/includes/member_card.html"


def member_cards(request, directory, members):
    """[card HTML] for `members` (rows without their photos), in their order."""
    directory_url = directory.url
    variant = f"{translation.get_language()}:{directory_url}"
    items = {f"member-card:{member.pk}:{variant}": member for member in members}
    shared = {}

    def prepare(missing):
        prefetch_related_objects(missing, "photo__renditions")
        shared["template"] = get_template(TEMPLATE).template
        # The directory's address and the countries' names are read once for
        # all the cards, not once a card (Wagtail's page URLs, django-countries).
        shared["context"] = Context({"directory_url": directory_url, "request": request})
        shared["country_names"] = dict(country_choices())

    def render(member):
        page_cache.depends_on("members")
        context = shared["context"]
        country_name = shared["country_names"].get(member.country.code) or member.country.name
        with context.push(member=member, country_name=country_name):
            # The template starts with its {% load %}: the card is the element alone.
            return mark_safe(shared["template"].render(context).strip())  # noqa: S308

    cards = page_cache.remembered_many(items, render, prepare=prepare)
    return [cards[key] for key in items]
