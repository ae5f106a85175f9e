"""Settings for `make run`: a single development server on 127.0.0.1."""

import os

from .base import *  # noqa: F403
from .base import env_bool

DEBUG = env_bool("DEBUG", True)
# `make run` serves with DEBUG off (the site's own error pages): WhiteNoise then
# serves the static files straight from the apps, as runserver does in DEBUG.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
SERVE_MEDIA = True  # uploads, from the development server only
SECRET_KEY = os.environ.get("SECRET_KEY", "dev-only-insecure-key-do-not-use-in-production")
