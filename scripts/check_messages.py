#!/usr/bin/env python
"""
Keep locale/ in step with the code.

    check_messages.py            fail if any catalogue is out of date with the
                                 code and templates, or not fully translated
    check_messages.py --update   rewrite the catalogues from the code (then
                                 translate the new entries)
    check_messages.py --compile  write the .mo files (pure Python: no gettext
                                 tools needed to run the site)

Run from the project folder with the virtualenv's Python.
"""

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent
LOCALE_DIR = ROOT / "locale"
# Django's locale names for our languages (zh-hans → zh_Hans).
LOCALES = ["ar", "es", "fr", "ru", "zh_Hans"]
IGNORE = [".venv", "search/engine", "staticfiles", "media", "node_modules", "tests", "bench", "scripts"]


def makemessages():
    args = [sys.executable, "manage.py", "makemessages", "--no-obsolete", "--add-location=file"]
    for locale in LOCALES:
        args += ["-l", locale]
    for pattern in IGNORE:
        args += ["--ignore", pattern]
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "cms.settings.dev", "DATABASE_URL": "sqlite:///:memory:"}
    subprocess.run(args, cwd=ROOT, check=True, env=env, stdout=subprocess.DEVNULL)  # noqa: S603


def catalogue(locale):
    return LOCALE_DIR / locale / "LC_MESSAGES" / "django.po"


def entry_keys(po):
    return {(entry.msgctxt, entry.msgid, entry.msgid_plural) for entry in po if not entry.obsolete}


def untranslated(po):
    return [entry.msgid for entry in po if not entry.obsolete and ("fuzzy" in entry.flags or not entry.translated())]


# A translator who checked that a word is the same in every plural form (French
# "pays") says so in a comment above the entry: "# same plural forms: pays is invariable".
SAME_PLURALS_NOTE = "same plural forms:"


def plural_count(po):
    header = po.metadata.get("Plural-Forms", "")
    for part in header.split(";"):
        name, _, value = part.strip().partition("=")
        if name.strip() == "nplurals" and value.strip().isdigit():
            return int(value)
    return 0


def plural_problems(po):
    """
    Entries with plural forms whose translation has a form missing, or the same
    text in every form where the language distinguishes them (Arabic has six).
    """
    expected = plural_count(po)
    problems = []
    for entry in po:
        if entry.obsolete or not entry.msgid_plural:
            continue
        forms = [entry.msgstr_plural.get(index, "") for index in range(expected)]
        if not all(form.strip() for form in forms) or len(entry.msgstr_plural) != expected:
            problems.append(f"{entry.msgid!r} needs all {expected} plural forms")
        elif expected > 1 and len(set(forms)) == 1 and SAME_PLURALS_NOTE not in (entry.tcomment or ""):
            problems.append(f"{entry.msgid!r} has the same text in all {expected} plural forms")
    return problems


def check():
    problems = []
    with tempfile.TemporaryDirectory() as backup:
        shutil.copytree(LOCALE_DIR, Path(backup) / "locale")
        try:
            makemessages()
            fresh = {locale: entry_keys(polib.pofile(str(catalogue(locale)))) for locale in LOCALES}
        finally:
            shutil.rmtree(LOCALE_DIR)
            shutil.copytree(Path(backup) / "locale", LOCALE_DIR)
    for locale in LOCALES:
        po = polib.pofile(str(catalogue(locale)))
        committed = entry_keys(po)
        missing = fresh[locale] - committed
        stale = committed - fresh[locale]
        if missing:
            problems.append(
                f"{locale}: {len(missing)} new strings not in the catalogue, e.g. {sorted(missing)[0][1]!r}"
            )
        if stale:
            problems.append(f"{locale}: {len(stale)} strings no longer used, e.g. {sorted(stale)[0][1]!r}")
        if todo := untranslated(po):
            problems.append(f"{locale}: {len(todo)} strings untranslated or fuzzy, e.g. {todo[0]!r}")
        if plurals := plural_problems(po):
            problems.append(f"{locale}: {len(plurals)} plural entries to fix, e.g. {plurals[0]}")
    if problems:
        print("Translation catalogues need attention (run `make messages`, then translate):")
        for problem in problems:
            print(f"  - {problem}")
        return 1
    print(f"Catalogues in sync and complete for {', '.join(LOCALES)}.")
    return 0


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--update", action="store_true", help="rewrite the catalogues from the code")
    parser.add_argument("--compile", action="store_true", help="write the .mo files")
    options = parser.parse_args()
    if options.compile:
        for locale in LOCALES:
            polib.pofile(str(catalogue(locale))).save_as_mofile(str(catalogue(locale).with_suffix(".mo")))
        return 0
    if options.update:
        makemessages()
        for locale in LOCALES:
            po = polib.pofile(str(catalogue(locale)))
            print(f"{locale}: {po.percent_translated()}% translated, {len(untranslated(po))} to do")
        return 0
    return check()


if __name__ == "__main__":
    sys.exit(main())
