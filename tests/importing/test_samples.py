"""The import contract's documentation and sample files (docs/) stay true: the samples import."""

import csv
import io
from decimal import Decimal
from pathlib import Path

import pytest
from django.core.management import call_command
from openpyxl import load_workbook

from catalog.models import Pack, Product

DOCS = Path(__file__).resolve().parents[2] / "docs"
SAMPLE_CSV = DOCS / "samples" / "products.csv"
SAMPLE_XLSX = DOCS / "samples" / "products.xlsx"


def csv_rows():
    return list(csv.reader(io.StringIO(SAMPLE_CSV.read_text("utf-8"))))


def import_file(path):
    out = io.StringIO()
    call_command("import_products", str(path), "--no-progress", stdout=out)
    return out.getvalue()


@pytest.mark.django_db
def test_the_samples_have_the_columns_an_export_writes(tmp_path):
    call_command("export_products", str(tmp_path / "export.csv"))
    header = (tmp_path / "export.csv").read_text("utf-8-sig").splitlines()[0].split(",")
    assert csv_rows()[0] == header


def test_the_contract_names_every_column():
    contract = (DOCS / "import-contract.md").read_text("utf-8")
    for column in csv_rows()[0]:
        assert f"`{column}`" in contract, column


def test_the_readme_points_to_the_contract_and_the_samples():
    readme = (DOCS.parent / "README.md").read_text("utf-8")
    assert "docs/import-contract.md" in readme and "docs/samples/" in readme


def test_the_sample_spreadsheet_holds_the_csvs_rows():
    sheet = load_workbook(SAMPLE_XLSX, read_only=True).worksheets[0]
    rows = [
        [cell if cell is not None else "" for cell in row]
        for row in sheet.iter_rows(values_only=True)
    ]
    assert rows == csv_rows()


@pytest.mark.django_db
def test_the_sample_csv_imports_into_the_demo_catalog(demo_catalog):
    import_file(SAMPLE_CSV)

    skus = [row[0] for row in csv_rows()[1:]]
    assert Pack.objects.filter(sku__in=skus).count() == len(skus)
    bisglycinate = Pack.objects.get(sku="SMP-BIS200-60").product
    assert bisglycinate.elemental_mg_per_day == Decimal("200")
    assert set(bisglycinate.packs.values_list("sku", flat=True)) == {
        "SMP-BIS200-60",
        "SMP-BIS200-120",
    }


@pytest.mark.django_db
def test_importing_a_sample_again_changes_nothing(demo_catalog):
    import_file(SAMPLE_CSV)
    before = list(Product.objects.order_by("pk").values_list("pk", "updated_at"))

    import_file(SAMPLE_XLSX)

    assert list(Product.objects.order_by("pk").values_list("pk", "updated_at")) == before


@pytest.mark.django_db
def test_the_sample_spreadsheet_imports_into_the_demo_catalog(demo_catalog):
    import_file(SAMPLE_XLSX)
    assert Pack.objects.filter(sku__startswith="SMP-").count() == len(csv_rows()) - 1
