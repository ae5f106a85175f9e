import io

from PIL import Image


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
