"""
The member directory keeps its filter choices (countries and areas of
expertise of listed members, in the reader's language) and each member's card
in the shared cache even with the full-page cache off, and shows any change
to them at once.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from taggit.models import Tag

from tests.factories import ImageFactory, MemberFactory
from tests.reading import read

pytestmark = pytest.mark.usefixtures("page_cache_off")


@pytest.mark.django_db
class TestFilterChoices:
    def test_a_second_reader_does_not_read_them_again(self, directory):
        first = read("/en/members/")
        with CaptureQueriesContext(connection) as captured:
            again = read("/en/members/")
        assert again == first
        queries = [query["sql"] for query in captured.captured_queries]
        assert not [sql for sql in queries if "members_memberexpertisetag" in sql]
        assert not [sql for sql in queries if 'DISTINCT "members_member"."country"' in sql]

    def test_a_newly_listed_country_is_offered_at_once(self, directory):
        assert 'value="IS"' not in read("/en/members/")
        member = MemberFactory(country="IS", listed=False)
        assert 'value="IS"' not in read("/en/members/")
        member.listed = True
        member.save()
        assert 'value="IS"' in read("/en/members/")
        assert ">Islande<" in read("/fr/members/")

    def test_a_country_no_listed_member_is_from_leaves_at_once(self, directory):
        member = MemberFactory(country="IS")
        assert 'value="IS"' in read("/en/members/")
        member.listed = False
        member.save()
        assert 'value="IS"' not in read("/en/members/")

    def test_a_renamed_area_of_expertise_is_offered_at_once(self, directory):
        tag = Tag.objects.create(name="Quantum networks", slug="quantum-networks")
        MemberFactory(expertise=[tag])
        assert ">Quantum networks<" in read("/en/members/")
        tag.name = "Quantum communication"
        tag.save()
        html = read("/en/members/")
        assert ">Quantum communication<" in html
        assert ">Quantum networks<" not in html


@pytest.mark.django_db
def test_a_card_shows_the_sector_in_the_readers_language(directory):
    MemberFactory(full_name="Amina Sector", sector="regulator")
    assert "Régulateur" in read("/fr/members/?q=Amina")
    assert "Regulator" in read("/en/members/?q=Amina")


def card_of(html, name):
    start = html.index(f">{name}</a>")
    return html[html.rindex("<article", 0, start) : html.index("</article>", start)]


@pytest.mark.django_db
class TestMemberCards:
    def test_a_second_reader_reads_no_photo_again(self, directory):
        MemberFactory(full_name="Amina Photo", photo=ImageFactory())
        first = read("/en/members/?q=Amina")
        with CaptureQueriesContext(connection) as captured:
            again = read("/en/members/?q=Amina")
        assert again == first
        assert "member-card__photo" in again
        assert not [query for query in captured.captured_queries if "wagtailimages" in query["sql"]]

    def test_an_edited_profile_shows_at_once(self, directory):
        member = MemberFactory(full_name="Amina Edit", position="Director")
        assert "Director" in card_of(read("/en/members/?q=Amina"), "Amina Edit")
        member.position = "Minister of ICT"
        member.save()
        assert "Minister of ICT" in card_of(read("/en/members/?q=Amina"), "Amina Edit")

    def test_a_withdrawn_consent_hides_at_once(self, directory):
        member = MemberFactory(full_name="Amina Consent", photo=ImageFactory())
        card = card_of(read("/en/members/?q=Amina"), "Amina Consent")
        assert "member-card__photo" in card
        assert member.organisation in card
        member.show_photo = member.show_organisation = False
        member.save()
        card = card_of(read("/en/members/?q=Amina"), "Amina Consent")
        assert "member-card__photo" not in card
        assert member.organisation not in card

    def test_a_changed_photo_shows_at_once(self, directory):
        photo = ImageFactory(file__filename="portrait-test.png")
        MemberFactory(full_name="Amina Portrait", photo=photo)
        before = card_of(read("/en/members/?q=Amina"), "Amina Portrait")
        # A new focal point gives the cropped renditions new files.
        photo.focal_point_x, photo.focal_point_y, photo.focal_point_width, photo.focal_point_height = 5, 5, 4, 4
        photo.save()
        after = card_of(read("/en/members/?q=Amina"), "Amina Portrait")
        assert "portrait-test" in before
        assert "portrait-test" in after
        assert after != before
