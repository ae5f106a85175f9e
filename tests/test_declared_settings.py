"""
Settings hide nowhere: every setting the code reads is declared in
cms/settings/ (none exists only as a getattr default in the code), and every
environment variable the site reads is in the README's table.
"""

import ast
import re
from pathlib import Path

from django.conf import global_settings

from cms.settings import base

ROOT = Path(__file__).resolve().parent.parent
SKIPPED = {".venv", "tests", "bench", "scripts", "node_modules", "search/engine", "docs", "locale"}
ENVIRONMENT_READERS = {
    "os.environ.get",
    "os.getenv",
    "os.environ.setdefault",
    "env_bool",
    "env_int",
    "env_float",
    "env_list",
}


def project_modules():
    for path in sorted(ROOT.rglob("*.py")):
        relative = path.relative_to(ROOT).as_posix()
        if any(relative == skipped or relative.startswith(f"{skipped}/") for skipped in SKIPPED):
            continue
        yield relative, ast.parse(path.read_text(), filename=relative)


def environment_variables():
    """{name: [modules]} of every environment variable the site's code reads."""
    found = {}
    for relative, tree in project_modules():
        for node in ast.walk(tree):
            name = None
            if isinstance(node, ast.Call) and ast.unparse(node.func) in ENVIRONMENT_READERS and node.args:
                first = node.args[0]
                name = first.value if isinstance(first, ast.Constant) else None
            elif isinstance(node, ast.Subscript) and ast.unparse(node.value) == "os.environ":
                name = node.slice.value if isinstance(node.slice, ast.Constant) else None
            if isinstance(name, str):
                found.setdefault(name, []).append(relative)
    return found


def readme_table_variables():
    """The names in the first column of the README's table of environment variables."""
    lines = (ROOT / "README.md").read_text().splitlines()
    start = lines.index("| Variable | Meaning | Default |")
    names = set()
    for line in lines[start + 2 :]:
        if not line.startswith("|"):
            break
        first_cell = line.split("|")[1]
        names.update(re.findall(r"`([A-Z][A-Z0-9_]+)`", first_cell))
    return names


def test_every_environment_variable_read_is_in_the_readme_table():
    found = environment_variables()
    assert "TRUSTED_PROXY_COUNT" in found  # the scan sees the settings modules
    missing = {name: modules for name, modules in found.items() if name not in readme_table_variables()}
    assert not missing, f"Read from the environment but not in README.md's table: {missing}"


def test_the_readme_says_how_to_set_the_proxy_count_behind_the_tls_proxy():
    readme = (ROOT / "README.md").read_text()
    assert "`TRUSTED_PROXY_COUNT=1`" in readme


def test_no_setting_exists_only_as_a_default_in_the_code():
    hidden = []
    for relative, tree in project_modules():
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and ast.unparse(node.func) == "getattr"
                and len(node.args) == 3
                and ast.unparse(node.args[0]) == "settings"
            ):
                hidden.append(f"{relative}:{node.lineno} {ast.unparse(node)}")
    assert not hidden, "Declare these in cms/settings/ and read settings.X:\n" + "\n".join(hidden)


def test_every_setting_the_code_reads_is_declared():
    declared = set(dir(base)) | set(dir(global_settings))
    undeclared = []
    for relative, tree in project_modules():
        if relative.startswith("cms/settings/") or "/migrations/" in relative:
            continue  # migrations name Wagtail's swappable page model as Django writes them
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Attribute)
                and isinstance(node.value, ast.Name)
                and node.value.id == "settings"
                and node.attr.isupper()
                and node.attr not in declared
            ):
                undeclared.append(f"{relative}:{node.lineno} settings.{node.attr}")
    assert not undeclared, "Not declared in cms/settings/base.py:\n" + "\n".join(undeclared)
