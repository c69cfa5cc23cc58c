"""The import contract's v1.1 additions: brand names, `published`, partial files, outcomes."""

import csv
import io

import pytest
from django.core.management import call_command
from django.utils import translation

from catalog import importing
from catalog.models import Brand, Pack, Product
from tests.factories import make_product

from .conftest import csv_bytes, row, three_rows

pytestmark = pytest.mark.django_db


def text_csv(text):
    """A file as a manager's spreadsheet saves it (Dutch locale: semicolons, BOM)."""
    return b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8")


def errors_of(data):
    with pytest.raises(importing.ImportFailed) as failure:
        importing.import_products(data)
    return [(e.line, e.column, e.message) for e in failure.value.plan.errors]


# --- brands by slug or name ------------------------------------------------------------------


@pytest.mark.parametrize("cell", ["vitaflux", "Vitaflux", "VITAFLUX ", "Vîtaflux", "  vitaFLUX"])
def test_a_brand_is_found_by_its_slug_or_name_in_any_case_or_accents(catalog_refs, cell):
    plan = importing.import_products(csv_bytes([row(brand=cell)]))

    assert Product.objects.get().brand.slug == "vitaflux"
    assert plan.new_brands == []


def test_a_brand_name_with_capitals_inside_is_found(catalog_refs):
    importing.import_products(csv_bytes([row(brand="puremag")]))

    assert Product.objects.get().brand.name == "PureMag"


def test_an_unknown_brand_is_created_once_whatever_its_spelling(catalog_refs):
    rows = [
        row(brand="Biotics Research"),
        row(brand="BIOTICS  research ", sku="VF-CIT-120", gtin="", servings_per_container="120"),
    ]

    plan = importing.import_products(csv_bytes(rows))

    brand = Brand.objects.get(slug="biotics-research")
    assert brand.name == "Biotics Research"
    assert [(b.slug, b.name, b.line) for b in plan.new_brands] == [
        ("biotics-research", "Biotics Research", 2)
    ]
    product = Product.objects.get()
    assert product.brand == brand and product.packs.count() == 2
    assert product.slug == "biotics-research-magnesium-citrate-400"


def test_a_new_brand_with_accents_gets_a_plain_slug(catalog_refs):
    importing.import_products(csv_bytes([row(brand="Pürblend Nätur")]))

    assert Brand.objects.get(slug="purblend-natur").name == "Pürblend Nätur"


@pytest.mark.parametrize(
    "name", ["Dr. Mercola", "A.Vogel", "Nature's Plus", "Møllers", "Sonnentor®"]
)
def test_new_brand_names_as_brands_write_them(catalog_refs, name):
    importing.import_products(csv_bytes([row(brand=name)]))

    assert Product.objects.get().brand.name == name


@pytest.mark.parametrize("name", ["Vitaflu\u0445", "' OR 1=1; DROP TABLE x; --", "<b>Acme</b>"])
def test_a_look_alike_or_hostile_brand_name_is_refused(catalog_refs, name):
    [(line, column, message)] = errors_of(csv_bytes([row(brand=name)]))

    assert (line, column) == (2, "brand")
    assert Brand.objects.count() == 2


def test_a_dry_run_lists_new_brands_and_creates_none(catalog_refs):
    plan = importing.import_products(csv_bytes([row(brand="Kirkman")]), dry_run=True)

    assert [b.name for b in plan.new_brands] == ["Kirkman"]
    with translation.override("en"):
        assert "Kirkman (slug kirkman, line 2)" in importing.attention_notes(plan)[0]
    assert not Brand.objects.filter(slug="kirkman").exists()


# --- published -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "word, published",
    [
        ("ja", True),
        ("Nee", False),
        ("yes", True),
        ("NO", False),
        ("1", True),
        ("0", False),
        ("waar", True),
        ("onwaar", False),
        ("TRUE", True),
        ("false", False),
    ],
)
def test_the_published_column_takes_the_words_managers_write(catalog_refs, word, published):
    columns = [*importing.COLUMNS, "published"]

    importing.import_products(csv_bytes([row(published=word)], columns=columns))

    assert Product.objects.get().published is published


def test_without_a_published_column_new_products_are_drafts_and_the_output_says_how_to_publish(
    catalog_refs, tmp_path
):
    path = tmp_path / "products.csv"
    path.write_bytes(csv_bytes(three_rows()))
    out = io.StringIO()

    call_command("import_products", str(path), "--no-progress", "--language=en", stdout=out)

    assert not Product.objects.filter(published=True).exists()
    assert "2 new products are drafts" in out.getvalue()
    assert "“Publish selected products”" in out.getvalue()
    assert "column published set to true" in out.getvalue()


def test_existing_products_keep_their_state_unless_the_column_is_there(catalog_refs):
    importing.import_products(csv_bytes(three_rows()))
    Product.objects.update(published=True)

    importing.import_products(csv_bytes(three_rows()))  # no published column
    assert Product.objects.filter(published=True).count() == 2

    rows = [r | {"published": "nee"} for r in three_rows()]
    plan = importing.import_products(csv_bytes(rows, columns=[*importing.COLUMNS, "published"]))

    assert not Product.objects.filter(published=True).exists()
    changes = {(c.column, c.old, c.new) for p in plan.products for c in p.changes}
    assert changes == {("published", "true", "false")}


@pytest.mark.parametrize("lang, expected", [("nl", "regel 2, kolom published"), ("en", "line 2")])
def test_a_published_value_that_is_not_yes_or_no_names_row_and_column(catalog_refs, lang, expected):
    data = csv_bytes([row(published="misschien")], columns=[*importing.COLUMNS, "published"])

    with translation.override(lang):
        with pytest.raises(importing.ImportFailed) as failure:
            importing.import_products(data)
        [error] = failure.value.plan.errors
        text = str(error)

    assert text.startswith(expected) and "misschien" in text


# --- partial files ---------------------------------------------------------------------------


def test_a_price_and_stock_file_changes_only_price_and_stock(catalog_refs):
    importing.import_products(csv_bytes(three_rows()))
    product = Product.objects.get(slug="vitaflux-magnesium-citrate-400")
    before = Product.objects.filter(pk=product.pk).values("name_nl", "published", "search_text")

    plan = importing.import_products(text_csv("sku;price_eur;stock\nVF-CIT-60;9,95;0\n"))

    pack = Pack.objects.get(sku="VF-CIT-60")
    assert (str(pack.price_eur), pack.stock) == ("9.95", 0)
    assert Pack.objects.get(sku="VF-CIT-120").price_eur == product.price_eur + 9  # untouched
    assert [(r.sku, [str(c) for c in r.changes]) for r in plan.rows] == [
        ("VF-CIT-60", ["price_eur: 12.95 -> 9.95", "stock: 10 -> 0"])
    ]
    product.refresh_from_db()
    assert product.price_eur == pack.product.packs.get(sku="VF-CIT-120").price_eur  # in stock
    assert list(Product.objects.filter(pk=product.pk).values(*before[0])) == list(before)


def test_a_partial_file_validates_only_its_columns(catalog_refs):
    importing.import_products(csv_bytes(three_rows()))
    before = list(Pack.objects.order_by("pk").values())

    errors = errors_of(text_csv("sku;price_eur\nVF-CIT-60;gratis\nVF-BIS-90;-2\n"))

    assert [(line, column) for line, column, _m in errors] == [(2, "price_eur"), (3, "price_eur")]
    assert list(Pack.objects.order_by("pk").values()) == before


def test_a_partial_file_can_change_a_product_column(catalog_refs):
    importing.import_products(csv_bytes(three_rows()))

    plan = importing.import_products(
        text_csv("sku;name_nl\nVF-BIS-90;Magnesiumbisglycinaat Forte\n")
    )

    product = Product.objects.get(slug="vitaflux-magnesium-bisglycinate")
    assert product.name_nl == "Magnesiumbisglycinaat Forte"
    assert product.name_en == "Magnesium Bisglycinate"
    assert [str(c) for c in plan.products[0].changes] == [
        "name_nl: Magnesiumbisglycinaat -> Magnesiumbisglycinaat Forte"
    ]


def test_an_unknown_column_is_a_warning_not_a_silent_success(catalog_refs):
    importing.import_products(csv_bytes(three_rows()))

    plan = importing.import_products(text_csv("sku;prijs;stock\nVF-CIT-60;9,95;3\n"))

    assert [(w.line, w.column) for w in plan.warnings] == [(1, "prijs")]
    assert Pack.objects.get(sku="VF-CIT-60").stock == 3


# --- saying what will happen -----------------------------------------------------------------


def test_a_new_sku_with_an_existing_brand_and_name_is_reported_as_merged(catalog_refs):
    existing = make_product(
        slug="vitaflux-citrate",
        brand=Brand.objects.get(slug="vitaflux"),
        name_nl="Citraat",
        name_en="Magnesium Citrate 400",
        packs=[{"sku": "OLD-1", "servings_per_container": 30, "price_eur": 5}],
    )

    with translation.override("en"):
        plan = importing.import_products(csv_bytes([row()]), dry_run=True)
        line = plan.products[0].describe()
        summary = plan.summary()
        [diff] = plan.rows

    assert plan.products[0].status == importing.STATUS_MERGED
    assert line.startswith(
        "merged: new pack(s) VF-CIT-60 become packs of the existing product "
        "“Magnesium Citrate 400” (vitaflux-citrate)"
    )
    assert "name_nl: Citraat -> Magnesiumcitraat 400" in line  # and what else changes
    assert "products 0 new, 1 merged into existing products, 0 changed" in summary
    assert diff.merged_into == "“Magnesium Citrate 400” (vitaflux-citrate)"
    assert existing.packs.count() == 1  # a dry run


def test_verbosity_two_lists_unchanged_products_too(catalog_refs, tmp_path):
    path = tmp_path / "p.csv"
    path.write_bytes(csv_bytes(three_rows()))
    importing.import_products(path.read_bytes())
    rows = three_rows()
    rows[2]["price_eur"] = "18,50"
    path.write_bytes(csv_bytes(rows))

    def dry(verbosity):
        out = io.StringIO()
        call_command(
            "import_products",
            str(path),
            "--dry-run",
            "--no-progress",
            "--language=en",
            verbosity=verbosity,
            stdout=out,
        )
        return out.getvalue()

    assert "changed: “Magnesium Bisglycinate”" in dry(1)
    assert "VF-BIS-90 price_eur: 19.5 -> 18.5" in dry(1)
    assert "unchanged:" not in dry(1)
    assert "unchanged: “Magnesium Citrate 400”" in dry(2)
    assert dry(0) == ""


def test_the_command_speaks_dutch_by_default_and_english_on_request(catalog_refs, tmp_path):
    path = tmp_path / "p.csv"
    path.write_bytes(csv_bytes(three_rows()))

    def dry(*args):
        out = io.StringIO()
        call_command("import_products", str(path), "--dry-run", "--no-progress", *args, stdout=out)
        return out.getvalue()

    assert "Proefrun" in dry() and "Proefrun" in dry("--language", "nl")
    assert "Dry run" in dry("--language", "en")


# --- round trip ------------------------------------------------------------------------------


def test_export_edit_import_gives_exactly_the_edits(catalog_refs):
    importing.import_products(csv_bytes(three_rows()))
    exported = importing.export_products().decode("utf-8")
    rows = list(csv.DictReader(io.StringIO(exported)))
    # A manager edits three cells in a spreadsheet and saves with Dutch settings.
    by_sku = {r["sku"]: r for r in rows}
    by_sku["VF-CIT-120"]["price_eur"] = "20,95"
    by_sku["VF-BIS-90"]["published"] = "ja"
    for r in rows:
        if r["name_en"] == "Magnesium Citrate 400":
            r["name_nl"] = "Magnesiumcitraat 400 mg"
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]), delimiter=";")
    writer.writeheader()
    writer.writerows(rows)

    plan = importing.import_products(b"\xef\xbb\xbf" + out.getvalue().encode())

    edits = sorted((row.sku, str(change)) for row in plan.rows for change in row.changes)
    assert edits == [
        ("VF-BIS-90", "published: false -> true"),
        ("VF-CIT-120", "name_nl: Magnesiumcitraat 400 -> Magnesiumcitraat 400 mg"),
        ("VF-CIT-120", "price_eur: 21.95 -> 20.95"),
        ("VF-CIT-60", "name_nl: Magnesiumcitraat 400 -> Magnesiumcitraat 400 mg"),
    ]
    again = list(csv.DictReader(io.StringIO(importing.export_products().decode("utf-8"))))
    canonical = {"20,95": "20.95", "ja": "true"}  # export writes the canonical spelling
    assert again == [{k: canonical.get(v, v) for k, v in r.items()} for r in rows]
