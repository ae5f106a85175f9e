"""
Text from outside that the site turns into markup: plain text into body
paragraphs (home.richtext, used by imports and reader forms), and page data
into the JSON-LD search engines read, which must not let a title end the script.
"""

import json
import re

import pytest

from home.richtext import paragraph_blocks
from tests.factories import ArticlePageFactory


def paragraphs_html(text):
    return [str(value) for _kind, value in paragraph_blocks(text)]


@pytest.mark.parametrize(
    "text,html",
    [
        ("One line.", ["<p>One line.</p>"]),
        ("First.\n\nSecond.", ["<p>First.</p>", "<p>Second.</p>"]),
        ("First.\r\n\r\nSecond.", ["<p>First.</p>", "<p>Second.</p>"]),
        ("Line one\nline two", ["<p>Line one<br/>line two</p>"]),
        ("Spaced    out\t words", ["<p>Spaced out words</p>"]),
        ("<b>bold?</b> & more", ["<p>&lt;b&gt;bold?&lt;/b&gt; &amp; more</p>"]),
        ('<a href="javascript:alert(1)">x</a>', ["<p>&lt;a href=&quot;javascript:alert(1)&quot;&gt;x&lt;/a&gt;</p>"]),
        ("\n\n\n", []),
        ("", []),
    ],
)
def test_plain_text_becomes_paragraphs_and_markup_stays_text(text, html):
    assert paragraphs_html(text) == html


@pytest.mark.django_db
def test_a_title_cannot_break_out_of_the_structured_data(client, in_focus):
    title = "Women </script><script>alert('x')</script> & ICT"
    article = ArticlePageFactory(parent=in_focus, title=title, slug="breakout")
    content = client.get(article.url).content.decode()
    assert "<script>alert('x')</script>" not in content
    scripts = re.findall(r'<script type="application/ld\+json">(.*?)</script>', content, re.S)
    data = [json.loads(script) for script in scripts]
    assert title in [item.get("headline") for item in data]
