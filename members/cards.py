"""
Member cards in the directory (members/includes/member_card.html), each kept
as a part in the shared cache and fetched for a whole page at once
(home.page_cache.remembered_many), like the In Focus cards.

A card shows only what the member made public, so it is stored under the
directory's tag, `members`, which any change to a member, her consents, an
area of expertise or a member's photo purges. Its key names the language
(labels, country names, the lang attributes) and the directory's address
that the profile link starts with. Only the members whose card is missing
have their photos and renditions read.
"""

from django.db.models import prefetch_related_objects
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.safestring import mark_safe

from home import page_cache

TEMPLATE = "members/includes/member_card.html"


def member_cards(request, directory, members):
    """[card HTML] for `members` (rows without their photos), in their order."""
    directory_url = directory.url
    variant = f"{translation.get_language()}:{directory_url}"
    items = {f"member-card:{member.pk}:{variant}": member for member in members}

    def prepare(missing):
        prefetch_related_objects(missing, "photo__renditions")

    def render(member):
        page_cache.depends_on("members")
        # The template starts with its {% load %}: the card is the element alone.
        return mark_safe(render_to_string(TEMPLATE, {"member": member, "page": directory}, request=request).strip())  # noqa: S308

    cards = page_cache.remembered_many(items, render, prepare=prepare)
    return [cards[key] for key in items]
