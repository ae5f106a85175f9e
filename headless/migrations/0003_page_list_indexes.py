"""
Indexes on Wagtail's page table for the API's lists (headless.api): Wagtail
declares neither, and its models are not ours to change, hence SQL.
"""

from django.conf import settings
from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("headless", "0002_rename_tables"),
        migrations.swappable_dependency(settings.WAGTAIL_PAGE_MODEL),
    ]

    operations = [
        # Last-Modified of a list: the newest public page, found by walking
        # back from the latest publication instead of reading every page.
        migrations.RunSQL(
            "CREATE INDEX IF NOT EXISTS headless_page_last_published ON wagtailcore_page (last_published_at)",
            "DROP INDEX IF EXISTS headless_page_last_published",
        ),
        # ?locale= lists in tree order: one language's pages, already in order.
        migrations.RunSQL(
            "CREATE INDEX IF NOT EXISTS headless_page_locale_path ON wagtailcore_page (locale_id, path)",
            "DROP INDEX IF EXISTS headless_page_locale_path",
        ),
        # ?order=title: walk the titles in order instead of sorting every page.
        migrations.RunSQL(
            "CREATE INDEX IF NOT EXISTS headless_page_title ON wagtailcore_page (title)",
            "DROP INDEX IF EXISTS headless_page_title",
        ),
    ]
