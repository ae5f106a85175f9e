import re

from django.conf import settings
from django.http import JsonResponse
from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware
from django.shortcuts import render
from django.utils.cache import get_conditional_response, patch_cache_control, set_response_etag
from django.utils.datastructures import MultiValueDictKeyError
from django.utils.http import parse_http_date_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy


class RejectNulCharactersMiddleware:
    """
    Answer 400 to requests whose path, query string or form fields contain a
    NUL character. PostgreSQL cannot store or compare text containing NUL, so
    such values would otherwise turn into server errors wherever they reach a
    query (filters, slugs, search).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if self.contains_nul(request):
            message = _("The request contains a NUL character, which is not allowed.")
            if request.path.startswith("/api/"):
                return JsonResponse({"message": str(message)}, status=400)
            return render(request, "400.html", {"message": message}, status=400)
        return self.get_response(request)

    @staticmethod
    def contains_nul(request):
        if "\x00" in request.path:
            return True
        values = [*request.GET.keys(), *(v for _k, vs in request.GET.lists() for v in vs)]
        if request.method == "POST" and request.content_type in (
            "application/x-www-form-urlencoded",
            "multipart/form-data",
        ):
            values += [*request.POST.keys(), *(v for _k, vs in request.POST.lists() for v in vs)]
        return any("\x00" in value for value in values)


class APICachingMiddleware:
    """
    HTTP caching for the headless API: Cache-Control on every GET, an ETag
    from the body, and 304 for conditional requests that match the ETag or
    the Last-Modified date an endpoint sets. Responses for signed-in users,
    previews and staff endpoints are private and never stored.
    """

    PRIVATE_PREFIXES = ("/api/v2/preview/", "/api/v2/translation-status/")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if not request.path.startswith("/api/") or request.method not in ("GET", "HEAD"):
            return response
        private = request.path.startswith(self.PRIVATE_PREFIXES) or request.user.is_authenticated
        if private:
            patch_cache_control(response, private=True, no_store=True)
            return response
        if response.status_code != 200 or getattr(response, "streaming", False):
            return response
        patch_cache_control(response, public=True, max_age=settings.API_CACHE_SECONDS)
        if not response.has_header("ETag"):
            set_response_etag(response)
        return get_conditional_response(
            request,
            etag=response.get("ETag"),
            last_modified=parse_http_date_safe(response["Last-Modified"])
            if response.has_header("Last-Modified")
            else None,
            response=response,
        )


class LocaleMiddleware(DjangoLocaleMiddleware):
    """
    Django's, except that a 404 outside the language-prefixed site (the API,
    the admin, documents) stays a 404 instead of being redirected to /en/…,
    which Wagtail's catch-all page route would otherwise always accept.
    """

    unprefixed = ("/api/", "/admin/", "/documents/", "/django-admin/")

    def process_response(self, request, response):
        if request.path_info.startswith(self.unprefixed):
            return response
        return super().process_response(request, response)


class PermissionsPolicyMiddleware:
    """
    Permissions-Policy on every response (first in MIDDLEWARE, so static
    files get it too): the site uses no camera, microphone, location,
    payment or other device features, and neither may anything it embeds.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.header = ", ".join(f"{feature}=()" for feature in settings.PERMISSIONS_POLICY_DENIED)

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", self.header)
        return response


class RejectMalformedHeadersMiddleware:
    """
    Answer 400 to a Cookie header with control characters (no browser sends
    them; RFC 6265) and to an Accept-Language header that is not a list of
    language tags with optional weights, instead of letting them reach the
    session, CSRF and language negotiation. Tags are read leniently (`en_US`,
    `q=.5`) so that no real browser is turned away.
    """

    CONTROL = re.compile(r"[\x00-\x08\x0a-\x1f\x7f]")
    LANGUAGE_RANGE = re.compile(
        r"\s*(?:\*|[A-Za-z]{1,8}(?:[-_][A-Za-z0-9]{1,8}){0,8})(?:\s*;\s*[qQ]\s*=\s*(?:[01](?:\.[0-9]{0,3})?|\.[0-9]{1,3}))?\s*"
    )
    MAX_ACCEPT_LANGUAGE = 1000

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if self.CONTROL.search(request.META.get("HTTP_COOKIE", "")):
            return self.reject(
                request, gettext_lazy("The Cookie header contains control characters. Clear this site's cookies.")
            )
        if not self.valid_accept_language(request.META.get("HTTP_ACCEPT_LANGUAGE", "")):
            return self.reject(
                request,
                gettext_lazy("The Accept-Language header is malformed. Check the language settings of your browser."),
            )
        return self.get_response(request)

    def valid_accept_language(self, header):
        if len(header) > self.MAX_ACCEPT_LANGUAGE:
            return False
        return all(not item.strip() or self.LANGUAGE_RANGE.fullmatch(item) for item in header.split(","))

    @staticmethod
    def reject(request, message):
        from home.errors import bad_request

        return bad_request(request, message=message)


class IncompleteFormMiddleware:
    """
    A POST that lacks a field its view reads by name (a StreamField's
    `body-count`, hand-made or cut short) raises MultiValueDictKeyError while
    the form is read, before anything is saved: answer 400, not 500.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if request.method == "POST" and isinstance(exception, MultiValueDictKeyError):
            from home.errors import bad_request

            return bad_request(
                request, message=gettext_lazy("The form arrived incomplete. Reload the page and send it again.")
            )
        return None
