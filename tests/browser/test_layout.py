"""Layout: nothing scrolls sideways on a 375 px phone, no request leaves the site, and a
full-page screenshot of every page at desktop and phone width lands in tests/artifacts/ for
a person to look at."""

from __future__ import annotations

import pytest

from .conftest import ARTIFACTS, PHONE
from .pages import MISSING_PATH, PAGES

pytestmark = pytest.mark.browser


def _visit_all(site, page, lang: str):
    for ref in PAGES:
        response = page.goto(site.url(ref.url_name, lang, ref.query, **ref.kwargs))
        assert response is not None and response.ok, ref.key
        yield ref.key
    response = page.goto(f"{site.base}/{lang}{MISSING_PATH}")
    assert response is not None and response.status == 404
    yield "404"


def test_nothing_scrolls_sideways_at_375px(site, phone_page):
    too_wide = {}
    for key in _visit_all(site, phone_page, "nl"):
        width = phone_page.evaluate("document.scrollingElement.scrollWidth")
        if width > PHONE["width"]:
            too_wide[key] = width
    assert too_wide == {}


def test_every_request_stays_on_the_site(site, page):
    seen: list[str] = []
    page.on("request", lambda request: seen.append(request.url))
    for _key in _visit_all(site, page, "en"):
        pass
    assert seen, "no request recorded"
    assert [url for url in seen if not site.is_local(url)] == []
    assert site.foreign == []


@pytest.mark.parametrize("viewport", ["desktop", "phone"])
def test_screenshots(site, request, viewport):
    """Not an assertion on pixels: the pictures are for review (tests/artifacts/ is ignored)."""
    target = request.getfixturevalue("phone_page" if viewport == "phone" else "page")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    for key in _visit_all(site, target, "nl"):
        path = ARTIFACTS / f"{key}-{viewport}.png"
        target.screenshot(path=str(path), full_page=True)
        assert path.stat().st_size > 0
