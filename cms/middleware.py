from django.http import JsonResponse
from django.middleware.csp import ContentSecurityPolicyMiddleware
from django.shortcuts import render
from django.utils.translation import gettext as _


class PublicContentSecurityPolicyMiddleware(ContentSecurityPolicyMiddleware):
    """
    Apply SECURE_CSP to the public site only. The Wagtail admin relies on
    inline styles and scripts from its own packages, which the site's strict
    policy would break.
    """

    exempt_prefixes = ("/admin/", "/django-admin/")

    def process_response(self, request, response):
        if request.path.startswith(self.exempt_prefixes):
            response._csp_config = {}
        return super().process_response(request, response)


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
