"""
What readers may see, asked one way everywhere: pages, the API, listings,
the site search and feeds all filter with `public_pages`.
"""

from django.contrib.postgres.expressions import ArraySubquery
from django.db import connections
from django.db.models import BooleanField, Exists, F, Func, OuterRef, Value
from django.db.models.functions import Concat, Length, Substr
from wagtail.models import PageViewRestriction


class StartsWithNone(Func):
    """`text` starts with none of `patterns`, an array of LIKE patterns ('prefix%')."""

    arity = 2
    output_field = BooleanField()

    def as_sql(self, compiler, connection, **extra_context):
        text, text_params = compiler.compile(self.source_expressions[0])
        patterns, pattern_params = compiler.compile(self.source_expressions[1])
        return f"NOT ({text} LIKE ANY ({patterns}))", (*text_params, *pattern_params)


def public_pages(queryset):
    """
    Live pages with no view restriction on themselves or an ancestor, in one
    SQL clause however many restrictions exist (Wagtail's .public() adds one
    clause per restricted page).
    """
    if connections[queryset.db].vendor == "postgresql":
        # The restricted paths are read once per query (an array), and each
        # page is compared with them. A correlated NOT EXISTS costs the same
        # to run, but PostgreSQL prices it as a join of every page with a
        # guessed 130 restrictions (the table is small, so never analysed):
        # plans over many pages then looked dear enough to be compiled (JIT,
        # 20 to 30 ms a query) and to be joined the slow way.
        restricted = ArraySubquery(
            PageViewRestriction.objects.annotate(pattern=Concat("page__path", Value("%"))).values("pattern")
        )
        return queryset.live().filter(StartsWithNone(F("path"), restricted))
    return queryset.live().filter(~behind_a_restriction())


def behind_a_restriction():
    """True for a page with a view restriction on itself or an ancestor (an annotation or a filter)."""
    return Exists(PageViewRestriction.objects.filter(page__path=Substr(OuterRef("path"), 1, Length("page__path"))))
