"""Every storefront page is well-formed HTML: html5lib (the WHATWG parsing algorithm) reports
no parse error, ids are unique, and every label and ARIA reference points at an element that
exists. The shop's stylesheet and script stay small and framework-free."""

from pathlib import Path

import html5lib
import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation

pytestmark = pytest.mark.django_db

PAGES = [
    ("home", "catalog:home", {}, ""),
    ("listing", "catalog:product-list", {}, ""),
    ("listing-filtered", "catalog:product-list", {}, "form=citrate&in_stock=true&diet=vegan"),
    ("listing-bad-input", "catalog:product-list", {}, "min_price=abc"),
    ("product", "catalog:product-detail", {"slug": "nordmag-bisglycinate-200"}, ""),
    ("product-over-ul", "catalog:product-detail", {"slug": "vitaflux-citrate-400"}, ""),
    ("goal", "catalog:goal-detail", {"slug": "muscles-cramps"}, ""),
    ("form", "catalog:form-detail", {"slug": "citrate"}, ""),
    ("compare-forms", "catalog:form-compare", {}, ""),
    ("article", "catalog:article-detail", {"slug": "magnesium-forms-compared"}, ""),
    ("article-list", "catalog:article-list", {}, ""),
    ("checker", "catalog:interaction-check", {}, ""),
    (
        "checker-results",
        "catalog:interaction-check",
        {},
        "product=vitaflux-citrate-400&product=nordmag-bisglycinate-200"
        "&medication=doxycycline+100+mg&condition=kidney-impairment",
    ),
    ("search", "catalog:search", {}, "q=citr"),
]


def page_url(name: str, lang: str, kwargs: dict[str, str], query: str) -> str:
    with translation.override(lang):
        path = reverse(name, kwargs=kwargs or None)
    return f"{path}?{query}" if query else path


def parse_errors(html: str) -> list[str]:
    parser = html5lib.HTMLParser(namespaceHTMLElements=False)
    parser.parse(html)
    lines = html.splitlines()
    return [
        f"line {line}:{col} {code} {data or ''} near {lines[line - 1][max(0, col - 60) : col + 20]!r}"
        for (line, col), code, data in parser.errors
    ]


def reference_problems(html: str) -> list[str]:
    tree = html5lib.parse(html, namespaceHTMLElements=False)
    ids = [el.get("id") for el in tree.iter() if el.get("id")]
    problems = [f"duplicate id {i!r}" for i in sorted({i for i in ids if ids.count(i) > 1})]
    known = set(ids)
    for el in tree.iter():
        refs = [el.get("for")] if el.tag == "label" and el.get("for") else []
        for attr in ("aria-labelledby", "aria-describedby", "aria-controls"):
            refs += (el.get(attr) or "").split()
        problems += [f"<{el.tag}> points at missing id {ref!r}" for ref in refs if ref not in known]
    return problems


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize(("key", "name", "kwargs", "query"), PAGES, ids=[p[0] for p in PAGES])
def test_page_parses_without_errors(client, shop, lang, key, name, kwargs, query):
    response = client.get(page_url(name, lang, kwargs, query))
    assert response.status_code in (200, 400), key
    html = response.content.decode()
    assert parse_errors(html) == []
    assert reference_problems(html) == []


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_not_found_page_parses_without_errors(client, shop, lang):
    response = client.get(f"/{lang}/no-such-page/")
    assert response.status_code == 404
    html = response.content.decode()
    assert parse_errors(html) == []
    assert reference_problems(html) == []


def test_the_checks_catch_broken_markup():
    broken = (
        '<!DOCTYPE html><html lang="en"><head><title>x</title></head><body>'
        '<p id="a"><div id="a"></p><label for="nowhere">x</label></body></html>'
    )
    assert parse_errors(broken)
    assert reference_problems(broken) == [
        "duplicate id 'a'",
        "<label> points at missing id 'nowhere'",
    ]


def test_stylesheet_and_script_are_small_and_framework_free():
    static = Path(settings.BASE_DIR) / "catalog" / "static" / "catalog"
    css = (static / "css" / "catalog.css").read_text("utf-8")
    js = (static / "js" / "catalog.js").read_text("utf-8")
    assert len(css.encode()) < 30 * 1024
    assert "@import" not in css  # one stylesheet, nothing fetched from elsewhere
    for name in ("bootstrap", "tailwind", "bulma", "foundation"):
        assert name not in css.lower()
    for name in ("jquery", "react", "vue", "alpine", "htmx"):
        assert name not in js.lower()


@pytest.mark.parametrize(
    ("stored", "shown"),
    [
        ("<p>No table.</p>", "<p>No table.</p>"),
        (
            "<p>A</p><table><tr><td>1</td></tr></table>",
            '<p>A</p><div class="table-wrap" tabindex="0"><table><tbody><tr><td>1</td></tr>'
            "</tbody></table></div>",
        ),
        (
            "<table><tr><td><table><tr><td>in</td></tr></table></td></tr></table>",
            '<table><tbody><tr><td><div class="table-wrap" tabindex="0"><table><tbody><tr>'
            "<td>in</td></tr></tbody></table></div></td></tr></tbody></table>",
        ),
        ("", ""),
        (None, ""),
    ],
)
def test_rich_text_lets_wide_tables_scroll_in_their_own_box(stored, shown):
    """Only the innermost table is wrapped, so a nested one never breaks its parent's tags
    (the filter also sanitises again, which normalises rows into a tbody)."""
    from catalog.templatetags.catalog_html import rich_text

    assert rich_text(stored) == shown
