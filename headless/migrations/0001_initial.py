# The headless layer's models were created by `home` (home/0003); this moves
# them to this app in Django's state only. The tables keep their rows; 0002
# renames them.

import django.db.models.deletion
import uuid

from django.db import migrations, models

import headless.models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('contenttypes', '0002_remove_content_type_name'),
        ('home', '0005_homepage_hero_actions_homepage_hero_image_alt'),
        ('wagtailcore', '0098_apitoken'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='HeadlessSettings',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('preview_url', models.URLField(blank=True, help_text="The front end's preview address, e.g. https://www.example.org/api/preview. Previews then open there with ?content_type=…&token=…&locale=…; the front end fetches the draft from /api/v2/preview/?token=…. Leave empty to use Wagtail's own preview (or the HEADLESS_PREVIEW_URL environment variable).", verbose_name='headless preview URL')),
                        ('site', models.OneToOneField(editable=False, on_delete=django.db.models.deletion.CASCADE, to='wagtailcore.site')),
                    ],
                    options={
                        'db_table': 'home_headlesssettings',
                        'verbose_name': 'headless front end',
                    },
                ),
                migrations.CreateModel(
                    name='PagePreview',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('token', models.UUIDField(default=uuid.uuid4, editable=False, unique=True)),
                        ('content_json', models.TextField()),
                        ('created_at', models.DateTimeField(auto_now_add=True, db_index=True)),
                        ('content_type', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='contenttypes.contenttype')),
                    ],
                    options={
                        'db_table': 'home_pagepreview',
                        'verbose_name': 'page preview',
                        'verbose_name_plural': 'page previews',
                    },
                ),
                migrations.CreateModel(
                    name='WebhookEndpoint',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('name', models.CharField(max_length=100, verbose_name='name')),
                        ('url', models.URLField(max_length=500, verbose_name='URL')),
                        ('secret', models.CharField(default=headless.models._webhook_secret, help_text="Deliveries carry X-Webhook-Signature: sha256=HMAC(secret, timestamp + '.' + body).", max_length=200, verbose_name='signing secret')),
                        ('events', models.JSONField(default=list, help_text='Leave empty for every event.', verbose_name='events')),
                        ('active', models.BooleanField(default=True, verbose_name='active')),
                        ('content_types', models.ManyToManyField(blank=True, limit_choices_to={'app_label__in': ['home', 'articles', 'events', 'members']}, related_name='+', to='contenttypes.contenttype', verbose_name='only these page types')),
                        ('locales', models.ManyToManyField(blank=True, related_name='+', to='wagtailcore.locale', verbose_name='only these languages')),
                    ],
                    options={
                        'db_table': 'home_webhookendpoint',
                        'verbose_name': 'webhook',
                        'verbose_name_plural': 'webhooks',
                    },
                ),
                migrations.CreateModel(
                    name='WebhookDelivery',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('event', models.CharField(choices=[('page.published', 'Page published'), ('page.unpublished', 'Page unpublished'), ('page.deleted', 'Page deleted'), ('translation.published', 'Translation published'), ('event.changed', 'Event changed')], max_length=40, verbose_name='event')),
                        ('payload', models.JSONField(verbose_name='payload')),
                        ('status', models.CharField(choices=[('pending', 'Pending'), ('succeeded', 'Delivered'), ('failed', 'Failed')], default='pending', max_length=20, verbose_name='status')),
                        ('attempts', models.PositiveSmallIntegerField(default=0, verbose_name='attempts')),
                        ('last_status_code', models.PositiveSmallIntegerField(blank=True, null=True, verbose_name='last response')),
                        ('last_error', models.TextField(blank=True, verbose_name='last error')),
                        ('next_attempt_at', models.DateTimeField(blank=True, db_index=True, null=True, verbose_name='next attempt')),
                        ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='created')),
                        ('delivered_at', models.DateTimeField(blank=True, null=True, verbose_name='delivered')),
                        ('endpoint', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='deliveries', to='headless.webhookendpoint', verbose_name='webhook')),
                    ],
                    options={
                        'db_table': 'home_webhookdelivery',
                        'verbose_name': 'webhook delivery',
                        'verbose_name_plural': 'webhook deliveries',
                        'ordering': ['-created_at'],
                    },
                ),
            ],
            database_operations=[],
        ),
    ]
