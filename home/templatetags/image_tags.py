"""
Wagtail's image tags (`image`, `srcset_image`, `picture`), reading their
filter specs once per template rather than once per image shown.

Wagtail's nodes build new Filter objects on every render, and each filter
parses its operations again (with an `inspect` call per operation): a card
list with a `picture` of four renditions per card spent a fifth of its image
time there. The parsed filters depend only on the specs written in the
template, so the node keeps them.
"""

from django import template
from wagtail.images.templatetags.wagtailimages_tags import ImageNode, PictureNode, SrcsetImageNode
from wagtail.images.templatetags.wagtailimages_tags import image as parse_image_tag

register = template.Library()


class RememberedFilters:
    def get_filter(self):
        if getattr(self, "_filter", None) is None:
            self._filter = super().get_filter()
        return self._filter

    def get_filters(self):
        if getattr(self, "_filters", None) is None:
            self._filters = super().get_filters()
        return self._filters


class RememberedImageNode(RememberedFilters, ImageNode):
    pass


class RememberedSrcsetImageNode(RememberedFilters, SrcsetImageNode):
    pass


class RememberedPictureNode(RememberedFilters, PictureNode):
    pass


NODES = {ImageNode: RememberedImageNode, SrcsetImageNode: RememberedSrcsetImageNode, PictureNode: RememberedPictureNode}


def image(parser, token):
    node = parse_image_tag(parser, token)
    return NODES[type(node)](node.image_expr, node.filter_specs, output_var_name=node.output_var_name, attrs=node.attrs)


register.tag("image", image)
register.tag("srcset_image", image)
register.tag("picture", image)
