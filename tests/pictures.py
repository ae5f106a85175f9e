"""
The renditions the public templates ask for, made once per test run, outside
the tests' transactions: otherwise each test that renders a page would draw
every picture on it again (and then roll the renditions back). Keep in step
with the {% picture %} tags in the templates; a rendition missing here is
only slower, never wrong.
"""

from wagtail.images.models import Filter, SourceImageIOError

CARD = "format-{webp,jpeg}|fill-{400x225,800x450}"
FIGURE = "format-{webp,jpeg}|width-{800,1600}"
SHARING = "fill-1200x630"
PORTRAIT = "format-{webp,jpeg}|fill-{240x240,480x480}"
HERO = "format-{avif,webp,jpeg}|fill-{800x400,1600x800}"


def _filters(*patterns):
    return [Filter(spec=spec) for pattern in patterns for spec in Filter.expand_spec(pattern)]


def make_renditions():
    from articles.models import ArticlePage
    from events.models import EventPage
    from home.models import HomePage
    from members.models import Member

    wanted = [
        (HomePage.objects.exclude(hero_image=None), "hero_image", _filters(HERO)),
        (ArticlePage.objects.exclude(hero_image=None), "hero_image", _filters(CARD, FIGURE, SHARING)),
        (EventPage.objects.exclude(image=None), "image", _filters(CARD, FIGURE, SHARING)),
        (Member.objects.listed().exclude(photo=None), "photo", _filters(PORTRAIT)),
    ]
    done = set()
    for role, (queryset, field, filters) in enumerate(wanted):
        for obj in queryset.select_related(field):
            image = getattr(obj, field)
            # One picture can serve several roles (a hero and a card), each with its own sizes.
            if (image.pk, role) in done:
                continue
            done.add((image.pk, role))
            try:
                image.get_renditions(*filters)
            except SourceImageIOError:
                # A database reused from an earlier run (--reuse-db) keeps the
                # rows but not the files of its in-memory storage.
                continue
