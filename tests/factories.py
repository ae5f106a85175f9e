import datetime

import factory
import wagtail_factories
from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import Locale
from wagtail.rich_text import RichText

from articles.models import ArticleAuthor, ArticleIndexPage, ArticlePage
from events.models import EventIndexPage, EventPage
from home.models import AboutPage, HomePage, StandardPage
from members.models import Member, MemberDirectoryPage


class StandardPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Standard page {n}")
    slug = factory.Sequence(lambda n: f"standard-page-{n}")
    intro = "A page for tests."

    class Meta:
        model = StandardPage


class AboutPageFactory(wagtail_factories.PageFactory):
    title = "About"
    slug = "about"
    intro = "About the Network."

    class Meta:
        model = AboutPage


class HomePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Home {n}")
    slug = factory.Sequence(lambda n: f"home-{n}")
    hero_title = "Women leading in ICT"

    class Meta:
        model = HomePage


class ArticleIndexPageFactory(wagtail_factories.PageFactory):
    title = "In Focus"
    slug = "in-focus"
    intro = "Articles for tests."
    show_in_menus = True

    class Meta:
        model = ArticleIndexPage


class EventIndexPageFactory(wagtail_factories.PageFactory):
    title = "Events"
    slug = "events"
    intro = "Events for tests."
    show_in_menus = True

    class Meta:
        model = EventIndexPage


class MemberDirectoryPageFactory(wagtail_factories.PageFactory):
    title = "Members"
    slug = "members"
    intro = "Members for tests."
    show_in_menus = True

    class Meta:
        model = MemberDirectoryPage


class ArticlePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Article {n}")
    slug = factory.Sequence(lambda n: f"article-{n}")
    intro = "A standfirst for the article."
    body = factory.LazyFunction(
        lambda: [("paragraph", RichText("<p>" + "Women lead in ICT across the world. " * 30 + "</p>"))]
    )

    class Meta:
        model = ArticlePage
        skip_postgeneration_save = True

    @factory.post_generation
    def topics(self, create, extracted, **kwargs):
        if extracted:
            self.tags.set(extracted)
            if create:
                _keep_related(self)

    @factory.post_generation
    def authors(self, create, extracted, **kwargs):
        """authors=[(name, role), …]"""
        if extracted:
            for name, role in extracted:
                self.authors.add(ArticleAuthor(name=name, role=role, locale=self.locale))
            if create:
                _keep_related(self)


def _keep_related(page):
    """
    Store what a post-generation hook added (topics, authors) and record it in
    a revision: published if the page is live, a draft revision if it was
    built with live=False (a draft given topics must stay a draft).
    """
    page.save()  # the related rows are written before the revision records them
    revision = page.save_revision()
    if page.live:
        revision.publish()


class EventPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Event {n}")
    slug = factory.Sequence(lambda n: f"event-{n}")
    summary = "An event for tests."
    time_zone = "UTC"
    start = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=10))
    end = factory.LazyAttribute(lambda event: event.start + datetime.timedelta(hours=2))

    class Meta:
        model = EventPage


class ImageFactory(wagtail_factories.ImageFactory):
    title = factory.Sequence(lambda n: f"Image {n}")


# Contact data is never public: tests look for this domain in every output.
CONTACT_DOMAIN = "members.example.org"


class MemberFactory(factory.django.DjangoModelFactory):
    """A listed member who shows everything public; pass listed=False etc. for private ones."""

    full_name = factory.Sequence(lambda n: f"Member Tester {n}")
    position = "Director"
    organisation = factory.LazyAttribute(lambda member: f"Organisation of {member.full_name}")
    sector = "government"
    country = "KE"
    biography = "She leads digital programmes."
    website = factory.LazyAttribute(lambda member: f"https://example.org/{slugify(member.full_name)}")
    languages_spoken = ["en"]
    member_since = datetime.date(2020, 2, 25)
    listed = True
    show_on_map = True
    show_photo = True
    show_organisation = True
    show_biography = True
    show_links = True
    email = factory.LazyAttribute(lambda member: f"{slugify(member.full_name)}@{CONTACT_DOMAIN}")
    phone = "+41 22 000 00 00"
    locale = factory.LazyFunction(lambda: Locale.objects.get(language_code="en"))

    class Meta:
        model = Member
        skip_postgeneration_save = True

    @factory.post_generation
    def expertise(self, create, extracted, **kwargs):
        if extracted and create:
            self.expertise.set(extracted)
            self.save()
