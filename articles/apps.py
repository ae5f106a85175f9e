from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = _("In Focus")

    def ready(self):
        from taggit.models import Tag

        from home import page_cache

        from .models import TopicLabel

        # Topic names (the fallback label) and labels appear on every In Focus page.
        for model in (TopicLabel, Tag):
            page_cache.purge_on_change(model, topic_tags)


def topic_tags(instance):
    return ["topics"]
