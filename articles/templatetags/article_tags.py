from django import template
from django.conf import settings

from home.content_language import TextIn

register = template.Library()


@register.filter
def topic_label(tag, labels):
    """
    The topic's label in the reader's language: `{{ tag|topic_label:topics }}`.
    A topic nobody has labelled yet shows its tag name, in the default language.
    """
    return labels.get(tag.pk) or TextIn(tag.name, settings.LANGUAGE_CODE)
