from django.db import migrations

# The six official languages of the United Nations. Creating them in a
# migration means every database, including the test database, has them.
LANGUAGE_CODES = ["ar", "en", "es", "fr", "ru", "zh-hans"]


def create_locales(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    for code in LANGUAGE_CODES:
        Locale.objects.get_or_create(language_code=code)


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0001_initial"),
    ]

    operations = [migrations.RunPython(create_locales, migrations.RunPython.noop)]
