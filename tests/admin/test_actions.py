"""Bulk actions on the product changelist: publish, unpublish, change prices, export."""

import csv
import io
from decimal import Decimal

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.contrib.admin.models import LogEntry
from django.urls import reverse

from catalog.admin.products import changed_price
from catalog.importing import EXPORT_COLUMNS
from catalog.models import Pack, Product
from tests.factories import make_product

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:catalog_product_changelist")


@pytest.mark.parametrize(
    "price, percent, expected",
    [
        ("19.95", "10", "21.95"),  # 21.945 rounds half up
        ("19.95", "-15", "16.96"),  # 16.9575
        ("10.00", "-10", "9.00"),
        ("0.05", "10", "0.06"),  # 0.055 rounds half up, not to even
        ("0.25", "-2", "0.25"),  # 0.245 rounds half up
        ("12.34", "0", "12.34"),
        ("9.99", "2.5", "10.24"),  # 10.23975
        ("100.00", "500", "600.00"),
    ],
)
def test_changed_price_rounds_half_up_to_cents(price, percent, expected):
    assert changed_price(Decimal(price), Decimal(percent)) == Decimal(expected)


@pytest.fixture
def products(refs):
    """Two products: one with packs at 19.95 and 10.00, one at 7.50; and a third unselected."""
    first = make_product(
        slug="first",
        published=False,
        packs=[
            {
                "sku": "F-60",
                "servings_per_container": 60,
                "price_eur": Decimal("19.95"),
                "stock": 1,
            },
            {
                "sku": "F-30",
                "servings_per_container": 30,
                "price_eur": Decimal("10.00"),
                "stock": 1,
            },
        ],
    )
    second = make_product(
        slug="second",
        published=False,
        packs=[
            {"sku": "S-90", "servings_per_container": 90, "price_eur": Decimal("7.50"), "stock": 1}
        ],
    )
    other = make_product(slug="other", published=False)
    return first, second, other


def act(client, action, objects, **extra):
    return client.post(
        CHANGELIST,
        {"action": action, ACTION_CHECKBOX_NAME: [str(o.pk) for o in objects], **extra},
    )


def prices():
    return dict(Pack.objects.values_list("sku", "price_eur"))


def test_publish_and_unpublish_the_selected_products(admin_client, products):
    first, second, other = products

    response = act(admin_client, "publish", [first, second])

    assert response.status_code == 302
    assert set(Product.objects.filter(published=True).values_list("slug", flat=True)) == {
        "first",
        "second",
    }
    act(admin_client, "unpublish", [first])
    assert list(Product.objects.filter(published=True).values_list("slug", flat=True)) == ["second"]
    assert LogEntry.objects.filter(object_id=str(first.pk)).count() == 2


def test_change_price_asks_for_the_percentage_first_and_changes_nothing(admin_client, products):
    first, second, _ = products
    before = prices()

    response = act(admin_client, "change_price", [first, second])

    assert response.status_code == 200
    assert response.templates[0].name == "admin/catalog/product/change_price.html"
    assert len(response.context["rows"]) == 3  # every pack of the selected products
    assert prices() == before


def test_the_preview_shows_the_new_prices_and_changes_nothing(admin_client, products):
    first, second, _ = products
    before = prices()

    response = act(admin_client, "change_price", [first, second], percent="10", preview="1")

    new = {row["pack"].sku: row["new_price"] for row in response.context["rows"]}
    assert new == {"F-60": Decimal("21.95"), "F-30": Decimal("11.00"), "S-90": Decimal("8.25")}
    assert prices() == before


def test_confirming_changes_the_selected_packs_and_the_from_price(admin_client, products):
    first, second, other = products

    response = act(admin_client, "change_price", [first, second], percent="-15", apply="1")

    assert response.status_code == 302
    assert prices() == {
        "F-60": Decimal("16.96"),
        "F-30": Decimal("8.50"),
        "S-90": Decimal("6.38"),  # 6.375 rounds half up
        other.packs.get().sku: Decimal("19.95"),  # not selected: unchanged
    }
    first.refresh_from_db()
    assert first.price_eur == Decimal("8.50")  # derived fields recomputed
    assert LogEntry.objects.filter(content_type__model="pack").count() == 3


def test_a_dutch_decimal_comma_is_accepted(admin_client, products):
    first, _, _ = products

    act(admin_client, "change_price", [first], percent="2,5", apply="1")

    assert Pack.objects.get(sku="F-60").price_eur == Decimal("20.45")  # 20.44875


@pytest.mark.parametrize("percent", ["", "abc", "-95", "501"])
def test_a_bad_percentage_is_refused_and_changes_nothing(admin_client, products, percent):
    first, _, _ = products
    before = prices()

    response = act(admin_client, "change_price", [first], percent=percent, apply="1")

    assert response.status_code == 200
    assert response.context["form"].errors["percent"]
    assert prices() == before


def test_a_change_to_below_one_cent_is_refused_and_changes_nothing(admin_client, refs):
    cheap = make_product(
        slug="cheap",
        packs=[{"sku": "C-1", "servings_per_container": 1, "price_eur": Decimal("0.01")}],
    )

    response = act(admin_client, "change_price", [cheap], percent="-90", apply="1")

    assert response.status_code == 200
    assert [e.code for e in response.context["form"].errors.as_data()["percent"]] == [
        "below_a_cent"
    ]
    assert Pack.objects.get(sku="C-1").price_eur == Decimal("0.01")
    assert not LogEntry.objects.exists()


def test_export_selected_writes_the_import_columns_for_the_selected_products(
    admin_client, products
):
    first, second, _ = products

    response = act(admin_client, "export_selected", [first, second])

    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8"))))
    assert sorted(r["sku"] for r in rows) == ["F-30", "F-60", "S-90"]
    assert tuple(rows[0]) == EXPORT_COLUMNS
