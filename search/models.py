from django.db import models
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

MAX_LOGGED_QUERY_LENGTH = 200


class SearchQueryLogQuerySet(models.QuerySet):
    def record(self, query, language, result_count):
        """Count one more search for `query` in `language` today (one upsert, no read)."""
        query = " ".join(query.split()).lower()[:MAX_LOGGED_QUERY_LENGTH]
        if not query:
            return
        today = timezone.localdate()
        updated = self.filter(day=today, language=language, query=query).update(
            hits=F("hits") + 1, last_result_count=result_count
        )
        if not updated:
            self.get_or_create(
                day=today, language=language, query=query, defaults={"hits": 1, "last_result_count": result_count}
            )

    def zero_results(self):
        return self.filter(last_result_count=0)


class SearchQueryLog(models.Model):
    """What readers searched for, per language and day, and whether they found anything."""

    day = models.DateField(_("day"), db_index=True)
    language = models.CharField(_("language"), max_length=10, db_index=True)
    query = models.CharField(_("query"), max_length=MAX_LOGGED_QUERY_LENGTH)
    hits = models.PositiveIntegerField(_("searches"), default=0)
    last_result_count = models.PositiveIntegerField(_("results"), default=0)

    objects = SearchQueryLogQuerySet.as_manager()

    class Meta:
        verbose_name = _("search query")
        verbose_name_plural = _("search queries")
        ordering = ["-day", "-hits"]
        constraints = [models.UniqueConstraint(fields=["day", "language", "query"], name="unique_query_per_day")]

    def __str__(self):
        return self.query


class PendingIndexUpdate(models.Model):
    """An index update the engine missed while it was unreachable; applied when it returns."""

    SITE = "site"
    WAGTAIL = "wagtail"

    # The site search's language indexes, or Wagtail's own (admin search, the pages API's ?search=).
    index = models.CharField(max_length=10, default=SITE)
    model = models.CharField(max_length=100)
    object_id = models.CharField(max_length=64)
    language = models.CharField(max_length=10)
    deleted = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["index", "model", "object_id", "language", "deleted"], name="unique_pending_update"
            )
        ]

    def __str__(self):
        return f"{self.model} {self.object_id} ({self.language})"


class DatabaseDocument(models.Model):
    """
    A search document kept in the database: the same document the engine gets
    (only what any reader may see), for the database search that readers get
    with no engine or during an outage. Its terms are in DatabaseTerm.
    """

    language = models.CharField(max_length=10)
    document_id = models.CharField(max_length=64)
    kind = models.CharField(max_length=20)
    # Section index pages rank below the content they list (see search.documents.page_rank).
    rank = models.FloatField(default=1.0)
    title = models.TextField()
    summary = models.TextField(blank=True)
    body = models.TextField(blank=True)
    url = models.TextField()
    topics = models.JSONField(default=list)
    country = models.CharField(max_length=2, blank=True)
    year = models.PositiveSmallIntegerField(null=True)
    date = models.CharField(max_length=32, blank=True)
    extra = models.JSONField(default=dict)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["language", "document_id"], name="unique_database_document"),
        ]

    def __str__(self):
        return f"{self.title} ({self.language})"


class DatabaseTerm(models.Model):
    """One term of one document, with its weight (field boosts and frequency already applied)."""

    document = models.ForeignKey(DatabaseDocument, on_delete=models.CASCADE, related_name="terms")
    language = models.CharField(max_length=10)
    term = models.CharField(max_length=60)
    weight = models.FloatField()

    class Meta:
        indexes = [models.Index(fields=["language", "term"], name="search_term_lookup")]

    def __str__(self):
        return self.term
