from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets.button import Button
from wagtail.models import Locale

from . import teams
from .admin_direction import content_direction_script


@hooks.register("load_demo_content", order=1001)
def set_up_translation_teams(stdout):
    """Translation teams, after every app's demo pages exist (they hold each language's tree)."""
    teams.set_up_teams()
    stdout.write("Translation teams ready: Editors, Moderators and a Translators group per language.")


@hooks.register("register_admin_urls")
def register_translation_admin_urls():
    from . import localize_overrides, views

    return [
        path("translations/", views.dashboard, name="home_translation_dashboard"),
        path("translations/machine-translate/<int:page_id>/", views.machine_translate, name="home_machine_translate"),
        # Ours at wagtail-localize's own addresses (see localize_overrides).
        *localize_overrides.urlpatterns(),
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
    return content_direction_script(static("translation_workflow/js/content-direction.js"))


@hooks.register("insert_global_admin_css")
def content_direction_css():
    return format_html('<link rel="stylesheet" href="{}">', static("translation_workflow/css/content-direction.css"))


@hooks.register("register_page_header_buttons")
def machine_translate_button(page, user, view_name, next_url=None):
    from . import machine

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
