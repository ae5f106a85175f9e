"""
An index in newest_first's order (`date DESC NULLS LAST`): lists walk it and
stop at the page they show instead of sorting every article of every language.
On PostgreSQL only: SQLite refuses NULLS LAST in an index, and a database that
small has nothing to sort.
"""

from django.db import migrations

INDEX = "articles_newest_first"


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {INDEX} ON articles_articlepage (date DESC NULLS LAST)")


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("articles", "0003_articleauthor_member")]

    operations = [migrations.RunPython(create_index, drop_index, elidable=False)]
