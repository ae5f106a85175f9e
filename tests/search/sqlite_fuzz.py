"""
Run by test_any_input.py in its own process, with DATABASE_URL pointing at a
new SQLite file: migrate, publish a few pages in each language, then throw
arbitrary input at every search entry point.
"""

import django

django.setup()

from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402
from hypothesis import given, settings  # noqa: E402
from wagtail.models import Locale, Page, Site  # noqa: E402
from wagtail.rich_text import RichText  # noqa: E402

from home.models import HomePage, StandardPage  # noqa: E402

from .fuzz import check_every_entry_point, languages, queries, values  # noqa: E402

TEXT = {
    "en": "Girls in ICT: coding clubs for women and girls",
    "fr": "L'économie numérique des femmes",
    "es": "Las niñas programan robots",
    "ru": "Цифровые навыки для женщин",
    "ar": "إدارة الطيف الترددي للنساء",
    "zh-hans": "国际电信联盟促进女童参与编程",
}


def build_site():
    call_command("migrate", verbosity=0, interactive=False)
    root = Page.get_first_root_node()
    english = None
    for code, text in TEXT.items():
        locale = Locale.objects.get(language_code=code)
        home = root.add_child(
            instance=HomePage(title=text, slug=f"home-{code}", locale=locale, hero_title=text, hero_text=text)
        )
        english = english or home
        home.add_child(
            instance=StandardPage(
                title=text, slug="story", locale=locale, intro=text, body=[("paragraph", RichText(f"<p>{text}</p>"))]
            )
        ).save_revision().publish()
    Site.objects.update_or_create(is_default_site=True, defaults={"root_page": english, "hostname": "localhost"})
    call_command("update_index", verbosity=0)


@settings(max_examples=100, deadline=None)
@given(query=queries, page=values, kind=values, topic=values, country=values, year=values, language=languages)
def fuzz(query, page, kind, topic, country, year, language):
    check_every_entry_point(Client(), query, page, kind, topic, country, year, language)


if __name__ == "__main__":
    setup_test_environment()
    build_site()
    fuzz()
    print("SQLite: every entry point answered without a server error.")
