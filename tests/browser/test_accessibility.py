"""axe-core finds no violation on the storefront pages, in Dutch and in English."""

from __future__ import annotations

from pprint import pformat

import pytest
from axe_playwright_python.sync_playwright import Axe

from .pages import MISSING_PATH, PAGES

pytestmark = pytest.mark.browser


def _violations(page) -> list[str]:
    results = Axe().run(page)
    found = []
    for violation in results.response["violations"]:
        targets = [", ".join(map(str, node["target"])) for node in violation["nodes"]]
        found.append(f"{violation['id']} ({violation['impact']}): {targets[:5]}")
    return found


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_no_axe_violation_on_any_page(site, page, lang):
    report = {}
    for ref in PAGES:
        response = page.goto(site.url(ref.url_name, lang, ref.query, **ref.kwargs))
        assert response is not None and response.ok, ref.key
        found = _violations(page)
        if found:
            report[ref.key] = found
    missing = page.goto(f"{site.base}/{lang}{MISSING_PATH}")
    assert missing is not None and missing.status == 404
    if found := _violations(page):
        report["404"] = found
    assert not report, pformat(report)


def test_no_axe_violation_at_phone_width(site, phone_page):
    report = {}
    for ref in PAGES:
        phone_page.goto(site.url(ref.url_name, "nl", ref.query, **ref.kwargs))
        if found := _violations(phone_page):
            report[ref.key] = found
    assert not report, pformat(report)
