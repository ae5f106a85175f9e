"""
Telling people that search is running on the database: the site search page
and the search API carry the notice in their response; for Wagtail's own
search (the admin, the pages API's ?search=) this middleware knows the request
that is being answered.
"""

from contextvars import ContextVar

from django.contrib import messages
from django.utils.translation import gettext as _

FALLBACK_HEADER = "X-Search-Backend"

_current_request = ContextVar("search_request", default=None)


def notice():
    return _("Search is running in a simpler mode right now: results may be less complete. Please try again later.")


def fell_back():
    """Called when a search was answered by the database because the engine failed."""
    request = _current_request.get()
    if request is None or getattr(request, "search_fell_back", False):
        return
    request.search_fell_back = True
    # The admin shows messages at the top of the next page it renders: this one,
    # unless it only refreshes a listing's results, which have no message area.
    if request.path.startswith("/admin/") and not request.path.rstrip("/").endswith("/results"):
        messages.warning(request, notice(), fail_silently=True)


class SearchNoticeMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _current_request.set(request)
        try:
            response = self.get_response(request)
        finally:
            _current_request.reset(token)
        if getattr(request, "search_fell_back", False):
            # For API clients, which read no page: the answer came from the database.
            response[FALLBACK_HEADER] = "database"
        return response
