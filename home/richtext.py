"""Plain text from outside (imports, readers) turned into rich text safely."""

from django.utils.html import escape
from wagtail.rich_text import RichText


def paragraph_blocks(text):
    """
    Plain text → `paragraph` blocks of the shared body stream. Every character
    is escaped, so markup in the text shows as text and never becomes HTML;
    blank lines separate paragraphs, single line breaks become <br/>.
    """
    blocks = []
    for part in text.replace("\r\n", "\n").replace("\r", "\n").split("\n\n"):
        lines = [" ".join(line.split()) for line in part.split("\n")]
        html = "<br/>".join(escape(line) for line in lines if line)
        if html:
            blocks.append(("paragraph", RichText(f"<p>{html}</p>")))
    return blocks
