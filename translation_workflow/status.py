"""
The state of every translation: for each page and translatable snippet in the
source language, and each other language, is the translation missing, in
progress (how far), up to date, or outdated since the source changed?

Computed with a handful of aggregate queries however many pages there are.
"""

from dataclasses import dataclass

from django.db.models import Count, F
from django.urls import reverse
from wagtail.models import Locale, Page
from wagtail_localize.models import StringSegment, Translation, TranslationSource

MISSING = "missing"
IN_PROGRESS = "in_progress"
UP_TO_DATE = "up_to_date"
OUTDATED = "outdated"


@dataclass
class Cell:
    language: str
    state: str
    percent: int | None = None
    since: object = None  # when the source changed, for outdated translations
    action: str = ""  # translate, review, sync
    url: str = ""
    translated_id: int | None = None

    def as_json(self):
        return {
            "language": self.language,
            "state": self.state,
            "percent": self.percent,
            "outdated_since": self.since.isoformat() if self.since else None,
            "action": self.action,
            "action_url": self.url,
            "translated_id": self.translated_id,
        }


@dataclass
class Row:
    kind: str  # "page" or "snippet"
    label: str
    object_id: int
    translation_key: object
    section: str
    model_label: str
    edit_url: str
    changed_at: object
    cells: list
    path: str = ""  # a page's place in the tree, to find its sub-pages' rows

    @property
    def has_missing(self):
        return any(cell.state == MISSING for cell in self.cells)

    def as_json(self):
        return {
            "kind": self.kind,
            "title": self.label,
            "id": self.object_id,
            "type": self.model_label,
            "section": self.section,
            "source_changed_at": self.changed_at.isoformat() if self.changed_at else None,
            "languages": {cell.language: cell.as_json() for cell in self.cells},
        }


def _progress(source_ids):
    """{source id: total segments} and {(source id, locale id): translated segments}, in two queries."""
    segments = StringSegment.objects.filter(source_id__in=source_ids)
    totals = dict(segments.values("source_id").annotate(n=Count("pk")).values_list("source_id", "n"))
    translated = {
        (source_id, locale_id): n
        for source_id, locale_id, n in segments.filter(
            string__translations__has_error=False,
            string__translations__context_id=F("context_id"),
        )
        .values_list("source_id", "string__translations__locale_id")
        .annotate(n=Count("pk", distinct=True))
    }
    return totals, translated


def _cell(
    language, locale, key, translations_by_key, sources, translations, totals, translated, changed_at, submit_url
):
    target = translations_by_key.get((key, locale.pk))
    source = sources.get(key)
    record = translations.get((source.pk, locale.pk)) if source else None
    if target is None:
        return Cell(language, MISSING, action="translate", url=submit_url)
    edit_url = target["edit_url"]
    if record is not None and source is not None:
        total = totals.get(source.pk, 0)
        done = translated.get((source.pk, locale.pk), 0)
        if total and done < total:
            return Cell(
                language,
                IN_PROGRESS,
                int(100 * done / total),
                action="review",
                url=edit_url,
                translated_id=target["id"],
            )
        if changed_at and changed_at > source.last_updated_at:
            return Cell(
                language,
                OUTDATED,
                100,
                since=changed_at,
                action="sync",
                url=reverse("wagtail_localize:update_translations", args=[source.pk]),
                translated_id=target["id"],
            )
        return Cell(language, UP_TO_DATE, 100, action="review", url=edit_url, translated_id=target["id"])
    # Translated outside wagtail-localize (copied and edited by hand).
    if changed_at and target["changed_at"] and changed_at > target["changed_at"]:
        return Cell(
            language, OUTDATED, None, since=changed_at, action="review", url=edit_url, translated_id=target["id"]
        )
    return Cell(language, UP_TO_DATE, None, action="review", url=edit_url, translated_id=target["id"])


def page_rows(section=None, source_locale=None):
    source_locale = source_locale or Locale.get_default()
    pages = Page.objects.filter(locale=source_locale, depth__gt=1).order_by("path")
    home = pages.filter(depth=2).first()
    if section:
        pages = pages.filter(path__startswith=section.path)
    pages = list(pages.specific(defer=True))
    keys = [page.translation_key for page in pages]
    others = Locale.objects.exclude(pk=source_locale.pk).order_by("language_code")

    translations_by_key = {
        (p.translation_key, p.locale_id): {
            "id": p.pk,
            "edit_url": reverse("wagtailadmin_pages:edit", args=[p.pk]),
            "changed_at": p.last_published_at or p.latest_revision_created_at,
        }
        for p in Page.objects.filter(translation_key__in=keys).exclude(locale=source_locale)
    }
    sources = {
        s.object_id: s
        for s in TranslationSource.objects.filter(object_id__in=keys, specific_content_type__isnull=False).filter(
            locale=source_locale
        )
    }
    translations = {
        (t.source_id, t.target_locale_id): t
        for t in Translation.objects.filter(source__in=sources.values(), enabled=True)
    }
    totals, translated = _progress([s.pk for s in sources.values()])
    sections = {p.path: p.title for p in pages if home and p.depth == home.depth + 1}

    rows = []
    for page in pages:
        changed_at = page.last_published_at or page.latest_revision_created_at
        submit_url = reverse("wagtail_localize:submit_page_translation", args=[page.pk])
        cells = [
            _cell(
                locale.language_code,
                locale,
                page.translation_key,
                translations_by_key,
                sources,
                translations,
                totals,
                translated,
                changed_at,
                submit_url,
            )
            for locale in others
        ]
        section_title = next((title for path, title in sections.items() if page.path.startswith(path)), "")
        rows.append(
            Row(
                "page",
                page.title,
                page.pk,
                page.translation_key,
                section_title,
                page.specific_class._meta.label,
                reverse("wagtailadmin_pages:edit", args=[page.pk]),
                changed_at,
                cells,
                page.path,
            )
        )
    return rows


def snippet_rows(source_locale=None):
    from wagtail.snippets.models import get_snippet_models

    source_locale = source_locale or Locale.get_default()
    others = Locale.objects.exclude(pk=source_locale.pk).order_by("language_code")
    rows = []
    for model in get_snippet_models():
        if not hasattr(model, "translation_key"):
            continue
        objects = list(model.objects.filter(locale=source_locale))
        keys = [obj.translation_key for obj in objects]
        translations_by_key = {
            (obj.translation_key, obj.locale_id): {
                "id": obj.pk,
                "edit_url": reverse(obj.snippet_viewset.get_url_name("edit"), args=[obj.pk]),
                "changed_at": None,
            }
            for obj in model.objects.filter(translation_key__in=keys).exclude(locale=source_locale)
        }
        sources = {s.object_id: s for s in TranslationSource.objects.filter(object_id__in=keys, locale=source_locale)}
        translations = {
            (t.source_id, t.target_locale_id): t
            for t in Translation.objects.filter(source__in=sources.values(), enabled=True)
        }
        totals, translated = _progress([s.pk for s in sources.values()])
        for obj in objects:
            submit_url = reverse(
                "wagtail_localize:submit_snippet_translation",
                args=[model._meta.app_label, model._meta.model_name, obj.pk],
            )
            cells = [
                _cell(
                    locale.language_code,
                    locale,
                    obj.translation_key,
                    translations_by_key,
                    sources,
                    translations,
                    totals,
                    translated,
                    None,
                    submit_url,
                )
                for locale in others
            ]
            rows.append(
                Row(
                    "snippet",
                    str(obj),
                    obj.pk,
                    obj.translation_key,
                    str(model._meta.verbose_name_plural),
                    model._meta.label,
                    reverse(obj.snippet_viewset.get_url_name("edit"), args=[obj.pk]),
                    None,
                    cells,
                )
            )
    return rows
