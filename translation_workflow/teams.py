"""
Who may change which language. Per language: a team ("Editors" for the
source language, "Translators – <language>" for the others) that adds, edits
and publishes pages in that language's tree and its snippets, and
"Moderators – <language>" who review (the In Focus workflow) in that language
only. "Site-wide administrators" hold every language. Permissions live on
each language's tree and are enforced by Wagtail's permission policies
(home.permissions), so every route asks the same question.
"""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.utils.translation import override
from wagtail.models import GroupPagePermission, Locale, Page

SOURCE_LANGUAGE = "en"
PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "lock_page"]
# Translatable snippets: translators and editors may edit them, in their own
# language only (home.permissions.TranslatableSnippetPermissionPolicy).
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


MODERATOR_PAGE_PERMISSIONS = ["change_page", "publish_page", "lock_page", "unlock_page"]
ADMINISTRATOR_PAGE_PERMISSIONS = [*PAGE_PERMISSIONS, "unlock_page", "bulk_delete_page"]
ADMINISTRATORS = "Site-wide administrators"
IN_FOCUS_WORKFLOW = "In Focus review"


def moderators_group_name(locale):
    with override("en"):
        return f"Moderators – {locale.get_display_name()}"


def _snippet_permissions(actions=("add", "change", "view")):
    return _permissions([(app, f"{action}_{model}") for app, model in SNIPPET_MODELS for action in actions])


def _grant_tree(group, page, codenames=PAGE_PERMISSIONS):
    for codename in codenames:
        permission = Permission.objects.get(content_type__app_label="wagtailcore", codename=codename)
        GroupPagePermission.objects.get_or_create(group=group, page=page, permission=permission)


# Site-wide administrators manage the shared image and document library.
# Personal data (membership applications, article submissions, the search
# query log), webhooks and users stay with superusers.
MEDIA_PERMISSIONS = [
    ("wagtailimages", "add_image"),
    ("wagtailimages", "change_image"),
    ("wagtailimages", "delete_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "delete_document"),
    ("wagtaildocs", "choose_document"),
]


def _grant_media_library(group):
    """Image and document permissions on the root collection, which Wagtail applies to every collection."""
    from wagtail.models import Collection, GroupCollectionPermission

    root = Collection.get_first_root_node()
    if root is None:
        return
    for permission in _permissions(MEDIA_PERMISSIONS):
        GroupCollectionPermission.objects.get_or_create(group=group, collection=root, permission=permission)


def _limit_to_tree(group, page):
    """A language team holds page permissions on its own tree and nowhere else (Wagtail's built-in groups start on the root)."""
    GroupPagePermission.objects.filter(group=group).exclude(page=page).delete()


@transaction.atomic
def set_up_teams():
    """Create or bring up to date the teams. Safe to run again. Returns the groups."""
    groups = []
    base = _permissions(COMMON_PERMISSIONS) + _snippet_permissions()
    moderators = []
    for locale in Locale.objects.order_by("language_code"):
        home = language_home(locale)
        name = "Editors" if locale.language_code == SOURCE_LANGUAGE else translators_group_name(locale)
        team, _created = Group.objects.get_or_create(name=name)
        moderator, _created = Group.objects.get_or_create(name=moderators_group_name(locale))
        team.permissions.add(*base)
        moderator.permissions.add(*_permissions([("wagtailadmin", "access_admin")]))
        if home is not None:
            _limit_to_tree(team, home)
            _limit_to_tree(moderator, home)
            _grant_tree(team, home)
            _grant_tree(moderator, home, MODERATOR_PAGE_PERMISSIONS)
        groups += [team, moderator]
        moderators.append(moderator)
    # Wagtail's own "Moderators" group holds every permission on the root page:
    # it is replaced by the per-language moderators and keeps none.
    GroupPagePermission.objects.filter(group__name="Moderators").delete()
    administrators, _created = Group.objects.get_or_create(name=ADMINISTRATORS)
    administrators.permissions.add(
        *_permissions(COMMON_PERMISSIONS), *_snippet_permissions(("add", "change", "delete", "view"))
    )
    root = Page.get_first_root_node()
    if root is not None:
        _grant_tree(administrators, root, ADMINISTRATOR_PAGE_PERMISSIONS)
    _grant_media_library(administrators)
    groups.append(administrators)
    _moderate_in_focus_by_language(moderators)
    return groups


def _moderate_in_focus_by_language(moderators):
    """The In Focus review is approved by each language's moderators, for their language only."""
    from wagtail.models import Task, Workflow, WorkflowTask

    from .models import LanguageGroupApprovalTask

    workflow = Workflow.objects.filter(name=IN_FOCUS_WORKFLOW).first()
    if workflow is None:
        return
    task = LanguageGroupApprovalTask.objects.filter(name="In Focus moderation by language").first()
    if task is None:
        task = LanguageGroupApprovalTask.objects.create(name="In Focus moderation by language", active=True)
    task.groups.set(moderators)
    for link in WorkflowTask.objects.filter(workflow=workflow).exclude(task=task).select_related("task"):
        old = Task.objects.get(pk=link.task_id)
        link.task = task
        link.save(update_fields=["task"])
        old.deactivate()
