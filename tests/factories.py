import datetime

import factory
import wagtail_factories
from django.utils import timezone
from wagtail.rich_text import RichText

from articles.models import ArticlePage
from events.models import EventPage
from home.models import AboutPage, HomePage, StandardPage


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
                self.save_revision().publish()


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
