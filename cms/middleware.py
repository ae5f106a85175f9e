from django.middleware.csp import ContentSecurityPolicyMiddleware


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
