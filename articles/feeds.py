from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext as _

from home import locales

FEED_LENGTH = 20


class ArticleRssFeed(Feed):
    """The latest live, public articles of one language's In Focus index."""

    feed_type = Rss201rev2Feed

    def __init__(self, index):
        super().__init__()
        self.index = index

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def title(self):
        return _("%(title)s — Global Network of Women ICT Decision Makers") % {"title": self.index.title}

    def link(self):
        return self.index.get_full_url(self.request)

    def description(self):
        return self.index.intro or self.index.title

    def items(self):
        from .models import TopicLabel  # articles.models imports the feeds

        # Topics by their labels in the feed's language, as the pages show them.
        self.topic_labels = TopicLabel.objects.labels_for(locales.by_id(self.index.locale_id))
        return list(self.index.articles()[:FEED_LENGTH])

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.intro

    def item_link(self, item):
        return item.get_full_url(self.request)

    def item_guid(self, item):
        return item.get_full_url(self.request)

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at

    def item_author_name(self, item):
        return ", ".join(author.name for author in item.authors.all()) or None

    def item_categories(self, item):
        return [str(self.topic_labels.get(tag.pk, tag.name)) for tag in item.topic_tags]


class ArticleAtomFeed(ArticleRssFeed):
    feed_type = Atom1Feed
    subtitle = ArticleRssFeed.description
