"""Schemathesis against the API's own OpenAPI schema, in process (WSGI), on the demo catalog.

Every operation of `/api/v1/schema/` gets generated requests, schema-valid and schema-violating
alike: reads as an anonymous client, writes as a superuser (session cookie + CSRF token, the way
a browser client would call it). Each response must not be a 5xx, must use a status code the
schema documents, and must match the documented response schema and content type.

Hypothesis runs derandomized (the same cases every run) so CI stays reproducible. A bug found
here gets a plain regression test in `test_schemathesis_regressions.py`.
"""

from __future__ import annotations

import secrets
from collections import Counter
from decimal import Decimal
from typing import Any

import pytest
import schemathesis
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections, transaction
from django.test import Client
from hypothesis import HealthCheck, given
from hypothesis import settings as hsettings
from hypothesis import strategies as st
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)
from schemathesis.generation import GenerationMode

from catalog.models import Article, Brand, DoseForm, Form, Goal, Interaction, Product, ServingUnit
from catalog.models.products import DIET_FIELDS

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    response_schema_conformance,
    content_type_conformance,
]
# Generated cases per operation and mode: 33 operations x (22 + 18) = 1,320 requests.
EXAMPLES = {GenerationMode.POSITIVE: 22, GenerationMode.NEGATIVE: 18}
MIN_TOTAL_CASES = 1000
WRITE_METHODS = {"POST", "PUT", "PATCH", "DELETE"}
SLUG_MODELS: dict[str, Any] = {
    "products": Product,
    "forms": Form,
    "goals": Goal,
    "articles": Article,
    "interactions": Interaction,
}

APP = get_wsgi_application()
SCHEMA = schemathesis.openapi.from_wsgi("/api/v1/schema/?format=json", APP)
OPERATIONS = [result.ok() for result in SCHEMA.get_all_operations()]
CASES: Counter[str] = Counter()


def label(operation: Any) -> str:
    return f"{operation.method.upper()} {operation.path}"


@pytest.fixture
def in_process_requests():
    """Keep the test's transaction open: Django closes "old" connections around each request
    (the test client switches this off too), which would end the test's transaction."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def superuser_session(demo_catalog) -> dict[str, Any]:
    """Cookies and headers of a logged-in superuser, CSRF token included."""
    user = get_user_model().objects.create_superuser("fuzz-admin", "fuzz@example.com", None)
    client = Client()
    client.force_login(user)
    csrf = secrets.token_hex(16)  # a CSRF secret: 32 characters
    return {
        "cookies": {
            settings.SESSION_COOKIE_NAME: client.cookies[settings.SESSION_COOKIE_NAME].value,
            settings.CSRF_COOKIE_NAME: csrf,
        },
        "headers": {"X-CSRFToken": csrf},
    }


def _slugs(operation: Any) -> list[str]:
    resource = operation.path.split("/")[3]
    qs = SLUG_MODELS[resource].objects.order_by("pk")
    if resource in ("products", "articles"):
        qs = qs.filter(published=True)
    return list(qs.values_list("slug", flat=True)[:4])


def _amount(low: str, high: str, places: int = 2) -> st.SearchStrategy[str]:
    return st.decimals(Decimal(low), Decimal(high), places=places).map(str)


def product_bodies() -> st.SearchStrategy[dict[str, Any]]:
    """Product bodies made of demo slugs: random bodies almost never name a real brand and
    form, so without these the product write path would only ever see 400s."""
    sku = st.from_regex(r"[A-Z0-9][A-Z0-9-]{2,12}", fullmatch=True)
    text = st.text(max_size=60)
    form = st.sampled_from(list(Form.objects.values_list("slug", flat=True)))
    return st.fixed_dictionaries(
        {
            "slug": st.from_regex(r"[a-z0-9][a-z0-9-]{0,40}", fullmatch=True),
            "brand": st.sampled_from(list(Brand.objects.values_list("slug", flat=True))),
            "name_nl": st.text(min_size=1, max_size=80),
            "name_en": st.text(min_size=1, max_size=80),
            "dose_form": st.sampled_from(DoseForm.values),
            "serving_unit": st.sampled_from(ServingUnit.values),
            "servings_per_day": st.integers(1, 24),
            "ingredients": st.lists(
                st.fixed_dictionaries({"form": form, "elemental_mg": _amount("0.01", "80")})
                | st.fixed_dictionaries(
                    {"form": form, "compound_mg": _amount("100", "900")},
                    optional={"assayed_fraction": _amount("0.05", "0.6", 4)},
                ),
                min_size=1,
                max_size=3,
            ),
            "packs": st.lists(
                st.fixed_dictionaries(
                    {
                        "sku": sku,
                        "servings_per_container": st.integers(1, 1000),
                        "price_eur": _amount("0.01", "999.99"),
                    },
                    optional={"stock": st.integers(0, 10_000)},
                ),
                min_size=1,
                max_size=3,
                unique_by=lambda pack: pack["sku"],
            ),
        },
        optional={
            "goals": st.lists(
                st.sampled_from(list(Goal.objects.values_list("slug", flat=True))), unique=True
            ),
            "diet": st.lists(st.sampled_from(DIET_FIELDS), unique=True),
            "description_nl": text,
            "description_en": text,
            "directions_en": text,
            "published": st.booleans(),
            "min_age_years": st.integers(0, 120),
            "serving_size": _amount("0.01", "1000"),
            "co_ingredients": st.lists(
                st.fixed_dictionaries(
                    {
                        "name_nl": st.sampled_from(["Vitamine B6", "Zink", "Taurine"]),
                        "name_en": st.sampled_from(["Vitamin B6", "Zinc", "Taurine"]),
                        "amount": _amount("0.001", "500", 3),
                    },
                    optional={"unit": st.sampled_from(["mg", "µg"])},
                ),
                max_size=2,
            ),
        },
    )


def _with_body(pair: tuple[Any, dict[str, Any]]) -> Any:
    case, body = pair
    case.body = body
    case.media_type = "application/json"
    return case


def _strategy(operation: Any, mode: GenerationMode) -> st.SearchStrategy[Any]:
    """Generated cases; detail operations also aim at existing objects, and product writes
    also send bodies built from the demo's slugs."""
    generated = operation.as_strategy(generation_mode=mode)
    options = [generated]
    if "{slug}" in operation.path:
        options += [
            operation.as_strategy(generation_mode=mode, path_parameters={"slug": slug})
            for slug in _slugs(operation)
        ]
    if (
        mode is GenerationMode.POSITIVE
        and operation.path.startswith("/api/v1/products/")
        and operation.method.upper() in ("POST", "PUT")
    ):
        options.append(st.tuples(options[-1], product_bodies()).map(_with_body))
    return st.one_of(*options)


@pytest.mark.parametrize("mode", list(EXAMPLES), ids=lambda m: m.value)
@pytest.mark.parametrize("operation", OPERATIONS, ids=label)
def test_operation_conforms(operation, mode, demo_catalog, superuser_session, in_process_requests):
    write = operation.method.upper() in WRITE_METHODS
    auth = superuser_session if write else {"cookies": {}, "headers": {}}

    @hsettings(
        max_examples=EXAMPLES[mode],
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(case=_strategy(operation, mode))
    def run(case: Any) -> None:
        CASES[label(operation)] += 1
        if write and case.headers:
            # Generated Basic credentials (the schema's security schemes) would replace the
            # superuser's session; reads keep them, and must answer 401.
            case.headers.pop("Authorization", None)
        # Every case starts from the demo catalog: its writes are rolled back.
        with transaction.atomic():
            response = case.call(headers=auth["headers"], cookies=auth["cookies"])
            transaction.set_rollback(True)
        if write:
            cache.clear()
        case.validate_response(response, checks=CHECKS)

    run()


def test_enough_cases_ran():
    """At least MIN_TOTAL_CASES generated requests over the whole schema (when all ran)."""
    expected = {label(op) for op in OPERATIONS}
    if set(CASES) != expected:
        pytest.skip("only part of the operations ran")
    total = sum(CASES.values())
    print(f"\nschemathesis: {total} generated requests over {len(expected)} operations")
    assert total >= MIN_TOTAL_CASES
