"""
Snippet listings that offer only what the user may do to each row.

Wagtail's listing asks the model-level permission ("may change event
categories") for every row's edit, copy and delete links; for translatable
snippets the answer depends on the row's language (home.permissions), so a
French team member was offered edit links for all six languages and refused
five of them on click. Here each link asks the policy about its own row; rows
the user may not change stay listed (reading them is allowed), as text.
"""

from wagtail.snippets.views.snippets import IndexView, SnippetViewSet


class LanguageAwareIndexView(IndexView):
    def _may(self, action, instance):
        return self.permission_policy.user_has_permission_for_instance(self.request.user, action, instance)

    def get_edit_url(self, instance):
        return super().get_edit_url(instance) if self._may("change", instance) else None

    def get_copy_url(self, instance):
        return super().get_copy_url(instance) if self._may("add", instance) else None

    def get_delete_url(self, instance):
        return super().get_delete_url(instance) if self._may("delete", instance) else None

    def get_add_url(self):
        # The add button creates an item in the language the listing shows.
        locale = getattr(self, "locale", None)
        check = getattr(self.permission_policy, "user_has_permission_for_locale", None)
        if locale is not None and check is not None and not check(self.request.user, "add", locale.pk):
            return None
        return super().get_add_url()


class TranslatableSnippetViewSet(SnippetViewSet):
    """A snippet viewset for a translatable model: see LanguageAwareIndexView."""

    index_view_class = LanguageAwareIndexView
