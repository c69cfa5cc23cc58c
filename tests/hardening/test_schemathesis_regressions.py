"""One test for each bug schemathesis found (tests/hardening/test_schemathesis.py)."""

import base64

import pytest
from rest_framework.test import APIClient

from catalog.models import Article, Interaction, Product
from tests.factories import make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def api():
    return APIClient()


@pytest.fixture
def openapi(api):
    return api.get("/api/v1/schema/?format=json").json()


@pytest.fixture
def root(api, demo_catalog):
    api.force_authenticate(make_user(superuser=True, username="root"))
    return api


def response_schema(openapi, path, method, status):
    return openapi["paths"][path][method]["responses"][str(status)]["content"]["application/json"][
        "schema"
    ]


def product_body(**overrides):
    body = {
        "slug": "draft-citrate",
        "brand": "vitaflux",
        "name_nl": "Concept Citraat",
        "name_en": "Draft Citrate",
        "dose_form": "capsule",
        "serving_unit": "capsule",
        "servings_per_day": 2,
        "ingredients": [{"form": "citrate", "elemental_mg": "100"}],
        "packs": [{"sku": "DRAFT-60", "servings_per_container": 60, "price_eur": "9.95"}],
    }
    body.update(overrides)
    return body


# --- schema declarations ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "component"),
    [("/api/v1/products/", "ProductPage"), ("/api/v1/articles/", "ArticlePage")],
)
def test_paginated_lists_are_documented_as_one_page_object(openapi, path, component):
    """drf-spectacular wrapped the page of a `list` action in an array."""
    schema = response_schema(openapi, path, "get", 200)
    assert schema == {"$ref": f"#/components/schemas/{component}"}


def test_nested_field_errors_are_documented(root, openapi):
    """Errors of nested input (ingredients, packs, sections) are objects, not string lists."""
    response = root.post(
        "/api/v1/products/",
        product_body(ingredients=[{"form": "nope", "elemental_mg": "10"}]),
        format="json",
    )
    assert response.status_code == 400
    assert isinstance(response.json()["errors"]["ingredients"], dict)
    errors = openapi["components"]["schemas"]["ErrorOut"]["properties"]["errors"]
    kinds = [option["type"] for option in errors["additionalProperties"]["anyOf"]]
    assert kinds == ["array", "object"]


@pytest.mark.parametrize(
    ("path", "method", "status"),
    [
        ("/api/v1/products/", "get", 401),
        ("/api/v1/products/", "get", 429),
        ("/api/v1/feed/products.jsonl", "get", 401),
        ("/api/v1/forms/{slug}/", "delete", 409),
        ("/api/v1/products/", "post", 413),
    ],
)
def test_every_status_the_api_answers_is_documented(openapi, path, method, status):
    assert str(status) in openapi["paths"][path][method]["responses"]


# --- behaviour -------------------------------------------------------------------------------


def test_bad_credentials_on_a_public_read_are_a_documented_401(api, demo_catalog):
    """Bad Basic credentials answered an undocumented 403 (Session came first)."""
    token = base64.b64encode(b"nobody:wrong").decode()
    response = api.get("/api/v1/forms/", HTTP_AUTHORIZATION=f"Basic {token}")
    assert response.status_code == 401
    assert response["WWW-Authenticate"].startswith("Basic")
    assert "detail" in response.json()


def test_nul_in_basic_credentials_is_a_401_not_a_500(api, demo_catalog):
    """PostgreSQL refused the user lookup for a username with a NUL character."""
    token = base64.b64encode(b"ad\x00min:secret").decode()
    response = api.get("/api/v1/products/", HTTP_AUTHORIZATION=f"Basic {token}")
    assert response.status_code == 401


def test_an_interaction_without_texts_answers_empty_strings(root):
    """Untranslated text columns are NULL and were answered as null, against the schema."""
    response = root.post(
        "/api/v1/interactions/",
        {
            "slug": "iron",
            "kind": "medication",
            "severity": "major",
            "name_nl": "IJzer",
            "name_en": "Iron",
        },
        format="json",
    )
    assert response.status_code == 201, response.content
    assert response.json()["mechanism"] == "" and response.json()["advice"] == ""
    listed = {i["substance_class"]: i for i in root.get("/api/v1/interactions/").json()}
    assert listed["iron"]["advice"] == ""


def test_creating_an_unpublished_product_answers_201_with_it(root):
    """The answer to a write read published products only: 404 after a successful create."""
    response = root.post("/api/v1/products/", product_body(published=False), format="json")
    assert response.status_code == 201, response.content
    assert response.json()["slug"] == "draft-citrate"
    assert Product.objects.filter(slug="draft-citrate", published=False).exists()
    update = root.put(
        "/api/v1/products/draft-citrate/", product_body(name_en="Draft 2"), format="json"
    )
    assert update.status_code == 200, update.content
    # still a draft: the public read does not show it
    assert root.get("/api/v1/products/draft-citrate/").status_code == 404


def test_creating_an_unpublished_article_answers_201_with_it(root):
    response = root.post(
        "/api/v1/articles/",
        {"slug": "draft-article", "title_nl": "Concept", "title_en": "Draft", "published": False},
        format="json",
    )
    assert response.status_code == 201, response.content
    assert Article.objects.filter(slug="draft-article", published=False).exists()


@pytest.mark.parametrize(
    "updated_since", ["1096-11-12T12:20:30+16:06", "2026-01-01T00:00:00-23:59"]
)
def test_feed_offsets_postgresql_cannot_hold_are_converted(api, demo_catalog, updated_since):
    """An offset past 15:59 went to PostgreSQL as it was: a DataError, a 500."""
    response = api.get("/api/v1/feed/products.jsonl", {"updated_since": updated_since})
    assert response.status_code == 200


def test_feed_date_that_overflows_in_utc_is_a_400(api, demo_catalog):
    response = api.get(
        "/api/v1/feed/products.jsonl", {"updated_since": "0001-01-01T00:00:00+05:00"}
    )
    assert response.status_code == 400
    assert "updated_since" in response.json()["errors"]


def test_nul_in_a_checked_product_slug_is_a_400(api, demo_catalog):
    response = api.get("/api/v1/interactions/check/", {"product": "vitaflux\x00"})
    assert response.status_code == 400
    assert "product" in response.json()["errors"]


@pytest.mark.parametrize("resource", ["products", "forms", "goals", "articles", "interactions"])
def test_a_path_no_slug_can_be_is_a_json_404(api, demo_catalog, resource):
    response = api.get(f"/api/v1/{resource}/a%00b/")
    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/json")
    assert response.json() == {"detail": "Not found."}


def test_nul_in_a_related_slug_is_a_400_naming_the_field(root):
    response = root.post("/api/v1/products/", product_body(brand="vita\x00flux"), format="json")
    assert response.status_code == 400
    assert "brand" in response.json()["errors"]
    assert not Product.objects.filter(slug="draft-citrate").exists()
    assert Interaction.objects.exists()  # the demo catalog is there
