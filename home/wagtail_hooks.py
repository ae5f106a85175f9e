from django.core.exceptions import PermissionDenied
from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets.button import Button
from wagtail.models import Locale
from wagtail.permissions import policy_registry
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import FooterText, NavigationMenu, WebhookDelivery, WebhookEndpoint
from .permissions import TranslatableSnippetPermissionPolicy
from .translation import teams

register_snippet(NavigationMenu)
register_snippet(FooterText)


@hooks.register("load_demo_content", order=0)
def load_home_demo_content(stdout):
    """Home, About and privacy pages, the footer, and the home page's picture."""
    from .demo import loader

    loader.load(stdout)


@hooks.register("load_demo_content", order=1000)
def load_navigation_demo_content(stdout):
    """Navigation, the home page's calls to action and translation teams."""
    from .demo import loader

    loader.finish(stdout)
    teams.set_up_teams()
    stdout.write("Translation teams ready: Editors, Moderators and a Translators group per language.")


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


@hooks.register("register_admin_urls")
def register_translation_admin_urls():
    from .translation import guards, po, views

    translate = "localize/translate/<int:translation_id>/"
    return [
        path("translations/", views.dashboard, name="home_translation_dashboard"),
        path("translations/machine-translate/<int:page_id>/", views.machine_translate, name="home_machine_translate"),
        # Stricter than wagtail-localize's own upload: refuses malformed or
        # mismatched files and imports all or nothing (same address, so ours wins).
        path(f"{translate}pofile/upload/", po.upload_pofile, name="home_upload_pofile"),
        # wagtail-localize's other routes that change a language, with the language checked first.
        path("localize/submit/page/<int:page_id>/", guards.SubmitPageTranslationView.as_view()),
        path(
            "localize/submit/snippet/<slug:app_label>/<slug:model_name>/<str:pk>/",
            guards.SubmitSnippetTranslationView.as_view(),
        ),
        path("localize/update/<int:translation_source_id>/", guards.UpdateTranslationsView.as_view()),
        path(f"{translate}strings/<int:string_segment_id>/edit/", guards.edit_string_translation),
        path(f"{translate}overrides/<int:overridable_segment_id>/edit/", guards.edit_override),
        path(f"{translate}pofile/download/", guards.download_pofile),
        path(f"{translate}machine_translate/", guards.machine_translate),
        path(f"{translate}preview/", guards.preview_translation),
        path(f"{translate}preview/<str:mode>/", guards.preview_translation),
        path(f"{translate}disable/", guards.stop_translation),
    ]


@hooks.register("register_admin_menu_item")
def register_translation_menu_item():
    return MenuItem(_("Translations"), reverse("home_translation_dashboard"), icon_name="globe", order=250)


@hooks.register("construct_reports_menu")
def one_translations_screen(request, menu_items):
    """
    Our dashboard (main menu → Translations) covers wagtail-localize's
    Translations report and more: offer one place, not two with one name.
    """
    report_url = reverse("wagtail_localize:translations_report")
    menu_items[:] = [item for item in menu_items if item.url != report_url]


@hooks.register("insert_global_admin_js")
def content_direction_js():
    return format_html('<script src="{}" defer></script>', static("home/js/content-direction.js"))


@hooks.register("insert_global_admin_css")
def content_direction_css():
    return format_html('<link rel="stylesheet" href="{}">', static("home/css/content-direction.css"))


class WebhookEndpointViewSet(SnippetViewSet):
    model = WebhookEndpoint
    icon = "link-external"
    menu_label = _("Webhooks")
    list_display = ["name", "url", "active"]
    add_to_settings_menu = True


class WebhookDeliveryViewSet(SnippetViewSet):
    """The delivery log: status, attempts and the last response of each."""

    model = WebhookDelivery
    icon = "list-ul"
    menu_label = _("Webhook deliveries")
    list_display = ["event", "endpoint", "status", "attempts", "last_status_code", "created_at", "delivered_at"]
    list_filter = ["status", "event", "endpoint"]
    inspect_view_enabled = True
    add_to_settings_menu = True


register_snippet(WebhookEndpointViewSet)
register_snippet(WebhookDeliveryViewSet)


@hooks.register("register_page_header_buttons")
def machine_translate_button(page, user, view_name, next_url=None):
    from .translation import machine

    # Only where it can act: a provider is set up, and a language this user
    # may translate into (home.permissions) lacks this page.
    if (
        page.depth > 1
        and page.locale_id == Locale.get_default().pk
        and machine.get_machine_translator() is not None
        and page.permissions_for_user(user).can_edit()
        and set(machine.missing_locales(page)) & set(machine.locales_user_may_translate_into(user, page))
    ):
        yield Button(
            _("Machine-translate into missing languages"),
            reverse("home_machine_translate", args=[page.pk]),
            icon_name="globe",
            priority=80,
        )


@hooks.register("on_serve_page", order=100)
def offer_page_to_page_cache(serve):
    """Mark the response as a page the page cache may store (after Wagtail's view-restriction check)."""
    from . import page_cache

    def serve_and_record(page, request, args, kwargs):
        page_cache.serving_page(page, request)
        return serve(page, request, args, kwargs)

    return serve_and_record
