"""The bulk import contract (api-contract.md, "Bulk import"), through catalog.importing."""

from decimal import Decimal

import pytest
from django.utils import translation

from catalog import importing
from catalog.models import IngredientLine, Pack, Product
from tests.factories import make_product

from .conftest import csv_bytes, row, three_rows

pytestmark = pytest.mark.django_db


def snapshot():
    """Everything an import may write, to prove a failed import wrote nothing."""
    return (
        list(Product.objects.order_by("pk").values()),
        list(Pack.objects.order_by("pk").values()),
        list(IngredientLine.objects.order_by("pk").values()),
        list(Product.goals.through.objects.order_by("pk").values()),
    )


def test_import_creates_products_packs_and_derived_figures(catalog_refs):
    plan = importing.import_products(csv_bytes(three_rows()), "products.csv")

    assert plan.counts()["products_new"] == 2
    assert plan.counts()["packs_new"] == 3
    citrate = Product.objects.get(slug="vitaflux-magnesium-citrate-400")
    assert citrate.name_nl == "Magnesiumcitraat 400"
    assert citrate.elemental_mg_per_day == Decimal("400.0")
    assert citrate.percent_nrv == 107
    assert citrate.price_eur == Decimal("12.95")  # the cheapest pack in stock
    assert citrate.vegan and citrate.vegetarian and citrate.gluten_free
    assert not citrate.published  # an editor reviews new products before publishing
    assert sorted(citrate.packs.values_list("sku", flat=True)) == ["VF-CIT-120", "VF-CIT-60"]
    assert list(citrate.goals.values_list("slug", flat=True)) == ["muscles-cramps"]


def test_compound_basis_is_converted_with_the_forms_fraction(catalog_refs):
    importing.import_products(csv_bytes(three_rows()))

    product = Product.objects.get(slug="vitaflux-magnesium-bisglycinate")
    line = product.ingredients.get()
    assert line.compound_mg == Decimal("1000") and line.elemental_mg is None
    assert product.elemental_mg_per_day == Decimal("141.0")
    assert product.price_eur == Decimal("19.50")  # decimal comma accepted
    assert not product.in_stock


def test_reimporting_the_same_file_changes_nothing(catalog_refs):
    data = csv_bytes(three_rows())
    importing.import_products(data)
    before = snapshot()

    plan = importing.import_products(data)

    assert plan.counts()["products_unchanged"] == 2
    assert plan.counts()["packs_unchanged"] == 3
    assert snapshot() == before  # not even updated_at moved


def test_a_changed_price_updates_the_pack_and_the_products_figures(catalog_refs):
    importing.import_products(csv_bytes(three_rows()))
    rows = three_rows()
    rows[0]["price_eur"] = "9.95"

    plan = importing.import_products(csv_bytes(rows))

    changed = [r for r in plan.rows if r.status == importing.STATUS_CHANGED]
    assert [(r.sku, [(c.column, c.old, c.new) for c in r.changes]) for r in changed] == [
        ("VF-CIT-60", [("price_eur", "12.95", "9.95")])
    ]
    product = Product.objects.get(slug="vitaflux-magnesium-citrate-400")
    assert product.price_eur == Decimal("9.95")
    assert Pack.objects.get(sku="VF-CIT-60").price_eur == Decimal("9.95")


def test_changed_ingredients_and_goals_replace_the_old_ones(catalog_refs):
    importing.import_products(csv_bytes(three_rows()))
    rows = three_rows()
    for r in rows[:2]:
        r["ingredients"] = "citrate:100;bisglycinate:500:compound"
        r["goals"] = "energy-fatigue"

    importing.import_products(csv_bytes(rows))

    product = Product.objects.get(slug="vitaflux-magnesium-citrate-400")
    assert [line.form.slug for line in product.ingredients.all()] == ["citrate", "bisglycinate"]
    assert list(product.goals.values_list("slug", flat=True)) == ["energy-fatigue"]
    # (100 + 500 x 0.141) x 2 servings
    assert product.elemental_mg_per_day == Decimal("341.0")


def test_packs_missing_from_the_file_are_kept(catalog_refs):
    importing.import_products(csv_bytes(three_rows()))

    importing.import_products(csv_bytes(three_rows()[:1]))

    assert Pack.objects.count() == 3


def test_an_existing_product_is_found_by_brand_and_english_name(catalog_refs):
    from catalog.models import Brand

    existing = make_product(
        brand=Brand.objects.get(slug="vitaflux"),
        name_en="Magnesium Citrate 400",
        packs=[{"sku": "OLD-1", "servings_per_container": 30, "price_eur": Decimal("5")}],
    )

    importing.import_products(csv_bytes([row()]))

    assert Product.objects.count() == 1
    assert sorted(existing.packs.values_list("sku", flat=True)) == ["OLD-1", "VF-CIT-60"]


def test_new_slugs_never_collide(catalog_refs):
    make_product(slug="vitaflux-magnesium-citrate-400", name_en="Something else")

    importing.import_products(csv_bytes([row()]))

    assert Product.objects.filter(slug="vitaflux-magnesium-citrate-400-2").exists()


def test_semicolon_separated_csv_with_a_byte_order_mark(catalog_refs):
    data = b"\xef\xbb\xbf" + csv_bytes([row()], delimiter=";")

    plan = importing.import_products(data, "nl.csv")

    assert plan.counts()["packs_new"] == 1


def test_a_copy_warning_is_reported_but_imported(catalog_refs):
    plan = importing.import_products(csv_bytes([row(description_en="Helps you sleep better.")]))

    assert [(w.line, w.column) for w in plan.warnings] == [(2, "description_en")]
    assert Product.objects.count() == 1


def test_dry_run_reports_and_writes_nothing(catalog_refs):
    plan = importing.import_products(csv_bytes(three_rows()), dry_run=True)

    assert plan.counts()["packs_new"] == 3
    assert not Product.objects.exists()
    assert not plan.written


# --- every kind of bad row: reported with line and column, nothing written ------------------


BAD_ROWS = {
    "unknown form": ([row(ingredients="citrte:200")], (2, "ingredients", "citrte")),
    "unknown goal": ([row(goals="muscles-cramps|flying")], (2, "goals", "flying")),
    "brand without letters": ([row(brand="???")], (2, "brand", "???")),
    "unknown diet": ([row(diet="keto")], (2, "diet", "keto")),
    "bad price": ([row(price_eur="cheap")], (2, "price_eur", "")),
    "zero price": ([row(price_eur="0")], (2, "price_eur", "")),
    "bad amount": ([row(ingredients="citrate:lots")], (2, "ingredients", "lots")),
    "bad basis": ([row(ingredients="citrate:200:weight")], (2, "ingredients", "weight")),
    "bad servings": ([row(servings_per_day="two")], (2, "servings_per_day", "")),
    "negative stock": ([row(stock="-1")], (2, "stock", "")),
    "bad dose form": ([row(dose_form="pill")], (2, "dose_form", "pill")),
    "bad gtin check digit": ([row(gtin="8712345678907")], (2, "gtin", "check digit")),
    "missing value": ([row(sku="")], (2, "sku", "")),
    "duplicate sku": (
        [row(), row(gtin="8712345678913", servings_per_container="120")],
        (3, "sku", "line 3"),
    ),
    "duplicate gtin": ([row(), row(sku="VF-2", servings_per_container="120")], (3, "gtin", "")),
    "conflicting product values": (
        [row(), row(sku="VF-2", gtin="", dose_form="tablet")],
        (3, "dose_form", "line 3"),
    ),
    "banned disease claim": (
        [row(description_en="Magnesium cures migraine.")],
        (2, "description_en", "migraine"),
    ),
    "implausible dose": ([row(ingredients="citrate:1500")], (2, "ingredients", "3000")),
}


@pytest.mark.parametrize("rows, expected", BAD_ROWS.values(), ids=BAD_ROWS.keys())
def test_a_bad_row_is_reported_and_nothing_is_written(catalog_refs, rows, expected):
    make_product(slug="already-there")
    before = snapshot()

    # The fragments are English; the messages follow the active language (Dutch by default).
    with translation.override("en"), pytest.raises(importing.ImportFailed) as failure:
        importing.import_products(csv_bytes([*three_rows()[2:], *rows]))

    line, column, fragment = expected
    errors = [(e.line, e.column) for e in failure.value.plan.errors]
    assert (line + 1, column) in errors
    assert any(fragment in e.message for e in failure.value.plan.errors if e.column == column)
    assert snapshot() == before


def test_a_sku_of_another_product_is_refused(catalog_refs):
    make_product(
        slug="other", packs=[{"sku": "VF-CIT-60", "servings_per_container": 30, "price_eur": 5}]
    )
    other_name = row(sku="NEW-1", gtin="")
    make_product(
        slug="by-name",
        brand=__import__("catalog.models", fromlist=["Brand"]).Brand.objects.get(slug="vitaflux"),
        name_en="Magnesium Citrate 400",
        packs=[{"sku": "BN-1", "servings_per_container": 30, "price_eur": 5}],
    )
    before = snapshot()

    with pytest.raises(importing.ImportFailed) as failure:
        importing.import_products(csv_bytes([row(), other_name]))

    assert [(e.line, e.column) for e in failure.value.plan.errors] == [(2, "sku")]
    assert "other" in failure.value.plan.errors[0].message
    assert snapshot() == before


def test_every_bad_row_is_reported_not_only_the_first(catalog_refs):
    rows = [row(brand="???"), row(sku="X2", gtin="", price_eur="x", name_en="Other")]

    with pytest.raises(importing.ImportFailed) as failure:
        importing.import_products(csv_bytes(rows))

    assert [(e.line, e.column) for e in failure.value.plan.errors] == [
        (2, "brand"),
        (3, "price_eur"),
    ]


def test_a_file_without_a_column_cannot_add_packs_and_says_which_column(catalog_refs):
    columns = [c for c in importing.COLUMNS if c != "servings_per_day"]

    with translation.override("en"), pytest.raises(importing.ImportFailed) as failure:
        importing.import_products(csv_bytes([row()], columns=columns))

    [error] = failure.value.plan.errors
    assert (error.line, error.column) == (2, "sku")
    assert "Unknown SKU “VF-CIT-60”" in error.message and "servings_per_day" in error.message
    assert not Product.objects.exists()


def test_a_file_without_the_sku_column_is_refused_on_the_header_line(catalog_refs):
    columns = [c for c in importing.COLUMNS if c != "sku"]

    with pytest.raises(importing.ImportFailed) as failure:
        importing.import_products(csv_bytes([row()], columns=columns))

    assert [(e.line, e.column) for e in failure.value.plan.errors] == [(1, "sku")]


def test_a_file_that_is_not_utf8_is_refused(catalog_refs):
    data = csv_bytes([row()]) + "\n".join(["", "x"]).encode() + "café".encode("latin-1")

    with pytest.raises(importing.ImportFailed) as failure:
        importing.import_products(data)

    assert "UTF-8" in failure.value.plan.errors[0].message
    assert failure.value.plan.errors[0].line == 4


@pytest.mark.parametrize("data", [b"", b"  \n", csv_bytes([])], ids=["empty", "blank", "header"])
def test_an_empty_file_is_refused(catalog_refs, data):
    with pytest.raises(importing.ImportFailed) as failure:
        importing.import_products(data)

    assert len(failure.value.plan.errors) == 1
    assert not Product.objects.exists()


def test_a_multiline_description_keeps_line_numbers_right(catalog_refs):
    rows = [row(description_en="First line.\nSecond line."), row(sku="X2", gtin="", brand="?")]

    with pytest.raises(importing.ImportFailed) as failure:
        importing.import_products(csv_bytes(rows))

    assert [(e.line, e.column) for e in failure.value.plan.errors] == [(4, "brand")]
