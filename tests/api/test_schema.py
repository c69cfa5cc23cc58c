"""The OpenAPI document validates as OpenAPI 3 and describes every endpoint of the contract."""

import pytest
import yaml
from openapi_spec_validator import validate

pytestmark = pytest.mark.django_db

CONTRACT_PATHS = {
    "/api/v1/products/",
    "/api/v1/products/{slug}/",
    "/api/v1/forms/",
    "/api/v1/forms/{slug}/",
    "/api/v1/goals/",
    "/api/v1/goals/{slug}/",
    "/api/v1/articles/",
    "/api/v1/articles/{slug}/",
    "/api/v1/interactions/",
    "/api/v1/interactions/{slug}/",
    "/api/v1/interactions/check/",
    "/api/v1/feed/products.jsonl",
    "/api/v1/feed/google-merchant.xml",
}


@pytest.fixture
def schema(api):
    response = api.get("/api/v1/schema/")
    assert response.status_code == 200
    return yaml.safe_load(response.content)


def test_schema_is_valid_openapi_3(schema):
    assert schema["openapi"].startswith("3.")
    validate(schema)


def test_schema_describes_every_contract_endpoint(schema):
    assert set(schema["paths"]) >= CONTRACT_PATHS


def test_list_parameters_are_documented(schema):
    names = {p["name"] for p in schema["paths"]["/api/v1/products/"]["get"]["parameters"]}
    assert {
        "form",
        "goal",
        "brand",
        "dose_form",
        "min_elemental_mg",
        "max_elemental_mg",
        "min_price",
        "max_price",
        "diet",
        "in_stock",
        "within_ul",
        "ordering",
        "page",
        "page_size",
        "lang",
        "market",
        "q",
    } <= names


def test_docs_page_is_served_offline(api):
    response = api.get("/api/v1/docs/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "swagger" in html.lower()
    assert "cdn" not in html.lower() and "https://" not in html.split("<body")[0]
