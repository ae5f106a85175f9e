"""The In Focus section of the demo site: index, topics and articles."""

import datetime

from taggit.models import Tag
from wagtail.models import Locale
from wagtail.rich_text import RichText

from articles.models import ArticleAuthor, ArticleIndexPage, ArticlePage, TopicLabel
from home.demo.loader import english, home_page, publish, section_content, translate_missing
from home.translation import parallel_strings, translate_object

from .articles_en import ARTICLES
from .articles_translated import TRANSLATIONS
from .section import SECTION
from .topics import LANGUAGE_ORDER, TOPICS


def index_page(home):
    index = ArticleIndexPage.objects.child_of(home).first()
    if index is None:
        title, intro = SECTION["en"]
        index = ArticleIndexPage(title=title, slug="in-focus", intro=intro, show_in_menus=True)
        home.add_child(instance=index)
        publish(index)
    translate_missing(index, section_content(SECTION))
    return index


def topics():
    for slug, labels in TOPICS.items():
        tag, _created = Tag.objects.get_or_create(slug=slug, defaults={"name": labels[0]})
        label = TopicLabel.objects.filter(tag=tag, locale=english()).first()
        if label is None:
            label = TopicLabel.objects.create(tag=tag, locale=english(), label=labels[0])
        for code, text in zip(LANGUAGE_ORDER, labels, strict=True):
            if code != "en" and not label.has_translation(Locale.objects.get(language_code=code)):
                translate_object(label, code, {labels[0]: text})


def article(index, data):
    existing = ArticlePage.objects.child_of(index).filter(slug=data["slug"]).first()
    if existing is not None:
        return existing
    page = ArticlePage(
        title=data["title"],
        slug=data["slug"],
        intro=data["intro"],
        body=[("paragraph", RichText(f"<p>{text}</p>")) for text in data["body"]],
        date=datetime.date.fromisoformat(data["date"]),
    )
    for name, role in data["authors"]:
        page.authors.add(ArticleAuthor(name=name, role=role, locale=index.locale))
    page.tags.set(list(Tag.objects.filter(slug__in=data["topics"])))
    index.add_child(instance=page)
    return publish(page)


def english_strings(data):
    return {
        "title": data["title"],
        "intro": data["intro"],
        "body": data["body"],
        "roles": [role for _name, role in data["authors"]],
    }


def load(stdout):
    index = index_page(home_page())
    topics()
    for data in ARTICLES:
        page = article(index, data)
        for code, translated in TRANSLATIONS.get(data["slug"], {}).items():
            if not page.has_translation(Locale.objects.get(language_code=code)):
                translate_object(page, code, parallel_strings(english_strings(data), translated))
    stdout.write(f"In Focus ready: {len(ARTICLES)} articles, {len(TRANSLATIONS)} translated into five languages.")
