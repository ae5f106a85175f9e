"""
Content negotiation that never answers 406 Not Acceptable.

A browser sends `Accept: text/html` (often without `*/*`), and so does a
person who pastes an API address into one. REST framework answers 406 when
no renderer of the view matches, which tells them nothing. RFC 9110 (12.5.1)
lets a server disregard the Accept header instead: the view's first renderer
(JSON) answers, and a view that offers the browsable API still serves it to
those who ask for HTML. An unknown `?format=` is still refused (the
parameter is declared; see home.parameters).
"""

from rest_framework.exceptions import NotAcceptable
from rest_framework.negotiation import DefaultContentNegotiation


class FallbackContentNegotiation(DefaultContentNegotiation):
    def select_renderer(self, request, renderers, format_suffix=None):
        try:
            return super().select_renderer(request, renderers, format_suffix)
        except NotAcceptable:
            renderer = renderers[0]
            return renderer, renderer.media_type
