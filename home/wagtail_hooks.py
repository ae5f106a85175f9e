from django.core.exceptions import PermissionDenied
from wagtail import hooks
from wagtail.models import Locale
from wagtail.permissions import policy_registry
from wagtail.snippets.models import register_snippet

from .models import FooterText, NavigationMenu
from .permissions import TranslatableSnippetPermissionPolicy
from .rich_text_links import ReachablePageLinkHandler
from .snippet_views import TranslatableSnippetViewSet


class NavigationMenuViewSet(TranslatableSnippetViewSet):
    model = NavigationMenu


class FooterTextViewSet(TranslatableSnippetViewSet):
    model = FooterText


register_snippet(NavigationMenuViewSet)
register_snippet(FooterTextViewSet)


@hooks.register("load_demo_content", order=0)
def load_home_demo_content(stdout):
    """Home, About and privacy pages, the footer, and the home page's picture."""
    from .demo import loader

    loader.load(stdout)


@hooks.register("load_demo_content", order=1000)
def load_navigation_demo_content(stdout):
    """Navigation and the home page's calls to action."""
    from .demo import loader

    loader.finish(stdout)


# Wagtail's snippet views check a snippet's permissions by kind only; these
# hooks (which run before wagtail-localize's, whose translation editor is
# itself a before_edit_snippet hook) ask the language-aware policy about the
# very snippet or language (home.permissions).


def _locale_policy(model):
    policy = policy_registry.get_by_type(model)
    return policy if isinstance(policy, TranslatableSnippetPermissionPolicy) else None


@hooks.register("before_edit_snippet")
def edit_snippets_in_own_language(request, instance):
    policy = _locale_policy(type(instance))
    if policy and not policy.user_has_permission_for_instance(request.user, "change", instance):
        raise PermissionDenied


@hooks.register("before_delete_snippet")
def delete_snippets_in_own_language(request, instances):
    for instance in instances:
        policy = _locale_policy(type(instance))
        if policy and not policy.user_has_permission_for_instance(request.user, "delete", instance):
            raise PermissionDenied


@hooks.register("before_create_snippet")
def create_snippets_in_own_language(request, model):
    policy = _locale_policy(model)
    if policy:
        code = request.GET.get("locale") or Locale.get_default().language_code
        locale = Locale.objects.filter(language_code=code).first()
        if locale is None or not policy.user_has_permission_for_locale(request.user, "add", locale.pk):
            raise PermissionDenied


@hooks.register("on_serve_page", order=100)
def offer_page_to_page_cache(serve):
    """Mark the response as a page the page cache may store (after Wagtail's view-restriction check)."""
    from . import page_cache

    def serve_and_record(page, request, args, kwargs):
        page_cache.serving_page(page, request)
        return serve(page, request, args, kwargs)

    return serve_and_record


# After Wagtail's own registration (order 0), which it replaces.
@hooks.register("register_rich_text_features", order=10)
def link_only_pages_readers_may_see(features):
    features.register_link_type(ReachablePageLinkHandler)
