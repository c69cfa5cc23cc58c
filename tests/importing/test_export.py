"""Export writes the import columns, so export -> import changes nothing; cells a spreadsheet
would run as formulas are escaped."""

import csv
import io
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from catalog import importing
from catalog.importing import escape_formula, unescape_formula
from catalog.models import IngredientLine, Pack, Product
from tests.factories import FormFactory, make_product

from .conftest import csv_bytes, three_rows

pytestmark = pytest.mark.django_db


def snapshot():
    return (
        list(Product.objects.order_by("pk").values()),
        list(Pack.objects.order_by("pk").values()),
        list(IngredientLine.objects.order_by("pk").values()),
        list(Product.goals.through.objects.order_by("pk").values()),
    )


def csv_rows(data: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8"))))


# --- formula escaping ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "value, escaped",
    [
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("+31 20 123", "'+31 20 123"),
        ("-5 % korting", "'-5 % korting"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("'=already quoted", "''=already quoted"),
        ("Magnesium = goed", "Magnesium = goed"),  # only a leading trigger counts
        ("it's fine", "it's fine"),
        ("'", "'"),
        ("", ""),
        ("19.95", "19.95"),
    ],
)
def test_escape_formula(value, escaped):
    assert escape_formula(value) == escaped
    assert unescape_formula(escaped) == value


@pytest.fixture
def formula_product(refs):
    return make_product(
        name_nl='=HYPERLINK("http://evil.example","klik")',
        name_en="+Magnesium",
        description_nl="-5 mg minder",
        description_en="@cmd",
        packs=[{"sku": "FX-60", "servings_per_container": 60, "price_eur": Decimal("9.95")}],
    )


def test_csv_export_escapes_cells_that_start_a_formula(formula_product):
    row = csv_rows(importing.export_products())[0]

    assert row["name_nl"] == '\'=HYPERLINK("http://evil.example","klik")'
    assert row["name_en"] == "'+Magnesium"
    assert row["description_nl"] == "'-5 mg minder"
    assert row["description_en"] == "'@cmd"
    assert row["sku"] == "FX-60"  # SKUs start with a letter or digit: never escaped
    assert row["price_eur"] == "9.95"


def test_xlsx_export_stores_escaped_text_never_a_formula(formula_product):
    sheet = load_workbook(io.BytesIO(importing.export_products(fmt="xlsx"))).active

    header = [c.value for c in sheet[1]]
    cells = dict(zip(header, sheet[2], strict=True))
    assert cells["name_nl"].data_type == "s"
    assert cells["name_nl"].value.startswith("'=HYPERLINK")
    assert cells["name_en"].value == "'+Magnesium"
    assert all(c.data_type != "f" for row in sheet.iter_rows() for c in row)


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_escaped_cells_import_back_as_the_original_text(formula_product, fmt):
    data = importing.export_products(fmt=fmt)
    before = snapshot()

    plan = importing.import_products(data, f"export.{fmt}")

    assert plan.counts()["packs_unchanged"] == 1
    assert snapshot() == before


# --- round trips -------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_an_export_imports_back_with_zero_changes(catalog_refs, fmt):
    importing.import_products(csv_bytes(three_rows()))
    make_product(
        slug="assayed",  # a product made in the admin, with a compound line and a co-ingredient
        ingredients=[
            {"form": FormFactory(slug="bisglycinate"), "compound_mg": Decimal("1250.5")},
            {"form": FormFactory(slug="citrate"), "elemental_mg": Decimal("33.3333")},
        ],
    )
    before = snapshot()

    plan = importing.import_products(importing.export_products(fmt=fmt), f"export.{fmt}")

    counts = plan.counts()
    assert counts["products_unchanged"] == 3 and counts["packs_unchanged"] == 4
    assert counts["products_changed"] == counts["packs_changed"] == 0
    assert snapshot() == before  # not even updated_at


def test_the_export_has_one_row_per_pack_in_contract_order(catalog_refs):
    importing.import_products(csv_bytes(three_rows()))

    data = importing.export_products()

    assert data.decode("utf-8").splitlines()[0] == ",".join(importing.EXPORT_COLUMNS)
    rows = csv_rows(data)
    # Products by brand and English name; packs by container size.
    assert [r["sku"] for r in rows] == ["VF-BIS-90", "VF-CIT-60", "VF-CIT-120"]
    bis = rows[0]
    assert bis["ingredients"] == "bisglycinate:1000:compound"
    assert bis["goals"] == "energy-fatigue|muscles-cramps"
    assert bis["price_eur"] == "19.5"
    assert rows[1]["diet"] == "vegan|vegetarian|gluten_free"


def test_an_xlsx_file_imports_like_the_csv(catalog_refs):
    buffer = io.BytesIO()
    importing.write_xlsx(three_rows(), buffer)

    plan = importing.import_products(buffer.getvalue(), "products.xlsx")

    assert plan.counts()["packs_new"] == 3
    assert Pack.objects.get(sku="VF-CIT-60").gtin == "8712345678906"
    assert Product.objects.get(slug="vitaflux-magnesium-bisglycinate").price_eur == Decimal("19.50")


def test_numbers_typed_into_a_spreadsheet_are_read_as_text(catalog_refs):
    """Excel stores a GTIN, a price or a count typed into a cell as a number."""
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.append(list(importing.COLUMNS))
    values = three_rows()[0] | {
        "gtin": 8712345678906,
        "price_eur": 12.95,
        "stock": 10,
        "servings_per_day": 2.0,
    }
    sheet.append([values.get(c, "") for c in importing.COLUMNS])
    buffer = io.BytesIO()
    workbook.save(buffer)

    importing.import_products(buffer.getvalue(), "typed.xlsx")

    pack = Pack.objects.get()
    assert (pack.gtin, pack.price_eur, pack.stock) == ("8712345678906", Decimal("12.95"), 10)
    assert pack.product.servings_per_day == 2


def test_a_file_that_is_not_a_workbook_is_refused(catalog_refs):
    with pytest.raises(importing.ImportFailed) as failure:
        importing.import_products(b"PK\x03\x04 not really a zip", "products.xlsx")

    assert [(e.line, e.column) for e in failure.value.plan.errors] == [(1, "")]
