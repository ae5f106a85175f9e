from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.images import get_image_model
from wagtail.images.api.fields import ImageRenditionField
from wagtail.models import Orderable, Page, PageViewRestriction, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from . import locales, page_cache
from .blocks import REACHABLE_LINKS, ActionLinkBlock, BodyStreamBlock, GoalBlock, reachable_links
from .prepared import PreparedQuery
from .visibility import public_pages

# Hook name under which sections (articles, events, ...) offer the home page a
# short list of their latest items. Keeps imports pointing from the sections
# to `home`, never back. A section is kept in the shared cache per home page
# and language under the page-cache tags and expiry it declares while it is
# built (home.page_cache.remembered), so it must declare everything it shows
# and must not depend on who asks. It finds its index with
# HomePage.section_index and leaves its items' pictures' renditions unread:
# the home page reads them all, with the hero's, in one query.
HOME_PAGE_SECTIONS_HOOK = "home_page_sections"
# A section's front page lists content that answers a search better than it does:
# the site search ranks it this much below (see search.documents).
SECTION_INDEX_SEARCH_RANK = 0.3
# Hook name under which a layer (the headless front end) may answer an
# editor's preview instead of Wagtail: callable(request, page) -> response or None.
PAGE_PREVIEW_HOOK = "serve_page_preview"


class BasePage(Page):
    """Fields every page of the site shares: how it looks in listings and when shared."""

    listing_summary = models.TextField(
        _("listing summary"),
        blank=True,
        max_length=300,
        help_text=_("A sentence or two shown in listings and search results. Defaults to the page introduction."),
    )
    listing_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("listing image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown in listings and when the page is shared on social media."),
    )

    # Set by home.routing when the query that found this page showed no view
    # restriction on it or its ancestors: Wagtail's check needs no query then.
    known_unrestricted = False

    promote_panels = [
        *Page.promote_panels,
        MultiFieldPanel(
            [FieldPanel("listing_summary"), FieldPanel("listing_image")],
            heading=_("Listings and sharing"),
        ),
    ]

    search_fields = [
        *Page.search_fields,
        index.SearchField("listing_summary"),
        index.FilterField("locale_id"),
    ]

    api_fields = [
        APIField("listing_summary"),
        APIField("listing_image", serializer=ImageRenditionField("fill-800x450")),
    ]

    class Meta:
        abstract = True

    @property
    def intro_text(self):
        """The page's own introduction, used when no listing summary is given."""
        return getattr(self, "intro", "")

    def get_listing_summary(self):
        return self.listing_summary or self.search_description or self.intro_text

    @staticmethod
    def paginate(request, items, per_page):
        """The page of `items` that ?page= asks for; bad or out-of-range numbers give the first or last page."""
        paginator = Paginator(items, per_page)
        try:
            return paginator.page(request.GET.get("page", 1))
        except PageNotAnInteger:
            return paginator.page(1)
        except EmptyPage:
            return paginator.page(paginator.num_pages)

    def serve_preview(self, request, mode_name):
        """On the headless front end when the site has one (see headless.preview), else Wagtail's own preview."""
        for serve_elsewhere in hooks.get_hooks(PAGE_PREVIEW_HOOK):
            response = serve_elsewhere(request, self)
            if response is not None:
                return response
        return super().serve_preview(request, mode_name)

    def get_social_image(self):
        return self.listing_image

    def get_view_restrictions(self):
        """
        Wagtail's, in one query instead of two: restrictions on this page or an
        ancestor, or on the page that one of them is an alias of. None to
        look up when routing already found that there are none.
        """
        if self.known_unrestricted:
            return PageViewRestriction.objects.none()
        paths = [self.path[:end] for end in range(self.steplen, len(self.path) + 1, self.steplen)]
        return PageViewRestriction.objects.filter(Q(page__path__in=paths) | Q(page__aliases__path__in=paths)).distinct()


class HomePage(BasePage):
    parent_page_types = ["wagtailcore.Page"]
    page_description = _("The front page of one language version of the site.")
    search_rank = SECTION_INDEX_SEARCH_RANK
    # Read with the page when it is served (home.routing): the template always shows them.
    serve_select_related = ["hero_image", "hero_link_page"]

    hero_title = models.CharField(_("hero title"), max_length=200)
    hero_text = models.TextField(_("hero text"), blank=True)
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
    hero_actions = StreamField(
        [("action", ActionLinkBlock())],
        verbose_name=_("calls to action"),
        blank=True,
        max_num=3,
        help_text=_("Up to three buttons under the hero text; the first stands out."),
    )
    hero_link_label = models.CharField(_("hero button label"), max_length=80, blank=True)
    hero_link_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("hero button page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    goals_heading = models.CharField(_("goals heading"), max_length=200, blank=True)
    goals = StreamField([("goal", GoalBlock())], verbose_name=_("goals"), blank=True)
    body = StreamField(BodyStreamBlock(), verbose_name=_("body"), blank=True)

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("hero_title"),
                FieldPanel("hero_text"),
                FieldPanel("hero_image"),
                FieldPanel("hero_image_alt"),
                FieldPanel("hero_actions"),
                FieldPanel("hero_link_label"),
                PageChooserPanel("hero_link_page"),
            ],
            heading=_("Hero"),
        ),
        FieldPanel("goals_heading"),
        FieldPanel("goals"),
        FieldPanel("body"),
    ]

    search_fields = [
        *BasePage.search_fields,
        index.SearchField("hero_title", boost=2),
        index.SearchField("hero_text"),
        index.SearchField("goals"),
        index.SearchField("body"),
    ]

    api_fields = [
        *BasePage.api_fields,
        APIField("hero_title"),
        APIField("hero_text"),
        APIField("hero_image", serializer=ImageRenditionField("fill-1600x600")),
        APIField("hero_image_alt_text"),
        APIField("hero_actions"),
        APIField("hero_link_label"),
        APIField("hero_link_page"),
        APIField("goals_heading"),
        APIField("goals"),
        APIField("body"),
    ]

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")

    @property
    def hero_image_alt_text(self):
        if self.hero_image_alt:
            return self.hero_image_alt
        return self.hero_image.description if self.hero_image else ""

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        actions = [action.value for action in self.hero_actions if action.value["page"]]
        linked = [page for page in [*(action["page"] for action in actions), self.hero_link_page] if page is not None]
        for page in linked:
            page_cache.links_to_translations(page)
        targets = self.hero_targets(linked)
        context["hero_actions"] = [
            {**action, "page": targets[action["page"].pk]} for action in actions if action["page"].pk in targets
        ]
        context["hero_link_target"] = targets.get(self.hero_link_page_id)
        context["sections"] = [
            section
            for get_section in hooks.get_hooks(HOME_PAGE_SECTIONS_HOOK)
            if (section := self.section(get_section, request))
        ]
        # The renditions of every picture the page shows, the hero's and the
        # sections', in one query: sections leave theirs to this (a stored
        # section comes back without them).
        images = [self.hero_image, *(item.get("image") for section in context["sections"] for item in section["items"])]
        prefetch_renditions([image for image in images if image is not None])
        return context

    @staticmethod
    def hero_targets(linked):
        """
        {page id: the page in the reader's language where translated, else
        the page} for the hero's `linked` pages, in one query, leaving out a
        target readers may not see (unpublished, or behind a login or
        password): its button would give away its address and title.
        """
        locale = locales.active()
        rows = _hero_targets_query([page.pk for page in linked], locale.pk) if linked else []
        by_pk = {row.pk: row for row in rows}
        translations = {row.translation_key: row for row in by_pk.values() if row.locale_id == locale.pk}
        targets = {}
        for page in linked:
            target = translations.get(page.translation_key) or by_pk.get(page.pk)
            if target is not None and target.public:
                targets[page.pk] = target
        return targets

    def section_index(self, model, request):
        """
        This home page's first live child of `model` (a section's index), or
        None. The sections find theirs in one read of the live children, kept
        on the request (not on this page, which the routing may reuse).
        """
        children = getattr(request, "home_live_children", {})
        if self.pk not in children:
            children[self.pk] = _live_children(self.path, self.depth + 1)
            request.home_live_children = children
        # By content type id: asking each child's class would look up the
        # content type of every child the process has not met yet.
        content_type_id = ContentType.objects.get_for_model(model).pk
        child = next((page for page in children[self.pk] if page.content_type_id == content_type_id), None)
        # The index's own fields are read only if a section asks for one.
        return child.specific_deferred if child is not None else None

    def section(self, get_section, request):
        """One section's items: built, or from the shared cache while nothing it declared has changed."""
        name = f"{get_section.__module__}.{get_section.__qualname__}"
        key = f"home-section:{self.pk}:{translation.get_language()}:{name}"
        return page_cache.remembered(key, lambda: get_section(self, request))


def prefetch_renditions(images):
    """
    prefetch_related_objects(images, "renditions") in a query compiled once
    per process: each image's renditions as Wagtail reads prefetched ones.
    """
    if not images:
        return
    found = {}
    for rendition in _renditions_of(sorted({image.pk for image in images})):
        found.setdefault(rendition.image_id, []).append(rendition)
    for image in images:
        renditions = found.get(image.pk, [])
        for rendition in renditions:
            rendition.image = image  # as the prefetch sets the reverse relation
        image.prefetched_renditions = list(renditions)


@PreparedQuery
def _renditions_of(image_ids):
    return get_image_model().get_rendition_model().objects.filter(image_id__in=image_ids)


@PreparedQuery
def _hero_targets_query(pks, locale_pk):
    """The pages `pks` and their translations in `locale_pk`, each with whether readers may see it."""
    translation_keys = Page.objects.filter(pk__in=pks).values("translation_key")
    return (
        Page.objects.filter(translation_key__in=translation_keys)
        .filter(Q(pk__in=pks) | Q(locale=locale_pk))
        .annotate(public=Exists(public_pages(Page.objects.filter(pk=OuterRef("pk")))))
    )


@PreparedQuery
def _live_children(path, depth):
    """Page.objects.live().child_of(page).order_by("path"), given the page's path and its depth + 1."""
    return Page.objects.live().filter(path__startswith=path, depth=depth).order_by("path")


class AboutPage(BasePage):
    parent_page_types = ["home.HomePage"]
    subpage_types = ["home.StandardPage"]
    max_count_per_parent = 1
    page_description = _("The story of the Network.")

    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(BodyStreamBlock(), verbose_name=_("body"), blank=True)
    join_title = models.CharField(_("join the Network title"), max_length=200, blank=True)
    join_text = models.TextField(_("join the Network text"), blank=True)
    join_link_label = models.CharField(_("join button label"), max_length=80, blank=True)
    join_link_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("join button page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("join_title"),
                FieldPanel("join_text"),
                FieldPanel("join_link_label"),
                PageChooserPanel("join_link_page"),
            ],
            heading=_("Join the Network"),
        ),
    ]

    search_fields = [
        *BasePage.search_fields,
        index.SearchField("intro", boost=2),
        index.SearchField("body"),
    ]

    api_fields = [
        *BasePage.api_fields,
        APIField("intro"),
        APIField("body"),
        APIField("join_title"),
        APIField("join_text"),
        APIField("join_link_label"),
        APIField("join_link_page"),
    ]

    class Meta:
        verbose_name = _("about page")
        verbose_name_plural = _("about pages")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # The join button and the body's links, in one query; a button to a
        # page readers may not see would give away its address.
        found = reachable_links(self.body, self.join_link_page)
        context[REACHABLE_LINKS] = found
        context["join_link_target"] = found["pages"].get(self.join_link_page_id)
        return context


class StandardPage(BasePage):
    parent_page_types = ["home.HomePage", "home.AboutPage", "home.StandardPage"]
    page_description = _("A general page of text and media.")

    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(BodyStreamBlock(), verbose_name=_("body"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]

    search_fields = [
        *BasePage.search_fields,
        index.SearchField("intro", boost=2),
        index.SearchField("body"),
    ]

    api_fields = [*BasePage.api_fields, APIField("intro"), APIField("body")]

    class Meta:
        verbose_name = _("standard page")
        verbose_name_plural = _("standard pages")


class LocalizedSnippetQuerySet(models.QuerySet):
    def for_locale(self, locale):
        """The instance in `locale`, else the one in the default language."""
        instance = self.filter(locale=locale).first()
        return instance or self.filter(locale=locales.default()).first()


class NavigationMenu(TranslatableMixin, ClusterableModel):
    """The site's main navigation, one per language."""

    name = models.CharField(_("name"), max_length=100, default="Main navigation")

    panels = [FieldPanel("name"), InlinePanel("items", label=_("Menu items"))]

    # The name only tells editors which menu this is; it is never shown.
    override_translatable_fields = [SynchronizedField("name")]

    objects = LocalizedSnippetQuerySet.as_manager()

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("navigation menu")
        verbose_name_plural = _("navigation menus")

    def __str__(self):
        return self.name


class NavigationMenuItem(TranslatableMixin, Orderable):
    menu = ParentalKey(NavigationMenu, on_delete=models.CASCADE, related_name="items")
    link_page = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("page"), on_delete=models.CASCADE, related_name="+"
    )
    link_label = models.CharField(_("label"), max_length=80, blank=True, help_text=_("Defaults to the page title."))

    panels = [PageChooserPanel("link_page"), FieldPanel("link_label")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("menu item")
        verbose_name_plural = _("menu items")


class FooterText(TranslatableMixin, ClusterableModel):
    """The short text and links in the site footer, one per language."""

    body = RichTextField(_("footer text"), features=["bold", "italic", "link"])

    panels = [FieldPanel("body"), InlinePanel("links", label=_("Footer links"))]

    objects = LocalizedSnippetQuerySet.as_manager()

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("footer text")
        verbose_name_plural = _("footer text")

    def __str__(self):
        return str(_("Footer text"))


class FooterLink(TranslatableMixin, Orderable):
    """A footer link (privacy notice, contact, the Network's pages elsewhere): a page here or an address."""

    footer = ParentalKey(FooterText, on_delete=models.CASCADE, related_name="links")
    link_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    link_url = models.URLField(
        _("address"), blank=True, help_text=_("A page on another site, used when no page is chosen.")
    )
    label = models.CharField(
        _("label"), max_length=80, blank=True, help_text=_("Defaults to the page title; required for an address.")
    )

    panels = [PageChooserPanel("link_page"), FieldPanel("link_url"), FieldPanel("label")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("footer link")
        verbose_name_plural = _("footer links")

    def clean(self):
        super().clean()
        if not self.link_page_id and not self.link_url:
            raise ValidationError(_("Choose a page or enter an address."))
        if self.link_url and not self.link_page_id and not self.label:
            raise ValidationError({"label": _("A link to another site needs a label.")})


class UnsentPurge(models.Model):
    """
    A purge of the shared cache that did not reach it while Redis was
    unreachable, kept until a process sends it (home.purge_outbox). One row
    per tag or other invalidation, however often it failed.
    """

    key = models.CharField(_("key"), max_length=255, unique=True)
    failed_at = models.DateTimeField(_("last failed at"), default=timezone.now)

    class Meta:
        verbose_name = _("unsent cache purge")
        verbose_name_plural = _("unsent cache purges")

    def __str__(self):
        return self.key
