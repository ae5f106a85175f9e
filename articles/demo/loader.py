"""The In Focus section of the demo site: index, topics and articles."""

import datetime

from taggit.models import Tag
from wagtail.models import Locale
from wagtail.rich_text import RichText

from articles.models import ArticleAuthor, ArticleIndexPage, ArticlePage, TopicLabel
from home.demo import pictures
from home.demo.loader import english, home_page, publish, section_content, translate_missing
from home.translations import parallel_strings, translate_object

from .articles_en import ARTICLES
from .articles_translated import TRANSLATIONS
from .section import SECTION
from .topics import LANGUAGE_ORDER, TOPICS

# The picture drawn for each article (a subject of home.demo.illustrations).
PICTURES = {
    "coding-clubs-for-girls": "code",
    "mobile-money-for-market-traders": "mobile-money",
    "online-public-services-that-work-for-women": "public-services",
    "telemedicine-in-rural-clinics": "health",
    "spectrum-policy-and-rural-access": "spectrum",
    "digital-heritage-archives": "archive",
    "women-founders-in-deep-tech": "chip",
    "cybersecurity-careers-for-young-women": "security",
    "broadband-markets-and-affordability": "broadband",
    "teachers-as-digital-role-models": "teaching",
    "digital-identity-and-inclusion": "identity",
    "girls-in-ict-day-2026": "girls-in-ict",
}


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
    subject = PICTURES[data["slug"]]
    page = ArticlePage(
        title=data["title"],
        slug=data["slug"],
        intro=data["intro"],
        body=[("paragraph", RichText(f"<p>{text}</p>")) for text in data["body"]],
        date=datetime.date.fromisoformat(data["date"]),
        hero_image=pictures.subject_image(subject, data["slug"]),
        hero_image_alt=pictures.SUBJECT_ALT[subject]["en"],
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
        alt = pictures.SUBJECT_ALT[PICTURES[data["slug"]]]
        for code, translated in TRANSLATIONS.get(data["slug"], {}).items():
            if not page.has_translation(Locale.objects.get(language_code=code)):
                strings = {**parallel_strings(english_strings(data), translated), alt["en"]: alt[code]}
                translate_object(page, code, strings)
    stdout.write(f"In Focus ready: {len(ARTICLES)} articles, {len(TRANSLATIONS)} translated into five languages.")
