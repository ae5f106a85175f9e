"""Builds the home page, the About page, navigation and footer in six languages."""

from django.contrib.contenttypes.models import ContentType
from wagtail.models import Locale, Page, Site
from wagtail.rich_text import RichText

from home.models import AboutPage, FooterLink, FooterText, HomePage, NavigationMenu, NavigationMenuItem, StandardPage
from home.translations import parallel_strings, translate_object

from . import pictures
from .content import ABOUT, FOOTER, FOOTER_LINKS, HERO_ACTIONS, HOME, PRIVACY

TARGET_LANGUAGES = ["ar", "es", "fr", "ru", "zh-hans"]


def english():
    return Locale.objects.get(language_code="en")


def publish(page):
    page.save_revision().publish()
    return page


def translate_missing(instance, content, **kwargs):
    """Translate `instance` into each language that does not have it yet."""
    for code in TARGET_LANGUAGES:
        if instance.has_translation(Locale.objects.get(language_code=code)):
            continue
        translate_object(instance, code, parallel_strings(content["en"], content[code]), **kwargs)


def home_page():
    home = HomePage.objects.filter(locale=english(), depth=2).first()
    if home is not None:
        return home
    text = HOME["en"]
    home = HomePage(
        title=text["title"],
        slug="home",
        hero_title=text["hero_title"],
        hero_text=text["hero_text"],
        hero_image=pictures.hero_image(),
        hero_image_alt=pictures.HERO_ALT["en"],
        hero_link_label=text["hero_link_label"],
        goals_heading=text["goals_heading"],
        goals=[("goal", {"title": title, "text": body}) for title, body in text["goals"]],
    )
    # Wagtail's "Welcome" placeholder page (and the site pointing at it) makes way.
    Page.objects.filter(depth=2, content_type=ContentType.objects.get_for_model(Page)).delete()
    Page.get_first_root_node().add_child(instance=home)
    publish(home)
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={
            "hostname": "127.0.0.1",
            "port": 8000,
            "root_page": home,
            "site_name": "Global Network of Women ICT Decision Makers",
        },
    )
    return home


def about_page(home):
    about = AboutPage.objects.child_of(home).first()
    if about is None:
        text = ABOUT["en"]
        about = AboutPage(
            title=text["title"],
            slug="about",
            intro=text["intro"],
            body=about_body(text["body"]),
            join_title=text["join_title"],
            join_text=text["join_text"],
            join_link_label=text["join_link_label"],
            show_in_menus=True,
        )
        home.add_child(instance=about)
        publish(about)
    return about


def privacy_page(about):
    privacy = StandardPage.objects.child_of(about).filter(slug="privacy").first()
    if privacy is None:
        text = PRIVACY["en"]
        privacy = StandardPage(title=text["title"], slug="privacy", intro=text["intro"], body=about_body(text["body"]))
        about.add_child(instance=privacy)
        publish(privacy)
    return privacy


def about_body(blocks):
    return [
        ("heading", {"text": text, "level": "h2"}) if kind == "h" else ("paragraph", RichText(f"<p>{text}</p>"))
        for kind, text in blocks
    ]


def section_content(texts):
    """{language: (title, intro)} of a section index page, shaped for `translate_missing`."""
    return {code: {"title": title, "intro": intro} for code, (title, intro) in texts.items()}


def navigation(home):
    menu = NavigationMenu.objects.filter(locale=english()).first()
    if menu is None:
        menu = NavigationMenu(locale=english(), name="Main navigation")
        menu.save()
    linked = set(menu.items.values_list("link_page_id", flat=True))
    for page in home.get_children().filter(show_in_menus=True).live():
        if page.pk not in linked:
            NavigationMenuItem.objects.create(menu=menu, link_page=page, sort_order=menu.items.count())
    menu.refresh_from_db()
    # Menu items are page links, which wagtail-localize resolves to the
    # translated pages; a new item reaches existing translations on re-sync.
    for code in TARGET_LANGUAGES:
        translate_object(menu, code, {}, publish=True)
    return menu


def footer(about):
    footer = FooterText.objects.filter(locale=english()).first()
    if footer is None:
        footer = FooterText.objects.create(locale=english(), body=f"<p>{FOOTER['en']}</p>")
    translate_missing(footer, {code: {"body": text} for code, text in FOOTER.items()})
    if not footer.links.exists():
        for order, link in enumerate(FOOTER_LINKS):
            page = about.get_children().filter(slug=link["page"]).first() if "page" in link else None
            FooterLink.objects.create(
                footer=footer,
                locale=footer.locale,
                sort_order=order,
                link_page=page,
                link_url=link.get("url", ""),
                label=link["label"].get("en", ""),
            )
        # Re-sync the translations so they gain the links and their labels.
        for code in TARGET_LANGUAGES:
            labels = {link["label"]["en"]: link["label"][code] for link in FOOTER_LINKS if link["label"]}
            translate_object(footer, code, {FOOTER["en"]: FOOTER[code], **labels})
    return footer


def home_content():
    """The home page's text in each language, its picture's description included."""
    return {code: {**text, "hero_image_alt": pictures.HERO_ALT[code]} for code, text in HOME.items()}


def hero_actions(home):
    """
    The hero's buttons (join, submit an article, Girls in ICT Day), added once
    every section exists, in every language.
    """
    if home.hero_actions:
        return
    if home.hero_link_page is None:
        home.hero_link_page = AboutPage.objects.child_of(home).first()
    actions = []
    for action in HERO_ACTIONS:
        page = home
        for slug in action["slugs"]:
            page = page.get_children().filter(slug=slug).first() if page else None
        if page is not None:
            actions.append(("action", {"label": action["label"]["en"], "page": page, "path": action["path"]}))
    if not actions:
        return
    home.hero_actions = actions
    publish(home)
    for code in TARGET_LANGUAGES:
        labels = {action["label"]["en"]: action["label"][code] for action in HERO_ACTIONS}
        translate_object(home, code, labels)


def load(stdout):
    home = home_page()
    translate_missing(home, home_content())
    about = about_page(home)
    translate_missing(about, ABOUT)
    translate_missing(privacy_page(about), PRIVACY)
    footer(about)
    stdout.write("Home, About and privacy pages ready in six languages.")


def finish(stdout):
    """Run last, once every section has added its index page."""
    home = home_page()
    hero_actions(home)
    navigation(home)
    stdout.write("Navigation and the home page's calls to action ready in six languages.")
