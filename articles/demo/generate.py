"""Generated In Focus articles for the benchmark (see home.demo.generate)."""

import datetime
import random

from taggit.models import Tag
from wagtail.rich_text import RichText

from home.demo.generate import LANGUAGES, Progress, add_children, existing_numbers, locales, translation_key

from ..models import ArticleAuthor, ArticleIndexPage, ArticlePage, ArticlePageTag

PARAGRAPH = (
    "Women who lead ministries, regulators and companies in ICT compared how broadband, e-skills and "
    "digital public services reach rural communities, and what the Network's members changed in their "
    "own institutions. "
)
BATCH = 250


def generate(count, stdout):
    by_code = locales()
    indexes = {
        code: ArticleIndexPage.objects.filter(locale=by_code[code]).first() for code in LANGUAGES if code in by_code
    }
    indexes = {code: index for code, index in indexes.items() if index is not None}
    tags = list(Tag.objects.filter(labels__isnull=False).distinct()) or list(Tag.objects.all())
    rng = random.Random(12)  # the same corpus on every machine
    progress = Progress("articles", count * len(indexes))
    for index in indexes.values():
        have = existing_numbers(ArticlePage.objects.child_of(index))
        progress.advance(len(have & set(range(count))))
        missing = [n for n in range(count) if n not in have]
        for start in range(0, len(missing), BATCH):
            batch = [_article(n, index.locale, rng) for n in missing[start : start + BATCH]]
            add_children(index, batch)
            _relations(batch, tags, rng)
            progress.advance(len(batch))
    progress.finish()


def _article(n, locale, rng):
    body = [("paragraph", RichText("<p>" + PARAGRAPH * rng.randint(3, 8) + "</p>")) for _ in range(rng.randint(3, 6))]
    return ArticlePage(
        title=f"Network perspectives {n}: leadership in digital policy",
        slug=f"gen-article-{n}",
        locale=locale,
        translation_key=translation_key("article", n),
        intro="How members of the Network shape ICT policy, markets and skills in their countries.",
        body=body,
        date=datetime.date(2016, 1, 1) + datetime.timedelta(days=n % 3650),
    )


def _relations(articles, tags, rng):
    ArticlePageTag.objects.bulk_create(
        ArticlePageTag(content_object=article, tag=tag)
        for article in articles
        for tag in rng.sample(tags, min(3, len(tags)))
    )
    ArticleAuthor.objects.bulk_create(
        ArticleAuthor(
            page=article, name=f"Author {article.pk % 997}", role="Director", locale=article.locale, sort_order=i
        )
        for article in articles
        for i in range(rng.randint(1, 2))
    )
