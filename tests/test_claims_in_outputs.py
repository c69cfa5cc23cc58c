"""No unauthorised health claim leaves the shop: the Merchant feed, the JSON Lines feed and
the JSON-LD of every product page of the demo catalog pass `compliance.lint_copy`."""

import json
import re
import xml.etree.ElementTree as ET

import pytest
from django.utils import translation

from catalog import compliance
from catalog.models import Product

pytestmark = pytest.mark.django_db

LD_JSON = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


def strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from strings(item)


def assert_clean(texts, lang, where):
    problems = [
        (text, compliance.describe_issue(issue))
        for text in texts
        for issue in compliance.lint_copy(text, lang)
    ]
    assert not problems, (where, problems)


def body(response):
    return b"".join(response.streaming_content) if response.streaming else response.content


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_merchant_feed_has_no_unauthorised_claim(client, demo_catalog, lang):
    response = client.get(f"/api/v1/feed/google-merchant.xml?lang={lang}")
    assert response.status_code == 200
    root = ET.fromstring(body(response))
    items = root.findall("./channel/item")
    assert len(items) > 40
    assert_clean([el.text or "" for item in items for el in item], lang, "merchant feed")


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_jsonl_feed_has_no_unauthorised_claim(client, demo_catalog, lang):
    response = client.get(f"/api/v1/feed/products.jsonl?lang={lang}")
    assert response.status_code == 200
    lines = [json.loads(line) for line in body(response).decode().splitlines() if line]
    assert len(lines) >= 40
    # Goals are the shop's browse categories (domain-facts 7) and articles are educational:
    # both may name a topic such as sleep; product copy and claims may not.
    product_copy = [
        {k: v for k, v in line.items() if k not in ("goals", "articles")} for line in lines
    ]
    assert_clean([s for line in product_copy for s in strings(line)], lang, "jsonl feed")


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_product_page_json_ld_has_no_unauthorised_claim(client, demo_catalog, lang):
    products = list(Product.objects.filter(published=True))
    assert products
    for product in products:
        with translation.override(lang):
            url = product.get_absolute_url()
        html = client.get(url)
        assert html.status_code == 200, product.slug
        blocks = [json.loads(b) for b in LD_JSON.findall(html.content.decode())]
        assert any("Product" in json.dumps(b) for b in blocks), product.slug
        assert_clean([s for b in blocks for s in strings(b)], lang, product.slug)
