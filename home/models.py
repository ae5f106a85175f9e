from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.images.api.fields import ImageRenditionField
from wagtail.models import Locale, Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from .blocks import BodyStreamBlock, GoalBlock

# Hook name under which sections (articles, events, ...) offer the home page a
# short list of their latest items. Keeps imports pointing from the sections
# to `home`, never back.
HOME_PAGE_SECTIONS_HOOK = "home_page_sections"


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

    def get_listing_summary(self):
        return self.listing_summary or self.search_description or getattr(self, "intro_text", "")

    def get_social_image(self):
        return self.listing_image


class HomePage(BasePage):
    parent_page_types = ["wagtailcore.Page"]
    page_description = _("The front page of one language version of the site.")

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
        APIField("hero_link_label"),
        APIField("hero_link_page"),
        APIField("goals_heading"),
        APIField("goals"),
        APIField("body"),
    ]

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["sections"] = [
            section
            for get_section in hooks.get_hooks(HOME_PAGE_SECTIONS_HOOK)
            if (section := get_section(self, request))
        ]
        return context


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

    @property
    def intro_text(self):
        return self.intro


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

    @property
    def intro_text(self):
        return self.intro


class LocalizedSnippetQuerySet(models.QuerySet):
    def for_locale(self, locale):
        """The instance in `locale`, else the one in the default language."""
        instance = self.filter(locale=locale).first()
        return instance or self.filter(locale=Locale.get_default()).first()


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


class FooterText(TranslatableMixin, models.Model):
    """The short text in the site footer, one per language."""

    body = RichTextField(_("footer text"), features=["bold", "italic", "link"])

    panels = [FieldPanel("body")]

    objects = LocalizedSnippetQuerySet.as_manager()

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("footer text")
        verbose_name_plural = _("footer text")

    def __str__(self):
        return str(_("Footer text"))
