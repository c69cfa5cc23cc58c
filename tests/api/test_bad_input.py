"""Every bad request answers 4xx with a JSON body naming the parameter, never 500."""

import pytest

pytestmark = pytest.mark.django_db

P = "/api/v1/products/"

BAD_REQUESTS = [
    # (url, status, the parameter the error names)
    (f"{P}?form=citrte", 400, "form"),
    (f"{P}?form=citrate,nope", 400, "form"),
    (f"{P}?form=citrate&form=nope", 400, "form"),
    (f"{P}?goal=slaap", 400, "goal"),
    (f"{P}?brand=acme", 400, "brand"),
    (f"{P}?dose_form=pill", 400, "dose_form"),
    (f"{P}?diet=keto", 400, "diet"),
    (f"{P}?min_price=abc", 400, "min_price"),
    (f"{P}?max_price=1,5", 400, "max_price"),
    (f"{P}?min_price=-1", 400, "min_price"),
    (f"{P}?min_price=NaN", 400, "min_price"),
    (f"{P}?max_price=Infinity", 400, "max_price"),
    (f"{P}?max_price=1e309", 400, "max_price"),
    (f"{P}?min_price=99999999999", 400, "min_price"),
    (f"{P}?min_price=20&max_price=5", 400, "min_price"),
    (f"{P}?min_elemental_mg=x", 400, "min_elemental_mg"),
    (f"{P}?max_elemental_mg=-5", 400, "max_elemental_mg"),
    (f"{P}?min_elemental_mg=500&max_elemental_mg=100", 400, "min_elemental_mg"),
    (f"{P}?in_stock=yes", 400, "in_stock"),
    (f"{P}?in_stock=1", 400, "in_stock"),
    (f"{P}?within_ul=maybe", 400, "within_ul"),
    (f"{P}?ordering=price_asc", 400, "ordering"),
    (f"{P}?ordering=-id", 400, "ordering"),
    (f"{P}?page_size=101", 400, "page_size"),
    (f"{P}?page_size=0", 400, "page_size"),
    (f"{P}?page_size=-3", 400, "page_size"),
    (f"{P}?page_size=ten", 400, "page_size"),
    (f"{P}?page=0", 400, "page"),
    (f"{P}?page=abc", 400, "page"),
    (f"{P}?page=99999999999999999999", 400, "page"),
    (f"{P}?lang=de", 400, "lang"),
    (f"{P}?market=UK", 400, "market"),
    (f"{P}?q=%00", 400, "q"),
    (f"{P}?q=" + "x" * 201, 400, "q"),
    (f"{P}nope/", 404, None),
    (f"{P}citrate-400/?market=XX", 400, "market"),
    (f"{P}citrate-400/?lang=fr", 400, "lang"),
    ("/api/v1/forms/nope/", 404, None),
    ("/api/v1/goals/nope/", 404, None),
    ("/api/v1/articles/nope/", 404, None),
    ("/api/v1/articles/?goal=nope", 400, "goal"),
    ("/api/v1/articles/?form=nope", 400, "form"),
    ("/api/v1/articles/?page_size=1000", 400, "page_size"),
    ("/api/v1/interactions/nope/", 404, None),
    ("/api/v1/interactions/check/?product=nope", 400, "product"),
    ("/api/v1/interactions/check/?condition=flu", 400, "condition"),
    ("/api/v1/interactions/check/?medication=" + "a" * 201, 400, "medication"),
    ("/api/v1/interactions/check/?market=MARS", 400, "market"),
    ("/api/v1/feed/products.jsonl?updated_since=yesterday", 400, "updated_since"),
    ("/api/v1/feed/products.jsonl?lang=xx", 400, "lang"),
    ("/api/v1/feed/google-merchant.xml?market=XX", 400, "market"),
]


@pytest.mark.parametrize(("url", "status", "param"), BAD_REQUESTS)
def test_bad_request(api, catalog, url, status, param):
    response = api.get(url)
    assert response.status_code == status, response.content[:300]
    body = response.json()
    if param:
        assert param in body["errors"], body
        assert all(isinstance(m, str) and m for m in body["errors"][param])
    else:
        assert "detail" in body


def test_unknown_value_lists_the_valid_ones(api, catalog):
    message = api.get(f"{P}?form=citrte").json()["errors"]["form"][0]
    assert message.startswith("Unknown value 'citrte'. Valid: ")
    assert "citrate" in message and "bisglycinate" in message


def test_several_bad_parameters_are_all_reported(api, catalog):
    errors = api.get(f"{P}?form=x&in_stock=x&ordering=x").json()["errors"]
    assert set(errors) == {"form", "in_stock", "ordering"}
