"""Every way the catalog is written goes through the services: each write path moves the
catalog version on (cached reads go stale) and leaves no drift for `check_catalog`.

Each case prepares what it needs, then returns the write itself; the test measures the
catalog version around that write only. Cases check their own effect too, so a path that
silently wrote nothing would fail.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from catalog import importing
from catalog.cache import catalog_version
from catalog.models import (
    Brand,
    Form,
    Goal,
    Interaction,
    MedicationName,
    Pack,
    Product,
    ReferenceValue,
)
from tests.admin.conftest import form_data
from tests.factories import make_user

PRODUCT = "vitaflux-magnesium-citrate-400"
CHANGELIST = reverse("admin:catalog_product_changelist")


@dataclass
class Clients:
    admin: Any  # Django test client, logged in as a superuser
    api: Any  # DRF APIClient, authenticated as the same superuser


Write = Callable[[], None]


def product() -> Product:
    return Product.objects.get(slug=PRODUCT)


def change(client: Any, url: str, **changes: Any) -> None:
    """GET an admin change page, apply `changes` to its form data, POST it back."""
    data = form_data(client.get(url))
    data.update(changes)
    response = client.post(url, data)
    assert response.status_code == 302, response.context and response.context.get("errors")


def admin_url(model: type[Any], obj: Any, view: str = "change") -> str:
    return reverse(f"admin:catalog_{model._meta.model_name}_{view}", args=[obj.pk])


def act(client: Any, action: str, objects: list[Any], **extra: Any) -> Any:
    return client.post(
        CHANGELIST, {"action": action, ACTION_CHECKBOX_NAME: [str(o.pk) for o in objects], **extra}
    )


def csv_of(queryset: Any, **changes: str) -> bytes:
    """The export of `queryset` with `changes` made to every row: a file to import."""
    rows = list(csv.DictReader(io.StringIO(importing.export_products(queryset).decode())))
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=importing.EXPORT_COLUMNS)
    writer.writeheader()
    writer.writerows(row | changes for row in rows)
    return out.getvalue().encode()


# --- the admin ----------------------------------------------------------------------------


def admin_product_add(c: Clients) -> Write:
    url = reverse("admin:catalog_product_add")

    def write() -> None:
        data = form_data(c.admin.get(url))
        data.update(
            {
                "name_nl": "Magnesiumcitraat Nieuw",
                "name_en": "Magnesium Citrate New",
                "slug": "citrate-new",
                "brand": str(Brand.objects.get(slug="vitaflux").pk),
                "dose_form": "capsule",
                "serving_unit": "capsule",
                "servings_per_day": "2",
                "packs-TOTAL_FORMS": "1",
                "packs-0-sku": "NEW-60",
                "packs-0-servings_per_container": "60",
                "packs-0-price_eur": "14.95",
                "packs-0-stock": "3",
                "ingredients-TOTAL_FORMS": "1",
                "ingredients-0-form": str(Form.objects.get(slug="citrate").pk),
                "ingredients-0-compound_mg": "1000",
                "ingredients-0-position": "0",
            }
        )
        assert c.admin.post(url, data).status_code == 302
        assert Product.objects.get(slug="citrate-new").price_eur == Decimal("14.95")

    return write


def admin_product_change(c: Clients) -> Write:
    def write() -> None:
        change(c.admin, admin_url(Product, product()), servings_per_day="1")
        assert product().servings_per_day == 1

    return write


def admin_product_delete(c: Clients) -> Write:
    def write() -> None:
        c.admin.post(admin_url(Product, product(), "delete"), {"post": "yes"})
        assert not Product.objects.filter(slug=PRODUCT).exists()

    return write


def admin_publish(c: Clients) -> Write:
    Product.objects.filter(slug=PRODUCT).update(published=False)  # the test's own setup

    def write() -> None:
        assert act(c.admin, "publish", [product()]).status_code == 302
        assert product().published

    return write


def admin_unpublish(c: Clients) -> Write:
    def write() -> None:
        assert act(c.admin, "unpublish", [product()]).status_code == 302
        assert not product().published

    return write


def admin_price_change(c: Clients) -> Write:
    before = product().price_eur

    def write() -> None:
        act(c.admin, "change_price", [product()], percent="10", apply="1")
        assert product().price_eur > before

    return write


def admin_delete_selected(c: Clients) -> Write:
    def write() -> None:
        act(c.admin, "delete_selected", [product()], post="yes")
        assert not Product.objects.filter(slug=PRODUCT).exists()

    return write


def admin_pack_save(c: Clients) -> Write:
    pack = product().packs.order_by("price_eur").first()
    assert pack is not None

    def write() -> None:
        change(c.admin, admin_url(Pack, pack), price_eur="0.95")
        assert product().price_eur == Decimal("0.95")

    return write


def admin_brand_rename(c: Clients) -> Write:
    brand = Brand.objects.get(slug="vitaflux")

    def write() -> None:
        change(c.admin, admin_url(Brand, brand), name="Vitafluxa")
        assert "vitafluxa" in product().search_text

    return write


def admin_form_fraction(c: Clients) -> Write:
    form = Form.objects.get(slug="citrate")

    def write() -> None:
        change(c.admin, admin_url(Form, form), elemental_fraction="0.1")
        assert Form.objects.get(slug="citrate").elemental_fraction == Decimal("0.1")

    return write


def admin_form_rename(c: Clients) -> Write:
    form = Form.objects.get(slug="citrate")

    def write() -> None:
        change(c.admin, admin_url(Form, form), name_en="Magnesium citrate-zwx")
        assert "zwx" in product().search_text

    return write


def admin_goal_delete(c: Clients) -> Write:
    goal = Goal.objects.get(slug="muscles-cramps")

    def write() -> None:
        c.admin.post(admin_url(Goal, goal, "delete"), {"post": "yes"})
        assert not Goal.objects.filter(slug="muscles-cramps").exists()

    return write


def admin_nrv_change(c: Clients) -> Write:
    nrv = ReferenceValue.objects.get(market="EU", kind="nrv")
    before = product().percent_nrv

    def write() -> None:
        change(c.admin, admin_url(ReferenceValue, nrv), amount_mg="300")
        assert product().percent_nrv > before

    return write


def admin_interaction_save(c: Clients) -> Write:
    interaction = Interaction.objects.get(slug="bisphosphonates")

    def write() -> None:
        change(c.admin, admin_url(Interaction, interaction), advice_en="Two hours apart.")
        assert Interaction.objects.get(pk=interaction.pk).advice_en == "Two hours apart."

    return write


def admin_import(c: Clients) -> Write:
    url = reverse("admin:catalog_product_import")
    data = csv_of(Product.objects.filter(slug=PRODUCT), stock="7")

    def write() -> None:
        preview = c.admin.post(url, {"file": SimpleUploadedFile("p.csv", data)})
        c.admin.post(url, {"confirm": "1", "token": preview.context["token"]})
        assert set(product().packs.values_list("stock", flat=True)) == {7}

    return write


# --- the API ------------------------------------------------------------------------------

API_PRODUCT = {
    "slug": "api-citrate",
    "brand": "vitaflux",
    "name_nl": "API Citraat",
    "name_en": "API Citrate",
    "dose_form": "capsule",
    "serving_unit": "capsule",
    "servings_per_day": 2,
    "ingredients": [{"form": "citrate", "elemental_mg": "100"}],
    "packs": [{"sku": "API-60", "servings_per_container": 60, "price_eur": "9.95"}],
}


def api_create(c: Clients) -> Write:
    def write() -> None:
        response = c.api.post("/api/v1/products/", API_PRODUCT, format="json")
        assert response.status_code == 201, response.content

    return write


def api_update(c: Clients) -> Write:
    def write() -> None:
        url = f"/api/v1/products/{PRODUCT}/"
        response = c.api.patch(url, {"servings_per_day": 1}, format="json")
        assert response.status_code == 200, response.content

    return write


def api_delete(c: Clients) -> Write:
    def write() -> None:
        assert c.api.delete(f"/api/v1/products/{PRODUCT}/").status_code == 204

    return write


# --- commands -----------------------------------------------------------------------------


def import_command(c: Clients, tmp_path: Any = None) -> Write:
    data = csv_of(Product.objects.filter(slug=PRODUCT), price_eur="3.95")

    def write() -> None:
        importing.import_products(data, "p.csv")
        assert product().price_eur == Decimal("3.95")

    return write


def generate_catalog(c: Clients) -> Write:
    def write() -> None:
        call_command("generate_catalog", products=25, seed=77, no_progress=True, verbosity=0)
        assert Product.objects.filter(slug__endswith="-s77-1").exists()

    return write


def admin_medication_name_add(c: Clients) -> Write:
    url = reverse("admin:catalog_medicationname_add")

    def write() -> None:
        data = form_data(c.admin.get(url))
        data.update(name="Controloc", substance_class="proton-pump-inhibitors", kind="brand")
        assert c.admin.post(url, data).status_code == 302
        assert MedicationName.objects.filter(name="Controloc").exists()

    return write


def load_demo(c: Clients) -> Write:
    Product.objects.filter(slug=PRODUCT).update(servings_per_day=5)  # the test's own setup

    def write() -> None:
        call_command("load_demo", verbosity=0)
        assert product().servings_per_day != 5

    return write


WRITE_PATHS = [
    admin_product_add,
    admin_product_change,
    admin_product_delete,
    admin_publish,
    admin_unpublish,
    admin_price_change,
    admin_delete_selected,
    admin_pack_save,
    admin_brand_rename,
    admin_form_fraction,
    admin_form_rename,
    admin_goal_delete,
    admin_nrv_change,
    admin_interaction_save,
    admin_medication_name_add,
    admin_import,
    api_create,
    api_update,
    api_delete,
    import_command,
    generate_catalog,
    load_demo,
]


@pytest.fixture
def clients(demo_catalog, client, api) -> Clients:
    user = make_user(superuser=True, username="manager")
    client.force_login(user)
    api.force_authenticate(user)
    return Clients(admin=client, api=api)


@pytest.mark.parametrize("path", WRITE_PATHS, ids=[p.__name__ for p in WRITE_PATHS])
def test_a_write_path_stales_the_cache_and_leaves_no_drift(clients, path):
    write = path(clients)
    before = catalog_version()

    write()

    assert catalog_version() != before
    out = io.StringIO()
    call_command("check_catalog", stdout=out)  # raises CommandError on any drift
    assert "agree with a fresh computation" in out.getvalue()
