"""The catalog's pages in a bare host: the package's own templates and static files, no
context processor, the language in the URL, blocks a shop overrides, manifest static files."""

import re
from pathlib import Path

import pytest
from django.conf import global_settings
from django.contrib.staticfiles import finders
from django.core.management import call_command

pytestmark = pytest.mark.django_db

PAGES = ["/nl/", "/en/", "/nl/producten/", "/en/products/", "/nl/artikelen/", "/en/goals/"]
CATALOG_DIR = Path(__file__).resolve().parents[2] / "catalog"


def hreflangs(html):
    return re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', html)


@pytest.mark.parametrize("path", PAGES)
def test_pages_render_from_the_packages_templates_alone(bare_host, client, demo_catalog, path):
    response = client.get(path)

    assert response.status_code == 200
    html = response.content.decode()
    assert '<link rel="stylesheet" href="/static/catalog/css/catalog.css">' in html
    assert '<script src="/static/catalog/js/catalog.js" defer></script>' in html
    assert "/static/css/shop.css" not in html  # the demo shop's look stays in the demo


def test_a_product_page_renders_in_both_languages(bare_host, client, demo_catalog):
    nl = client.get("/nl/producten/vitaflux-magnesium-citrate-400/")
    en = client.get("/en/products/vitaflux-magnesium-citrate-400/")
    assert (nl.status_code, en.status_code) == (200, 200)
    assert 'lang="nl"' in nl.content.decode() and 'lang="en"' in en.content.decode()


def test_language_links_canonical_and_hreflang_need_no_context_processor(
    bare_host, client, demo_catalog
):
    bare_host.TEMPLATES = [{**bare_host.TEMPLATES[0], "OPTIONS": {"context_processors": []}}]

    html = client.get("/nl/producten/?form=citrate").content.decode()

    assert '<link rel="canonical" href="http://testserver/nl/producten/">' in html
    assert hreflangs(html) == [
        ("nl", "http://testserver/nl/producten/"),
        ("en", "http://testserver/en/products/"),
        ("x-default", "http://testserver/nl/producten/"),
    ]
    assert 'href="/en/products/?form=citrate" hreflang="en"' in html
    assert 'action="/nl/producten/"' in html  # the filter form submits to its own page


def test_with_djangos_default_languages_pages_offer_the_catalogs_languages_only(
    bare_host, client, demo_catalog
):
    bare_host.LANGUAGES = global_settings.LANGUAGES

    html = client.get("/en/products/").content.decode()

    assert [code for code, _url in hreflangs(html)] == ["nl", "en", "x-default"]
    switch = html.split('class="lang-switch"')[1].split("</nav>")[0]
    assert re.findall(r' lang="([a-z-]+)"', switch) == ["nl", "en"]


def sitemaps(client):
    """Every child named by the sitemap index, joined."""
    index = client.get("/sitemap.xml")
    assert index.status_code == 200
    children = re.findall(r"<loc>http://testserver(/[^<]+)</loc>", index.content.decode())
    assert children
    return "".join(client.get(child).content.decode() for child in children)


def test_the_sitemap_is_served_by_the_catalogs_urls(bare_host, client, demo_catalog):
    assert "<loc>http://testserver/nl/producten/vitaflux-magnesium-citrate-400/</loc>" in (
        sitemaps(client)
    )
    robots = client.get("/robots.txt").content.decode()
    assert "Sitemap: http://testserver/sitemap.xml" in robots


def test_with_djangos_default_languages_the_sitemap_lists_the_catalogs_languages_only(
    bare_host, client, demo_catalog
):
    bare_host.LANGUAGES = global_settings.LANGUAGES

    xml = sitemaps(client)

    languages = set(re.findall(r'hreflang="([a-z-]+)"', xml))
    prefixes = {loc.split("/")[3] for loc in re.findall(r"<loc>([^<]+)</loc>", xml)}
    assert languages == {"nl", "en", "x-default"}
    assert prefixes == {"nl", "en"}


def test_a_shop_overrides_the_style_and_script_blocks(bare_host, client, demo_catalog, tmp_path):
    (tmp_path / "catalog").mkdir()
    (tmp_path / "catalog" / "base.html").write_text(
        '{% extends "catalog/base.html" %}'
        '{% block styles %}{{ block.super }}<link rel="stylesheet" href="/static/my-shop.css">{% endblock %}'
        "{% block scripts %}{% endblock %}"
        "{% block site_name %}My shop{% endblock %}"
    )
    bare_host.TEMPLATES = [{**bare_host.TEMPLATES[0], "DIRS": [tmp_path]}]

    html = client.get("/en/products/").content.decode()

    assert 'catalog/css/catalog.css"><link rel="stylesheet" href="/static/my-shop.css">' in html
    assert "catalog.js" not in html
    assert "· My shop</title>" in html


def test_the_catalogs_static_files_come_with_the_app():
    for name in ("catalog/css/catalog.css", "catalog/js/catalog.js"):
        found = finders.find(name)
        assert found and Path(found).is_relative_to(CATALOG_DIR / "static"), name


def test_pages_use_manifest_names_with_debug_off_after_collectstatic(
    bare_host, client, demo_catalog, tmp_path
):
    bare_host.STATIC_ROOT = tmp_path
    bare_host.STORAGES = {
        **bare_host.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"},
    }
    bare_host.DEBUG = False
    call_command("collectstatic", interactive=False, verbosity=0)

    for path in ("/nl/", "/en/products/", "/api/v1/docs/"):
        response = client.get(path)
        assert response.status_code == 200, path
    html = client.get("/en/products/").content.decode()
    css = re.search(r'href="/static/(catalog/css/catalog\.[0-9a-f]{12}\.css)"', html)
    js = re.search(r'src="/static/(catalog/js/catalog\.[0-9a-f]{12}\.js)"', html)
    assert css and (tmp_path / css.group(1)).is_file()
    assert js and (tmp_path / js.group(1)).is_file()


def test_the_demo_shop_restyles_over_the_catalogs_stylesheet(client, demo_catalog):
    html = client.get("/nl/").content.decode()
    catalog_css = html.index("/static/catalog/css/catalog.css")
    assert catalog_css < html.index("/static/css/shop.css")
