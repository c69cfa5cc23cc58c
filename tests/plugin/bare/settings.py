"""A bare host: the settings `django-admin startproject` writes, then the README's lines.

Both read at import time (Django's project template, the README's `host-check: settings`
block), so this project is what a newcomer gets by following the README. Subprocess tests
run commands in it; switches through the environment:

- BARE_DB: the SQLite file (default: in memory);
- BARE_DEFAULT_LANGUAGES=1: Django's own LANGUAGES (about a hundred) instead of the README's;
- BARE_WITHOUT: comma-separated MIDDLEWARE or INSTALLED_APPS entries to leave out.
"""

import os
import re
from pathlib import Path

import django
from django.conf import global_settings

from tests.host.readme_blocks import blocks

_REPO = Path(__file__).resolve().parents[3]
_TEMPLATE = (
    Path(django.__file__).parent / "conf" / "project_template" / "project_name" / "settings.py-tpl"
)
_VALUES = {
    "project_name": "tests.plugin.bare",
    "secret_key": "django-insecure-bare-host-for-tests-only",
    "django_version": django.get_version(),
    "docs_version": "5.2",
}
exec(re.sub(r"\{\{ (\w+) \}\}", lambda m: _VALUES[m[1]], _TEMPLATE.read_text("utf-8")))
exec(blocks((_REPO / "README.md").read_text("utf-8"))["settings"])

ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": os.environ.get("BARE_DB", ":memory:"),
    }
}
if os.environ.get("BARE_DEFAULT_LANGUAGES"):
    LANGUAGES = global_settings.LANGUAGES
for _entry in filter(None, os.environ.get("BARE_WITHOUT", "").split(",")):
    for _setting in (MIDDLEWARE, INSTALLED_APPS):  # noqa: F821  (from the template)
        if _entry in _setting:
            _setting.remove(_entry)
