"""Turning a reader's submission into a draft article in the In Focus review workflow."""

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.html import escape
from django.utils.text import slugify
from taggit.models import Tag
from wagtail.coreutils import find_available_slug
from wagtail.images import get_image_model
from wagtail.models import Collection
from wagtail.rich_text import RichText

from .models import ArticleAuthor, ArticlePage, ArticleSubmission

logger = logging.getLogger(__name__)

COLLECTION_NAME = "Reader submissions"


def paragraphs(text):
    """Plain text with blank lines between paragraphs → paragraph blocks."""
    parts = [" ".join(part.split()) for part in text.replace("\r\n", "\n").split("\n\n")]
    return [("paragraph", RichText(f"<p>{escape(part)}</p>")) for part in parts if part]


def submissions_collection():
    existing = Collection.objects.filter(name=COLLECTION_NAME).first()
    return existing or Collection.get_first_root_node().add_child(name=COLLECTION_NAME)


@transaction.atomic
def create_submitted_article(index, data):
    """
    Create the draft article, its image and the submission record, and start
    the In Focus review workflow. All or nothing.
    """
    image = None
    if data.get("image"):
        image = get_image_model()(
            title=data["title"][:255],
            description=data["image_alt"],
            file=data["image"],
            collection=submissions_collection(),
        )
        image.save()

    slug = find_available_slug(index, slugify(data["title"])[:80] or f"submission-{timezone.now():%Y%m%d%H%M%S}")
    article = ArticlePage(
        title=data["title"],
        slug=slug,
        intro=data["summary"],
        body=paragraphs(data["body"]),
        hero_image=image,
        hero_image_alt=data.get("image_alt", ""),
        locale=index.locale,
        live=False,
        owner=None,
    )
    article.authors.add(ArticleAuthor(name=data["author_name"], role=data.get("organisation", ""), locale=index.locale))
    article.tags.set(list(Tag.objects.filter(slug__in=data.get("topics", []))))
    index.add_child(instance=article)
    article.save_revision(user=None, log_action=True)

    ArticleSubmission.objects.create(
        article=article,
        title=data["title"],
        author_name=data["author_name"],
        organisation=data.get("organisation", ""),
        country=data["country"],
        email=data["email"],
        language=index.locale.language_code,
        consented_at=timezone.now(),
    )
    workflow = article.get_workflow()
    if workflow is not None:
        workflow.start(article, user=None)
    return article


def notify(article, data, request):
    """
    Tell the editors' shared address there is something to review, and thank
    the submitter. (Moderators also get Wagtail's own workflow notification.)
    """
    context = {
        "article": article,
        "data": data,
        "admin_url": settings.WAGTAILADMIN_BASE_URL + reverse("wagtailadmin_pages:edit", args=[article.pk]),
    }
    with translation.override(settings.LANGUAGE_CODE):
        send_mail(
            # One line whatever the submitter typed: a line break would add a header.
            " ".join(render_to_string("articles/email/editors_subject.txt", context).split()),
            render_to_string("articles/email/editors_body.txt", context),
            None,
            settings.EDITORS_EMAIL,
        )
    # The acknowledgement goes out in the language the submitter used.
    send_mail(
        render_to_string("articles/email/submitter_subject.txt", context).strip(),
        render_to_string("articles/email/submitter_body.txt", context),
        None,
        [data["email"]],
    )
