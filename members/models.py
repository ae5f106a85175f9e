from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Count, Q
from django.http import Http404
from django.urls import reverse
from django.utils import translation
from django.utils.module_loading import import_string
from django.utils.text import slugify
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page, TranslatableMixin
from wagtail.search import index
from wagtail.search.queryset import SearchableQuerySetMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField

from home import content_language, locales, page_cache
from home.collation import country_choices, country_name, sorted_by_name
from home.models import SECTION_INDEX_SEARCH_RANK, BasePage
from home.prepared import PreparedQuery
from home.renditions import rendition_or_none
from home.visibility import public_pages

from .cards import member_cards
from .filter_options import filter_options
from .forms import MemberForm
from .regions import Region, countries_in, region_for
from .worldmap import world_map

MEMBERS_PER_PAGE = 24
RESERVED_SLUGS = {"map", "join"}
# What the member agreed to make public: her decision, the same in every
# language version of her profile.
PRIVACY_CHOICES = ("listed", "show_on_map", "show_photo", "show_organisation", "show_biography", "show_links")


class Sector(models.TextChoices):
    GOVERNMENT = "government", _("Government")
    REGULATOR = "regulator", _("Regulator")
    ACADEMIA = "academia", _("Academia")
    PRIVATE_SECTOR = "private-sector", _("Private sector")
    INTERNATIONAL_ORGANISATION = "international-organisation", _("International organisation")
    CIVIL_SOCIETY = "civil-society", _("Civil society")


class MemberQuerySet(SearchableQuerySetMixin, models.QuerySet):
    def listed(self):
        """Members who chose to appear in the public directory."""
        return self.filter(listed=True)

    def on_map(self):
        return self.listed().filter(show_on_map=True)

    def in_language(self, locale=None):
        """
        One version of each member: in `locale` where translated, otherwise in
        the default language (profiles are created in the default language).
        """
        locale = locale or locales.active()
        default = locales.default()
        if locale.pk == default.pk:
            return self.filter(locale=default)
        translated_keys = self.model.objects.filter(locale=locale).values("translation_key")
        return self.filter(Q(locale=locale) | Q(locale=default) & ~Q(translation_key__in=translated_keys))


class MemberExpertiseTag(TaggedItemBase):
    content_object = ParentalKey("members.Member", on_delete=models.CASCADE, related_name="tagged_items")


class Member(TranslatableMixin, index.Indexed, ClusterableModel):
    """
    A member's profile: a translatable snippet, not a page, so that what is
    public is decided field by field by the member's own privacy choices and
    never by the page tree (sitemaps, page API, page search).
    """

    full_name = models.CharField(_("full name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200, help_text=_("The last part of the profile's address."))
    honorific = models.CharField(_("honorific"), max_length=50, blank=True, help_text=_("For example Dr or H.E."))
    position = models.CharField(_("position"), max_length=200, blank=True)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    sector = models.CharField(_("sector"), max_length=40, choices=Sector.choices)
    country = CountryField(_("country"))
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    photo_alt = models.CharField(_("photo description"), max_length=250, blank=True)
    biography = models.TextField(_("short biography"), blank=True, max_length=2000)
    expertise = ClusterTaggableManager(through=MemberExpertiseTag, blank=True, verbose_name=_("areas of expertise"))
    website = models.URLField(_("website"), blank=True)
    linkedin = models.URLField(_("LinkedIn profile"), blank=True)
    languages_spoken = models.JSONField(_("languages spoken"), default=list, blank=True)
    member_since = models.DateField(_("member since"), null=True, blank=True)

    # What the member agreed to make public. Everything starts private.
    listed = models.BooleanField(_("listed in the public directory"), default=False)
    show_on_map = models.BooleanField(_("counted on the Map of Network"), default=False)
    show_photo = models.BooleanField(_("photo is public"), default=False)
    show_organisation = models.BooleanField(_("organisation is public"), default=False)
    show_biography = models.BooleanField(_("biography is public"), default=False)
    show_links = models.BooleanField(_("links are public"), default=False)

    # For the secretariat only: never rendered publicly, never in the API,
    # the search index, feeds or sitemaps, and hidden from translators.
    email = models.EmailField(_("contact email"), blank=True)
    phone = models.CharField(_("contact phone"), max_length=50, blank=True)

    panels = [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("honorific"), FieldPanel("full_name")]),
                FieldPanel("slug"),
                FieldPanel("position"),
                FieldPanel("organisation"),
                FieldRowPanel([FieldPanel("sector"), FieldPanel("country")]),
                FieldPanel("member_since"),
            ],
            heading=_("Profile"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("photo"),
                FieldPanel("photo_alt"),
                FieldPanel("biography"),
                FieldPanel("expertise"),
                FieldPanel("languages_spoken"),
                FieldRowPanel([FieldPanel("website"), FieldPanel("linkedin")]),
            ],
            heading=_("About her"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("listed"),
                FieldPanel("show_on_map"),
                FieldRowPanel([FieldPanel("show_photo"), FieldPanel("show_organisation")]),
                FieldRowPanel([FieldPanel("show_biography"), FieldPanel("show_links")]),
            ],
            heading=_("What the member has made public"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("email", permission="members.view_contact_details"),
                FieldPanel("phone", permission="members.view_contact_details"),
            ],
            heading=_("Contact details (secretariat only)"),
            permission="members.view_contact_details",
        ),
    ]

    base_form_class = MemberForm

    search_fields = [
        index.SearchField("full_name", boost=3),
        index.AutocompleteField("full_name"),
        index.SearchField("position"),
        index.SearchField("public_organisation"),
        index.SearchField("public_biography"),
        index.RelatedFields("expertise", [index.SearchField("name")]),
        index.FilterField("locale_id"),
        index.FilterField("listed"),
        index.FilterField("sector"),
    ]

    api_fields = [
        APIField("full_name"),
        APIField("honorific"),
        APIField("position"),
        APIField("sector"),
        APIField("country"),
        APIField("region"),
    ]

    # Names, dates, country, sector, links and privacy choices are the same in
    # every language; position, organisation, biography and photo
    # description are translated. Contact details are copied but never shown
    # to translators.
    override_translatable_fields = [
        SynchronizedField("full_name"),
        SynchronizedField("slug"),
        SynchronizedField("languages_spoken"),
        SynchronizedField("email", overridable=False),
        SynchronizedField("phone", overridable=False),
        *(SynchronizedField(choice, overridable=False) for choice in PRIVACY_CHOICES),
        TranslatableField("photo_alt"),
    ]

    objects = MemberQuerySet.as_manager()

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("member")
        verbose_name_plural = _("members")
        ordering = ["full_name"]
        permissions = [("view_contact_details", _("Can see members' contact details"))]
        constraints = [models.UniqueConstraint(fields=["slug", "locale"], name="unique_member_slug_per_locale")]

    def __str__(self):
        return self.full_name

    def clean(self):
        super().clean()
        if not self.slug:
            self.slug = slugify(self.full_name)[:200] or "member"
        if self.slug in RESERVED_SLUGS:
            raise ValidationError({"slug": _("This address is reserved; please choose another.")})
        # The admin's form has no locale field, so Django's own check of the
        # unique constraint skips it: without this, a taken address is a 500.
        taken = Member.objects.filter(slug=self.slug, locale_id=self.locale_id).exclude(pk=self.pk)
        if self.locale_id and taken.exists():
            raise ValidationError(
                {"slug": _("Another member's profile already has this address; please choose another.")}
            )

    @transaction.atomic
    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.full_name)[:200] or f"member-{self.translation_key.hex[:8]}"
        if self.pk is not None:
            # A withdrawn consent applies at once to every language version
            # (which would otherwise wait for a translator's next sync), before
            # post_save tells the search index to follow those that changed.
            choices = {choice: getattr(self, choice) for choice in PRIVACY_CHOICES}
            others = Member.objects.filter(translation_key=self.translation_key).exclude(pk=self.pk)
            self.privacy_shared_with = list(others.exclude(**choices).values_list("pk", flat=True))
            if self.privacy_shared_with:
                Member.objects.filter(pk__in=self.privacy_shared_with).update(**choices)
        super().save(*args, **kwargs)

    @classmethod
    def get_indexed_objects(cls):
        # Unlisted members never reach the search index.
        return super().get_indexed_objects().filter(listed=True)

    @property
    def display_name(self):
        return f"{self.honorific} {self.full_name}".strip()

    @property
    def region(self):
        return region_for(self.country.code)

    @property
    def sector_label(self):
        """
        `get_sector_display()`, translating one label: Django's hashes every
        choice to look the value up, and hashing a lazy label translates it.
        """
        return Sector(self.sector).label if self.sector in Sector.values else self.sector

    def get_region_display(self):
        region = self.region
        return Region(region).label if region else ""

    @property
    def public_organisation(self):
        return self.organisation if self.show_organisation else ""

    @property
    def public_biography(self):
        return self.biography if self.show_biography else ""

    @property
    def public_photo(self):
        return self.photo if self.show_photo else None

    def public_links(self):
        if not self.show_links:
            return []
        return [(label, url) for label, url in [(_("Website"), self.website), ("LinkedIn", self.linkedin)] if url]

    def spoken_language_names(self):
        names = []
        for code in self.languages_spoken or []:
            try:
                names.append(get_language_info(code)["name_translated"])
            except KeyError:
                continue
        return names

    def public_data(self, expertise=None):
        """
        Everything about this member that may be shown to anyone: the only
        source for the API. `expertise`, her areas' names when already read
        for a list (members.api.expertise_names).
        """
        photo = self.public_photo
        return {
            "id": self.pk,
            "slug": self.slug,
            "full_name": self.full_name,
            "honorific": self.honorific,
            "position": self.position,
            "organisation": self.public_organisation,
            "sector": self.sector,
            "country": self.country.code,
            "region": self.region,
            "biography": self.public_biography,
            "photo": {"url": picture.url, "alt": self.photo_alt}
            if (picture := rendition_or_none(photo, "fill-400x400"))
            else None,
            "links": [{"label": str(label), "url": url} for label, url in self.public_links()],
            "expertise": [tag.name for tag in self.expertise.all()] if expertise is None else expertise,
            "languages_spoken": list(self.languages_spoken or []),
            "member_since": self.member_since.isoformat() if self.member_since else None,
            "locale": self.locale.language_code,
        }

    @classmethod
    def profile_url_resolver(cls):
        """
        callable(member, locale) -> her public profile's URL, in the directory
        of `locale` (else of her own language), or None when she is not listed.
        The directories are read once per resolver, on first need: articles'
        bylines link their authors through this (ARTICLES_AUTHOR_PROFILE_MODEL).
        """
        directories = None

        def profile_url(member, locale):
            nonlocal directories
            page_cache.depends_on(f"member:{member.translation_key}")
            if not member.listed:
                return None
            if directories is None:
                directories = {}
                for directory in public_directories():
                    directories.setdefault(directory.locale_id, directory)
            directory = directories.get(locale.pk) or directories.get(member.locale_id)
            return directory.profile_url(member) if directory else None

        return profile_url


class MemberDirectoryPage(RoutablePageMixin, BasePage):
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1
    page_description = _("The member directory, the Map of Network and the form to join.")
    # The view behind a form route, named here and imported when the route
    # is called: the views module imports the models, and a site may name its own.
    join_view = "members.views.join"
    search_rank = SECTION_INDEX_SEARCH_RANK

    intro = models.TextField(_("introduction"), blank=True)
    join_intro = models.TextField(_("join form introduction"), blank=True)
    privacy_notice = models.TextField(
        _("privacy notice"), blank=True, help_text=_("Shown on the application form, beside the consent box.")
    )

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("join_intro"), FieldPanel("privacy_notice")]
    search_fields = [*BasePage.search_fields, index.SearchField("intro")]
    api_fields = [*BasePage.api_fields, APIField("intro")]

    class Meta:
        verbose_name = _("member directory")
        verbose_name_plural = _("member directories")

    def visible_members(self):
        # Areas of expertise are read for profiles only: cards do not show them.
        page_cache.depends_on("members")
        return (
            Member.objects.listed()
            .in_language()
            .select_related("photo", "locale")
            .prefetch_related("photo__renditions")
        )

    def filter_members(self, request):
        members = self.visible_members()
        params = request.GET
        if name := params.get("q", "").strip()[:100]:
            members = members.filter(
                Q(full_name__icontains=name) | Q(show_organisation=True, organisation__icontains=name)
            )
        if (sector := params.get("sector", "")) in Sector.values:
            members = members.filter(sector=sector)
        elif sector:
            members = members.none()
        if country := params.get("country", "").strip().upper()[:2]:
            members = members.filter(country=country)
        if region := params.get("region", ""):
            members = members.filter(country__in=countries_in(region)) if region in Region.values else members.none()
        if expertise := params.get("expertise", "").strip()[:100]:
            # Through her tags: only this join could list a member twice.
            members = members.filter(expertise__slug=expertise).distinct()
        return members

    def filter_choices(self):
        return {
            "sectors": Sector.choices,
            "regions": Region.choices,
            # Kept in the shared cache until a member or an area of expertise changes.
            **page_cache.remembered(f"member-filter-choices:{translation.get_language()}", self._member_choices),
        }

    def _member_choices(self):
        page_cache.depends_on("members")
        # Distinct in the database: a few hundred countries, not every member.
        present = set(_listed_countries())
        # Every country, already in the reader's order (kept per process), less
        # those without members: sorting them again by name was most of this.
        everywhere = country_choices()
        if present <= {code for code, _name in everywhere}:
            countries = [(code, name) for code, name in everywhere if code in present]
        else:
            countries = sorted_by_name((code, country_name(code)) for code in present)
        return {
            "countries": countries,
            "expertise": _listed_expertise(),
        }

    @path("", name="directory")
    def directory_route(self, request):
        # The rows alone: photos are read only for cards missing from the shared cache (members.cards).
        members = self.filter_members(request).select_related(None).select_related("locale").prefetch_related(None)
        page_obj = self.paginate(request, members, MEMBERS_PER_PAGE)
        page_obj.object_list = list(page_obj.object_list)
        choices = self.filter_choices()
        # Tags are written in the default language (get_context's tag_language).
        tag_attrs = content_language.attributes(settings.LANGUAGE_CODE)
        return self.render(
            request,
            context_overrides={
                "page_obj": page_obj,
                "members": page_obj.object_list,
                "member_cards": member_cards(request, self, page_obj.object_list),
                "filters": request.GET,
                **choices,
                **filter_options(choices, request.GET, tag_attrs),
            },
        )

    @path("map/", name="map")
    def map_route(self, request):
        return self.render(
            request, context_overrides={"world_map": world_map(self, member_counts)}, template="members/map.html"
        )

    @path("join/", name="join")
    def join_route(self, request):
        return import_string(self.join_view)(request, self)

    @path("join/thanks/", name="join_thanks")
    def join_thanks_route(self, request):
        return self.render(request, template="members/join_thanks.html")

    @path("<slug:slug>/", name="profile")
    def profile_route(self, request, slug):
        member = self.visible_members().prefetch_related("expertise").filter(slug=slug).first()
        if member is None:
            raise Http404
        return self.render(request, context_overrides={"member": member}, template="members/member_profile.html")

    def profile_url(self, member):
        return self.url + self.reverse_subpage("profile", args=[member.slug])

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Areas of expertise are tags, written once, in the default language.
        context["tag_language"] = settings.LANGUAGE_CODE
        return context


# The filters' queries, compiled once per process (home.prepared): what they read is read on each call.
@PreparedQuery
def _listed_countries():
    return Member.objects.listed().order_by().values_list("country", flat=True).distinct()


@PreparedQuery
def _listed_expertise():
    return (
        MemberExpertiseTag.objects.filter(content_object__listed=True)
        .values_list("tag__slug", "tag__name")
        .distinct()
        .order_by("tag__name")
    )


def public_directories():
    """
    The member directories readers may see: live, with no view restriction on
    them or above them. Members are published only through these: a language
    whose directory is private, a draft or missing shows no member anywhere
    (pages, API, map, search), as events follow their calendar's privacy.
    """
    return public_pages(MemberDirectoryPage.objects.all()).order_by("path")


def public_directory(locale):
    # Read whole, not with .first(): with a LIMIT, PostgreSQL walks every
    # page in path order to find the language's directory; without one it
    # starts from the few directory pages.
    return next(iter(public_directories().filter(locale=locale)), None)


def member_counts():
    """{country code: number of listed members who agreed to be counted on the map}."""
    page_cache.depends_on("members")
    # Counted by the database: one row per country, however many members.
    members = Member.objects.on_map().filter(locale=locales.default()).order_by()
    return dict(members.values_list("country").annotate(count=Count("pk")))


class MembershipApplication(models.Model):
    """An application to join, kept for the secretariat's review."""

    class Status(models.TextChoices):
        NEW = "new", _("New")
        APPROVED = "approved", _("Approved")
        DECLINED = "declined", _("Declined")

    full_name = models.CharField(_("full name"), max_length=200)
    position = models.CharField(_("position"), max_length=200)
    organisation = models.CharField(_("organisation"), max_length=200)
    sector = models.CharField(_("sector"), max_length=40, choices=Sector.choices)
    country = CountryField(_("country"))
    email = models.EmailField(_("email"))
    motivation = models.TextField(_("motivation"), max_length=3000)
    language = models.CharField(_("language"), max_length=10)
    consented_at = models.DateTimeField(_("consented to the privacy notice at"))
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.NEW)
    submitted_at = models.DateTimeField(_("submitted at"), auto_now_add=True)
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    member = models.ForeignKey(
        Member, verbose_name=_("member profile"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("membership application")
        verbose_name_plural = _("membership applications")
        ordering = ["-submitted_at"]

    def __str__(self):
        return f"{self.full_name} ({self.get_status_display()})"

    def admin_url(self):
        return reverse("members_application_review", args=[self.pk])
