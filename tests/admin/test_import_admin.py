"""The admin import page: upload CSV or XLSX, preview (errors or a per-row diff), confirm."""

import csv
import io
from decimal import Decimal

import pytest
from django.contrib.admin.models import ADDITION, CHANGE, LogEntry
from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from catalog import importing
from catalog.admin import product_forms, product_import
from catalog.models import Brand, Goal, Pack, Product
from tests.importing.conftest import catalog_refs, csv_bytes, row, three_rows  # noqa: F401

# The brand, forms and goals the import rows refer to (tests/importing/conftest.py).
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("catalog_refs")]

IMPORT = reverse("admin:catalog_product_import")
CHANGELIST = reverse("admin:catalog_product_changelist")


def upload(client, data, name="products.csv"):
    return client.post(IMPORT, {"file": SimpleUploadedFile(name, data)})


def confirm(client, response):
    return client.post(IMPORT, {"confirm": "1", "token": response.context["token"]})


def xlsx_bytes(rows):
    buffer = io.BytesIO()
    importing.write_xlsx(rows, buffer)
    return buffer.getvalue()


def test_the_import_page_offers_an_upload_form(admin_client):
    response = admin_client.get(IMPORT)

    assert response.status_code == 200
    page = response.content.decode()
    assert 'type="file"' in page and 'enctype="multipart/form-data"' in page
    assert "servings_per_container" in page  # the columns are listed


def test_the_changelist_links_to_import_and_export(admin_client):
    page = admin_client.get(CHANGELIST).content.decode()

    assert IMPORT in page
    assert reverse("admin:catalog_product_export") in page


def test_an_upload_shows_a_preview_and_writes_nothing(admin_client):
    response = upload(admin_client, csv_bytes(three_rows()))

    assert response.status_code == 200
    rows = response.context["rows"]
    assert [(r.line, r.sku, r.status) for r in rows] == [
        (2, "VF-CIT-60", "new"),
        (3, "VF-CIT-120", "new"),
        (4, "VF-BIS-90", "new"),
    ]
    assert 'name="confirm"' in response.content.decode()
    assert not Product.objects.exists() and not Pack.objects.exists()


def test_confirming_writes_the_import_and_logs_it(admin_client):
    preview = upload(admin_client, csv_bytes(three_rows()))

    response = confirm(admin_client, preview)

    assert response.status_code == 302 and response.url == CHANGELIST
    assert Product.objects.count() == 2 and Pack.objects.count() == 3
    assert Product.objects.get(slug="vitaflux-magnesium-citrate-400").price_eur == Decimal("12.95")
    messages = [str(m) for m in get_messages(response.wsgi_request)]
    assert len(messages) == 2  # done, and: the new products are drafts, how to publish
    assert "“Geselecteerde producten publiceren”" in messages[1]
    assert list(LogEntry.objects.values_list("action_flag", flat=True)) == [ADDITION, ADDITION]


def test_a_changed_file_shows_each_rows_old_and_new_values(admin_client):
    importing.import_products(csv_bytes(three_rows()))
    rows = three_rows()
    rows[0]["price_eur"] = "11.95"
    rows[2]["stock"] = "40"

    response = upload(admin_client, csv_bytes(rows))

    diff = {r.sku: [(c.column, c.old, c.new) for c in r.changes] for r in response.context["rows"]}
    assert diff == {
        "VF-CIT-60": [("price_eur", "12.95", "11.95")],
        "VF-BIS-90": [("stock", "0", "40")],
    }
    page = response.content.decode()
    assert "<del>12.95</del>" in page and "<ins>11.95</ins>" in page
    assert Pack.objects.get(sku="VF-CIT-60").price_eur == Decimal("12.95")  # not yet

    confirm(admin_client, response)

    assert Pack.objects.get(sku="VF-CIT-60").price_eur == Decimal("11.95")
    changed = LogEntry.objects.filter(action_flag=CHANGE)
    assert sorted(e.object_repr for e in changed) == [
        "Magnesiumbisglycinaat",
        "Magnesiumcitraat 400",
    ]


def test_an_unchanged_file_has_nothing_to_confirm(admin_client):
    data = csv_bytes(three_rows())
    importing.import_products(data)

    response = upload(admin_client, data)

    assert response.context["rows"] == []
    assert 'name="confirm"' not in response.content.decode()


def test_errors_are_listed_with_line_column_and_reason_and_nothing_is_written(admin_client):
    rows = [row(), row(sku="VF-2", gtin="8712345678907", ingredients="citrte:200")]

    response = upload(admin_client, csv_bytes(rows))

    errors = [(e.line, e.column) for e in response.context["errors"]]
    assert errors == [(3, "gtin"), (3, "ingredients")]
    page = response.content.decode()
    table = page[page.index('id="import-errors"') :]
    assert "<td>3</td><td>gtin</td>" in table and "citrte" in table
    assert 'name="confirm"' not in page
    assert not Product.objects.exists()


def test_an_xlsx_upload_is_previewed_and_imported_like_a_csv(admin_client):
    preview = upload(admin_client, xlsx_bytes(three_rows()), "products.xlsx")

    assert [r.sku for r in preview.context["rows"]] == ["VF-CIT-60", "VF-CIT-120", "VF-BIS-90"]
    assert not Product.objects.exists()

    confirm(admin_client, preview)

    assert Pack.objects.get(sku="VF-CIT-60").gtin == "8712345678906"
    assert Product.objects.count() == 2


def test_a_confirm_without_the_previewed_file_writes_nothing(admin_client):
    preview = upload(admin_client, csv_bytes(three_rows()))

    response = admin_client.post(IMPORT, {"confirm": "1", "token": "not-the-token"})

    assert response.status_code == 302 and response.url == IMPORT
    assert not Product.objects.exists()
    confirm(admin_client, preview)  # the right token still works once
    assert Product.objects.count() == 2
    assert confirm(admin_client, preview).url == IMPORT  # and only once
    assert Product.objects.count() == 2


def test_the_file_is_checked_again_on_confirm(admin_client):
    preview = upload(admin_client, csv_bytes(three_rows()))

    Goal.objects.filter(slug="energy-fatigue").delete()  # meanwhile...

    response = confirm(admin_client, preview)

    assert response.status_code == 200
    assert {e.column for e in response.context["errors"]} == {"goals"}
    assert not Product.objects.exists()


def test_the_uploaded_file_is_dropped_from_the_session_when_not_needed(admin_client):
    upload(admin_client, csv_bytes(three_rows()))
    assert product_import.IMPORT_SESSION_KEY in admin_client.session

    upload(admin_client, csv_bytes([row(dose_form="pill")]))  # a bad file replaces it

    assert product_import.IMPORT_SESSION_KEY not in admin_client.session


def test_a_file_over_the_size_limit_is_refused(admin_client, monkeypatch):
    monkeypatch.setattr(product_forms, "IMPORT_MAX_BYTES", 100)

    response = upload(admin_client, csv_bytes(three_rows()))

    assert response.context["form"].errors["file"]
    assert not Product.objects.exists()


@pytest.mark.parametrize("fmt, content_type", [("csv", "text/csv"), ("xlsx", "spreadsheetml")])
def test_the_export_page_downloads_the_whole_catalog(admin_client, fmt, content_type):
    importing.import_products(csv_bytes(three_rows()))

    response = admin_client.get(reverse("admin:catalog_product_export"), {"format": fmt})

    assert content_type in response["Content-Type"]
    assert f'.{fmt}"' in response["Content-Disposition"]
    plan = importing.plan_import(response.content, f"export.{fmt}")
    assert plan.ok and plan.counts()["packs_unchanged"] == 3


# --- v1.1: brand names, drafts, merges, partial files, the error report -------------------


def test_the_preview_lists_new_brands_drafts_and_each_products_outcome(admin_client):
    from tests.factories import make_product

    make_product(
        slug="vitaflux-citrate",
        brand=Brand.objects.get(slug="vitaflux"),
        name_nl="Magnesiumcitraat 400",
        name_en="Magnesium Citrate 400",
        packs=[{"sku": "OLD-1", "servings_per_container": 30, "price_eur": 5}],
    )
    rows = [row(brand="VITAFLUX"), row(sku="KM-1", gtin="", brand="Kirkman", name_en="Other")]

    response = upload(admin_client, csv_bytes(rows))

    page = response.content.decode()
    assert "Kirkman" in page and "kirkman" in page  # the new brand, before anything is written
    assert "“Geselecteerde producten publiceren”" in page  # Dutch: the admin default
    products = {p.label: p.status for p in response.context["products"]}
    assert products == {
        "“Magnesiumcitraat 400” (vitaflux-citrate)": "merged",
        "kirkman / Other": "new",
    }
    table = page[page.index('id="import-products"') :]
    assert "vitaflux-citrate" in table and "KM-1" in table
    assert not Brand.objects.filter(slug="kirkman").exists()

    confirm(admin_client, response)

    assert Brand.objects.get(slug="kirkman").name == "Kirkman"
    assert Pack.objects.get(sku="VF-CIT-60").product.slug == "vitaflux-citrate"


def test_a_price_and_stock_file_is_previewed_and_imported(admin_client):
    importing.import_products(csv_bytes(three_rows()))
    data = b"\xef\xbb\xbfsku;price_eur;stock\r\nVF-CIT-60;11,50;4\r\n"

    response = upload(admin_client, data, "sync.csv")

    assert "sku, price_eur, stock" in response.content.decode()
    diff = {r.sku: [str(c) for c in r.changes] for r in response.context["rows"]}
    assert diff == {"VF-CIT-60": ["price_eur: 12.95 -> 11.5", "stock: 10 -> 4"]}
    confirm(admin_client, response)
    assert Pack.objects.get(sku="VF-CIT-60").price_eur == Decimal("11.50")


def test_the_error_report_downloads_as_csv_with_row_column_and_message(admin_client):
    importing.import_products(csv_bytes(three_rows()))
    data = b"sku;price_eur;stock\r\nVF-CIT-60;gratis;4\r\nNOPE-1;1,00;1\r\n"

    page = upload(admin_client, data, "sync.csv").content.decode()
    link = reverse("admin:catalog_product_import_errors")
    assert link in page

    response = admin_client.get(link)

    assert response["Content-Type"].startswith("text/csv")
    assert 'filename="sync-errors.csv"' in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert len(rows) == 3
    assert [r[:2] for r in rows[1:]] == [["2", "price_eur"], ["3", "sku"]]
    assert "NOPE-1" in rows[2][2]


def test_the_error_report_needs_the_import_permission(client, django_user_model):
    user = django_user_model.objects.create_user("viewer", password="x", is_staff=True)
    client.force_login(user)

    response = client.get(reverse("admin:catalog_product_import_errors"))

    assert response.status_code in (302, 403)
