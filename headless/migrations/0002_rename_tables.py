# Tables and content types follow the models moved in 0001: the tables get
# this app's names (their many-to-many tables with them), and the content
# types this app's label, so permissions and references keep working.

from django.db import migrations

from home.content_types import move_content_types

MODELS = ["headlesssettings", "pagepreview", "webhookendpoint", "webhookdelivery"]


class Migration(migrations.Migration):

    dependencies = [
        ('auth', '0012_alter_user_first_name_max_length'),
        ('contenttypes', '0002_remove_content_type_name'),
        ('headless', '0001_initial'),
        ('home', '0006_move_headless_and_translation_workflow_models'),
    ]

    operations = [
        migrations.AlterModelTable(name='headlesssettings', table=None),
        migrations.AlterModelTable(name='pagepreview', table=None),
        migrations.AlterModelTable(name='webhookendpoint', table=None),
        migrations.AlterModelTable(name='webhookdelivery', table=None),
        migrations.RunPython(*move_content_types("home", "headless", MODELS)),
    ]
