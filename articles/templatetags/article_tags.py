from django import template

register = template.Library()


@register.filter
def topic_label(tag, labels):
    """The topic's label in the reader's language: `{{ tag|topic_label:topics }}`."""
    return labels.get(tag.pk, tag.name)
