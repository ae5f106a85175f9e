# The table and content type follow the model moved in 0001: this app's table
# names (the groups table with it), and this app's label on the content type
# that Wagtail's Task rows point at, so existing workflows keep their task.

from django.db import migrations

from home.content_types import move_content_types


class Migration(migrations.Migration):

    dependencies = [
        ('auth', '0012_alter_user_first_name_max_length'),
        ('contenttypes', '0002_remove_content_type_name'),
        ('translation_workflow', '0001_initial'),
        ('home', '0006_move_headless_and_translation_workflow_models'),
    ]

    operations = [
        migrations.AlterModelTable(name='languagegroupapprovaltask', table=None),
        migrations.RunPython(*move_content_types("home", "translation_workflow", ["languagegroupapprovaltask"])),
    ]
