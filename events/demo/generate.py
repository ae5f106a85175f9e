"""Generated events for the benchmark (see home.demo.generate)."""

import datetime
import random

from home.demo.generate import LANGUAGES, Progress, add_children, existing_numbers, locales, translation_key

from ..models import EventCategory, EventIndexPage, EventPage

BATCH = 250
COUNTRIES = ["KE", "FR", "BR", "IN", "EG", "TH", "MX", "RW", "KZ", "US", "CH", "GH"]


def generate(count, stdout):
    by_code = locales()
    indexes = {
        code: EventIndexPage.objects.filter(locale=by_code[code]).first() for code in LANGUAGES if code in by_code
    }
    indexes = {code: index for code, index in indexes.items() if index is not None}
    rng = random.Random(20)
    progress = Progress("events", count * len(indexes))
    first = datetime.datetime(2024, 1, 8, 9, tzinfo=datetime.UTC)
    for index in indexes.values():
        categories = list(EventCategory.objects.filter(locale=index.locale))
        have = existing_numbers(EventPage.objects.child_of(index))
        progress.advance(len(have & set(range(count))))
        missing = [n for n in range(count) if n not in have]
        for start in range(0, len(missing), BATCH):
            batch = []
            for n in missing[start : start + BATCH]:
                begins = first + datetime.timedelta(days=(n * 3) % 1800, hours=n % 8)
                batch.append(
                    EventPage(
                        title=f"Regional dialogue {n} on women in ICT leadership",
                        slug=f"gen-event-{n}",
                        locale=index.locale,
                        translation_key=translation_key("event", n),
                        summary="Members meet regulators and ministries to compare what works.",
                        start=begins,
                        end=begins + datetime.timedelta(hours=3),
                        time_zone="UTC",
                        recurrence="FREQ=MONTHLY;COUNT=6" if n % 5 == 0 else "",
                        category=rng.choice(categories) if categories else None,
                        country=COUNTRIES[n % len(COUNTRIES)],
                        city="Capital city",
                    )
                )
            add_children(index, batch)
            progress.advance(len(batch))
    progress.finish()
