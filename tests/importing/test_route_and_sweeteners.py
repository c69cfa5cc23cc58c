"""Issue 16 in the import: the optional `route` and `sweeteners` columns (contract v1.1)."""

import pytest

from catalog import importing
from catalog.importing import COLUMNS
from catalog.models import Product

from .conftest import csv_bytes, row

pytestmark = pytest.mark.django_db

WITHOUT_OPTIONAL = [c for c in COLUMNS if c not in ("route", "sweeteners")]


def flakes_row(**values):
    """Bath flakes as a supplier's sheet lists them: 1 g of flakes holds 120 mg magnesium."""
    return row(
        sku="BATH-1KG",
        gtin="",
        name_nl="Magnesium Badvlokken",
        name_en="Magnesium Bath Flakes",
        dose_form="flakes",
        serving_unit="g",
        servings_per_day="1",
        servings_per_container="1000",
        ingredients="citrate:120",
        goals="",
        description_nl="Vlokken voor in bad of voetenbad.",
        description_en="Flakes for the bath or a foot bath.",
        price_eur="14.95",
        **values,
    )


def test_a_topical_row_makes_a_product_for_external_use(catalog_refs, client):
    oil = row(
        sku="OIL-100",
        gtin="",
        name_nl="Magnesiumolie",
        name_en="Magnesium Oil",
        dose_form="liquid",
        serving_unit="ml",
        ingredients="citrate:100",
        route="topical",
    )

    importing.import_products(csv_bytes([oil]), "products.csv")

    product = Product.objects.get(packs__sku="OIL-100")
    assert product.route == "topical"
    Product.objects.filter(pk=product.pk).update(published=True)
    body = client.get(f"/api/v1/products/{product.slug}/").json()
    assert body["route"] == "topical" and body["percent_nrv"] is None
    assert [t["code"] for t in body["label"]] == ["external_use", "children"]


def test_without_the_column_flakes_are_topical_and_capsules_oral(catalog_refs):
    rows = [flakes_row(), row()]

    importing.import_products(csv_bytes(rows, columns=WITHOUT_OPTIONAL), "products.csv")

    assert Product.objects.get(packs__sku="BATH-1KG").route == "topical"
    assert Product.objects.get(packs__sku="VF-CIT-60").route == "oral"


def test_an_empty_route_cell_is_suggested_too(catalog_refs):
    importing.import_products(csv_bytes([flakes_row(route="")]), "products.csv")

    assert Product.objects.get(packs__sku="BATH-1KG").route == "topical"


def test_an_unknown_route_is_reported_with_its_line_and_column_and_nothing_is_written(
    catalog_refs,
):
    rows = [row(), flakes_row(route="bath")]

    with pytest.raises(importing.ImportFailed) as failure:
        importing.import_products(csv_bytes(rows), "products.csv")

    errors = failure.value.plan.errors
    assert [(e.line, e.column) for e in errors] == [(3, "route")]
    assert "bath" in errors[0].message
    assert not Product.objects.exists()


def test_a_file_without_the_column_keeps_an_existing_products_route(catalog_refs):
    importing.import_products(csv_bytes([row(route="topical")]), "products.csv")
    product = Product.objects.get()
    updated = product.updated_at

    plan = importing.import_products(csv_bytes([row()], columns=WITHOUT_OPTIONAL), "p.csv")

    product.refresh_from_db()
    assert product.route == "topical"
    assert product.updated_at == updated
    assert plan.counts()["products_unchanged"] == 1


def test_a_changed_route_is_reported_and_written(catalog_refs):
    importing.import_products(csv_bytes([row()]), "products.csv")

    plan = importing.import_products(
        csv_bytes([row(route="topical")]), "products.csv", dry_run=True
    )

    changes = [(c.column, c.old, c.new) for c in plan.products[0].changes]
    assert changes == [("route", "oral", "topical")]
    assert Product.objects.get().route == "oral"  # a dry run writes nothing
    importing.import_products(csv_bytes([row(route="topical")]), "products.csv")
    assert Product.objects.get().route == "topical"


def test_sweeteners_set_the_polyol_warning(catalog_refs, client):
    liquid = row(sweeteners="Xylitol|steviolglycosiden", dose_form="liquid", serving_unit="ml")

    importing.import_products(csv_bytes([liquid]), "products.csv")

    product = Product.objects.get()
    assert product.sweetener_list == ["Xylitol", "steviolglycosiden"]
    Product.objects.filter(pk=product.pk).update(published=True)
    label = client.get(f"/api/v1/products/{product.slug}/?lang=en").json()["label"]
    assert "Excessive consumption may produce laxative effects." in [t["text"] for t in label]


def test_an_export_carries_route_and_sweeteners_and_reimports_unchanged(catalog_refs):
    importing.import_products(csv_bytes([flakes_row(), row(sweeteners="maltitol")]), "products.csv")

    exported = importing.export_products()
    header = exported.decode("utf-8-sig").splitlines()[0].split(",")
    assert header[-2:] == ["route", "sweeteners"]
    assert ",topical," in exported.decode("utf-8-sig") and ",maltitol" in exported.decode()
    plan = importing.import_products(exported, "export.csv")
    assert plan.counts()["products_unchanged"] == 2
