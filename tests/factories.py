import factory
import wagtail_factories
from wagtail.models import Locale

from home.models import AboutPage, HomePage, StandardPage


class LocaleMixin(factory.Factory):
    class Meta:
        abstract = True

    locale = factory.LazyFunction(Locale.get_default)


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
