"""
wagtail-localize's routes, served at their own addresses with the language
checked first (home.permissions). Its views check only that the user may
submit translations, or may change some snippet of that kind: without this,
a French translator could create, fill in or publish an Arabic translation.
"""

from functools import wraps

from django.core.exceptions import FieldDoesNotExist, PermissionDenied, ValidationError
from django.db import transaction
from django.http import JsonResponse
from django.shortcuts import get_object_or_404
from wagtail.models import Locale
from wagtail_localize.models import OverridableSegment, SegmentOverride, Translation
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
    Re-syncing replaces the source text that every translation of this
    source is made from (wagtail-localize keeps one source for all its
    languages, so an update cannot be limited to some of them): it is for
    those who may change every translation it updates, and publishing them
    needs publishing rights in each.
    """

    def _targets(self):
        return [
            translation.target_locale
            for translation in self.object.translations.filter(enabled=True).select_related("target_locale")
        ]

    def _require_every_language(self, user, action="change"):
        instance = self.object.get_source_instance()
        require_locale_permission(user, instance, self._targets() or [instance.locale], action=action)

    def get(self, request, **kwargs):
        # The form shows what re-syncing would change: for those who may re-sync.
        self._require_every_language(request.user)
        return super().get(request, **kwargs)

    def post(self, request, **kwargs):
        self._require_every_language(request.user)
        if request.POST.get("publish_translations"):
            self._require_every_language(request.user, action="publish")
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


def _override_error(translation, overridable_segment_id):
    """
    Why the override just stored for this segment cannot be used, or None.
    An override replaces a field the source language otherwise keeps in
    step (an event's time zone or rule, a link, an image): it is checked
    with that field's own validation and the model's, so that a value no
    editor could type (a time zone "Mars/Olympus") is refused here rather
    than breaking the translation when it is published.
    """
    segment = OverridableSegment.objects.select_related("context").get(id=overridable_segment_id)
    override = SegmentOverride.objects.filter(locale_id=translation.target_locale_id, context=segment.context).first()
    if override is None:
        return None
    instance = translation.get_target_instance()
    name = segment.context.path
    try:
        field = type(instance)._meta.get_field(name)
    except FieldDoesNotExist:
        return None  # inside a StreamField or a child object: wagtail-localize checks those when saving
    if not field.concrete:
        return None
    try:
        value = field.clean(override.data, instance)
        setattr(instance, field.attname, value)
        instance.clean()
    except ValidationError as error:
        messages = error.message_dict.get(name, []) if hasattr(error, "error_dict") else error.messages
        if messages:
            return " ".join(messages)
    return None


def checked_override(view):
    """wagtail-localize's override view, with the stored value refused (HTTP 400, nothing kept) if it is not valid."""

    @wraps(view)
    def checked(request, translation_id, overridable_segment_id, *args, **kwargs):
        with transaction.atomic():
            response = view(request, translation_id, overridable_segment_id, *args, **kwargs)
            if request.method == "PUT" and response.status_code in (200, 201):
                translation = Translation.objects.select_related("source").get(id=translation_id)
                if error := _override_error(translation, overridable_segment_id):
                    transaction.set_rollback(True)
                    return JsonResponse({"error": error}, status=400)
        return response

    return checked


edit_string_translation = translation_guard(edit_translation.edit_string_translation)
edit_override = translation_guard(checked_override(edit_translation.edit_override))
download_pofile = translation_guard(edit_translation.download_pofile)
machine_translate = translation_guard(edit_translation.machine_translate)
preview_translation = translation_guard(edit_translation.preview_translation)
stop_translation = translation_guard(edit_translation.stop_translation)
