"""Writes: anonymous 401/403, model permissions, services keep derived fields true."""

from decimal import Decimal

import pytest

from catalog.models import Form, Product
from tests.factories import make_user

pytestmark = pytest.mark.django_db
P = "/api/v1/products/"


def payload(**overrides):
    data = {
        "slug": "new-citrate",
        "brand": "vitaflux",
        "name_nl": "Nieuw Citraat",
        "name_en": "New Citrate",
        "description_nl": "Magnesiumcitraat in capsules.",
        "description_en": "Magnesium citrate in capsules.",
        "dose_form": "capsule",
        "serving_unit": "capsule",
        "servings_per_day": 2,
        "published": True,
        "diet": ["vegan"],
        "goals": ["muscles-cramps"],
        "ingredients": [{"form": "citrate", "compound_mg": "617.28"}],
        "co_ingredients": [
            {"name_nl": "Vitamine B6", "name_en": "Vitamin B6", "amount": "1.4", "unit": "mg"}
        ],
        "packs": [
            {
                "sku": "NEW-60",
                "gtin": "4006381333931",
                "servings_per_container": 60,
                "price_eur": "12.00",
                "stock": 3,
            }
        ],
    }
    data.update(overrides)
    return data


@pytest.fixture
def editor(db):
    return make_user(
        perms=[
            "catalog.add_product",
            "catalog.change_product",
            "catalog.delete_product",
            "catalog.change_form",
        ],
        username="editor",
    )


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_anonymous_writes_are_refused(api, catalog, method):
    url = P if method == "post" else f"{P}citrate-400/"
    response = getattr(api, method)(url, payload(), format="json")
    assert response.status_code in (401, 403)
    assert Product.objects.filter(slug="new-citrate").count() == 0
    assert Product.objects.filter(slug="citrate-400").exists()


def test_a_user_without_permission_is_refused(api, catalog):
    api.force_authenticate(make_user(username="nobody"))
    assert api.post(P, payload(), format="json").status_code == 403
    assert api.post("/api/v1/forms/", {"slug": "x"}, format="json").status_code == 403


def test_create_computes_derived_fields(api, catalog, editor):
    api.force_authenticate(editor)
    response = api.post(P, payload(), format="json")
    assert response.status_code == 201, response.content
    data = response.json()
    assert data["elemental_mg_per_serving"] == 100.0  # 617.28 x 0.162
    assert data["elemental_mg_per_day"] == 200.0
    assert data["percent_nrv"] == 53
    assert data["days_supply"] == 30 and data["price_per_100mg"] == 0.2
    assert data["diet"] == ["vegan", "vegetarian"]
    b6 = next(i for i in data["ingredients"] if i["kind"] == "co_ingredient")
    assert b6["percent_nrv"] == 100
    assert [c["slug"] for c in data["claims"]] == ["muscle-function"]
    assert api.get(f"{P}new-citrate/").status_code == 200


def test_patch_recomputes(api, catalog, editor):
    api.force_authenticate(editor)
    response = api.patch(f"{P}bis-200/", {"servings_per_day": 3}, format="json")
    assert response.status_code == 200, response.content
    assert response.json()["elemental_mg_per_day"] == 300.0
    assert Product.objects.get(slug="bis-200").elemental_mg_per_day == 300


def test_put_replaces_packs(api, catalog, editor):
    api.force_authenticate(editor)
    data = payload(
        slug="citrate-400",
        packs=[
            {"sku": "C400-240", "servings_per_container": 240, "price_eur": "30.00", "stock": 1}
        ],
    )
    response = api.put(f"{P}citrate-400/", data, format="json")
    assert response.status_code == 200, response.content
    assert [p["sku"] for p in response.json()["packs"]] == ["C400-240"]


def test_delete(api, catalog, editor):
    api.force_authenticate(editor)
    assert api.delete(f"{P}low-dose/").status_code == 204
    assert not Product.objects.filter(slug="low-dose").exists()


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"slug": "citrate-400"}, "slug"),
        ({"brand": "acme"}, "brand"),
        ({"dose_form": "pill"}, "dose_form"),
        ({"servings_per_day": 0}, "servings_per_day"),
        ({"ingredients": []}, "ingredients"),
        ({"ingredients": [{"form": "nope", "elemental_mg": "10"}]}, "ingredients"),
        ({"ingredients": [{"form": "citrate"}]}, "ingredients"),
        (
            {"ingredients": [{"form": "citrate", "compound_mg": "100", "elemental_mg": "200"}]},
            "ingredients",
        ),
        (
            {"ingredients": [{"form": "oxide", "elemental_mg": "1500"}]},
            "ingredients",
        ),  # 3000 mg/day
        (
            {
                "packs": [
                    {
                        "sku": "X",
                        "gtin": "4006381333932",
                        "servings_per_container": 10,
                        "price_eur": "1",
                    }
                ]
            },
            "packs",
        ),
        ({"packs": [{"sku": "C400-120", "servings_per_container": 10, "price_eur": "1"}]}, "packs"),
        ({"packs": [{"sku": "A", "servings_per_container": 10, "price_eur": "-1"}]}, "packs"),
        (
            {
                "packs": [
                    {"sku": "A", "servings_per_container": 10, "price_eur": "1"},
                    {"sku": "A", "servings_per_container": 20, "price_eur": "2"},
                ]
            },
            "packs",
        ),
        ({"description_en": "Prevents migraine and cures depression."}, "description_en"),
        ({"name_nl": "Geneest diabetes"}, "name_nl"),
        ({"diet": ["keto"]}, "diet"),
    ],
)
def test_bad_bodies_answer_400_naming_the_field_and_write_nothing(
    api, catalog, editor, overrides, field
):
    api.force_authenticate(editor)
    before = Product.objects.count()
    response = api.post(P, payload(**overrides), format="json")
    assert response.status_code == 400, response.content
    assert field in response.json()["errors"]
    assert Product.objects.count() == before


def test_malformed_json_is_a_400(api, catalog, editor):
    api.force_authenticate(editor)
    response = api.generic("POST", P, "{not json", content_type="application/json")
    assert response.status_code == 400


def test_form_fraction_change_recomputes_its_products(api, catalog, editor):
    api.force_authenticate(editor)
    response = api.patch(
        "/api/v1/forms/bisglycinate/", {"elemental_fraction": "0.12"}, format="json"
    )
    assert response.status_code == 200, response.content
    assert Product.objects.get(slug="bis-200").elemental_mg_per_day == Decimal("170.2")
    assert Form.objects.get(slug="bisglycinate").elemental_fraction == Decimal("0.12")


def test_deleting_a_form_in_use_is_a_conflict(api, catalog):
    api.force_authenticate(make_user(superuser=True, username="root"))
    response = api.delete("/api/v1/forms/citrate/")
    assert response.status_code == 409
    assert Form.objects.filter(slug="citrate").exists()


def test_superuser_writes_goal_article_and_interaction(api, catalog):
    api.force_authenticate(make_user(superuser=True, username="root"))
    goal = api.post(
        "/api/v1/goals/",
        {
            "slug": "focus",
            "name_nl": "Focus",
            "name_en": "Focus",
            "claims": ["muscle-function"],
            "recommended_forms": ["citrate"],
        },
        format="json",
    )
    assert goal.status_code == 201, goal.content
    article = api.post(
        "/api/v1/articles/",
        {
            "slug": "new-article",
            "title_nl": "Nieuw",
            "title_en": "New",
            "intro_html_nl": "<p>Hallo<script>alert(1)</script></p>",
            "intro_html_en": "<p>Hello</p>",
            "sections": [
                {
                    "heading_nl": "Kop",
                    "heading_en": "Head",
                    "body_html_nl": "<p onclick='x()'>Tekst</p>",
                    "body_html_en": "<p>Text</p>",
                }
            ],
            "goals": ["focus"],
            "products": ["citrate-400"],
        },
        format="json",
    )
    assert article.status_code == 201, article.content
    data = article.json()
    assert "<script" not in data["intro_html"] and "onclick" not in data["sections"][0]["body_html"]
    interaction = api.post(
        "/api/v1/interactions/",
        {
            "slug": "iron",
            "kind": "supplement",
            "severity": "minor",
            "name_nl": "IJzer",
            "name_en": "Iron",
            "advice_nl": "Neem apart.",
            "advice_en": "Take apart.",
            "match_terms": "iron\nijzer",
        },
        format="json",
    )
    assert interaction.status_code == 201, interaction.content
    check = api.get("/api/v1/interactions/check/?medication=ijzertabletten&lang=en").json()
    assert [w["substance_class"] for w in check["warnings"]] == ["iron"]


def test_a_new_magnesium_oil_without_a_route_gets_external_use(api, catalog, editor):
    """Issue 16: the route a shop leaves out is suggested from the dose form and directions."""
    api.force_authenticate(editor)
    oil = payload(
        slug="magnesium-oil",
        name_en="Magnesium Oil Spray",
        dose_form="spray",
        serving_unit="spray",
        directions_nl="Alleen voor op de huid: spray op armen en benen en masseer in.",
        directions_en="For use on the skin only: spray onto arms and legs and massage in.",
        co_ingredients=[],
    )

    data = api.post(P, oil, format="json").json()

    assert data["route"] == "topical"
    assert data["elemental_mg_per_day"] is None and data["claims"] == []


def test_a_route_and_sweeteners_given_are_stored(api, catalog, editor):
    api.force_authenticate(editor)
    body = payload(route="oral", sweeteners=["Xylitol", "sucralose"])

    data = api.post(P, body, format="json").json()

    assert data["route"] == "oral"
    assert Product.objects.get(slug="new-citrate").sweeteners == "Xylitol, sucralose"
    assert "polyols" in [t["code"] for t in data["label"]]


def test_an_unknown_route_is_a_400_naming_the_field(api, catalog, editor):
    api.force_authenticate(editor)

    response = api.post(P, payload(route="bath"), format="json")

    assert response.status_code == 400
    assert "route" in response.json()["errors"]
    assert not Product.objects.filter(slug="new-citrate").exists()
