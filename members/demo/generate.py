"""Generated member profiles for the benchmark (see home.demo.generate)."""

import datetime

from home.demo.generate import LANGUAGES, Progress, existing_numbers, locales, translation_key

from ..models import Member, MemberExpertiseTag, Sector

BATCH = 500
COUNTRIES = ["KE", "FR", "BR", "IN", "EG", "TH", "MX", "RW", "KZ", "US", "CH", "GH", "NG", "ZA", "CN", "RU"]


def generate(count, stdout):
    from taggit.models import Tag

    by_code = locales()
    expertise = [
        Tag.objects.get_or_create(slug=slug, defaults={"name": slug.replace("-", " ")})[0]
        for slug in (
            "spectrum-management",
            "cybersecurity",
            "digital-inclusion",
            "e-health",
            "broadband-policy",
            "data-protection",
        )
    ]
    sectors = list(Sector.values)
    progress = Progress("members", count * len(LANGUAGES))
    for code in LANGUAGES:
        if code not in by_code:
            continue
        locale = by_code[code]
        have = existing_numbers(Member.objects.filter(locale=locale))
        progress.advance(len(have & set(range(count))))
        missing = [n for n in range(count) if n not in have]
        for start in range(0, len(missing), BATCH):
            members = Member.objects.bulk_create(
                Member(
                    full_name=f"Member {n} Example",
                    slug=f"gen-member-{n}",
                    locale=locale,
                    translation_key=translation_key("member", n),
                    position="Director of digital policy",
                    organisation="Ministry of ICT",
                    sector=sectors[n % len(sectors)],
                    country=COUNTRIES[n % len(COUNTRIES)],
                    biography="Leads national broadband and e-skills programmes.",
                    member_since=datetime.date(2011, 2, 25) + datetime.timedelta(days=n % 5000),
                    listed=n % 10 != 0,
                    show_on_map=n % 10 != 0,
                    show_organisation=True,
                    show_biography=n % 2 == 0,
                    email=f"member{n}@example.org",
                )
                for n in missing[start : start + BATCH]
            )
            MemberExpertiseTag.objects.bulk_create(
                MemberExpertiseTag(content_object=member, tag=expertise[(member.pk + i) % len(expertise)])
                for member in members
                for i in range(2)
            )
            progress.advance(len(members))
    progress.finish()
