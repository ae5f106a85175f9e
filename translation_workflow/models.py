"""
The translation workflow's own task: Wagtail's group approval, limited to the
language a moderator's team holds. Created by the `home` app; moved here with
`SeparateDatabaseAndState` migrations so existing workflows keep working.
"""

from django.db import models
from django.db.models.functions import Cast
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page
from wagtail.models.workflows import AbstractGroupApprovalTask
from wagtail.permissions import policy_registry


class LanguageGroupApprovalTask(AbstractGroupApprovalTask):
    """
    Wagtail's group approval, in which a moderator acts only on content in a
    language her team holds (publish permission on that language's tree):
    a French moderator cannot approve, and so publish, an Arabic article.
    """

    def may_moderate(self, obj, user):
        if user.is_superuser:
            return True
        if not self.groups.filter(id__in=user.groups.all()).exists():
            return False
        if isinstance(obj, Page):
            return obj.permissions_for_user(user).can_publish()
        return policy_registry.get_by_type(type(obj)).user_has_permission_for_instance(user, "change", obj)

    def user_can_access_editor(self, obj, user):
        return self.may_moderate(obj, user)

    def locked_for_user(self, obj, user):
        return not self.may_moderate(obj, user)

    def user_can_lock(self, obj, user):
        return self.may_moderate(obj, user)

    def get_actions(self, obj, user):
        return super().get_actions(obj, user) if self.may_moderate(obj, user) else []

    def get_task_states_user_can_moderate(self, user, **kwargs):
        states = super().get_task_states_user_can_moderate(user, **kwargs)
        if user.is_superuser:
            return states
        pages = policy_registry.get_by_type(Page).instances_user_has_permission_for(user, "publish")
        page_ids = pages.annotate(id_text=Cast("pk", models.CharField())).values("id_text")
        return states.filter(workflow_state__object_id__in=page_ids)

    @classmethod
    def get_description(cls):
        return _("Members of the chosen groups approve content in the languages their teams hold")

    class Meta:
        verbose_name = _("group approval task (per language)")
        verbose_name_plural = _("group approval tasks (per language)")
