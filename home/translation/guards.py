"""
wagtail-localize's routes, served at their own addresses with the language
checked first (home.permissions). Its views check only that the user may
submit translations, or may change some snippet of that kind: without this,
a French translator could create, fill in or publish an Arabic translation.
"""

from functools import wraps

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from wagtail.models import Locale
from wagtail_localize.models import Translation
from wagtail_localize.views import edit_translation, submit_translations, update_translations

from home.permissions import can_change_in_locale, require_locale_permission


def _translatable_locales(view):
    return [locale for locale in Locale.objects.all() if can_change_in_locale(view.request.user, view.object, locale)]


class LocaleCheckedSubmitMixin:
    """Offer only the languages the user may work in; refuse a request for any other."""

    def post(self, request, **kwargs):
        requested = Locale.objects.filter(pk__in=[pk for pk in request.POST.getlist("locales") if pk.isdigit()])
        require_locale_permission(request.user, self.object, requested)
        return super().post(request, **kwargs)

    def get_form(self):
        form = super().get_form()
        allowed = _translatable_locales(self)
        if not allowed:
            raise PermissionDenied
        form.fields["locales"].queryset = form.fields["locales"].queryset.filter(pk__in=[loc.pk for loc in allowed])
        return form


class SubmitPageTranslationView(LocaleCheckedSubmitMixin, submit_translations.SubmitPageTranslationView):
    pass


class SubmitSnippetTranslationView(LocaleCheckedSubmitMixin, submit_translations.SubmitSnippetTranslationView):
    pass


class UpdateTranslationsView(update_translations.UpdateTranslationsView):
    """
    Re-syncing a source changes no translated text, so anyone who holds the
    source or one of its languages may do it; machine-translating or
    publishing the translations changes every language, so that needs each.
    """

    def post(self, request, **kwargs):
        instance = self.object.get_source_instance()
        targets = [
            translation.target_locale
            for translation in self.object.translations.filter(enabled=True).select_related("target_locale")
        ]
        if request.POST.get("publish_translations"):
            require_locale_permission(request.user, instance, targets, action="publish")
        elif request.POST.get("use_machine_translation"):
            require_locale_permission(request.user, instance, targets)
        elif not any(can_change_in_locale(request.user, instance, locale) for locale in [instance.locale, *targets]):
            raise PermissionDenied
        return super().post(request, **kwargs)


def translation_guard(view):
    """For routes about one translation: the user must be able to change its target language."""

    @wraps(view)
    def guarded(request, translation_id, *args, **kwargs):
        translation = get_object_or_404(
            Translation.objects.select_related("source", "target_locale"), id=translation_id
        )
        require_locale_permission(request.user, translation.source.get_source_instance(), [translation.target_locale])
        return view(request, translation_id, *args, **kwargs)

    return guarded


edit_string_translation = translation_guard(edit_translation.edit_string_translation)
edit_override = translation_guard(edit_translation.edit_override)
download_pofile = translation_guard(edit_translation.download_pofile)
machine_translate = translation_guard(edit_translation.machine_translate)
preview_translation = translation_guard(edit_translation.preview_translation)
stop_translation = translation_guard(edit_translation.stop_translation)
