from django.core.exceptions import PermissionDenied
from wagtail import hooks
from wagtail.models import Locale
from wagtail.permissions import policy_registry
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet

from .models import FooterText, NavigationMenu
from .permissions import TranslatableSnippetPermissionPolicy


class LanguageAwareIndexView(IndexView):
    """
    Wagtail's snippet listing offers edit and delete links to anyone who may
    change or delete that kind of snippet; a language team may act on its
    own language's only, so the other languages' rows get no link that would
    end in "permission denied".
    """

    def get_edit_url(self, instance):
        if self.user_has_permission_for_instance("change", instance):
            return super().get_edit_url(instance)
        return None

    def get_delete_url(self, instance):
        if self.user_has_permission_for_instance("delete", instance):
            return super().get_delete_url(instance)
        return None


class NavigationMenuViewSet(SnippetViewSet):
    model = NavigationMenu
    index_view_class = LanguageAwareIndexView


class FooterTextViewSet(SnippetViewSet):
    model = FooterText
    index_view_class = LanguageAwareIndexView


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
