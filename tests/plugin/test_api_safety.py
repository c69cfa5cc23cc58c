"""The API is safe in any project: its views bring their own DRF and drf-spectacular policy.

Every test runs in a bare host (`bare_host`): no REST_FRAMEWORK block, so DRF's defaults
(AllowAny, its own AutoSchema, every parser and renderer), and no SPECTACULAR_SETTINGS.
"""

import json

import pytest
from django.core.management import call_command

from catalog.models import Article, Form, Goal, Interaction, Product
from tests.factories import make_user

pytestmark = pytest.mark.django_db

RESOURCES = {
    "products": (Product, "slug"),
    "forms": (Form, "slug"),
    "goals": (Goal, "slug"),
    "articles": (Article, "slug"),
    "interactions": (Interaction, "slug"),
}
WRITES = [
    (method, resource) for resource in RESOURCES for method in ("post", "put", "patch", "delete")
]


def snapshot():
    """Every catalog row, as dumpdata writes it: equal before and after means nothing changed."""
    from io import StringIO

    out = StringIO()
    call_command("dumpdata", "catalog", stdout=out)
    return out.getvalue()


@pytest.fixture
def one_of_each(demo_catalog):
    return {name: model.objects.order_by("pk").first() for name, (model, _key) in RESOURCES.items()}


@pytest.mark.parametrize(("method", "resource"), WRITES)
def test_anonymous_writes_are_refused_with_drfs_defaults(
    bare_host, client, one_of_each, method, resource
):
    before = snapshot()
    obj = one_of_each[resource]
    url = f"/api/v1/{resource}/" if method == "post" else f"/api/v1/{resource}/{obj.slug}/"
    body = json.dumps({"slug": "anonymous", "name_nl": "Anoniem", "name_en": "Anonymous"})

    response = getattr(client, method)(url, body, content_type="application/json")

    assert response.status_code == 401, response.content
    assert response["WWW-Authenticate"].startswith("Basic")
    assert snapshot() == before


def test_the_goal_rename_and_contraindication_delete_of_the_issue_are_refused(
    bare_host, client, demo_catalog
):
    renamed = client.patch(
        "/api/v1/goals/energy-fatigue/", {"name_en": "Renamed"}, content_type="application/json"
    )
    removed = client.delete("/api/v1/interactions/kidney-impairment/")

    assert (renamed.status_code, removed.status_code) == (401, 401)
    assert Goal.objects.get(slug="energy-fatigue").name_en != "Renamed"
    assert Interaction.objects.filter(slug="kidney-impairment").exists()


def test_writes_still_need_the_model_permission_with_drfs_defaults(bare_host, client, demo_catalog):
    client.force_login(make_user(username="nobody"))
    response = client.patch(
        "/api/v1/goals/energy-fatigue/", {"name_en": "Renamed"}, content_type="application/json"
    )
    assert response.status_code == 403


def test_an_editor_with_the_permission_writes_with_drfs_defaults(bare_host, client, demo_catalog):
    client.force_login(make_user(username="editor", perms=["catalog.change_goal"]))
    response = client.patch(
        "/api/v1/goals/energy-fatigue/",
        {"name_en": "Energy & tiredness"},
        content_type="application/json",
    )
    assert response.status_code == 200, response.content
    assert Goal.objects.get(slug="energy-fatigue").name_en == "Energy & tiredness"


def test_the_api_renders_json_only_with_drfs_defaults(bare_host, client, demo_catalog):
    """DRF's defaults add the browsable API, whose HTML forms offer the writes."""
    response = client.get("/api/v1/forms/", HTTP_ACCEPT="text/html")
    assert response.status_code == 406
    assert response["Content-Type"] == "application/json"


def test_errors_keep_the_contract_shape_with_drfs_defaults(bare_host, client, demo_catalog):
    response = client.get("/api/v1/products/?in_stock=maybe")
    assert response.status_code == 400
    assert set(response.json()) == {"errors"}


def test_the_schema_is_served_with_drfs_defaults(bare_host, client, demo_catalog):
    response = client.get("/api/v1/schema/?format=json")

    assert response.status_code == 200
    schema = response.json()
    assert schema["info"]["title"] == "Magnesium catalog API"
    assert "/api/v1/products/{slug}/" in schema["paths"]


def test_the_schema_describes_decimal_inputs_as_numbers_with_drfs_defaults(bare_host, client):
    schema = client.get("/api/v1/schema/?format=json").json()
    price = schema["components"]["schemas"]["PackInRequest"]["properties"]["price_eur"]
    assert price["type"] == "number"


def test_the_schema_lists_the_catalogs_endpoints_only(bare_host, client):
    paths = client.get("/api/v1/schema/?format=json").json()["paths"]
    assert all(path.startswith("/api/v1/") for path in paths)
    assert "/api/v1/schema/" not in paths and "/api/v1/docs/" not in paths


def test_the_docs_page_is_offline_whatever_spectacular_settings_say(bare_host, client):
    bare_host.SPECTACULAR_SETTINGS = {
        "SWAGGER_UI_DIST": "https://cdn.jsdelivr.net/npm/swagger-ui-dist@5",
        "SWAGGER_UI_FAVICON_HREF": "https://cdn.example.com/favicon.png",
    }
    page = client.get("/api/v1/docs/").content.decode()
    script = client.get("/api/v1/docs/?script=").content.decode()

    assert "/static/drf_spectacular_sidecar/swagger-ui-dist/swagger-ui-bundle.js" in page
    assert "https://" not in page and "http://" not in page
    assert '"validatorUrl": null' in script


def test_the_api_root_links_to_every_resource_feed_and_the_schema(bare_host, client, demo_catalog):
    response = client.get("/api/v1/")

    assert response.status_code == 200
    links = response.json()
    assert links["products"] == "http://testserver/api/v1/products/"
    assert {
        "forms",
        "goals",
        "articles",
        "interactions",
        "interaction_check",
        "feed_jsonl",
        "feed_google_merchant",
        "schema",
        "docs",
    } <= set(links)
    for url in links.values():
        assert client.get(url.removeprefix("http://testserver")).status_code == 200


def test_a_body_over_the_limit_is_a_413_without_the_demos_middleware(
    bare_host, client, demo_catalog
):
    bare_host.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    client.force_login(make_user(username="editor", perms=["catalog.change_goal"]))
    body = json.dumps({"name_en": "x" * 2000})

    response = client.patch("/api/v1/goals/energy-fatigue/", body, content_type="application/json")

    assert response.status_code == 413
    assert "1000" in response.json()["detail"]
    assert Goal.objects.get(slug="energy-fatigue").name_en != "x" * 2000


def test_anonymous_clients_are_throttled_at_the_catalogs_own_rate(bare_host, client, demo_catalog):
    bare_host.CATALOG = {"API_ANON_RATE": "2/minute"}
    assert [client.get("/api/v1/forms/").status_code for _ in range(2)] == [200, 200]
    assert client.get("/api/v1/forms/").status_code == 429
