"""
Who may edit which language: a "Translators – <language>" group per locale
with page permissions on that language's tree only, "Editors" for the source
language, and "Moderators" for the In Focus review workflow.
"""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.utils.translation import override
from wagtail.models import GroupPagePermission, Locale, Page

SOURCE_LANGUAGE = "en"
PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "lock_page"]
# Translatable snippets: translators and editors may edit them, in their own
# language only (enforced by the before_*_snippet hooks in home.wagtail_hooks).
SNIPPET_MODELS = [
    ("home", "navigationmenu"),
    ("home", "navigationmenuitem"),
    ("home", "footertext"),
    ("articles", "topiclabel"),
    ("events", "eventcategory"),
    ("members", "member"),
]
COMMON_PERMISSIONS = [
    ("wagtailadmin", "access_admin"),
    ("wagtail_localize", "submit_translation"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "choose_document"),
]


def translators_group_name(locale):
    with override("en"):
        return f"Translators – {locale.get_display_name()}"


def language_home(locale):
    """The home page of one language's tree."""
    from wagtail.models import Site

    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    root = site.root_page if site else Page.objects.filter(depth=2).first()
    return root.get_translation_or_none(locale) if root else None


def _permissions(pairs):
    return [Permission.objects.get(content_type__app_label=app, codename=codename) for app, codename in pairs]


def _snippet_permissions():
    pairs = []
    for app, model in SNIPPET_MODELS:
        pairs += [(app, f"add_{model}"), (app, f"change_{model}"), (app, f"view_{model}")]
    return _permissions(pairs)


def _grant_tree(group, home):
    for codename in PAGE_PERMISSIONS:
        permission = Permission.objects.get(content_type__app_label="wagtailcore", codename=codename)
        GroupPagePermission.objects.get_or_create(group=group, page=home, permission=permission)


@transaction.atomic
def set_up_teams():
    """Create or bring up to date the translation teams. Safe to run again. Returns the groups."""
    groups = []
    base = _permissions(COMMON_PERMISSIONS) + _snippet_permissions()
    for locale in Locale.objects.order_by("language_code"):
        home = language_home(locale)
        if locale.language_code == SOURCE_LANGUAGE:
            group, _created = Group.objects.get_or_create(name="Editors")
        else:
            group, _created = Group.objects.get_or_create(name=translators_group_name(locale))
        group.permissions.add(*base)
        if home is not None:
            _grant_tree(group, home)
        groups.append(group)
    moderators, _created = Group.objects.get_or_create(name="Moderators")
    moderators.permissions.add(*_permissions([("wagtailadmin", "access_admin")]))
    groups.append(moderators)
    return groups


def locales_for_user(user):
    """
    The languages whose snippets this user may change: every language for
    superusers and people outside the translation teams, otherwise the
    languages of the teams they are in.
    """
    if user.is_superuser:
        return None
    names = set(user.groups.values_list("name", flat=True))
    allowed = set()
    team_member = False
    for locale in Locale.objects.all():
        if translators_group_name(locale) in names:
            allowed.add(locale.pk)
            team_member = True
    if "Editors" in names:
        team_member = True
        allowed |= set(Locale.objects.filter(language_code=SOURCE_LANGUAGE).values_list("pk", flat=True))
    return allowed if team_member else None
