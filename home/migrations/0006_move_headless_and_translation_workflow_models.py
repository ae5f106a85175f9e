# The headless layer's and the translation workflow's models now belong to
# their own apps (headless/0001, translation_workflow/0001): removed from this
# app's state only, so their tables and rows stay.

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('home', '0005_homepage_hero_actions_homepage_hero_image_alt'),
        ('headless', '0001_initial'),
        ('translation_workflow', '0001_initial'),
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
