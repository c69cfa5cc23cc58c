"""A bare host for the plugin tests: in process (settings overridden) or as a subprocess."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
BARE_SETTINGS = "tests.plugin.bare.settings"


@pytest.fixture
def bare_host(settings):
    """This test process configured as a bare project: startproject's templates, middleware,
    URLs and static settings with the README's lines; no REST_FRAMEWORK, no
    SPECTACULAR_SETTINGS, none of the demo's templates, static files or middleware."""
    from tests.plugin.bare import settings as bare

    settings.TEMPLATES = bare.TEMPLATES
    settings.MIDDLEWARE = bare.MIDDLEWARE
    settings.ROOT_URLCONF = bare.ROOT_URLCONF
    settings.STATICFILES_DIRS = []
    for name in ("REST_FRAMEWORK", "SPECTACULAR_SETTINGS"):
        if hasattr(settings, name):
            delattr(settings, name)
    return settings


def run_bare(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    """`python -m django ARGS` in the bare host (tests/plugin/bare/settings.py)."""
    return subprocess.run(
        [sys.executable, "-m", "django", *args],
        cwd=REPO,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": BARE_SETTINGS, **env},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
