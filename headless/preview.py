"""
Headless preview: when a front-end URL is configured for the site, an
editor's preview opens on the front end, which fetches the unsaved draft,
in its language, from /api/v2/preview/?token=… . Tokens are signed and
expire (HEADLESS_PREVIEW_MAX_AGE seconds).
"""

import datetime
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core import signing
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from rest_framework.fields import SkipField
from rest_framework.response import Response
from wagtail.api.v2.serializers import DetailUrlField
from wagtail.models import Site

from home.parameters import FORMAT, ParameterError, Parameters, Text, error_response

from .api import NetworkPagesAPIViewSet, NetworkPageSerializer

SALT = "home.preview"


def max_age():
    return settings.HEADLESS_PREVIEW_MAX_AGE


def preview_url_for(request, page):
    from .models import HeadlessSettings

    site = page.get_site() or Site.find_for_request(request)
    configured = HeadlessSettings.for_site(site).preview_url if site else ""
    return configured or settings.HEADLESS_PREVIEW_URL


def create_token(page):
    from .models import PagePreview

    PagePreview.objects.filter(created_at__lt=timezone.now() - datetime.timedelta(seconds=max_age())).delete()
    preview = PagePreview.objects.create(
        content_type=ContentType.objects.get_for_model(page.specific_class or type(page)),
        content_json=page.to_json(),
    )
    return signing.dumps(str(preview.token), salt=SALT)


def headless_preview_response(request, page):
    """A redirect to the front end's preview, or None when none is configured."""
    url = preview_url_for(request, page)
    if not url:
        return None
    query = urlencode(
        {
            "content_type": page._meta.label_lower,
            "token": create_token(page),
            "locale": page.locale.language_code,
        }
    )
    return redirect(f"{url}{'&' if '?' in url else '?'}{query}")


PREVIEW_PARAMETERS = Parameters(
    Text("token", "The signed token the preview link carries.", required=True, max_length=1000), FORMAT
)


class PreviewDetailUrlField(DetailUrlField):
    """`detail_url` for a saved page; a page being created has no id, so no address in the pages API."""

    def get_attribute(self, instance):
        if instance.pk is None:
            raise SkipField
        return super().get_attribute(instance)


class PreviewPageSerializer(NetworkPageSerializer):
    detail_url = PreviewDetailUrlField(read_only=True)


class PreviewAPIView(NetworkPagesAPIViewSet):
    """
    GET /api/v2/preview/?token=…: the draft being previewed, as the pages
    endpoint would show it. It is the pages viewset with one action of its own
    (mounted as_view({"get": "preview_view"})), whose object is the draft the
    token names rather than a row of the pages table.
    """

    authentication_classes = []
    permission_classes = []
    base_serializer_class = PreviewPageSerializer
    parameters = PREVIEW_PARAMETERS

    def get_declared_parameters(self):
        return PREVIEW_PARAMETERS

    def preview_view(self, request):
        from .models import PagePreview

        token = self.params["token"]
        try:
            value = signing.loads(token, salt=SALT, max_age=max_age())
        except signing.SignatureExpired:
            return error_response(_("This preview link has expired. Open the preview again."), "token", status=410)
        except signing.BadSignature as bad:
            raise ParameterError("token", _("This preview link is not valid.")) from bad
        preview = PagePreview.objects.filter(token=value).first()
        if preview is None:
            return error_response(_("This preview no longer exists. Open the preview again."), "token", status=410)
        self.preview_page = preview.page()
        data = self.get_serializer(self.preview_page).data
        data["meta"]["preview"] = True
        return Response(data)

    def get_object(self):
        return self.preview_page
