import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.models import Page
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from home.visibility import public_pages

from .documents import HOOK, SearchDocumentType, build_page, document_types
from .models import SearchQueryLog


def _generic_pages():
    specific = [t.model for t in document_types() if issubclass(t.model, Page) and t.model is not Page]
    return public_pages(Page.objects.filter(depth__gt=1).not_type(*specific)).specific()


@hooks.register(HOOK)
def register_pages():
    return [SearchDocumentType(kind="page", model=Page, build=build_page, queryset=_generic_pages, label=_("Pages"))]


class SearchQueryFilterSet(WagtailFilterSet):
    zero_results = django_filters.BooleanFilter(
        label=_("Only searches that found nothing"), method="filter_zero_results", widget=forms.CheckboxInput
    )

    class Meta:
        model = SearchQueryLog
        fields = ["language", "day"]

    def filter_zero_results(self, queryset, name, value):
        return queryset.zero_results() if value else queryset


class SearchQueryLogViewSet(SnippetViewSet):
    """What readers searched for, per language: editors see it to improve content and promotions."""

    model = SearchQueryLog
    icon = "search"
    menu_label = _("Search queries")
    add_to_admin_menu = True
    menu_order = 900
    list_display = ["query", "language", "day", "hits", "last_result_count"]
    filterset_class = SearchQueryFilterSet
    search_fields = ["query"]
    ordering = ["-day", "-hits"]
    inspect_view_enabled = True


register_snippet(SearchQueryLogViewSet)


@hooks.register("construct_reports_menu")
def one_search_log_screen(request, menu_items):
    """
    "Search queries" (per language, with the searches that found nothing)
    covers the search-promotions app's "Search terms" report: one place, not two.
    """
    menu_items[:] = [item for item in menu_items if item.name != "search-terms"]
