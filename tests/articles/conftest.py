import io

from PIL import Image
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield


def image_file(image_format="PNG", size=(64, 48), name=None, mode="RGB"):
    buffer = io.BytesIO()
    Image.new(mode, size, (200, 80, 40) if mode == "RGB" else 0).save(buffer, format=image_format)
    buffer.seek(0)
    buffer.name = name or f"picture.{image_format.lower()}"
    return buffer


def submission_data(**overrides):
    data = {
        "title": "Women shaping spectrum policy",
        "summary": "How three regulators opened their spectrum auctions to rural needs.",
        "body": ("Regulators in three countries changed their auctions. " * 12)
        + "\n\n"
        + ("The results were clear. " * 10),
        "topics": ["policy"],
        "author_name": "Zanele Mokoena",
        "organisation": "Independent Communications Authority",
        "country": "ZA",
        "email": "canary-submitter@example.org",
        "consent": "on",
        "website": "",
    }
    data.update(overrides)
    return data


def new_article_form(tags=""):
    """The admin's form for an article nobody has saved yet, as its preview posts it."""
    return nested_form_data(
        {
            "title": "Not saved yet",
            "slug": "not-saved-yet",
            "intro": "A draft nobody has saved.",
            "body": streamfield([("paragraph", rich_text("<p>Still being written.</p>"))]),
            "authors": inline_formset([]),
            "related_links": inline_formset([]),
            "tags": tags,
            "date": "2026-05-01",
        }
    )
