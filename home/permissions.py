"""
Who may change what in which language, decided in one place and asked by
every route.

Pages: Wagtail's own page permissions, held by each team on its language's
tree (translation_workflow.teams), answered by Wagtail's page permission policy.

Translatable snippets: a permission policy registered for each translatable
model. A group's snippet permissions apply in the languages of the page trees
it holds permissions on: a team with permissions on the French tree changes
French snippets only; a group with permissions on the root (site-wide
administrators), or with no page permissions at all, is not limited to a
language. Superusers are not limited.

wagtail-localize's own routes check only "may submit translations" or "may
change this kind of snippet", so home.wagtail_hooks serves them at the same
addresses through `translation_guard`, which asks these policies about the
target language first.
"""

from django.apps import apps
from django.core.exceptions import PermissionDenied
from wagtail.models import GroupPagePermission, Locale, Page, TranslatableMixin
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import policy_registry, register_permission_policy


def snippet_locale_ids(user):
    """The locales whose snippets `user`'s snippet permissions apply to: a set of ids, or None for all."""
    if not user.is_active:
        return set()
    if user.is_superuser:
        return None
    cache_name = "_snippet_locale_ids"
    if hasattr(user, cache_name):
        return getattr(user, cache_name)
    trees = {}
    for group_id, depth, locale_id in GroupPagePermission.objects.filter(group__user=user).values_list(
        "group_id", "page__depth", "page__locale_id"
    ):
        trees.setdefault(group_id, []).append((depth, locale_id))
    group_ids = list(user.groups.values_list("id", flat=True))
    result = set() if group_ids else None
    for group_id in group_ids:
        pages = trees.get(group_id)
        if not pages or any(depth == 1 for depth, _locale in pages):
            result = None  # not a language team: not limited to a language
            break
        result |= {locale_id for _depth, locale_id in pages}
    setattr(user, cache_name, result)
    return result


class TranslatableSnippetPermissionPolicy(ModelPermissionPolicy):
    """Django's model permissions, limited to the languages the user's teams hold (`snippet_locale_ids`)."""

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission_for_locale(user, action, instance.locale_id)

    def user_has_permission_for_locale(self, user, action, locale_id):
        if not self.user_has_permission(user, action):
            return False
        allowed = snippet_locale_ids(user)
        return allowed is None or locale_id in allowed

    def instances_user_has_any_permission_for(self, user, actions):
        instances = super().instances_user_has_any_permission_for(user, actions)
        allowed = snippet_locale_ids(user)
        return instances if allowed is None else instances.filter(locale_id__in=allowed)


def register_translatable_snippet_policies():
    """Give every translatable, non-page model the language-aware policy (from HomeConfig.ready)."""
    for model in apps.get_models():
        translatable = issubclass(model, TranslatableMixin) and not issubclass(model, Page)
        if translatable and policy_registry.get_by_type(model, fallback=False) is None:
            register_permission_policy(model, TranslatableSnippetPermissionPolicy(model), exact_class=True)


def can_change_in_locale(user, instance, locale, action="change"):
    """
    May `user` create or change `instance`'s version in `locale`? For a page:
    its translation's page permissions, or, when there is none yet, whether
    the user may add pages under the nearest translated ancestor.
    """
    if isinstance(instance, Page):
        target = instance.get_translation_or_none(locale)
        if target is not None:
            permissions = target.permissions_for_user(user)
            return permissions.can_publish() if action == "publish" else permissions.can_edit()
        for ancestor in instance.get_ancestors().filter(depth__gt=1).order_by("-depth"):
            translated = ancestor.get_translation_or_none(locale)
            if translated is not None:
                permissions = translated.permissions_for_user(user)
                return permissions.can_add_subpage() and (action != "publish" or permissions.can_publish_subpage())
        return False
    policy = policy_registry.get_by_type(type(instance))
    if isinstance(policy, TranslatableSnippetPermissionPolicy):
        target = instance.get_translation_or_none(locale)
        wanted = action if target is not None else "add"
        return policy.user_has_permission_for_locale(user, wanted if wanted != "publish" else "change", locale.pk)
    return policy.user_has_permission(user, action)


def require_locale_permission(user, instance, locales, action="change"):
    if not all(can_change_in_locale(user, instance, locale, action) for locale in locales):
        raise PermissionDenied


def locales_user_can_translate_into(user, instance):
    return [locale for locale in Locale.objects.all() if can_change_in_locale(user, instance, locale)]
