"""A manager's real files, start to finish, read back through the API (issue 17).

The files are the samples in docs/samples/, written the way a supplier's Excel (Dutch locale)
saves them: a byte-order mark, semicolons, decimal commas, brand names in any case or accent
("Solgar" and "SOLGAR ", "ÉLANVIE" for Elanvie), brands the catalog does not have yet, no
`published` column; then the supplier's daily file with only sku, price_eur and stock.
"""

import io
from decimal import Decimal
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from catalog.models import Brand, Pack, Product

SAMPLES = Path(__file__).resolve().parents[2] / "docs" / "samples"
SUPPLIER = SAMPLES / "supplier-products.csv"
SYNC = SAMPLES / "price-stock-sync.csv"
PRODUCTS = "/api/v1/products/"

pytestmark = pytest.mark.django_db


def run(path, *args):
    out, err = io.StringIO(), io.StringIO()
    call_command("import_products", str(path), "--no-progress", *args, stdout=out, stderr=err)
    return out.getvalue()


def listed(api, **params):
    body = api.get(PRODUCTS, {"lang": "en", **params}).json()
    return {p["slug"]: p for p in body["results"]}


def detail(api, slug):
    return api.get(f"{PRODUCTS}{slug}/", {"lang": "en"})


def test_a_supplier_file_then_a_price_and_stock_sync_as_the_api_shows_them(
    demo_catalog, api, tmp_path
):
    # 1. The dry run says what will happen, in English on request; nothing is written.
    dry = run(SUPPLIER, "--dry-run", "--language", "en")

    assert "Solgar (slug solgar, line 2), Biotics Research (slug biotics-research, line 4)" in dry
    assert "3 new products are drafts" in dry and "Publish selected products" in dry
    assert (
        "merged: new pack(s) NHN-MAL300-360 become packs of the existing product "
        "“Magnesium Malate 300 mg” (noordhof-naturals-magnesium-malate-300)" in dry
    )
    assert "products 3 new, 1 merged into existing products, 0 changed" in dry
    assert not Brand.objects.filter(slug__in=["solgar", "biotics-research"]).exists()

    # 2. The import: two new brands, Élanvie found by its name, new products are drafts.
    out = run(SUPPLIER)  # the project's language: Dutch

    assert "SOL-MGCIT-060" not in out  # -v 1 after a real import: totals and notes only
    solgar = Brand.objects.get(slug="solgar")
    assert solgar.name == "Solgar"  # the first spelling, trimmed
    assert Brand.objects.get(slug="biotics-research").name == "Biotics Research"
    assert Brand.objects.filter(name__iexact="solgar").count() == 1  # "SOLGAR " is the same
    citrate = Product.objects.get(brand=solgar)
    assert sorted(citrate.packs.values_list("sku", flat=True)) == ["SOL-MGCIT-060", "SOL-MGCIT-120"]
    assert Pack.objects.get(sku="ELV-MGTHR-030").product.brand.slug == "elanvie"
    assert listed(api, brand="solgar") == {}  # a draft: not in the shop
    assert detail(api, citrate.slug).status_code == 404
    malate = detail(api, "noordhof-naturals-magnesium-malate-300").json()  # still published
    new_pack = {p["sku"]: p for p in malate["packs"]}["NHN-MAL300-360"]
    assert new_pack["price"]["amount"] == "49.95"
    vitaflux_before = detail(api, "vitaflux-magnesium-citrate-400").json()
    assert vitaflux_before["price"]["amount"] == "12.95"

    # 3. The daily sync: only sku, price_eur and stock; Dutch decimal commas.
    sync = run(SYNC, "--language", "en")

    assert "Only these columns are changed: sku, price_eur, stock." in sync
    assert "products 0 new, 0 merged into existing products, 3 changed" in sync
    vitaflux = detail(api, "vitaflux-magnesium-citrate-400").json()
    assert vitaflux["price"]["amount"] == "11.95"  # the cheapest pack in stock, now cheaper
    assert vitaflux["name"] == vitaflux_before["name"]  # nothing else touched
    assert vitaflux["elemental_mg_per_day"] == vitaflux_before["elemental_mg_per_day"]
    assert listed(api, brand="solgar") == {}  # still a draft: a sync does not publish
    citrate.refresh_from_db()
    assert (citrate.price_eur, citrate.in_stock) == (Decimal("16.95"), True)

    # 4. Published through the file: a `published` column with the Dutch word "ja".
    publish = tmp_path / "publiceren.csv"
    publish.write_bytes("\ufeffsku;published\r\nSOL-MGCIT-060;ja\r\n".encode())
    run(publish)

    shown = listed(api, brand="solgar")
    assert list(shown) == [citrate.slug]
    product = shown[citrate.slug]
    assert product["brand"] == {"slug": "solgar", "name": "Solgar"}
    assert product["price"]["amount"] == "16.95"  # the synced price
    assert product["in_stock"] is True
    packs = {p["sku"]: p for p in detail(api, citrate.slug).json()["packs"]}
    assert packs["SOL-MGCIT-120"]["in_stock"] is False  # stock 0 from the sync
    assert detail(api, Pack.objects.get(sku="BIO-MGGLY-090").product.slug).status_code == 404


def test_a_sync_with_an_unknown_sku_names_the_row_and_writes_nothing(demo_catalog, tmp_path):
    path = tmp_path / "sync.csv"
    path.write_bytes(
        "\ufeffsku;price_eur;stock\r\nVFX-CIT400-060;9,95;10\r\nSOL-NIEUW-1;5,00;1\r\n".encode()
    )
    err = io.StringIO()

    with pytest.raises(CommandError, match="1 errors in sync.csv"):
        call_command("import_products", str(path), "--no-progress", "--language=en", stderr=err)

    assert "line 3, column sku: Unknown SKU “SOL-NIEUW-1”" in err.getvalue()
    assert Pack.objects.get(sku="VFX-CIT400-060").price_eur == Decimal("12.95")


def test_sync_errors_are_in_dutch_by_default_naming_row_and_column(demo_catalog, tmp_path):
    path = tmp_path / "sync.csv"
    path.write_bytes(b"sku;price_eur;stock\r\nVFX-CIT400-060;gratis;-3\r\n")
    err = io.StringIO()

    with pytest.raises(CommandError):
        call_command("import_products", str(path), "--no-progress", stderr=err)

    lines = err.getvalue().splitlines()
    assert lines[0].startswith("regel 2, kolom price_eur:")
    assert lines[1].startswith("regel 2, kolom stock:")
