"""Blocks shared by every section of the site."""

from django.utils.html import format_html_join
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

from . import links

# The template context key under which a stream that renders its children
# hands them their pages as readers may follow them (home.links.reachable),
# read for the whole stream in one query.
REACHABLE_LINKS = "reachable_links"


class PageLinkMixin:
    """A struct block that links a chosen page, shown to readers only while they may follow it."""

    def linked_page(self, value):
        return value.get("page")

    def shown_without_page(self, value):
        """Whether the block still has something to offer when its page is hidden."""
        return False

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        page = self.linked_page(value)
        targets = (parent_context or {}).get(REACHABLE_LINKS)
        if page is not None and (targets is None or page.pk not in targets.get("chosen", ())):
            targets = {"chosen": {page.pk}, "pages": links.reachable([page])}  # rendered on its own
        context["target"] = targets["pages"].get(page.pk) if page is not None else None
        return context

    def render(self, value, context=None):
        html = super().render(value, context=context)
        # The template decides; a block with nothing to offer leaves no trace.
        return html if html.strip() else ""


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Heading"), max_length=200)
    level = blocks.ChoiceBlock(
        label=_("Level"),
        choices=[("h2", _("Section heading")), ("h3", _("Subheading"))],
        default="h2",
    )

    class Meta:
        icon = "title"
        label = _("Heading")
        template = "home/blocks/heading_block.html"
        preview_value = {"text": "Women in ICT leadership", "level": "h2"}


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        label=_("Alternative text"),
        required=False,
        max_length=250,
        help_text=_("Describe the image for people who cannot see it. Leave empty to use the image's own description."),
    )
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=250)
    attribution = blocks.CharBlock(label=_("Credit"), required=False, max_length=250)

    class Meta:
        icon = "image"
        label = _("Image")
        template = "home/blocks/image_block.html"


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("Quote"))
    attribution = blocks.CharBlock(label=_("Attribution"), required=False, max_length=250)

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "home/blocks/quote_block.html"
        preview_value = {
            "quote": "ICT is a driving force for the empowerment of women and girls.",
            "attribution": "Global Network of Women ICT Decision Makers",
        }


class CallToActionBlock(PageLinkMixin, blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=200)
    text = blocks.TextBlock(label=_("Text"), required=False)
    button_label = blocks.CharBlock(label=_("Button label"), max_length=80)
    page = blocks.PageChooserBlock(label=_("Page"), required=False)
    url = blocks.URLBlock(label=_("External link"), required=False)

    class Meta:
        icon = "pick"
        label = _("Call to action")
        template = "home/blocks/call_to_action_block.html"
        preview_value = {
            "title": "Join the Network",
            "text": "Are you a decision maker in ICT? Apply to join.",
            "button_label": "Apply",
            "url": "https://example.org/",
        }

    def shown_without_page(self, value):
        # The external link, when the editor gave one, still leads somewhere.
        return bool(value.get("url"))


class ActionLinkBlock(PageLinkMixin, blocks.StructBlock):
    """A button to one thing a reader can do: join, submit an article, see an event."""

    label = blocks.CharBlock(label=_("Label"), max_length=80)
    page = blocks.PageChooserBlock(label=_("Page"))
    path = blocks.RegexBlock(
        label=_("Address inside the page"),
        regex=r"^([a-z0-9-]+/)*$",
        required=False,
        max_length=100,
        help_text=_(
            "Optional: a view of the page, such as join/ for the member directory's application form "
            "or submit/ for the In Focus submission form."
        ),
        error_messages={"invalid": _("Use lower-case words ending in a slash, such as join/.")},
    )

    class Meta:
        icon = "link"
        label = _("Call to action")
        template = "home/blocks/action_link_block.html"


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    label = blocks.CharBlock(
        label=_("Link text"), required=False, max_length=200, help_text=_("Defaults to the document title.")
    )

    class Meta:
        icon = "doc-full"
        label = _("Document link")
        template = "home/blocks/document_link_block.html"


class BodyStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label=_("Paragraph"),
        icon="pilcrow",
        features=["bold", "italic", "link", "document-link", "ol", "ul", "h3", "h4"],
        template="home/blocks/paragraph_block.html",
    )
    image = ImageBlock()
    quote = QuoteBlock()
    call_to_action = CallToActionBlock()
    embed = EmbedBlock(label=_("Embedded media"), icon="media", template="home/blocks/embed_block.html")
    document = DocumentLinkBlock()

    class Meta:
        label = _("Body")

    def render_basic(self, value, context=None):
        # Every page the blocks link, resolved once for the whole body.
        # A page may have read them already with its other links (AboutPage).
        context = dict(context or {})
        known = context.get(REACHABLE_LINKS)
        if known is None or not {page.pk for page in _linked_pages(value) if page is not None} <= known["chosen"]:
            context[REACHABLE_LINKS] = reachable_links(value)
        rendered = [(child.render(context=context), child.block_type) for child in value]
        return format_html_join(
            "\n",
            '<div class="w-block-{1} block-{1}">{0}</div>',
            [(html, block_type) for html, block_type in rendered if html],
        )

    def get_api_representation(self, value, context=None):
        return api_representation(value, context=context) if value is not None else []

    def get_searchable_content(self, value):
        # The search indexes what readers see: not the words of a call to
        # action left out for linking a hidden page (search.signals reindexes
        # the page when its link's target changes).
        shown = links.reachable_ids(_linked_pages(value))
        content = []
        for child in value:
            if isinstance(child.block, PageLinkMixin) and not _offers_a_link(child, shown):
                continue
            content.extend(child.block.get_searchable_content(child.value))
        return content


def _linked_pages(stream_value):
    return [child.block.linked_page(child.value) for child in stream_value if isinstance(child.block, PageLinkMixin)]


def _offers_a_link(child, shown):
    """Whether a stream's block that links a page has a link for readers: its page (`shown` ids), or another."""
    page = child.block.linked_page(child.value)
    return (page is not None and page.pk in shown) or child.block.shown_without_page(child.value)


def reachable_links(stream_value, *also):
    """
    The pages the blocks of `stream_value` link, and the pages `also`, as
    readers may follow them, in one query (REACHABLE_LINKS).
    """
    chosen = [page for page in [*_linked_pages(stream_value), *also] if page is not None]
    return {"chosen": {page.pk for page in chosen}, "pages": links.reachable(chosen)}


def api_representation(stream_value, context=None):
    """
    What the API shows of a stream: Wagtail's representation, less the blocks
    whose page readers may not see (a call to action with an external link
    keeps it, its page emptied). The API links pages by id in their own
    language; one query for the whole stream.
    """
    shown = links.reachable_ids(_linked_pages(stream_value))
    items = []
    for child in stream_value:
        value = child.block.get_api_representation(child.value, context=context)
        if isinstance(child.block, PageLinkMixin):
            if not _offers_a_link(child, shown):
                continue
            if (page := child.block.linked_page(child.value)) is not None and page.pk not in shown:
                value = {**value, "page": None}
        items.append({"type": child.block_type, "value": value, "id": child.id})
    return items


class GoalBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Goal"), max_length=200)
    text = blocks.TextBlock(label=_("Description"), required=False)

    class Meta:
        icon = "success"
        label = _("Goal")
        template = "home/blocks/goal_block.html"
