"""
The dependency rules of docs/architecture.md, checked on every import of every
module of the apps (at module level or inside a function): the core imports
no other app, layers import only the core, sections import the core and the
layers but never each other, and nothing imports the wiring in `cms`.
"""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

CORE = {"home"}
LAYERS = {"search", "headless", "translation_workflow"}
SECTIONS = {"articles", "events", "members"}
WIRING = {"cms"}
APPS = CORE | LAYERS | SECTIONS | WIRING

# What each app may import, besides itself and third-party code.
ALLOWED = {
    **{app: set() for app in CORE},
    **dict.fromkeys(LAYERS, CORE),
    **dict.fromkeys(SECTIONS, CORE | LAYERS),
    **dict.fromkeys(WIRING, APPS),
}


def imported_apps(tree, module):
    """(line, app) for every import of one of our apps in `tree`, relative imports resolved."""
    package = module.split(".")
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level]
                names = [".".join([*base, node.module] if node.module else base)]
            else:
                names = [node.module]
        elif (
            isinstance(node, ast.Call)
            and ast.unparse(node.func) in {"import_module", "importlib.import_module", "import_string"}
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            names = [node.args[0].value]
        else:
            continue
        for name in names:
            top = name.split(".")[0]
            if top in APPS:
                yield node.lineno, top


def app_modules():
    for app in sorted(APPS):
        for path in sorted((ROOT / app).rglob("*.py")):
            relative = path.relative_to(ROOT)
            module = ".".join(relative.with_suffix("").parts)
            if module.endswith(".__init__"):
                module = module.removesuffix(".__init__") + ".__init__"
            yield app, relative.as_posix(), module, ast.parse(path.read_text(), filename=str(relative))


def violations():
    found = []
    for app, relative, module, tree in app_modules():
        for line, imported in imported_apps(tree, module):
            if imported != app and imported not in ALLOWED[app]:
                found.append(f"{relative}:{line}: {app} imports {imported}")
    return found


def test_every_app_imports_only_what_its_layer_may():
    assert not violations(), "Imports against docs/architecture.md:\n" + "\n".join(violations())


@pytest.mark.parametrize(
    ("app", "source", "allowed"),
    [
        ("home", "from members.models import Member", False),
        ("home", "def f():\n    from search.documents import public_pages", False),
        ("home", "from cms.api import api_router", False),
        ("headless", "from members.models import Member", False),
        ("search", "from headless.api import PagesAPIViewSet", False),
        ("articles", "def f():\n    from members.models import public_directories", False),
        ("articles", "from django.utils.module_loading import import_string\nimport_string('events.views.x')", False),
        ("articles", "from home.models import BasePage", True),
        ("members", "from headless.api import PUBLIC_MEDIA_HOOK", True),
        ("cms", "from articles.api import ArticlesAPIViewSet", True),
    ],
)
def test_the_check_sees_imports_at_any_depth(app, source, allowed):
    tree = ast.parse(source)
    imported = [top for _line, top in imported_apps(tree, f"{app}.module") if top != app]
    assert all(top in ALLOWED[app] for top in imported) is allowed


def test_relative_imports_are_resolved_to_their_app():
    tree = ast.parse("from .models import HomePage\nfrom ..home import locales")
    assert [top for _line, top in imported_apps(tree, "headless.sub.module")] == ["headless", "headless"]
