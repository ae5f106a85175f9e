"""
Full URLs of many pages at once, equal to Wagtail's `Page.get_full_url(request)`
for pages of the base Page type, for API listings: Wagtail reverses each URL
under its page's language (a listing's alternates ask for a hundred and more);
here each site root is resolved once, by Wagtail, and page paths are appended
to it escaped the way `reverse()` escapes them.
"""

import re
from urllib.parse import quote

from django.conf import settings
from django.utils.http import RFC3986_SUBDELIMS
from wagtail.models import Page
from wagtail.urls import serve_pattern

# What reverse() accepts for wagtail_serve's argument; anything else has no URL.
SERVABLE_PATH = re.compile(serve_pattern)
# The characters reverse() leaves unescaped in a path.
SAFE = RFC3986_SUBDELIMS + "/~:@"


class PageUrls:
    """`PageUrls(request).full_url(url_path)` == `Page(url_path=url_path).get_full_url(request)`."""

    def __init__(self, request=None):
        self.request = request
        # Wagtail's own copy for this request, which page URLs elsewhere in it read too.
        self.root_paths = Page()._get_site_root_paths(request)
        # Several sites, or URLs without trailing slashes: Wagtail picks the
        # site or trims the path per page; ask it for each one.
        self.per_page = len({root.site_id for root in self.root_paths}) > 1 or not settings.WAGTAIL_APPEND_SLASH
        self._roots = {}

    @classmethod
    def for_request(cls, request):
        """The request's own PageUrls, shared by whatever shows page URLs in it (each site root resolved once)."""
        if request is None:
            return cls()
        if (urls := getattr(request, "_page_urls", None)) is None:
            urls = request._page_urls = cls(request)
        return urls

    def full_url(self, url_path):
        if self.per_page:
            return Page(url_path=url_path).get_full_url(self.request)
        root = next((root for root in self.root_paths if url_path.startswith(root.root_path)), None)
        if root is None:
            return None
        rest = url_path[len(root.root_path) :]
        if not SERVABLE_PATH.match(rest):
            return None
        if root.root_path not in self._roots:
            self._roots[root.root_path] = Page(url_path=root.root_path).get_full_url(self.request)
        root_url = self._roots[root.root_path]
        return root_url + quote(rest, safe=SAFE) if root_url is not None else None
