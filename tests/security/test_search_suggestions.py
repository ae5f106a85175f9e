"""
"Did you mean" offers only words a reader could find: nothing from a page
that was unpublished, deleted or made private, or from a member who is no
longer listed, although the engine keeps their words until its segments merge.
"""

import pytest
from django.test import Client
from wagtail.models import PageViewRestriction
from wagtail.rich_text import RichText

from home.models import StandardPage
from members.models import Member
from tests import site


def publish(home, title, word, slug):
    page = StandardPage(
        title=title, slug=slug, intro=f"About {word}.", body=[("paragraph", RichText(f"<p>The {word} plan.</p>"))]
    )
    home.add_child(instance=page)
    page.save_revision().publish()
    return page


def suggestion(query):
    """What an anonymous reader is offered, through the API and on the results page."""
    reader = Client()
    api = reader.get("/api/v2/search/", {"q": query, "locale": "en"}).json()
    html = reader.get("/en/search/", {"q": query}).content.decode()
    return api["suggestion"], html


@pytest.mark.django_db
class TestDidYouMean:
    # A first letter wrong: the query finds nothing (typo tolerance keeps the
    # first letter), and the suggester proposes the word.
    def test_a_word_offered_while_public_is_not_offered_once_unpublished(self, engine, home):
        page = publish(home, "Okapiepsilon plan", "okapiepsilon", "okapi-plan")
        offered, _html = suggestion("xkapiepsilon")
        assert offered == "okapiepsilon"  # the suggester works while the page is public
        page.unpublish()
        offered, html = suggestion("xkapiepsilon")
        assert offered != "okapiepsilon"
        assert "okapiepsilon" not in html

    def test_nothing_from_a_deleted_page(self, engine, home):
        page = publish(home, "Zebrafoxtrot plan", "zebrafoxtrot", "zebra-plan")
        page.delete()
        offered, html = suggestion("qebrafoxtrot")
        assert offered != "zebrafoxtrot" and "zebrafoxtrot" not in html

    def test_nothing_from_a_page_made_private_after_publishing(self, engine, home):
        page = publish(home, "Quokkagamma plan", "quokkagamma", "quokka-plan")
        PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
        offered, html = suggestion("xuokkagamma")
        assert offered != "quokkagamma" and "quokkagamma" not in html

    def test_nothing_from_a_member_no_longer_listed(self, engine):
        member = Member.objects.get(full_name=site.MEMBERS[1][0], locale__language_code="en")
        member.biography = "Expert in vicunadelta networks."
        member.show_biography = True
        member.save()
        assert suggestion("xicunadelta")[0] == "vicunadelta"
        member.listed = False
        member.save()
        offered, html = suggestion("xicunadelta")
        assert offered != "vicunadelta" and "vicunadelta" not in html
