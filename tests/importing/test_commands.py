"""`import_products FILE [--dry-run]` and `export_products [FILE]`."""

import io

import pytest
from django.core.management import CommandError, call_command

from catalog.models import Pack, Product

from .conftest import csv_bytes, row, three_rows

pytestmark = pytest.mark.django_db


def run(*args, **options):
    out, err = io.StringIO(), io.StringIO()
    call_command(*args, stdout=out, stderr=err, **options)
    return out.getvalue(), err.getvalue()


@pytest.fixture
def products_csv(tmp_path):
    path = tmp_path / "products.csv"
    path.write_bytes(csv_bytes(three_rows()))
    return path


def test_import_writes_the_file_and_reports_a_summary(catalog_refs, products_csv):
    out, _ = run("import_products", str(products_csv), no_progress=True)

    assert Product.objects.count() == 2 and Pack.objects.count() == 3
    assert "products.csv" in out


def test_a_dry_run_reports_and_writes_nothing(catalog_refs, products_csv):
    out, _ = run(
        "import_products", str(products_csv), "--dry-run", "--language", "en", no_progress=True
    )

    assert "Dry run" in out and "3 rows" in out
    assert not Product.objects.exists() and not Pack.objects.exists()


def test_the_progress_bar_redraws_in_place_on_stderr(catalog_refs, products_csv):
    _, err = run("import_products", str(products_csv))

    bar = [line for line in err.split("\n") if line]  # "\r" redraws stay on their line
    assert len(bar) == 2  # the checking bar and the writing bar
    assert "3 rows" in bar[0] and "\r" in bar[0]
    assert "2/2" in bar[1]


def test_bad_rows_are_listed_and_the_command_fails_writing_nothing(catalog_refs, tmp_path):
    path = tmp_path / "bad.csv"
    path.write_bytes(csv_bytes([row(), row(sku="X2", gtin="8712345678907", dose_form="pill")]))

    with pytest.raises(CommandError, match="2 errors in bad.csv"):
        run("import_products", str(path), "--language=en", no_progress=True)

    assert not Product.objects.exists()


def test_bad_rows_go_to_stderr_with_line_and_column(catalog_refs, tmp_path):
    path = tmp_path / "bad.csv"
    path.write_bytes(csv_bytes([row(), row(sku="X2", gtin="8712345678907")]))
    err = io.StringIO()

    with pytest.raises(CommandError):
        call_command("import_products", str(path), no_progress=True, stderr=err, language="en")

    assert "line 3, column gtin:" in err.getvalue()


def test_a_missing_file_is_a_command_error(db, tmp_path):
    with pytest.raises(CommandError):
        run("import_products", str(tmp_path / "nope.csv"))


def test_export_to_stdout_is_csv_with_the_import_header(catalog_refs, products_csv):
    run("import_products", str(products_csv), no_progress=True)

    out, _ = run("export_products")

    assert out.splitlines()[0].startswith("sku,gtin,brand,name_nl")
    assert len(out.splitlines()) == 4


def test_export_filters_by_brand_and_published(catalog_refs, products_csv):
    run("import_products", str(products_csv), no_progress=True)  # imported unpublished

    assert len(run("export_products", brand=["vitaflux"])[0].splitlines()) == 4
    assert len(run("export_products", brand=["puremag"])[0].splitlines()) == 1
    assert len(run("export_products", "--published")[0].splitlines()) == 1


# --- the demo catalog round trip through both commands ----------------------------------------


@pytest.mark.parametrize("suffix", ["csv", "xlsx"])
def test_the_demo_catalog_round_trips_with_zero_changes(demo_module, db, tmp_path, suffix):
    path = tmp_path / f"demo.{suffix}"
    run("export_products", str(path))
    before = list(Product.objects.order_by("pk").values("pk", "updated_at"))

    out, _ = run("import_products", str(path), "--language", "en", no_progress=True)

    packs = Pack.objects.count()
    products = Product.objects.count()
    assert (
        f"{packs} rows: products 0 new, 0 merged into existing products, 0 changed, "
        f"{products} unchanged; "
        f"packs 0 new, 0 changed, {packs} unchanged." in out
    )
    assert list(Product.objects.order_by("pk").values("pk", "updated_at")) == before
