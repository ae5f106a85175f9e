"""
Comments and documents that send a newcomer to a page under docs/ point at
one that exists (events/ical.py once pointed at a page about events that was
never written).
"""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SKIP = {".venv", "node_modules", ".git", "static", "staticfiles", "media"}
POINTER = re.compile(r"\bdocs/[\w./-]+?\.md\b")


def sources():
    for path in ROOT.rglob("*"):
        if path.suffix in {".py", ".html", ".md", ".toml", ".sh"} and not SKIP & set(path.relative_to(ROOT).parts):
            yield path


def test_every_pointer_to_a_page_under_docs_finds_it():
    pointers = {}
    for path in sources():
        for target in POINTER.findall(path.read_text(errors="replace")):
            pointers.setdefault(target, []).append(str(path.relative_to(ROOT)))
    assert pointers  # the README points at several
    missing = {target: where for target, where in pointers.items() if not (ROOT / target).is_file()}
    assert missing == {}
