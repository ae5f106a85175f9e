"""
The apps install elsewhere: the project's wheel holds them with their
templates, static files, catalogues and migrations, and a minimal Wagtail
site that enables `home` and ONE section runs `check` and `migrate`.

The wheel goes into a fresh virtual environment under a temporary folder,
never the shared one. That environment reaches the already installed
dependencies through a .pth file, so only the project itself is installed.
Takes a minute or two: the wheel is built once, each site migrates SQLite.
"""

import shutil
import subprocess
import sys
import sysconfig
import textwrap
import zipfile
from pathlib import Path

import pytest

from tests.test_architecture import APPS

ROOT = Path(__file__).resolve().parent.parent
PACKAGED_APPS = sorted(APPS - {"cms"})

pytestmark = pytest.mark.install

SETTINGS = """
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent
SECRET_KEY = "install-test-only"
DEBUG = False
ALLOWED_HOSTS = ["*"]
ROOT_URLCONF = "urls"
DATABASES = {{"default": {{"ENGINE": "django.db.backends.sqlite3", "NAME": BASE_DIR / "db.sqlite3"}}}}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
STATIC_URL = "/static/"
WAGTAIL_SITE_NAME = "Install test"
WAGTAILADMIN_BASE_URL = "http://localhost"
WAGTAIL_I18N_ENABLED = True
LANGUAGE_CODE = "en"
LANGUAGES = WAGTAIL_CONTENT_LANGUAGES = [("en", "English"), ("fr", "French")]
USE_I18N = True
USE_TZ = True

# The settings `home` and the sections read (cms/settings/base.py declares them for this site).
TRUSTED_PROXY_COUNT = 0
PUBLIC_IMAGE_MAX_UPLOAD_SIZE = 5 * 1024 * 1024
PUBLIC_IMAGE_MAX_PIXELS = 25_000_000
PASSWORD_RESETS_PER_ADDRESS = 10
PASSWORD_RESETS_PER_ACCOUNT = 3
ARTICLE_SUBMISSIONS_PER_HOUR = 5
ARTICLE_UPLOADS_PER_HOUR = 20
MEMBERSHIP_APPLICATIONS_PER_HOUR = 5
WAGTAIL_WORKFLOW_ENABLED = True
ARTICLES_AUTHOR_PROFILE_MODEL = ""
PAGE_CACHE_SECONDS = 0
SEARCH_URL = ""
WAGTAILAPI_LIMIT_MAX = 100

INSTALLED_APPS = [
    "home",
    "{section}",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_countries",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]
MIDDLEWARE = [
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
]
TEMPLATES = [
    {{
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "APP_DIRS": True,
        "OPTIONS": {{
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ]
        }},
    }}
]
"""

URLS = """
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls

urlpatterns = [path("admin/", include(wagtailadmin_urls)), path("", include(wagtail_urls))]
"""

# After migrating: the section's page type exists, and home's catalogue
# (inside the wheel) translates an interface string.
PROBE = """
import django
django.setup()
from django.apps import apps
from django.utils import translation
import home
print(home.__file__)
print(",".join(sorted(a.label for a in apps.get_app_configs() if a.label in {apps_of_ours})))
with translation.override("fr"):
    print(translation.gettext("Title"))
"""


@pytest.fixture(scope="module")
def wheel(tmp_path_factory):
    """The project's wheel, built from a copy of the sources (a build leaves files behind)."""
    work = tmp_path_factory.mktemp("wheel")
    source = work / "source"
    source.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, source / name)
    for name in [*PACKAGED_APPS, "locale"]:
        shutil.copytree(
            ROOT / name, source / name, ignore=shutil.ignore_patterns("__pycache__", "engine", "node_modules")
        )
    if not any((source / "locale").glob("*/LC_MESSAGES/django.mo")):
        subprocess.run(  # noqa: S603
            [sys.executable, str(ROOT / "scripts" / "check_messages.py"), "--compile"], cwd=ROOT, check=True
        )
        shutil.rmtree(source / "locale")
        shutil.copytree(ROOT / "locale", source / "locale")
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "--wheel-dir", str(work / "dist"), str(source)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    (built,) = (work / "dist").glob("*.whl")
    return built


@pytest.fixture(scope="module")
def environment(tmp_path_factory, wheel):
    """A fresh virtual environment with the wheel installed, and the shared one's dependencies visible."""
    venv = tmp_path_factory.mktemp("venv") / "env"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)  # noqa: S603
    python = venv / "bin" / "python"
    site_packages = Path(
        subprocess.run(  # noqa: S603
            [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    )
    # After the environment's own site-packages: the project comes from the wheel only.
    (site_packages / "shared-dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    result = subprocess.run(  # noqa: S603
        [str(python), "-m", "pip", "install", "--no-deps", "--no-index", "--quiet", str(wheel)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return python, site_packages


def test_the_wheel_holds_the_apps_with_templates_static_files_catalogues_and_migrations(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    for app in PACKAGED_APPS:
        assert f"{app}/apps.py" in names
        assert f"{app}/migrations/0001_initial.py" in names
    for app in ("home", "articles", "events", "members", "search", "translation_workflow"):
        assert any(name.startswith(f"{app}/templates/{app}/") for name in names), app
    assert "events/static/events/recurrence-picker.js" in names
    assert "translation_workflow/static/translation_workflow/js/content-direction.js" in names
    for language in ("ar", "es", "fr", "ru", "zh_Hans"):
        assert f"home/locale/{language}/LC_MESSAGES/django.mo" in names
    # This site's configuration and the tests are not part of it.
    assert not any(name.startswith(("cms/", "tests/", "search/engine/")) for name in names)


@pytest.mark.parametrize("section", ["articles", "events", "members"])
def test_home_and_one_section_install_check_and_migrate_on_their_own(tmp_path, environment, section):
    python, site_packages = environment
    project = tmp_path / "site"
    project.mkdir()
    (project / "settings.py").write_text(SETTINGS.format(section=section))
    (project / "urls.py").write_text(URLS)
    env = {"DJANGO_SETTINGS_MODULE": "settings", "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}

    def run(*args):
        result = subprocess.run(  # noqa: S603
            [str(python), *args], cwd=project, env=env, capture_output=True, text=True, timeout=600
        )
        assert result.returncode == 0, f"{args}:\n{result.stdout[-2000:]}\n{result.stderr[-4000:]}"
        return result.stdout

    run("-m", "django", "check", "--fail-level", "ERROR")
    run("-m", "django", "migrate", "--noinput")
    apps_of_ours = repr(set(PACKAGED_APPS))
    location, installed, title = run("-c", textwrap.dedent(PROBE).replace("{apps_of_ours}", apps_of_ours)).split("\n")[
        :3
    ]
    assert location.startswith(str(site_packages)), "home must come from the wheel, not the worktree"
    assert installed == ",".join(sorted({"home", section}))
    assert title == "Titre"
