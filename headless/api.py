"""
The headless API's shared parts: the pages endpoint every section builds on
(public pages only, alternates, language-prefixed paths), the images and
documents endpoints limited to what public content uses, and helpers for the
section endpoints (parameters, pagination, errors).
"""

import copy
from urllib.parse import urlencode, urlsplit

from django.conf import settings
from django.db import connections
from django.db.models import CharField, Q, QuerySet, Subquery
from django.db.models.functions import Cast
from django.http import Http404
from django.urls import NoReverseMatch
from django.utils import translation
from django.utils.functional import SimpleLazyObject
from django.utils.http import http_date
from rest_framework.fields import Field, SkipField
from rest_framework.renderers import BrowsableAPIRenderer
from rest_framework.response import Response
from rest_framework.views import APIView
from taggit.managers import _TaggableManager
from wagtail import hooks
from wagtail.api.v2.serializers import DetailUrlField as WagtailDetailUrlField
from wagtail.api.v2.serializers import PageHtmlUrlField, PageParentField, PageSerializer, RelatedField, StreamField
from wagtail.api.v2.utils import get_object_detail_url, page_models_from_string
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.serializers import DocumentSerializer
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.fields import ImageRenditionField
from wagtail.images.api.v2.serializers import ImageSerializer
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.images.models import SourceImageIOError
from wagtail.images.utils import to_svg_safe_spec
from wagtail.models import Locale, Page, ReferenceIndex, Site, get_page_models

from headless.page_urls import PageUrls
from home import links, locales, page_cache
from home.blocks import api_representation
from home.parameters import (
    FORMAT,
    PAGINATION,
    Choice,
    DeclaredParametersMixin,
    Integer,
    Parameters,
    Text,
    language,
)
from home.prepared import PreparedQuery
from home.renditions import rendition
from home.routing import site_for_request
from home.visibility import public_pages

# Hook name under which a section names the images or documents it shows
# readers outside pages: callable(model) -> ids of `model` objects.
PUBLIC_MEDIA_HOOK = "register_public_media"

PAGE_PARAMETERS = Parameters(
    language("locale", "Language of the pages."),
    Integer(
        "translation_of", "Id of a page: list its translations (with locale, the one in that language).", minimum=1
    ),
    Choice(
        "type",
        "Page type(s), e.g. articles.ArticlePage (comma-separated).",
        choices=lambda: [model._meta.label for model in get_page_models()],
        separator=",",
    ),
    Text("fields", "Fields to include, e.g. title,intro or * or -detail_url.", max_length=1000),
    Text("search", "Full-text search.", max_length=1000),
    Choice("search_operator", "How search words combine.", choices=("and", "or")),
    Text("order", "Field to order by; prefix with - for descending, or random.", max_length=200),
    Integer("child_of", "Id of the parent page (or root).", minimum=1, words=("root",)),
    Integer("descendant_of", "Id of an ancestor page.", minimum=1),
    Integer("ancestor_of", "Id of a descendant page.", minimum=1),
    Text("slug", "The page's slug.", max_length=255),
    *PAGINATION,
    FORMAT,
)
DETAIL_PARAMETERS = PAGE_PARAMETERS.only("fields", "format")
FIND_PARAMETERS = Parameters(
    Text("html_path", "Path with its language prefix, e.g. /fr/in-focus/.", max_length=2000),
    Integer("id", "Id of the object.", minimum=1),
    *DETAIL_PARAMETERS,
)


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
    translations of `pages`. With `request`, the site roots are read once for
    all their URLs instead of once per page. Each page's list is kept in the
    shared cache (home.page_cache.remembered_many) under its translations'
    tag, which publishing, unpublishing, moving or restricting any of them
    purges, and the sites' tag (the addresses start with a site's root).
    """
    host = f"{request.scheme}://{request.get_host()}" if request is not None else ""
    items = {f"api-alternates:{page.translation_key}:{host}": page.translation_key for page in pages}
    found = {}

    def alternates(key):
        page_cache.depends_on(f"translations:{key}", "sites")
        return found[key]

    def prepare(keys):
        found.update(read_alternates([page for page in pages if page.translation_key in keys], request))

    kept = page_cache.remembered_many(items, alternates, prepare=prepare)
    return {key: kept[item_key] for item_key, key in items.items()}


def read_alternates(pages, request=None):
    """
    {translation key: [{"locale", "url", "id"}]} for `pages`, read now (see
    alternates_of), for a caller that keeps the answer under the same tags.
    """
    translations = _translations_of(sorted({page.pk for page in pages}))
    urls = PageUrls.for_request(request)
    found = {page.translation_key: [] for page in pages}
    for key, locale_id, url_path, pk in translations:
        code = locales.by_id(locale_id).language_code
        found[key].append({"locale": code, "url": urls.full_url(url_path), "id": pk})
    for alternates in found.values():
        alternates.sort(key=lambda item: item["locale"])
    return found


class DetailUrlField(WagtailDetailUrlField):
    """
    Wagtail's detail_url, reversed once per model in a request rather than
    once per item: the URL of an object with a made-up id, in which each
    item's id takes the made-up one's place.
    """

    MADE_UP_ID = 9876543210

    def get_attribute(self, instance):
        known = self.context.setdefault("_detail_urls", {})
        model = type(instance)
        if model not in known:
            url = get_object_detail_url(self.context["router"], self.context["request"], model, self.MADE_UP_ID)
            known[model] = url.split(str(self.MADE_UP_ID)) if url and url.count(str(self.MADE_UP_ID)) == 1 else url
        parts = known[model]
        if not parts:
            raise SkipField
        if isinstance(parts, str):  # not a URL the id can be slotted into: Wagtail's way
            return super().get_attribute(instance)
        return f"{parts[0]}{instance.pk}{parts[1]}"


class LocaleField(Field):
    """The page's language code, from the locales the process already knows (PageLocaleField queries per item)."""

    def get_attribute(self, instance):
        return instance

    def to_representation(self, page):
        return locales.by_id(page.locale_id).language_code


class HtmlUrlField(PageHtmlUrlField):
    """
    Wagtail's html_url, with the site root paths read once per request: the
    `full_url` property reads them from the shared cache (a Redis round trip
    in production) once per item. Pages that route as Wagtail's base Page
    does get theirs from PageUrls, which resolves each site root once.
    """

    def to_representation(self, page):
        request = self.context.get("request")
        if type(page).get_url_parts is Page.get_url_parts:
            return PageUrls.for_request(request).full_url(page.url_path)
        try:
            return page.get_full_url(request)
        except NoReverseMatch:
            return None


class RenditionField(ImageRenditionField):
    """
    Wagtail's ImageRenditionField, reading a prefetched rendition without
    writing it back to the shared cache (see home.renditions.rendition).
    """

    def to_representation(self, image):
        # Listed articles share few pictures: each is looked up once per request.
        known = self.context.setdefault("_renditions", {})
        key = (image.pk, self.filter_spec, self.preserve_svg)
        if key not in known:
            known[key] = self._represent(image)
        return dict(known[key])

    def _represent(self, image):
        filter_spec = self.filter_spec
        if self.preserve_svg and image.is_svg():
            filter_spec = to_svg_safe_spec(filter_spec)
        try:
            thumbnail = rendition(image, filter_spec)
        except SourceImageIOError:
            return {"error": "SourceImageIOError"}
        return {
            "url": thumbnail.url,
            "full_url": thumbnail.full_url,
            "width": thumbnail.width,
            "height": thumbnail.height,
            "alt": thumbnail.alt,
        }


class ReachablePageField(RelatedField):
    """
    Wagtail's nested object for a foreign key; for a page an editor chose (a
    featured article, a button's page) its id, type, addresses and title, or
    null while readers may not see it, so as not to give them away.
    """

    def get_attribute(self, instance):
        related = super().get_attribute(instance)
        if isinstance(related, Page) and related.pk not in links.reachable_ids([related]):
            return None
        return related


class ReachableLinksStreamField(StreamField):
    """Wagtail's StreamField serializer, less the blocks that link a page readers may not see (home.blocks)."""

    def to_representation(self, value):
        return api_representation(value, context=self.context)


class ParentField(PageParentField):
    """
    Wagtail's parent field (the parent, if among the pages the endpoint
    serves), in one query compiled once per process rather than two built
    for each page (NetworkPagesAPIViewSet.public_parent).
    """

    def get_attribute(self, instance):
        view = self.context.get("view")
        if not instance.pk or (instance.depth or 0) <= 1 or not isinstance(view, NetworkPagesAPIViewSet):
            return super().get_attribute(instance)
        return view.public_parent(instance)


class NetworkPageSerializer(PageSerializer):
    parent = ParentField(read_only=True)
    detail_url = DetailUrlField(read_only=True)
    alternates = AlternatesField(read_only=True)
    locale = LocaleField(read_only=True)
    html_url = HtmlUrlField(read_only=True)

    def get_fields(self):
        # DRF builds every field from the model's metadata for each serializer
        # (each request); they depend on the class alone: built once, copied.
        prototypes = type(self).__dict__.get("_field_prototypes")
        if prototypes is None:
            prototypes = self._build_fields()
            type(self)._field_prototypes = prototypes
        return copy.deepcopy(prototypes)

    def _build_fields(self):
        fields = super().get_fields()
        for field in fields.values():
            # Models declare their pictures with Wagtail's field (APIField's
            # serializer); each serializer gets its own copy to change.
            if type(field) is ImageRenditionField:
                field.__class__ = RenditionField
            elif type(field) is StreamField:
                field.__class__ = ReachableLinksStreamField
            elif type(field) is RelatedField:
                field.__class__ = ReachablePageField
        return fields


class DeclaredAPIViewSetMixin(DeclaredParametersMixin):
    """A Wagtail API viewset whose listing, detail and find views each read their declared parameters."""

    parameters = PAGE_PARAMETERS
    detail_parameters = DETAIL_PARAMETERS
    find_parameters = FIND_PARAMETERS

    def get_declared_parameters(self):
        return {"detail_view": self.detail_parameters, "find_view": self.find_parameters}.get(
            self.action, self.parameters
        )

    def check_query_parameters(self, queryset):
        """Already done, against the declaration, before the view ran."""

    # {(endpoint, model, fields asked for, ...): serializer class}. Wagtail
    # builds the class anew for every request; it depends on code alone.
    _serializer_classes = {}

    @classmethod
    def _get_serializer_class(cls, router, model, fields_config, show_details=False, nested=False):
        key = (cls, router, model, _hashable(fields_config), show_details, nested)
        built = cls._serializer_classes.get(key)
        if built is None:
            built = super()._get_serializer_class(router, model, fields_config, show_details, nested)
            if len(cls._serializer_classes) >= 256:  # `fields` is the client's choice: bounded
                cls._serializer_classes.clear()
            cls._serializer_classes[key] = built
        return built

    def get_renderer_context(self):
        # Wagtail indents every response by four spaces, which also makes
        # Python's json fall back from its C encoder to the pure-Python one
        # (a fifth of an API list's CPU). Machines get compact JSON; people
        # get the indented browsable page, and a client can still ask with
        # `Accept: application/json; indent=4`.
        context = super().get_renderer_context()
        if not isinstance(getattr(self.request, "accepted_renderer", None), BrowsableAPIRenderer):
            context.pop("indent", None)
        return context


def _hashable(fields_config):
    """Wagtail's parsed `fields` parameter (nested lists of tuples) as nested tuples."""
    if isinstance(fields_config, (list, tuple)):
        return tuple(_hashable(item) for item in fields_config)
    return fields_config


class NetworkPagesAPIViewSet(DeclaredAPIViewSetMixin, PagesAPIViewSet):
    """
    Wagtail's pages endpoint for anonymous front ends: live pages with no view
    restriction (whoever asks), an `alternates` list on every item, and
    `find/?html_path=` that understands language prefixes such as /fr/.
    """

    base_serializer_class = NetworkPageSerializer
    meta_fields = [*PagesAPIViewSet.meta_fields, "alternates"]
    listing_default_fields = [*PagesAPIViewSet.listing_default_fields, "alternates"]
    # Keep each item of a default listing as a part in the shared cache (see
    # kept_items): for endpoints whose items declare all they show in item_tags.
    keep_items = False
    # Columns a default listing never shows, left unread there (a body's JSON).
    listing_defer = ()

    def listing_view(self, request):
        key = self.prepared_key()
        if self.keep_items and "fields" not in request.GET:
            if key is None:
                items = self.paginate_queryset(self.default_listing(), prepare=False)
            else:
                items = self.prepared_page((*key, "default"), self.default_listing)
            response = self.get_paginated_response(self.kept_items(items))
        elif key is not None:
            # Wagtail's listing_view, by prepared queries.
            items = self.prepared_page((*key, "whole"), lambda: self.filter_queryset(self.get_queryset()))
            self.prepare_for_listing(items)
            response = self.get_paginated_response(self.get_serializer(items, many=True).data)
        else:
            response = super().listing_view(request)
        # No Last-Modified: no date says when a list last changed (a page
        # unpublished or restricted leaves it at an older publication, and a
        # client asking If-Modified-Since would keep the page); the ETag, of
        # the body, answers conditional requests.
        return response

    def default_listing(self):
        """The filtered queryset of a listing without `fields`, less the columns it never shows."""
        queryset = self.filter_queryset(self.get_queryset())
        if self.listing_defer and isinstance(queryset, QuerySet):
            queryset = queryset.defer(*self.listing_defer)
        return queryset

    def paginate_queryset(self, queryset, prepare=True):
        """
        The page of items, with what each item shows read for all of them at
        once (N+1 otherwise), and the list's total count (see list_parts).
        """
        offset, limit = self.params["offset"], self.params["limit"]
        self._set_list_parts(queryset.count)
        items = list(queryset[offset : offset + limit])
        if prepare:
            self.prepare_for_listing(items)
        return items

    def _set_list_parts(self, count):
        self._list_parts = self.list_parts(count)
        paginator = self.paginator
        paginator.view = self
        paginator.total_count = self._list_parts["total_count"]

    # Parameters of a default listing whose values go into its SQL only as
    # parameters or literals (no page looked up to build it), so that the
    # SQL is known from them and the site's roots (prepared_key).
    PREPARED_PARAMETERS = frozenset(("limit", "offset", "format"))

    def prepared_key(self):
        """
        What a default listing's queries are built from (the endpoint, its
        parameters, the site's roots), or None where that is not all.
        """
        get = self.request.GET
        if not set(get) <= self.PREPARED_PARAMETERS:
            return None
        return (type(self), tuple(sorted((name, tuple(get.getlist(name))) for name in get)), self._site_roots())

    def prepared_page(self, key, build):
        """
        paginate_queryset(build()) without preparing the items, by queries
        compiled once per process under `key` (see prepared_key; home.prepared):
        building and compiling them cost more CPU than PostgreSQL takes to
        answer. `build` is called only to compile them.
        """
        offset, limit = self.params["offset"], self.params["limit"]
        built = []

        def listing():
            if not built:
                built.append(build())
            return built[0]

        self._set_list_parts(lambda: _prepared_count(key, listing))
        return _prepared((*key, "page", offset, limit), lambda: listing()[offset : offset + limit])

    # Parameters that choose which of a list's items are shown and how, not
    # which pages it holds: left out of the key of the kept count.
    NOT_COUNTED = frozenset(("limit", "offset", "fields", "order", "format"))

    def count_tags(self):
        """The page cache's tags of what decides which pages a list holds (see list_parts)."""
        return ["pages", "sites"]

    def list_parts(self, count):
        """
        {"total_count"}: how many pages the filtered list holds. Counting reads
        every page the filters let through (every public page of the site by
        default), and its answer changes only when a page changes ("pages":
        home.page_cache.purge_page purges it with any page) or a site does, so
        it is kept as a part in the shared cache under the endpoint and the
        parameters that filter the list. A search's count comes from the
        search backend, which no tag purges: it is counted every time.
        `count()` counts the list.
        """
        if "search" in self.request.GET:
            return {"total_count": count()}
        site = site_for_request(self.request)
        site_key = site.pk if site is not None else "none"
        filters = sorted(
            (name, value)
            for name, values in self.request.GET.lists()
            if name not in self.NOT_COUNTED
            for value in values
        )

        def compute():
            page_cache.depends_on(*self.count_tags())
            return count()

        key = f"api-count:{self.endpoint_key()}:{site_key}:{urlencode(filters)}"
        return {"total_count": page_cache.remembered(key, compute)}

    @classmethod
    def endpoint_key(cls):
        """
        The endpoint in the shared cache's keys: its class (DRF's as_view
        sets every viewset's `name` to None, so `name` cannot tell them apart).
        """
        return f"{cls.__module__}.{cls.__qualname__}"

    def prepare_for_listing(self, items):
        if items and (prepare := getattr(type(items[0]), "prepare_for_listing", None)):
            prepare(items)

    def item_tags(self, page):
        """The page cache's tags of what an item of a default listing shows (its own row, alternates, URLs)."""
        return [f"page:{page.pk}", f"translations:{page.translation_key}", "sites"]

    def kept_items(self, pages):
        """
        The serialized items of `pages`, each kept as a part in the shared
        cache (home.page_cache.remembered_many) under item_tags and the tags
        its serialization declares (a linked author's profile), so a listing
        serializes and reads the extras (topics, authors, renditions,
        alternates) only of the items missing. The key names the language
        (labels, profile links) and the host the URLs start with; only default
        listings come here, as `fields` may ask for anything a page holds.
        """
        request = self.request
        variant = f"{translation.get_language()}:{request.scheme}://{request.get_host()}"
        items = {f"api-item:{self.endpoint_key()}:{page.pk}:{variant}": page for page in pages}
        serializer = None

        def prepare(missing):
            # Wagtail builds a serializer class per request: only when an item needs it.
            nonlocal serializer
            serializer = self.get_serializer(missing, many=True)
            self.prepare_for_listing(missing)
            # Read here rather than through alternates_of: each item is kept
            # under its translations' tag and the sites' (item_tags), which
            # purge whatever its alternates show, so parts of their own would
            # only be written, never read, while the item is kept.
            serializer.context["_alternates"] = read_alternates(missing, request)

        def compute(page):
            page_cache.depends_on(*self.item_tags(page))
            return serializer.child.to_representation(page)

        kept = page_cache.remembered_many(items, compute, prepare=prepare)
        return [kept[key] for key in items]

    def detail_view(self, request, pk):
        response = super().detail_view(request, pk)
        instance = self.get_object()
        if instance.last_published_at:
            response["Last-Modified"] = http_date(instance.last_published_at.timestamp())
        return response

    # Beyond Wagtail's own lookup: a page id's digits may not fit the column.
    LARGEST_ID = 2**31 - 1

    def get_object(self):
        """
        Wagtail's (the filtered queryset's page with the URL's id, specific),
        by a query compiled once per process (see prepared_page): a detail
        view takes only `fields` and `format`, which filter nothing.
        """
        if self.action != "detail_view" or int(self.kwargs["pk"]) > self.LARGEST_ID:
            return super().get_object()
        if not hasattr(self, "_prepared_object"):
            found = _prepared(
                ("detail", type(self), self._site_roots()),
                lambda pk: self.filter_queryset(self.get_queryset()).order_by().filter(pk=pk),
                int(self.kwargs["pk"]),
            )
            if not found:
                raise Http404
            page = found[0]
            self.check_object_permissions(self.request, page)
            page = page.specific
            if prepare := getattr(type(page), "prepare_for_detail", None):
                prepare(page)
            self._prepared_object = page
        return self._prepared_object

    def public_parent(self, page):
        """`page`'s parent if it is among the pages this endpoint serves (see get_base_queryset), else None."""
        found = _prepared(
            ("parent", type(self), self._site_roots()),
            lambda path: self.get_base_queryset().filter(path=path),
            page.path[: -page.steplen],
        )
        return found[0] if found else None

    def get_serializer_class(self):
        if self.action == "listing_view" and not hasattr(self, "_queryset") and self.prepared_key() is not None:
            # Wagtail reads the model off the queryset, which a prepared list
            # does not build: without `type` or `search`, the endpoint's own.
            return self._get_serializer_class(self.request.wagtailapi_router, self.model, [], show_details=False)
        return super().get_serializer_class()

    def get_serializer_context(self):
        context = super().get_serializer_context()
        # Wagtail's parent field reads it, ours does not (ParentField): built if asked.
        context["base_queryset"] = SimpleLazyObject(self.get_base_queryset)
        return context

    def get_base_queryset(self):
        # Wagtail asks for this several times per request; it is the same answer.
        if not hasattr(self, "_base_queryset"):
            self._base_queryset = self.public_in_site(Page)
        return self._base_queryset

    def get_queryset(self):
        # Wagtail asks twice in a listing (the second time for its model only).
        if not hasattr(self, "_queryset"):
            self._queryset = self.pages_queryset()
        return self._queryset

    def pages_queryset(self):
        """The pages this endpoint lists, before the listing's filters and its page of items."""
        # Wagtail narrows a specific model to `pk IN (every public page)`:
        # the same filters on the model's own query instead, which PostgreSQL
        # plans as one scan of the model's rows joined to their page rows.
        if "search" in self.request.GET:
            return super().get_queryset()
        models = page_models_from_string(self.request.GET["type"]) if self.request.GET.get("type") else []
        if len(models) > 1:
            return super().get_queryset()
        return self.public_in_site(models[0] if models else self.model)

    def public_in_site(self, model):
        """
        The live pages of `model` that anonymous readers may see, under one
        of the roots of the request's site (its home page in every language):
        plain conditions on the model's own rows, so PostgreSQL can walk an
        index in the list's order and stop at the page asked for.
        """
        public = public_pages(model.objects.all()).filter(self._in_site())
        if "search" in self.request.GET:
            # A search backend can filter by a list of ids, not by a subquery.
            return model.objects.live().filter(pk__in=list(public.values_list("pk", flat=True)))
        return public

    def _in_site(self):
        if not hasattr(self, "_site_filter"):
            roots = self._site_roots()
            in_site = Q()
            if roots is not None:
                in_site = Q(pk__in=[])
                for path in roots:
                    in_site |= Q(path__startswith=path)
            self._site_filter = in_site
        return self._site_filter

    def _site_roots(self):
        """The paths of the request's site's home page in every language, or None without a site."""
        if not hasattr(self, "_roots"):
            # The site from the shared cache (home.routing): Wagtail's lookup is a query of its own.
            site = site_for_request(self.request)
            self._roots = tuple(_root_paths(site.root_page_id)) if site is not None else None
        return self._roots

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


@PreparedQuery
def _root_paths(root_page_id):
    root_key = Page.objects.filter(pk=root_page_id).values("translation_key")[:1]
    return Page.objects.filter(translation_key=Subquery(root_key)).order_by("path").values_list("path", flat=True)


# {key: PreparedQuery or (alias, SQL, parameters)}: the lists' queries, each
# compiled once per process under a key naming all it is built from. Keys
# name parameters clients choose: bounded.
_PREPARED_MAX = 300
_prepared_queries = {}


def _remember_prepared(key, make):
    found = _prepared_queries.get(key)
    if found is None:
        if len(_prepared_queries) >= _PREPARED_MAX:
            _prepared_queries.clear()
        found = _prepared_queries[key] = make()
    return found


def _prepared(key, build, *values):
    """
    The rows of `build(*values)`, by SQL compiled once per process under
    `key`, which names all that `build` reads besides `values` (ints, or
    strings compared whole, so that the SQL never needs building again).
    Only the compiled SQL is kept, not `build`, which holds a request.
    """
    query = _prepared_queries.get(key)
    if query is not None:
        return query(*values)
    query = PreparedQuery(build)
    rows = query(*values)
    query.build = None
    _remember_prepared(key, lambda: query)
    return rows


def _prepared_count(key, build):
    """How many rows the queryset `build()` holds, counted by SQL compiled once for `key`."""
    alias, sql, params = _remember_prepared(
        (*key, "count"), lambda: (build().db, *build().order_by().values("pk").query.sql_with_params())
    )
    with connections[alias].cursor() as cursor:
        # `sql` is what Django compiled, its values bound as parameters.
        cursor.execute(f"SELECT COUNT(*) FROM ({sql}) AS counted", params)  # noqa: S608
        return cursor.fetchone()[0]


@PreparedQuery
def _translations_of(page_ids):
    # Only what an alternate shows, as plain values: a page object per
    # translation costs more to build than the rest of a listing item. The
    # pages by id (a translation key is no value a prepared query takes).
    keys = Page.objects.filter(pk__in=page_ids).values("translation_key")
    return (
        public_pages(Page.objects.filter(translation_key__in=keys))
        .order_by("translation_key")
        .values_list("translation_key", "locale_id", "url_path", "pk")
    )


def public_page_ids():
    return public_pages(Page.objects.all()).values("pk")


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
    detail_url = DetailUrlField(read_only=True)


class PublicDocumentSerializer(PrefetchedTagsMixin, DocumentSerializer):
    detail_url = DetailUrlField(read_only=True)


class PublicImagesAPIViewSet(DeclaredAPIViewSetMixin, ImagesAPIViewSet):
    """Only images that live, public content uses: never those of drafts, private pages or hidden profiles."""

    base_serializer_class = PublicImageSerializer
    parameters = PAGE_PARAMETERS.only("fields", "search", "search_operator", "order", "limit", "offset", "format")

    def get_queryset(self):
        return super().get_queryset().filter(pk__in=used_by_public_content(self.model)).prefetch_related("tags")


class PublicDocumentsAPIViewSet(DeclaredAPIViewSetMixin, DocumentsAPIViewSet):
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


class SectionAPIView(DeclaredParametersMixin, APIView):
    """
    Base for endpoints that are not a listing of one Wagtail model (events'
    occurrences, members, the map): anonymous, read-only, reading the
    parameters it declares into `self.params`.
    """

    authentication_classes = []
    permission_classes = []

    def get(self, request):
        return Response(self.get_data(request))

    def get_data(self, request):
        raise NotImplementedError

    def locale(self):
        return Locale.objects.get(language_code=self.params["locale"] or settings.LANGUAGE_CODE)
