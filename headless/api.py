"""
The headless API's shared parts: the pages endpoint every section builds on
(public pages only, alternates, language-prefixed paths), the images and
documents endpoints limited to what public content uses, and helpers for the
section endpoints (parameters, pagination, errors).
"""

from dataclasses import dataclass, field
from urllib.parse import urlsplit

from django.conf import settings
from django.db.models import CharField, Max, Q, QuerySet, Subquery
from django.db.models.functions import Cast
from django.http import Http404
from django.utils import translation
from django.utils.http import http_date
from django.utils.translation import gettext as _
from rest_framework.fields import Field
from rest_framework.response import Response
from rest_framework.views import APIView
from taggit.managers import _TaggableManager
from wagtail import hooks
from wagtail.api.v2.serializers import PageSerializer
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.serializers import DocumentSerializer
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.serializers import ImageSerializer
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.models import Locale, Page, ReferenceIndex, Site

from home import locales
from home.visibility import public_pages

MAX_LIMIT = 100
# Hook name under which a section names the images or documents it shows
# readers outside pages: callable(model) -> ids of `model` objects.
PUBLIC_MEDIA_HOOK = "register_public_media"
# Ids and offsets beyond this cannot exist; past 2^63 the database itself would refuse them.
MAX_INTEGER = 2**31 - 1


@dataclass(frozen=True)
class Parameter:
    """A query parameter an endpoint accepts, for validation and the OpenAPI schema."""

    name: str
    description: str
    schema: dict = field(default_factory=lambda: {"type": "string"})


COMMON_PAGE_PARAMETERS = [
    Parameter(
        "locale",
        "Language of the pages: ar, en, es, fr, ru or zh-hans.",
        {"type": "string", "enum": ["ar", "en", "es", "fr", "ru", "zh-hans"]},
    ),
    Parameter(
        "translation_of",
        "Id of a page: list its translations (with locale, the one in that language).",
        {"type": "integer"},
    ),
    Parameter("type", "Page type(s), e.g. articles.ArticlePage (comma-separated).", {"type": "string"}),
    Parameter("fields", "Fields to include, e.g. title,intro or * or -detail_url.", {"type": "string"}),
    Parameter("search", "Full-text search.", {"type": "string", "maxLength": 1000}),
    Parameter("search_operator", "and or or.", {"type": "string", "enum": ["and", "or"]}),
    Parameter("order", "Field to order by; prefix with - for descending, or random.", {"type": "string"}),
    Parameter("child_of", "Id of the parent page (or root).", {"type": "string"}),
    Parameter("descendant_of", "Id of an ancestor page.", {"type": "integer"}),
    Parameter("ancestor_of", "Id of a descendant page.", {"type": "integer"}),
    Parameter(
        "limit", f"Items per page, at most {MAX_LIMIT}.", {"type": "integer", "minimum": 1, "maximum": MAX_LIMIT}
    ),
    Parameter("offset", "Items to skip.", {"type": "integer", "minimum": 0}),
]


def error(message, parameter=None, status=400):
    body = {"message": str(message)}
    if parameter:
        body["parameter"] = parameter
    return Response(body, status=status)


def language_codes():
    return [code for code, _name in settings.LANGUAGES]


class AlternatesField(Field):
    """
    Every live, public translation of a page: [{"locale", "url", "id"}]. In a
    listing, the translations of every item on the page are read in one query.
    """

    def get_attribute(self, instance):
        return instance

    def to_representation(self, page):
        if not page.pk:
            return []
        found = self.context.get("_alternates")
        if found is None or page.translation_key not in found:
            found = self.context["_alternates"] = alternates_of(
                self._pages_being_serialized(page), self.context.get("request")
            )
        return found.get(page.translation_key, [])

    def _pages_being_serialized(self, page):
        listing = self.root.instance
        if isinstance(listing, (list, QuerySet)):
            return [item for item in listing if getattr(item, "translation_key", None)] or [page]
        return [page]


def alternates_of(pages, request=None):
    """
    {translation key: [{"locale", "url", "id"}]} for the live, public
    translations of `pages`. With `request`, Wagtail reads the site roots once
    for all their URLs instead of once per page.
    """
    keys = {page.translation_key for page in pages}
    translations = public_pages(Page.objects.filter(translation_key__in=keys)).order_by("translation_key")
    found = {key: [] for key in keys}
    for other in translations:
        code = locales.by_id(other.locale_id).language_code
        found[other.translation_key].append({"locale": code, "url": other.get_full_url(request), "id": other.pk})
    for items in found.values():
        items.sort(key=lambda item: item["locale"])
    return found


class LocaleField(Field):
    """The page's language code, from the locales the process already knows (PageLocaleField queries per item)."""

    def get_attribute(self, instance):
        return instance

    def to_representation(self, page):
        return locales.by_id(page.locale_id).language_code


class NetworkPageSerializer(PageSerializer):
    alternates = AlternatesField(read_only=True)
    locale = LocaleField(read_only=True)


class NetworkPagesAPIViewSet(PagesAPIViewSet):
    """
    Wagtail's pages endpoint for anonymous front ends: live pages with no view
    restriction (whoever asks), an `alternates` list on every item, and
    `find/?html_path=` that understands language prefixes such as /fr/.
    """

    base_serializer_class = NetworkPageSerializer
    meta_fields = [*PagesAPIViewSet.meta_fields, "alternates"]
    listing_default_fields = [*PagesAPIViewSet.listing_default_fields, "alternates"]
    parameters = COMMON_PAGE_PARAMETERS

    def listing_view(self, request):
        response = super().listing_view(request)
        latest = self.get_base_queryset().aggregate(latest=Max("last_published_at"))["latest"]
        if latest:
            response["Last-Modified"] = http_date(latest.timestamp())
        return response

    def paginate_queryset(self, queryset):
        """The page of items, with what each item shows read for all of them at once (N+1 otherwise)."""
        items = list(super().paginate_queryset(queryset))
        if prepare := getattr(queryset.model, "prepare_for_listing", None):
            prepare(items)
        return items

    def detail_view(self, request, pk):
        response = super().detail_view(request, pk)
        instance = self.get_object()
        if instance.last_published_at:
            response["Last-Modified"] = http_date(instance.last_published_at.timestamp())
        return response

    def get_base_queryset(self):
        # Wagtail asks for this several times per request; it is the same answer.
        if not hasattr(self, "_base_queryset"):
            self._base_queryset = self._public_pages_in_site()
        return self._base_queryset

    def _public_pages_in_site(self):
        site = Site.find_for_request(self.request)
        public = public_pages(Page.objects.all())
        if site is not None:
            root_key = Page.objects.filter(pk=site.root_page_id).values("translation_key")[:1]
            in_site = Q(pk__in=[])
            for path in Page.objects.filter(translation_key=Subquery(root_key)).values_list("path", flat=True):
                in_site |= Q(path__startswith=path)
            public = public.filter(in_site)
        if "search" in self.request.GET:
            # A search backend can filter by a list of ids, not by a subquery.
            return Page.objects.live().filter(pk__in=list(public.values_list("pk", flat=True)))
        return Page.objects.live().filter(pk__in=public.values("pk"))

    def check_query_parameters(self, queryset):
        super().check_query_parameters(queryset)
        params = self.request.GET
        if (locale := params.get("locale")) and locale not in language_codes():
            raise BadRequestError(_("locale must be one of: %(codes)s.") % {"codes": ", ".join(language_codes())})
        for name in ("translation_of", "descendant_of", "ancestor_of", "offset", "limit", "id"):
            value = params.get(name)
            if value is not None and not (value.isascii() and value.isdigit() and int(value) <= MAX_INTEGER):
                raise BadRequestError(
                    _("%(name)s must be a whole number up to %(max)s.") % {"name": name, "max": MAX_INTEGER}
                )
        if (
            (child_of := params.get("child_of"))
            and child_of != "root"
            and not (child_of.isascii() and child_of.isdigit() and int(child_of) <= MAX_INTEGER)
        ):
            raise BadRequestError(_("child_of must be a page id or root."))
        if (operator := params.get("search_operator")) and operator not in ("and", "or"):
            raise BadRequestError(_("search_operator must be and or or."))

    def find_object(self, queryset, request):
        html_path = request.GET.get("html_path")
        if html_path is not None:
            return self.find_by_path(queryset, request, html_path)
        return super().find_object(queryset, request)

    def find_by_path(self, queryset, request, html_path):
        """Resolve /fr/in-focus/... (or a full URL) in the language its prefix names."""
        path = urlsplit(html_path).path
        components = [part for part in path.split("/") if part]
        language = translation.get_language_from_path(path)
        if language and components and components[0] == language:
            components = components[1:]
        else:
            language = settings.LANGUAGE_CODE
        site = Site.find_for_request(request)
        locale = Locale.objects.filter(language_code=language).first()
        if site is None or locale is None:
            return None
        home = site.root_page.get_translation_or_none(locale)
        if home is None:
            return None
        try:
            page, _args, _kwargs = home.specific.route(request, components)
        except Http404:
            return None
        return page if queryset.filter(pk=page.pk).exists() else None


def public_page_ids():
    return public_pages(Page.objects.all()).values("pk")


class UnsavedPageAPIViewSet(NetworkPagesAPIViewSet):
    """For the headless preview of a page being created: it has no id yet, so no `detail_url`."""

    meta_fields = [name for name in NetworkPagesAPIViewSet.meta_fields if name != "detail_url"]


class PrefetchedTagsField(Field):
    """Wagtail's TagsField, from tags prefetched with the listing instead of a query per item."""

    def to_representation(self, value):
        return sorted(tag.name for tag in value.all())


class PrefetchedTagsMixin:
    def build_property_field(self, field_name, model_class):
        if isinstance(getattr(model_class, field_name), _TaggableManager):
            return PrefetchedTagsField, {}
        return super().build_property_field(field_name, model_class)


class PublicImageSerializer(PrefetchedTagsMixin, ImageSerializer):
    pass


class PublicDocumentSerializer(PrefetchedTagsMixin, DocumentSerializer):
    pass


class WholeNumberPaginationMixin:
    """?offset= and ?limit= the database can take: 400 for ?offset=99999999999999999999, not a server error."""

    def check_query_parameters(self, queryset):
        super().check_query_parameters(queryset)
        for name in ("offset", "limit"):
            value = self.request.GET.get(name)
            if value is not None and not (value.isascii() and value.isdigit() and int(value) <= MAX_INTEGER):
                raise BadRequestError(
                    _("%(name)s must be a whole number up to %(max)s.") % {"name": name, "max": MAX_INTEGER}
                )


class PublicImagesAPIViewSet(WholeNumberPaginationMixin, ImagesAPIViewSet):
    """Only images that live, public content uses: never those of drafts, private pages or hidden profiles."""

    base_serializer_class = PublicImageSerializer
    parameters = [p for p in COMMON_PAGE_PARAMETERS if p.name in {"fields", "search", "order", "limit", "offset"}]

    def get_queryset(self):
        return super().get_queryset().filter(pk__in=used_by_public_content(self.model)).prefetch_related("tags")


class PublicDocumentsAPIViewSet(WholeNumberPaginationMixin, DocumentsAPIViewSet):
    base_serializer_class = PublicDocumentSerializer
    parameters = PublicImagesAPIViewSet.parameters

    def get_queryset(self):
        return super().get_queryset().filter(pk__in=used_by_public_content(self.model)).prefetch_related("tags")


def used_by_public_content(model):
    """
    Ids of `model` objects referenced by a live public page, or that a section
    shows outside pages (members' public photos) through PUBLIC_MEDIA_HOOK.
    """
    from django.contrib.contenttypes.models import ContentType

    page_type = ContentType.objects.get_for_model(Page)
    # Compared as text, which is how the reference index stores object ids; a
    # subquery, so that no list of every page id is built in Python.
    public_ids_as_text = public_page_ids().annotate(text_pk=Cast("pk", CharField())).values("text_pk")
    referenced = ReferenceIndex.objects.filter(
        to_content_type=ContentType.objects.get_for_model(model),
        base_content_type=page_type,
        object_id__in=Subquery(public_ids_as_text),
    ).values_list("to_object_id", flat=True)
    ids = {int(pk) for pk in referenced if str(pk).isdigit()}
    for shown_elsewhere in hooks.get_hooks(PUBLIC_MEDIA_HOOK):
        ids |= set(shown_elsewhere(model))
    return ids


def paginate(request, items):
    """(page of items, total) for ?limit= (at most 100) and ?offset=, or raise BadRequestError."""
    limit_value = request.GET.get("limit", "20")
    offset_value = request.GET.get("offset", "0")
    if not (limit_value.isascii() and limit_value.isdigit()) or not 1 <= int(limit_value) <= MAX_LIMIT:
        raise BadRequestError(_("limit must be a whole number from 1 to %(max)s.") % {"max": MAX_LIMIT})
    if not (offset_value.isascii() and offset_value.isdigit()) or int(offset_value) > MAX_INTEGER:
        raise BadRequestError(_("offset must be a whole number up to %(max)s.") % {"max": MAX_INTEGER})
    limit, offset = int(limit_value), int(offset_value)
    total = len(items) if isinstance(items, list) else items.count()
    return items[offset : offset + limit], total


def check_known(request, known):
    unknown = sorted(set(request.GET) - set(known) - {"format"})
    if unknown:
        raise BadRequestError(_("Unknown parameter(s): %(names)s.") % {"names": ", ".join(unknown)})


class SectionAPIView(APIView):
    """
    Base for endpoints that are not a listing of one Wagtail model (events'
    occurrences, members, the map): anonymous, read-only, with the same error
    body as Wagtail's endpoints for bad parameters.
    """

    authentication_classes = []
    permission_classes = []
    parameters = []

    def handle_exception(self, exc):
        if isinstance(exc, BadRequestError):
            return error(exc)
        return super().handle_exception(exc)

    def get(self, request):
        check_known(request, {p.name for p in self.parameters})
        return Response(self.get_data(request))

    def get_data(self, request):
        raise NotImplementedError

    def locale(self, request):
        code = request.GET.get("locale", settings.LANGUAGE_CODE)
        if code not in language_codes():
            raise BadRequestError(_("locale must be one of: %(codes)s.") % {"codes": ", ".join(language_codes())})
        return Locale.objects.get(language_code=code)


LOCALE_PARAMETER = COMMON_PAGE_PARAMETERS[0]
LIMIT_PARAMETERS = [p for p in COMMON_PAGE_PARAMETERS if p.name in ("limit", "offset")]
