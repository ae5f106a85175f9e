# The headless layer's and the translation workflow's models now belong to
# their own apps (headless/0001, translation_workflow/0001): removed from this
# app's state only, so their tables and rows stay. Those apps take the models
# over first where they are installed; a site with `home` alone keeps the
# tables unused (docs/architecture.md).

from django.apps import apps
from django.db import migrations

TAKEN_OVER_BY = [
    (app, '0001_initial') for app in ('headless', 'translation_workflow') if apps.is_installed(app)
]


class Migration(migrations.Migration):

    dependencies = [
        ('home', '0005_homepage_hero_actions_homepage_hero_image_alt'),
        *TAKEN_OVER_BY,
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(name='WebhookDelivery'),
                migrations.DeleteModel(name='WebhookEndpoint'),
                migrations.DeleteModel(name='PagePreview'),
                migrations.DeleteModel(name='HeadlessSettings'),
                migrations.DeleteModel(name='LanguageGroupApprovalTask'),
            ],
            database_operations=[],
        ),
    ]
