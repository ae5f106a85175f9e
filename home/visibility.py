"""
What readers may see, asked one way everywhere: pages, the API, listings,
the site search and feeds all filter with `public_pages`.
"""

from django.contrib.postgres.fields import ArrayField
from django.db import connections
from django.db.models import BooleanField, CharField, Exists, Expression, F, Func, OuterRef
from django.db.models.functions import Length, Substr
from wagtail.models import Page, PageViewRestriction


class StartsWithNone(Func):
    """`text` starts with none of `patterns`, an array of LIKE patterns ('prefix%')."""

    arity = 2
    output_field = BooleanField()

    def as_sql(self, compiler, connection, **extra_context):
        text, text_params = compiler.compile(self.source_expressions[0])
        patterns, pattern_params = compiler.compile(self.source_expressions[1])
        return f"NOT ({text} LIKE ANY ({patterns}))", (*text_params, *pattern_params)


class RestrictedPathPatterns(Expression):
    """
    An array of LIKE patterns ('path%'), one per page with a view
    restriction, as the subquery ARRAY(SELECT path || '%' FROM ...): written
    once per process, as readers' queries all carry it and building and
    compiling it as a queryset (a join, a concatenation) each time cost a
    millisecond or two of CPU per query.
    """

    output_field = ArrayField(CharField())
    _sql = None

    def as_sql(self, compiler, connection, **extra_context):
        if RestrictedPathPatterns._sql is None:
            quote = connection.ops.quote_name
            page, restriction = Page._meta, PageViewRestriction._meta
            restricted_page = restriction.get_field("page").column
            # Only quoted table and column names from the models go in; the pattern's '%' is a parameter.
            RestrictedPathPatterns._sql = (
                f"ARRAY(SELECT {quote('restricted')}.{quote(page.get_field('path').column)} || %s"  # noqa: S608
                f" FROM {quote(restriction.db_table)} {quote('restriction')}"
                f" INNER JOIN {quote(page.db_table)} {quote('restricted')}"
                f" ON ({quote('restriction')}.{quote(restricted_page)} = {quote('restricted')}.{quote(page.pk.column)}))"
            )
        return RestrictedPathPatterns._sql, ("%",)


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
        return queryset.live().filter(StartsWithNone(F("path"), RestrictedPathPatterns()))
    return queryset.live().filter(~behind_a_restriction())


def behind_a_restriction():
    """True for a page with a view restriction on itself or an ancestor (an annotation or a filter)."""
    return Exists(PageViewRestriction.objects.filter(page__path=Substr(OuterRef("path"), 1, Length("page__path"))))
