"""Issue 16 in the API: products for external use, the children's upper level in the checker,
medicine words that mean more than one class, the polyol warning of a sweetened liquid."""

import json

import pytest

pytestmark = pytest.mark.django_db

FLAKES = "zeewind-magnesium-bath-flakes"
OIL = "tidewell-magnesium-oil-spray"
BISGLYCINATE = "vitaflux-magnesium-bisglycinate-200"
KIDS_LIQUID = "polderkruid-kids-liquid-magnesium"
KIDS_GUMMIES = "polderkruid-kids-magnesium-gummies"


def check(api, **params):
    query = "&".join(f"{k}={v}" for k, values in params.items() for v in values)
    response = api.get(f"/api/v1/interactions/check/?{query}")
    assert response.status_code == 200, response.content
    return response.json()


def test_bath_flakes_have_no_daily_dose_nrv_upper_level_or_claims(demo_catalog, api):
    body = api.get(f"/api/v1/products/{FLAKES}/?lang=nl").json()

    assert body["route"] == "topical"
    assert body["elemental_mg_per_day"] is None
    assert body["percent_nrv"] is None
    assert body["exceeds_ul"] is None
    assert body["price_per_100mg"] is None
    assert body["claims"] == []
    codes = [item["code"] for item in body["label"]]
    assert codes == ["external_use", "children"]
    assert "Voedingssupplement." not in [item["text"] for item in body["label"]]
    assert body["label"][0]["text"] == "Alleen voor uitwendig gebruik. Niet inslikken."
    assert all(line["percent_nrv"] is None for line in body["ingredients"])


def test_an_oral_product_keeps_its_dose_figures_and_says_oral(demo_catalog, api):
    body = api.get(f"/api/v1/products/{BISGLYCINATE}/").json()

    assert body["route"] == "oral"
    assert body["elemental_mg_per_day"] == 199.5
    assert body["percent_nrv"] == 53
    assert body["exceeds_ul"] is False


def test_the_route_filter_lists_external_use_products_only(demo_catalog, api):
    body = api.get("/api/v1/products/?route=topical&page_size=100").json()

    slugs = {p["slug"] for p in body["results"]}
    assert {FLAKES, OIL, "ardenne-pure-bath-flakes-epsom-blend"} == slugs
    assert {p["route"] for p in body["results"]} == {"topical"}
    oral = api.get("/api/v1/products/?route=oral&page_size=100").json()
    assert FLAKES not in {p["slug"] for p in oral["results"]}
    assert oral["count"] + body["count"] == api.get("/api/v1/products/").json()["count"]


def test_an_unknown_route_is_a_400_naming_the_parameter(demo_catalog, api):
    response = api.get("/api/v1/products/?route=bath")

    assert response.status_code == 400
    assert "route" in response.json()["errors"]


def test_within_the_upper_level_never_leaves_out_a_product_for_external_use(demo_catalog, api):
    body = api.get("/api/v1/products/?within_ul=true&route=topical").json()

    assert body["count"] == 3


def test_the_feed_carries_the_route_and_no_daily_dose_for_external_use(demo_catalog, api):
    response = api.get("/api/v1/feed/products.jsonl")
    lines = [json.loads(line) for line in b"".join(response.streaming_content).splitlines()]

    by_slug = {p["slug"]: p for p in lines}
    assert by_slug[FLAKES]["route"] == "topical"
    assert by_slug[FLAKES]["elemental_mg_per_day"] is None
    assert by_slug[BISGLYCINATE]["route"] == "oral"


def test_the_checker_leaves_bath_flakes_out_of_the_oral_total(demo_catalog, api):
    """Flakes + a 200 mg bisglycinate once gave 319.5 mg, 'exceeds the upper level'."""
    body = check(api, product=[FLAKES, BISGLYCINATE], lang=["en"])

    assert body["total_elemental_mg_per_day"] == 199.5
    assert body["exceeds_ul"] is False
    assert body["external_products"] == [FLAKES]
    flakes = next(p for p in body["products"] if p["slug"] == FLAKES)
    assert flakes["route"] == "topical" and flakes["elemental_mg_per_day"] is None
    assert any("not swallowed" in line for line in body["advice"])


def test_an_external_product_alone_gets_no_meal_advice_and_no_upper_level_flag(demo_catalog, api):
    body = check(api, product=[FLAKES, OIL], lang=["en"])

    assert body["total_elemental_mg_per_day"] == 0
    assert body["exceeds_ul"] is False
    assert not any("meal" in line for line in body["advice"])


def test_childrens_products_are_compared_with_the_childrens_upper_level(demo_catalog, api):
    """US: a children's liquid (80 mg) and gummies (50 mg) for ages 4+ against 110 mg, not 350."""
    body = check(api, product=[KIDS_LIQUID, KIDS_GUMMIES], market=["US"], lang=["en"])

    assert body["total_elemental_mg_per_day"] == 130
    assert body["children"] is True
    assert body["ul_age_years"] == 4
    assert body["ul_mg"] == 110
    assert body["exceeds_ul"] is True
    assert any("children's products" in line and "110" in line for line in body["advice"])


def test_an_adult_product_in_the_mix_makes_it_an_adults_total(demo_catalog, api):
    body = check(api, product=[KIDS_LIQUID, BISGLYCINATE], market=["US"])

    assert body["children"] is False
    assert body["ul_mg"] == 350


def test_plaspil_gives_both_diuretic_classes_with_the_difference_explained(demo_catalog, api):
    body = check(api, product=[BISGLYCINATE], medication=["plaspil"], lang=["nl"])

    warnings = {w["substance_class"]: w for w in body["warnings"]}
    assert set(warnings) == {"loop-thiazide-diuretics", "potassium-sparing-diuretics"}
    loop = warnings["loop-thiazide-diuretics"]
    assert loop["ambiguous"] is True
    assert loop["alternatives"] == ["potassium-sparing-diuretics"]
    assert "spironolacton" in loop["note"] and "furosemide" in loop["note"]
    assert any("meer dan één soort middel" in line for line in body["advice"])


def test_a_named_diuretic_is_not_ambiguous(demo_catalog, api):
    body = check(api, medication=["Lasix 40 mg"], lang=["en"])

    assert [w["substance_class"] for w in body["warnings"]] == ["loop-thiazide-diuretics"]
    assert body["warnings"][0]["ambiguous"] is False
    assert body["warnings"][0]["note"] == ""


def test_the_xylitol_sweetened_childrens_liquid_carries_the_polyol_warning(demo_catalog, api):
    body = api.get(f"/api/v1/products/{KIDS_LIQUID}/?lang=nl").json()

    texts = {item["code"]: item["text"] for item in body["label"]}
    assert texts["polyols"] == "Overmatig gebruik kan een laxerend effect hebben."
    assert texts["sweeteners"] == "Met zoetstof(fen)."
    english = api.get(f"/api/v1/products/{KIDS_LIQUID}/?lang=en").json()
    assert "Excessive consumption may produce laxative effects." in [
        item["text"] for item in english["label"]
    ]


def test_a_product_without_polyols_has_no_laxative_warning(demo_catalog, api):
    body = api.get("/api/v1/products/lumenvita-magnesium-effervescent-150/").json()

    codes = [item["code"] for item in body["label"]]
    assert "sweeteners" in codes and "polyols" not in codes
