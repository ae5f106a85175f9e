import dataclasses
import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Prefetch, Q, prefetch_related_objects
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils import timezone, translation
from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.images import get_image_model
from wagtail.images.api.fields import ImageRenditionField
from wagtail.models import Orderable, Page, PageManager, TranslatableMixin
from wagtail.query import PageQuerySet
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from home import locales, page_cache
from home.blocks import BodyStreamBlock
from home.collation import country_choices, country_name, sorted_by_name
from home.models import SECTION_INDEX_SEARCH_RANK, BasePage
from home.prepared import PreparedQuery
from home.renditions import rendition_or_none
from home.visibility import public_pages

from . import recurrence
from .cards import KeptPage, kept_entries, occurrence_cards, upcoming_page_key
from .forms import EventPageForm
from .ical import calendar_response
from .listing import first_month_with_events, one_per_event
from .times import FIELDS as TIMES_FIELDS
from .times import PREPARED, changes_of, padded, read_times
from .upcoming import UpcomingSeries, listed_at
from .widgets import RecurrenceWidget

UPCOMING_YEARS = 2
UPCOMING_WINDOW = datetime.timedelta(days=365 * UPCOMING_YEARS)
EVENTS_PER_PAGE = 20
FIRST_YEAR = 2000
# What the database may hold (UTC): the accepted years on the events' own
# clocks, with a day's room for the time zones either side.
STORED_DATES = (
    datetime.datetime(recurrence.YEARS_ACCEPTED[0] - 1, 12, 31, tzinfo=datetime.UTC),
    datetime.datetime(recurrence.YEARS_ACCEPTED[-1] + 1, 1, 2, tzinfo=datetime.UTC),
)


class EventCategory(TranslatableMixin, models.Model):
    """Conference, webinar, workshop, observance, meeting… One slug, a name per language."""

    slug = models.SlugField(_("slug"), max_length=50)
    name = models.CharField(_("name"), max_length=100)

    panels = [FieldPanel("name"), FieldPanel("slug")]

    override_translatable_fields = [SynchronizedField("slug")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("event category")
        verbose_name_plural = _("event categories")
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["slug", "locale"], name="unique_event_category_slug")]

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        # The admin's form has no locale field, so Django's own check of the
        # unique constraint skips it: without this, a taken slug is a 500.
        taken = EventCategory.objects.filter(slug=self.slug, locale_id=self.locale_id).exclude(pk=self.pk)
        if self.locale_id and taken.exists():
            raise ValidationError({"slug": _("Another category in this language already has this slug.")})


class EventPageQuerySet(PageQuerySet):
    def overlapping(self, start, end):
        """Events with at least one occurrence that may fall in [start, end): one query, no expansion."""
        return self.filter(start__lt=end).filter(Q(series_end__isnull=True) | Q(series_end__gt=start))

    def with_occurrence_data(self):
        return self.select_related("category", "image", "locale").prefetch_related(
            "image__renditions",
            Prefetch("occurrence_overrides", queryset=EventOccurrenceOverride.objects.order_by("occurrence_date")),
        )

    def occurrences(self, start, end, include_cancelled=True):
        """Every occurrence of these events in [start, end), in time order, in a fixed number of queries."""
        return occurrences_of(self.overlapping(start, end).with_occurrence_data(), start, end, include_cancelled)

    def for_expansion(self):
        """
        Only what expanding and ordering occurrences reads: the times, the rule,
        the title and the changes to single occurrences. A listing expands
        every event in its window but shows a page of them: read the rest
        (bodies, images and their renditions) for those alone, events_shown.
        """
        return self.only(*EXPANSION_FIELDS).prefetch_related(
            Prefetch("occurrence_overrides", queryset=EventOccurrenceOverride.objects.order_by("occurrence_date"))
        )

    def occurrence_times(self, start, end, include_cancelled=True, key=None):
        """
        occurrences() from plain rows (events.times): times, order and changes,
        not what a card shows. With `key`, naming everything these events
        depend on (EventIndexPage.events_key), the query's SQL is compiled
        once per process (events.prepared).
        """
        if key is None:
            events = read_times(self.overlapping(start, end))
        else:
            events = read_times(
                lambda start, end: self.overlapping(start, end),
                prepared=("times", *key),
                times={"start": start, "end": end},
            )
        return occurrences_of(events, start, end, include_cancelled)


# Read for every event a listing expands (see EventPageQuerySet.for_expansion):
# the columns of events.times, as model fields.
EXPANSION_FIELDS = tuple(name.removesuffix("_id") for name in TIMES_FIELDS)


# What an occurrence card shows of its event (events/includes/occurrence.html,
# events.cards.card_values): read as plain values for the events a listing
# shows, the category's name and the picture whole.
CARD_FIELDS = ("pk", "title", "slug", "all_day", "city", "country", "online_url", "category__name")


@dataclasses.dataclass(frozen=True)
class ShownEvent:
    """An event as an occurrence card shows it (events_shown)."""

    pk: int
    title: str
    slug: str
    all_day: bool
    city: str
    country: str
    online_url: str
    category: str | None
    image: object = None


def events_shown(pks):
    """
    {pk: ShownEvent} for the events `pks` that exist: in one query, as plain
    values (making a Wagtail page instance costs many times more than the
    card's values), with the pictures made from the same rows and their
    renditions read in a second query when there are any.
    """
    if not pks:
        return {}
    image_model = get_image_model()
    image_fields = _image_fields()
    shown, images = {}, []
    for row in _shown_rows(padded(sorted(pks))):
        image = None
        if (image_row := row[len(CARD_FIELDS) :])[0] is not None:
            image = image_model.from_db(EventPage.objects.db, image_fields, image_row)
            images.append(image)
        shown[row[0]] = ShownEvent(*row[: len(CARD_FIELDS)], image=image)
    prefetch_related_objects(images, "renditions")
    return shown


def _image_fields():
    return [field.attname for field in get_image_model()._meta.concrete_fields]


@PreparedQuery
def _shown_rows(pks):
    """events_shown's rows, its SQL compiled once per length of `pks` (padded)."""
    fields = (*CARD_FIELDS, *(f"image__{name}" for name in _image_fields()))
    return EventPage.objects.filter(pk__in=pks).values_list(*fields)


def occurrences_of(events, start, end, include_cancelled=True):
    """
    Every occurrence in [start, end) of `events` (read with_occurrence_data,
    or by read_times), in time order: expanding already-read events again
    costs no query.
    """
    found = []
    for event in events:
        overrides = changes_of(event)
        found.extend(recurrence.expand(event, start, end, overrides, include_cancelled))
    found.sort(key=lambda occurrence: (occurrence.start, occurrence.event.title))
    return found


EventPageManager = PageManager.from_queryset(EventPageQuerySet)


# Purged when any event changes, is withdrawn or moves, a calendar moves, or
# a view restriction changes (events.apps): what depends on every event of a
# language, as the API's windows do.
EVENTS_TAG = "events"


def expire_when_occurrences_change(occurrences, now):
    """
    A list computed from "now" changes when one of its occurrences ends (it
    leaves "upcoming" for "past"): a stored page must not outlive that.
    """
    ends = [occurrence.end for occurrence in occurrences if occurrence.end > now]
    if ends:
        page_cache.expires_by(min(ends))


def expire_at_end_of_month(now):
    """The calendar's "this month" link names the current month."""
    page_cache.expires_by(
        (now.replace(day=1) + datetime.timedelta(days=32)).replace(day=1, hour=0, minute=0, second=0, microsecond=0)
    )


@PreparedQuery
def _categories_of(locale_id):
    return EventCategory.objects.filter(locale_id=locale_id)


class EventIndexPage(RoutablePageMixin, BasePage):
    parent_page_types = ["home.HomePage"]
    subpage_types = ["events.EventPage"]
    max_count_per_parent = 1
    page_description = _("The events calendar: upcoming events, a month view, past events and iCalendar feeds.")
    # The month view, named here and imported when the route is called: the
    # views module imports the models, and a site may name its own.
    month_view = "events.views.month_view"
    search_rank = SECTION_INDEX_SEARCH_RANK

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*BasePage.search_fields, index.SearchField("intro")]
    api_fields = [*BasePage.api_fields, APIField("intro")]

    class Meta:
        verbose_name = _("events calendar")
        verbose_name_plural = _("events calendars")

    def events(self):
        page_cache.lists_children(self)
        return public_pages(EventPage.objects.child_of(self))

    def filtered_events(self, request):
        """Events narrowed by ?category= and ?country= (unknown values simply match nothing)."""
        events = self.events()
        category, country = self.event_filters(request)
        if category:
            events = events.filter(category__slug=category)
        if country:
            events = events.filter(country=country)
        return events

    @staticmethod
    def event_filters(request):
        """(category slug, country code) asked for, each empty when not."""
        return request.GET.get("category", "").strip()[:50], request.GET.get("country", "").strip()[:2].upper()

    def events_key(self, request=None):
        """
        What filtered_events(request) (events() without a request) depends on:
        the calendar, its place in the page tree and the filters. The key
        under which its listings' SQL is kept (events.prepared).
        """
        return (self.pk, self.path, self.depth, *(self.event_filters(request) if request else ("", "")))

    def filter_context(self, request):
        page_cache.depends_on("event-categories")
        expire_at_end_of_month(timezone.now())
        # Shared by the calendar's pages in a language until a category or an
        # event of the calendar changes.
        categories, countries = page_cache.remembered(
            f"events:filters:{self.pk}:{translation.get_language()}", self.filter_choices
        )
        return {
            "categories": categories,
            "countries": countries,
            "selected_category": request.GET.get("category", ""),
            "selected_country": request.GET.get("country", "").upper(),
        }

    def filter_choices(self):
        """The categories of the reader's language and the countries of the calendar's events, by name."""
        page_cache.depends_on("event-categories")
        categories = _categories_of(locales.active().pk)
        # Distinct in the database rather than one model instance per event,
        # by SQL compiled once per calendar (events.prepared).
        page_cache.lists_children(self)
        rows = PREPARED.rows(
            ("countries", *self.events_key()),
            lambda: self.events().exclude(country="").order_by().values("country").distinct(),
        )
        codes = {row["country"] for row in rows}
        # Every country, already in the reader's order: those of the events
        # kept in it, rather than each looked up and sorted again.
        choices = [(code, name) for code, name in country_choices() if code in codes]
        if len(choices) < len(codes):  # a code no longer in the list of countries, named by itself
            return categories, sorted_by_name((code, country_name(code)) for code in codes)
        return categories, choices

    def occurrence_times(self, start, end, request=None):
        """
        filtered_events(request).occurrence_times(start, end) (of events()
        without a request), its SQL kept for the calendar and the filters:
        the queryset is built only to be compiled.
        """
        page_cache.lists_children(self)
        events = read_times(
            lambda start, end: (self.filtered_events(request) if request else self.events()).overlapping(start, end),
            prepared=("times", *self.events_key(request)),
            times={"start": start, "end": end},
        )
        return occurrences_of(events, start, end)

    def upcoming_occurrences(self, events=None):
        """The coming occurrences' times and order (occurrence_times): events_shown for what is shown."""
        now = timezone.now()
        if events is None:
            return self.occurrence_times(now, now + UPCOMING_WINDOW)
        return events.occurrence_times(now, now + UPCOMING_WINDOW)

    def upcoming_series(self, events=None, stop_hint=EVENTS_PER_PAGE, fields=(), counted=True, request=None):
        """
        The upcoming list, each series once (events.upcoming): read as far as
        `stop_hint` in one query. Of `events`, else of the events the request
        asks for (filtered_events), else of all the calendar's events.
        """
        if events is not None:
            return UpcomingSeries(events, timezone.now(), UPCOMING_WINDOW, stop_hint, fields, counted)
        # The listing depends on the calendar's children whether or not its
        # SQL is kept; the queryset itself is built only to be compiled.
        page_cache.lists_children(self)
        return UpcomingSeries(
            (lambda: self.filtered_events(request)) if request is not None else self.events,
            timezone.now(),
            UPCOMING_WINDOW,
            stop_hint,
            fields,
            counted,
            key=self.events_key(request),
        )

    def month_link(self, series=None):
        """The month the calendar's "Month" view opens on: the next one with an event, not an empty one."""
        if series is not None:
            return self._first_month(series)
        # Pages other than the unfiltered upcoming list share it until an
        # event of the calendar changes or the first date ends.
        return page_cache.remembered(
            f"events:month-link:{self.pk}", lambda: self._first_month(self.upcoming_series(stop_hint=0, counted=False))
        )

    def _first_month(self, series):
        # The first events of the upcoming list usually tell; only when they
        # cannot (all cancelled) is the whole window expanded.
        now = timezone.now()
        this_month = timezone.localdate().replace(day=1)
        expire_at_end_of_month(now)
        if soonest := series.soonest_change():
            page_cache.expires_by(soonest)
        try:
            first = series.first_date()
        except LookupError:
            return first_month_with_events(self.upcoming_occurrences(), default=this_month)
        return first.date().replace(day=1) if first is not None else this_month

    @staticmethod
    def page_end(request):
        """Where the page of the list that ?page= asks for ends (the first page for anything but a number)."""
        try:
            number = int(request.GET.get("page", 1))
        except ValueError:
            number = 1
        return max(1, min(number, 10**6)) * EVENTS_PER_PAGE

    def is_filtered(self, request):
        return bool(request.GET.get("category", "").strip() or request.GET.get("country", "").strip())

    @path("", name="upcoming")
    def upcoming_route(self, request):
        if "month" in request.GET:
            return import_string(self.month_view)(request, self)
        filtered = self.is_filtered(request)
        total, number, rows, month_link = page_cache.remembered(
            upcoming_page_key(self, request), lambda: self._upcoming_page(request, filtered)
        )
        page_obj = self.paginate(request, KeptPage(total, (number - 1) * EVENTS_PER_PAGE, rows), EVENTS_PER_PAGE)
        return self.render(
            request,
            context_overrides={
                "view": "upcoming",
                "page_obj": page_obj,
                "cards": occurrence_cards(request, self, page_obj.object_list, view="upcoming"),
                "month_link": self.month_link() if filtered else month_link,
                **self.filter_context(request),
            },
        )

    def _upcoming_page(self, request, filtered):
        """
        (length of the list, page number, its entries as kept_entries, the
        "Month" link when not filtered): kept as a part until an event of the
        calendar or a category changes, or the list does as time passes (the
        first end of an occurrence it read).
        """
        page_cache.depends_on("event-categories")  # the category filter matches by slug
        # Each series once, at its next date: a weekly event does not fill the list.
        series = self.upcoming_series(stop_hint=self.page_end(request), request=request)
        page_obj = self.paginate(request, series, EVENTS_PER_PAGE)
        if soonest := series.soonest_change():
            page_cache.expires_by(soonest)
        month_link = None if filtered else self.month_link(series)
        return len(series), page_obj.number, kept_entries(page_obj.object_list), month_link

    @path("past/", name="past")
    def past_route(self, request):
        now = timezone.now()
        occurrences = self.occurrence_times(datetime.datetime(FIRST_YEAR, 1, 1, tzinfo=datetime.UTC), now, request)
        expire_when_occurrences_change(occurrences, now)
        occurrences = [o for o in reversed(occurrences) if o.end <= now]
        page_obj = self.paginate(request, one_per_event(occurrences), EVENTS_PER_PAGE)
        return self.render(
            request,
            context_overrides={
                "view": "past",
                "page_obj": page_obj,
                "cards": occurrence_cards(request, self, page_obj.object_list, view="past"),
                "month_link": self.month_link(),
                **self.filter_context(request),
            },
        )

    def page_cache_purge_tags(self):
        # Moving or restricting the calendar moves or withdraws its events.
        return [EVENTS_TAG]

    def ical_feed(self, request):
        """The calendar as iCalendar, served at <index>/feed.ics (see events.views.serve_ics)."""
        events = self.filtered_events(request).with_occurrence_data()
        return calendar_response(request, events, name=self.title, filename="events.ics")


class EventPage(BasePage):
    parent_page_types = ["events.EventIndexPage"]
    subpage_types = []
    page_description = _("An event, once or recurring, in its own time zone.")
    base_form_class = EventPageForm
    # Read with the page when it is served (home.routing): the template always shows them.
    serve_select_related = ["image", "category"]

    summary = models.TextField(_("summary"), max_length=600)
    body = StreamField(BodyStreamBlock(), verbose_name=_("body"), blank=True)
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    image_alt = models.CharField(
        _("image alternative text"),
        max_length=250,
        blank=True,
        help_text=_("Describe the image for people who cannot see it. Defaults to the image's own description."),
    )
    category = models.ForeignKey(
        EventCategory,
        verbose_name=_("category"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events",
    )
    organiser = models.CharField(_("organiser"), max_length=200, blank=True)

    start = models.DateTimeField(_("start"))
    end = models.DateTimeField(_("end"))
    time_zone = models.CharField(
        _("time zone"),
        max_length=64,
        default="UTC",
        validators=[recurrence.validate_time_zone],
        help_text=_("The start and end are times in this zone, e.g. America/New_York."),
    )
    all_day = models.BooleanField(_("all day"), default=False)
    recurrence = models.CharField(
        _("recurrence rule"),
        max_length=500,
        blank=True,
        validators=[recurrence.validate_recurrence],
        help_text=_(
            "Leave empty for a single event. An RFC 5545 RRULE, e.g. FREQ=YEARLY;BYMONTH=4;BYDAY=4TH for the "
            "fourth Thursday of April every year; add ;COUNT=5 or ;UNTIL=20301231 to end the series."
        ),
    )
    series_end = models.DateTimeField(_("end of the series"), null=True, blank=True, editable=False)
    # Where the upcoming list places the event, and when that holds (events.upcoming).
    listed_start = models.DateTimeField(_("listed at"), null=True, blank=True, editable=False)
    listed_from = models.DateTimeField(_("listed at, from"), null=True, blank=True, editable=False)
    listed_until = models.DateTimeField(_("listed at, until"), null=True, blank=True, editable=False)

    venue_name = models.CharField(_("venue"), max_length=200, blank=True)
    city = models.CharField(_("city"), max_length=100, blank=True)
    country = CountryField(_("country"), blank=True)
    online_url = models.URLField(_("online event link"), blank=True)
    registration_url = models.URLField(_("registration link"), blank=True)
    registration_deadline = models.DateTimeField(_("registration deadline"), null=True, blank=True)
    ical_uid = models.CharField(
        _("iCalendar UID"),
        max_length=255,
        blank=True,
        db_index=True,
        help_text=_("Set when the event was imported from an .ics file; re-importing updates this event."),
    )

    objects = EventPageManager()

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("category"),
        FieldPanel("organiser"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
                FieldRowPanel([FieldPanel("time_zone"), FieldPanel("all_day")]),
                FieldPanel(
                    "recurrence",
                    widget=RecurrenceWidget,
                    # The picker replaces typing a rule: the field's RRULE help is for the API and imports.
                    help_text=_("Choose “Does not repeat” for a single event."),
                ),
                InlinePanel("occurrence_overrides", label=_("Changes to single occurrences")),
            ],
            heading=_("When"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("venue_name"),
                FieldRowPanel([FieldPanel("city"), FieldPanel("country")]),
                FieldPanel("online_url"),
            ],
            heading=_("Where"),
        ),
        MultiFieldPanel(
            [FieldPanel("registration_url"), FieldPanel("registration_deadline")], heading=_("Registration")
        ),
        MultiFieldPanel([FieldPanel("image"), FieldPanel("image_alt")], heading=_("Image")),
        FieldPanel("body"),
    ]

    search_fields = [
        *BasePage.search_fields,
        index.SearchField("summary", boost=2),
        index.SearchField("body"),
        index.SearchField("organiser"),
        index.SearchField("venue_name"),
        index.SearchField("city"),
        index.RelatedFields("category", [index.SearchField("name"), index.FilterField("slug")]),
        index.FilterField("start"),
    ]

    api_fields = [
        *BasePage.api_fields,
        APIField("summary"),
        APIField("body"),
        APIField("image", serializer=ImageRenditionField("fill-1200x630")),
        APIField("image_alt_text"),
        APIField("category_detail"),
        APIField("organiser"),
        APIField("start"),
        APIField("end"),
        APIField("time_zone"),
        APIField("all_day"),
        APIField("recurrence"),
        APIField("venue_name"),
        APIField("city"),
        APIField("country_code"),
        APIField("online_url"),
        APIField("registration_url"),
        APIField("registration_deadline"),
        APIField("next_occurrence"),
    ]

    # Dates, time zone, place and recurrence follow the source language;
    # titles, summaries, venue names and notes are translated.
    override_translatable_fields = [
        SynchronizedField("start"),
        SynchronizedField("end"),
        SynchronizedField("time_zone"),
        SynchronizedField("all_day"),
        SynchronizedField("recurrence"),
        SynchronizedField("country"),
        SynchronizedField("online_url"),
        SynchronizedField("registration_url"),
        SynchronizedField("registration_deadline"),
        SynchronizedField("image"),
        SynchronizedField("ical_uid"),
    ]

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        # The database itself refuses a date it could not give back (psycopg
        # reads years 1 to 9999 only): one such row would break every list,
        # feed, sitemap and API response that includes the event.
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(start__gte=STORED_DATES[0], start__lt=STORED_DATES[1])
                    & Q(end__gte=STORED_DATES[0], end__lt=STORED_DATES[1])
                    & (
                        Q(registration_deadline__isnull=True)
                        | Q(registration_deadline__gte=STORED_DATES[0], registration_deadline__lt=STORED_DATES[1])
                    )
                    & (Q(series_end__isnull=True) | Q(series_end__gte=STORED_DATES[0], series_end__lt=STORED_DATES[1]))
                ),
                name="event_dates_in_accepted_years",
                violation_error_message=_("Choose dates between the years 1900 and 2100."),
            )
        ]

    @property
    def intro_text(self):
        return self.summary

    @property
    def image_alt_text(self):
        if self.image_alt:
            return self.image_alt
        return self.image.description if self.image else ""

    def page_cache_purge_tags(self):
        return [EVENTS_TAG]

    def get_listing_summary(self):
        return self.listing_summary or self.summary

    def get_social_image(self):
        return self.image or self.listing_image

    @property
    def zone(self):
        return recurrence.zone(self.time_zone)

    def clean(self):
        super().clean()
        out_of_range = {}
        for name in ("start", "end", "registration_deadline"):
            try:
                recurrence.validate_year(recurrence.on_clock(getattr(self, name), self.zone))
            except ValidationError as error:
                out_of_range[name] = error
        if out_of_range:
            raise ValidationError(out_of_range)
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": _("The event cannot end before it starts.")})
        if self.recurrence and self.start and self.time_zone in recurrence.TIME_ZONE_NAMES:
            # The field validator checked the rule's form; whether it gives a
            # date soon enough depends on the event's own start.
            local_start = recurrence.local_naive(self.start, self.zone)
            try:
                recurrence.check_rule(self.recurrence, local_start)
            except ValidationError as error:
                if error.code == "no_occurrence":
                    raise ValidationError({"recurrence": error}) from error

    def save(self, *args, **kwargs):
        self.series_end = recurrence.series_end(self) if self.start and self.end else None
        self.set_listed_at()
        super().save(*args, **kwargs)

    def set_listed_at(self, overrides=None):
        """Where the upcoming list places this event from now on (events.upcoming), with these changes to dates."""
        if not (self.start and self.end):
            self.listed_start = self.listed_from = self.listed_until = None
            return
        if overrides is None:
            # The changes as edited (in memory until the page is saved), else as stored.
            overrides = {o.occurrence_date: o for o in self.occurrence_overrides.all()}
        self.listed_start, self.listed_from, self.listed_until = listed_at(
            self, timezone.now(), UPCOMING_WINDOW, overrides
        )

    def occurrences_between(self, start, end, include_cancelled=True):
        return recurrence.expand(self, start, end, include_cancelled=include_cancelled)

    def upcoming_occurrences(self, limit=12):
        now = timezone.now()
        return self.occurrences_between(now, now + datetime.timedelta(days=365 * 5))[:limit]

    @property
    def next_occurrence(self):
        upcoming = [o for o in self.upcoming_occurrences(limit=3) if not o.cancelled]
        if not upcoming:
            return None
        occurrence = upcoming[0]
        return {"start": occurrence.start.isoformat(), "end": occurrence.end.isoformat()}

    @property
    def category_detail(self):
        return {"slug": self.category.slug, "name": self.category.name} if self.category else None

    @property
    def country_code(self):
        return self.country.code or None

    @property
    def attendance_mode(self):
        if self.online_url and (self.venue_name or self.city):
            return "mixed"
        return "online" if self.online_url else "offline"

    def json_ld(self, occurrence=None):
        """
        schema.org Event metadata for the given occurrence, else the one the
        page shows: the next that takes place, or (every upcoming date being
        cancelled) the first cancelled one, so that search engines announce
        the date readers see.
        """
        if occurrence is None:
            upcoming = self.upcoming_occurrences()
            occurrence = next((o for o in upcoming if not o.cancelled), upcoming[0] if upcoming else None)
        start, end = (occurrence.start, occurrence.end) if occurrence else (self.start, self.end)
        modes = {
            "online": "https://schema.org/OnlineEventAttendanceMode",
            "offline": "https://schema.org/OfflineEventAttendanceMode",
            "mixed": "https://schema.org/MixedEventAttendanceMode",
        }
        data = {
            "@context": "https://schema.org",
            "@type": "Event",
            "name": self.title,
            "description": self.summary,
            "inLanguage": locales.by_id(self.locale_id).language_code,
            "url": self.full_url,
            "startDate": (start.date() if self.all_day else start).isoformat(),
            "endDate": (end.date() if self.all_day else end).isoformat(),
            "eventAttendanceMode": modes[self.attendance_mode],
            "eventStatus": "https://schema.org/EventCancelled"
            if occurrence and occurrence.cancelled
            else "https://schema.org/EventRescheduled"
            if occurrence and occurrence.moved
            else "https://schema.org/EventScheduled",
        }
        locations = []
        if self.venue_name or self.city:
            locations.append(
                {
                    "@type": "Place",
                    "name": self.venue_name or self.city,
                    "address": {
                        "@type": "PostalAddress",
                        "addressLocality": self.city,
                        "addressCountry": self.country.code,
                    },
                }
            )
        if self.online_url:
            locations.append({"@type": "VirtualLocation", "url": self.online_url})
        if locations:
            data["location"] = locations[0] if len(locations) == 1 else locations
        if self.organiser:
            data["organizer"] = {"@type": "Organization", "name": self.organiser}
        if picture := rendition_or_none(self.image, "fill-1200x630"):
            data["image"] = picture.full_url
        return data

    def google_calendar_url(self, occurrence):
        from urllib.parse import urlencode

        fmt = "%Y%m%d" if self.all_day else "%Y%m%dT%H%M%SZ"
        start = occurrence.start if self.all_day else occurrence.start.astimezone(datetime.UTC)
        end = occurrence.end if self.all_day else occurrence.end.astimezone(datetime.UTC)
        if self.all_day:
            end = end + datetime.timedelta(days=1)
        location = ", ".join(part for part in [self.venue_name, self.city, self.country.name or ""] if part)
        query = {
            "action": "TEMPLATE",
            "text": self.title,
            "dates": f"{start.strftime(fmt)}/{end.strftime(fmt)}",
            "details": f"{self.summary}\n\n{self.full_url}",
            "location": location or self.online_url,
            "ctz": self.time_zone,
        }
        return "https://calendar.google.com/calendar/render?" + urlencode(query)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Read the changes to single occurrences once for every expansion below.
        prefetch_related_objects([self], "occurrence_overrides")
        upcoming = self.upcoming_occurrences()
        expire_when_occurrences_change(upcoming, timezone.now())
        context["index"] = self.get_parent().specific
        page_cache.shows_page(context["index"])
        page_cache.depends_on("event-categories")
        context["upcoming"] = upcoming
        context["next_occurrence"] = next((o for o in upcoming if not o.cancelled), None)
        if context["next_occurrence"] is None:
            past = self.occurrences_between(datetime.datetime(FIRST_YEAR, 1, 1, tzinfo=datetime.UTC), timezone.now())
            context["last_occurrence"] = past[-1] if past else None
        return context

    def ical(self, request):
        """This event as iCalendar, served at <event>/event.ics (see events.views.serve_ics)."""
        events = EventPage.objects.filter(pk=self.pk).with_occurrence_data()
        return calendar_response(request, events, name=self.title, filename=f"{self.slug}.ics")


class EventOccurrenceOverride(TranslatableMixin, Orderable):
    """A change to one occurrence of a recurring event: left out, cancelled or moved."""

    class Status(models.TextChoices):
        EXCLUDED = "excluded", _("Left out (not shown)")
        CANCELLED = "cancelled", _("Cancelled (shown as cancelled)")
        MOVED = "moved", _("Moved to another date or time")

    page = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="occurrence_overrides")
    occurrence_date = models.DateField(
        _("date of the occurrence"), help_text=_("The date the occurrence would have had, in the event's time zone.")
    )
    status = models.CharField(_("change"), max_length=20, choices=Status.choices, default=Status.CANCELLED)
    new_date = models.DateField(_("new date"), null=True, blank=True)
    new_start_time = models.TimeField(
        _("new start time"), null=True, blank=True, help_text=_("In the event's time zone. Defaults to the usual time.")
    )
    note = models.CharField(_("note for readers"), max_length=255, blank=True)

    panels = [
        FieldRowPanel([FieldPanel("occurrence_date"), FieldPanel("status")]),
        FieldRowPanel([FieldPanel("new_date"), FieldPanel("new_start_time")]),
        FieldPanel("note"),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("change to an occurrence")
        verbose_name_plural = _("changes to occurrences")

    def __str__(self):
        return f"{self.occurrence_date}: {self.get_status_display()}"

    def clean(self):
        super().clean()
        if self.status == self.Status.MOVED and not self.new_date:
            raise ValidationError({"new_date": _("Say which date the occurrence moves to.")})


@receiver([post_save, post_delete], sender=EventOccurrenceOverride)
def relist_event(sender, instance, raw=False, **kwargs):
    """A date changed on its own (an import, a script) can move its event in the upcoming list."""
    if raw:
        return
    event = EventPage.objects.filter(pk=instance.page_id).for_expansion().first()
    if event is not None:
        event.set_listed_at()
        EventPage.objects.filter(pk=event.pk).update(
            listed_start=event.listed_start, listed_from=event.listed_from, listed_until=event.listed_until
        )
        # Saved on its own, not by publishing its event (which purges): the
        # month grids kept for the calendar show this date.
        path = Page.objects.filter(pk=event.pk).values_list("path", flat=True).get()
        parents = Page.objects.filter(path=path[: -Page.steplen]).values_list("pk", flat=True)
        page_cache.purge(EVENTS_TAG, f"page:{event.pk}", *(f"children:{pk}" for pk in parents))


class CalendarImport(models.Model):
    """An .ics file being imported in the background (events.imports), with its progress and outcome."""

    class Status(models.TextChoices):
        WAITING = "waiting", _("Waiting")
        RUNNING = "running", _("Importing")
        DONE = "done", _("Imported")
        FAILED = "failed", _("Failed")

    calendar = models.ForeignKey(EventIndexPage, verbose_name=_("calendar"), on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("user"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    data = models.BinaryField(_("file"))
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.WAITING)
    total = models.PositiveIntegerField(_("events in the file"), default=0)
    created = models.PositiveIntegerField(_("new events"), default=0)
    updated = models.PositiveIntegerField(_("updated events"), default=0)
    error = models.TextField(_("error"), blank=True)
    started_at = models.DateTimeField(_("started"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)

    class Meta:
        verbose_name = _("calendar import")
        verbose_name_plural = _("calendar imports")

    def __str__(self):
        return f"{self.calendar} {self.started_at:%Y-%m-%d %H:%M}"
