"""The member directory of the demo site: fictional sample members."""

import datetime

from django.utils.text import slugify
from wagtail.models import Locale

from home.demo import pictures
from home.demo.loader import english, home_page, publish, section_content, translate_missing
from home.translations import translate_object
from members.models import Member, MemberDirectoryPage

from .content import BIOGRAPHY, MEMBERS, POSITIONS, SECTION, TOPICS, TRANSLATED

# Contact details of demo members all use this domain, so tests can look for leaks.
CONTACT_DOMAIN = "members.example.org"


def directory_page(home):
    directory = MemberDirectoryPage.objects.child_of(home).first()
    if directory is None:
        title, intro = SECTION["en"]
        directory = MemberDirectoryPage(title=title, slug="members", intro=intro, show_in_menus=True)
        home.add_child(instance=directory)
        publish(directory)
    translate_missing(directory, section_content(SECTION))
    return directory


def position_key(text):
    return next(key for key, names in POSITIONS.items() if names["en"] == text)


def member(row):
    name, honorific, country, sector, position, organisation, expertise, languages, listed, on_map, year = row
    existing = Member.objects.filter(full_name=name, locale=english()).first()
    if existing is not None:
        return existing
    topic = expertise[0]
    created = Member(
        full_name=name,
        honorific=honorific,
        position=POSITIONS[position]["en"],
        organisation=organisation,
        sector=sector,
        country=country,
        biography=BIOGRAPHY["en"].format(name=name, topic=TOPICS[topic]["en"]),
        website=f"https://example.org/{slugify(name)}",
        languages_spoken=languages,
        member_since=datetime.date(year, 2, 25),
        listed=listed,
        show_on_map=on_map,
        show_photo=listed,
        show_organisation=listed and sector != "government",
        show_biography=listed,
        show_links=listed and year % 2 == 0,
        # Only members who show a photo get a drawn portrait.
        photo=pictures.portrait_image(name) if listed else None,
        photo_alt=pictures.PORTRAIT_ALT["en"].format(name=name) if listed else "",
        email=f"{slugify(name).replace('-', '.')}@{CONTACT_DOMAIN}",
        phone="+41 22 000 00 00",
        locale=english(),
    )
    created.save()
    created.expertise.set(expertise)
    created.save()
    return created


def load(stdout):
    directory_page(home_page())
    for row in MEMBERS:
        profile = member(row)
        if profile.full_name not in TRANSLATED:
            continue
        topic = row[6][0]
        for code in BIOGRAPHY:
            if code == "en" or profile.has_translation(Locale.objects.get(language_code=code)):
                continue
            translate_object(
                profile,
                code,
                {
                    # Names of organisations and honorifics stay as they are in the demo.
                    profile.organisation: profile.organisation,
                    **({profile.honorific: profile.honorific} if profile.honorific else {}),
                    profile.position: POSITIONS[position_key(profile.position)][code],
                    profile.biography: BIOGRAPHY[code].format(name=profile.full_name, topic=TOPICS[topic][code]),
                    **(
                        {profile.photo_alt: pictures.PORTRAIT_ALT[code].format(name=profile.full_name)}
                        if profile.photo_alt
                        else {}
                    ),
                },
            )
    stdout.write(f"Members ready: {len(MEMBERS)} fictional sample members, {len(TRANSLATED)} translated.")
