# The per-language approval task was created by `home` (home/0004); this
# moves it to this app in Django's state only. The tables keep their rows;
# 0002 renames them.

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('auth', '0012_alter_user_first_name_max_length'),
        ('home', '0005_homepage_hero_actions_homepage_hero_image_alt'),
        ('wagtailcore', '0098_apitoken'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='LanguageGroupApprovalTask',
                    fields=[
                        ('task_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to='wagtailcore.task')),
                        ('groups', models.ManyToManyField(help_text='Pages/snippets at this step in a workflow will be moderated or approved by these groups of users', to='auth.group', verbose_name='groups')),
                    ],
                    options={
                        'db_table': 'home_languagegroupapprovaltask',
                        'verbose_name': 'group approval task (per language)',
                        'verbose_name_plural': 'group approval tasks (per language)',
                    },
                    bases=('wagtailcore.task',),
                ),
            ],
            database_operations=[],
        ),
    ]
