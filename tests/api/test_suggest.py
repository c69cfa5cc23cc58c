"""GET /api/v1/suggest/?q=: products, goals, forms and articles for what has been typed."""

from __future__ import annotations

import pytest

from catalog import services
from catalog.models import Product

URL = "/api/v1/suggest/"
pytestmark = pytest.mark.django_db


def suggest(api, q, **params):
    response = api.get(URL, {"q": q, **params})
    assert response.status_code == 200, response.content
    return response.json()


def test_the_shape_follows_the_brief(api, demo_catalog):
    body = suggest(api, "cit", lang="en")
    assert set(body) == {"q", "products", "goals", "forms", "articles"}
    assert body["q"] == "cit"
    product = body["products"][0]
    assert set(product) == {"slug", "name", "url", "brand", "dose_form"}
    assert product["url"] == f"/en/products/{product['slug']}/"
    assert {"slug": "citrate", "name": "Magnesium citrate", "url": "/en/forms/citrate/"} in body[
        "forms"
    ]


def test_names_starting_with_the_text_come_first_in_name_order(api, demo_catalog):
    names = [p["name"] for p in suggest(api, "magnesium b", lang="nl")["products"]]
    assert names and all(n.lower().startswith("magnesium b") for n in names)
    assert names == sorted(names, key=str.lower)


def test_a_word_inside_the_name_is_found_too(api, demo_catalog):
    names = [p["name"] for p in suggest(api, "bruis", lang="nl")["products"]]
    assert names and all("Bruistabletten" in n for n in names)


def test_goals_are_suggested_by_their_search_words(api, demo_catalog):
    body = suggest(api, "inslap", lang="nl")
    assert [g["slug"] for g in body["goals"]] == ["sleep-relaxation"]
    assert body["goals"][0] == {
        "slug": "sleep-relaxation",
        "name": "Slaap & ontspanning",
        "url": "/nl/doelen/sleep-relaxation/",
    }


def test_articles_are_suggested_with_title_and_url(api, demo_catalog):
    body = suggest(api, "slaap", lang="nl")
    assert {"slug", "title", "url"} == set(body["articles"][0])
    assert body["articles"][0]["url"].startswith("/nl/artikelen/")


def test_a_brand_finds_its_products(api, demo_catalog):
    brands = {p["brand"] for p in suggest(api, "vitaf")["products"]}
    assert brands == {"Vitaflux"}


def test_the_language_follows_accept_language(api, demo_catalog):
    body = api.get(URL, {"q": "slaap"}, HTTP_ACCEPT_LANGUAGE="en").json()
    assert body["goals"][0]["name"] == "Sleep & relaxation"


def test_lists_are_bounded(api, demo_catalog):
    body = suggest(api, "magnesium")
    assert 0 < len(body["products"]) <= 8
    assert all(len(body[k]) <= 8 for k in ("goals", "forms", "articles"))


def test_one_letter_suggests_nothing(api, demo_catalog):
    assert suggest(api, "m") == {"q": "m", "products": [], "goals": [], "forms": [], "articles": []}


@pytest.mark.parametrize(
    "params, field",
    [
        ({}, "q"),
        ({"q": "x" * 101}, "q"),
        ({"q": "ab\x00"}, "q"),
        ({"q": "cit", "lang": "de"}, "lang"),
    ],
)
def test_bad_input_is_a_400_naming_the_parameter(api, demo_catalog, params, field):
    response = api.get(URL, params)
    assert response.status_code == 400
    assert field in response.json()["errors"]


def test_drafts_are_never_suggested_and_a_publish_shows_at_once(api, demo_catalog):
    draft = Product.objects.get(slug="solvara-magnesium-taurate-citrate")
    slugs = lambda: {p["slug"] for p in suggest(api, "magnesium tauraat")["products"]}  # noqa: E731
    assert draft.slug not in slugs()
    services.products_publish(queryset=Product.objects.filter(pk=draft.pk), published=True)
    assert draft.slug in slugs()
