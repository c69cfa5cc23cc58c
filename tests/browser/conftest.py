"""Browser tests: Playwright's sync API driving Debian's chromium against `live_server`.

Skipped, not failed, on a machine without /usr/bin/chromium (`apt-get install chromium`) or
without the `playwright` package. No browser is ever downloaded: Playwright launches the
system chromium through `executable_path`.

Every page opened through the page fixtures records its requests: anything that is not on
the live server's own host is aborted and reported, and an uncaught JavaScript error or a
console error (a script or style the Content-Security-Policy refused, a failed load) fails
the test.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation

from .pages import MISSING_PATH

# Playwright's sync API runs an event loop in the main thread; Django's ORM refuses to run
# when it sees one unless told that this is deliberate (the test thread only loads data).
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 375, "height": 740}

try:
    from playwright.sync_api import Browser, Page, sync_playwright
    from playwright.sync_api import Error as PlaywrightError
except ImportError:  # pragma: no cover - the dev extra installs it
    sync_playwright = None


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    reason = None
    if sync_playwright is None:
        reason = "the playwright package is not installed"
    elif not CHROMIUM.exists():
        reason = f"{CHROMIUM} is missing (apt-get install chromium)"
    if reason:
        skip = pytest.mark.skip(reason=reason)
        for item in items:
            if item.get_closest_marker("browser"):
                item.add_marker(skip)


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox"])
        yield chromium
        chromium.close()


@dataclass
class Site:
    """The live server plus the demo catalog, with URLs reversed in a given language."""

    base: str
    host: str
    foreign: list[str] = field(default_factory=list)

    def url(self, name: str, lang: str = "nl", query: str = "", **kwargs: Any) -> str:
        with translation.override(lang):
            path = reverse(name, kwargs=kwargs or None)
        return f"{self.base}{path}{'?' + query if query else ''}"

    def is_local(self, url: str) -> bool:
        parts = urlsplit(url)
        return parts.scheme in ("data", "blob", "about") or parts.netloc == self.host


@pytest.fixture
def site(live_server) -> Site:
    """The demo catalog behind the live server (the live server's tests are transactional,
    so the catalog is loaded for each test and flushed after it)."""
    call_command("load_demo", verbosity=0)
    return Site(base=live_server.url, host=urlsplit(live_server.url).netloc)


def _console_error(message: Any, errors: list[str]) -> None:
    """Console errors include what the Content-Security-Policy refused and failed loads; the
    404 page that the tests open on purpose logs one for itself."""
    url = message.location.get("url", "")
    if message.type == "error" and MISSING_PATH not in url:
        errors.append(f"{message.text} ({url})")


def _open_page(browser: Browser, site: Site, **context_options: Any) -> Iterator[Page]:
    options = {"viewport": DESKTOP, "locale": "nl-NL", **context_options}
    context = browser.new_context(**options)
    context.set_default_timeout(10_000)
    errors: list[str] = []

    def guard(route: Any) -> None:
        if site.is_local(route.request.url):
            route.continue_()
        else:
            site.foreign.append(route.request.url)
            route.abort()

    context.route("**/*", guard)
    page = context.new_page()
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("console", lambda message: _console_error(message, errors))
    yield page
    # Let the page's last requests (lazy packshot images, a suggestion) finish before the
    # database is flushed: on SQLite a request still reading holds a table lock.
    with contextlib.suppress(PlaywrightError):  # a page that keeps loading is closed anyway
        page.wait_for_load_state("networkidle", timeout=5_000)
    context.close()
    assert not site.foreign, f"requests left the live server: {site.foreign}"
    assert not errors, f"JavaScript errors: {errors}"


@pytest.fixture
def page(browser: Browser, site: Site) -> Iterator[Page]:
    """A desktop-sized page with JavaScript on."""
    yield from _open_page(browser, site)


@pytest.fixture
def page_without_js(browser: Browser, site: Site) -> Iterator[Page]:
    yield from _open_page(browser, site, java_script_enabled=False)


@pytest.fixture
def phone_page(browser: Browser, site: Site) -> Iterator[Page]:
    yield from _open_page(browser, site, viewport=PHONE, is_mobile=True, has_touch=True)


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS
