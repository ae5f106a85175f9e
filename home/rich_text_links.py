"""
Links to pages in rich text, as readers may follow them (home.links): apart
from home.links, which models import, as Wagtail's link handlers load models.
"""

from django.utils.html import format_html
from wagtail.models import Page
from wagtail.rich_text.pages import PageLinkHandler

from .links import reachable


class ReachablePageLinkHandler(PageLinkHandler):
    """
    A page link in rich text, to the page in the reader's language, and with
    no address while readers may not see it (its words stay: they are part of
    the sentence). Two queries for all the links of a text, where Wagtail's
    own reads each link's translation apart.
    """

    @classmethod
    def get_many(cls, attrs_list):
        ids = [str(attrs.get("id")) for attrs in attrs_list]
        pages = {str(page.pk): page for page in Page.objects.filter(pk__in=[pk for pk in ids if pk.isdigit()])}
        return [pages.get(pk) for pk in ids]

    @classmethod
    def expand_db_attributes_many(cls, attrs_list):
        pages = cls.get_many(attrs_list)
        targets = reachable(pages)
        return [
            format_html('<a href="{}">', targets[page.pk].url) if page is not None and page.pk in targets else "<a>"
            for page in pages
        ]
