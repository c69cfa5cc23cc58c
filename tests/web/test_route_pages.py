"""Issue 16 on the pages: products for external use on cards and their page, the route filter,
the checker's children's level, ambiguous medicines and external products, the polyol text."""

import re

import pytest

pytestmark = pytest.mark.django_db

FLAKES = "zeewind-magnesium-bath-flakes"
BISGLYCINATE = "vitaflux-magnesium-bisglycinate-200"
KIDS_LIQUID = "polderkruid-kids-liquid-magnesium"
KIDS_GUMMIES = "polderkruid-kids-magnesium-gummies"


def page(client, path):
    response = client.get(path)
    assert response.status_code == 200, path
    return response.content.decode()


def section(html, heading_id):
    match = re.search(rf'aria-labelledby="{heading_id}".*?</section>', html, re.S)
    return match.group(0) if match else ""


def test_the_bath_flakes_page_says_for_external_use_and_no_supplement_texts(demo_catalog, client):
    html = page(client, f"/nl/producten/{FLAKES}/")

    assert "Voor uitwendig gebruik" in html
    assert "magnesium per dag" not in html
    label = section(html, "label-title")
    assert "Alleen voor uitwendig gebruik. Niet inslikken." in label
    assert "Voedingssupplement." not in label
    assert "Aanbevolen dagelijkse hoeveelheid" not in label
    assert 'id="claims-title"' not in html
    assert "% RI" not in section(html, "dose-title")
    assert 'id="p-market"' not in html  # no upper level to choose a market for


def test_the_english_page_says_for_external_use(demo_catalog, client):
    html = page(client, f"/en/products/{FLAKES}/")

    assert "For external use" in html
    assert "Food supplement." not in section(html, "label-title")
    assert '"DietarySupplement"' not in html


def test_an_oral_product_page_keeps_its_dose_claims_and_label(demo_catalog, client):
    html = page(client, f"/nl/producten/{BISGLYCINATE}/")

    summary = html[html.index('class="product-summary"') : html.index('id="packs-title"')]
    assert "Voor uitwendig gebruik" not in summary
    assert "199,5 mg</strong> magnesium per dag" in summary
    assert "Voedingssupplement." in section(html, "label-title")
    assert 'id="claims-title"' in html


def test_cards_of_external_use_products_say_so(demo_catalog, client):
    html = page(client, "/nl/producten/?route=topical")

    cards = re.findall(r'<article class="card product-card">.*?</article>', html, re.S)
    assert len(cards) == 3
    assert all("Voor uitwendig gebruik" in card for card in cards)
    assert all("% RI" not in card for card in cards)


def test_the_listing_filters_by_route_with_a_checked_box(demo_catalog, client):
    html = page(client, "/en/products/?route=oral")

    assert FLAKES not in html
    assert re.search(r'name="route" value="oral" checked', html)
    assert "For external use" not in html


def test_an_unknown_route_on_the_listing_is_a_form_error(demo_catalog, client):
    response = client.get("/en/products/?route=bath")

    assert response.status_code == 400
    assert "bath" in response.content.decode()


def test_the_checker_page_leaves_flakes_out_and_explains_plaspil(demo_catalog, client):
    html = page(
        client,
        f"/nl/interactiecheck/?product={FLAKES}&product={BISGLYCINATE}&medication=plaspil",
    )

    result = html[html.index('id="result"') :]
    assert "telt niet mee in de hoeveelheid per dag" in result
    assert "199,5 mg" in result
    assert "Boven de bovengrens" not in result
    assert "Niet zeker:" in result
    assert "kaliumsparende diuretica (zoals spironolacton) houden magnesium juist vast" in result
    assert "Lis- en thiazidediuretica" in result and "Kaliumsparende diuretica" in result


def test_the_checker_page_uses_the_childrens_upper_level(demo_catalog, client):
    html = page(
        client,
        f"/en/interaction-check/?product={KIDS_LIQUID}&product={KIDS_GUMMIES}&market=US",
    )

    result = html[html.index('id="result"') :]
    assert "children's upper level 110 mg at age 4 (US)" in result
    assert "Above the upper level." in result
    assert "350" not in result


def test_the_childrens_liquid_page_shows_the_polyol_warning(demo_catalog, client):
    html = page(client, f"/nl/producten/{KIDS_LIQUID}/")

    label = section(html, "label-title")
    assert "Overmatig gebruik kan een laxerend effect hebben." in label
    assert "Met zoetstof(fen)." in label
