"""Data safety: transactional writes, lossless dump/load, reversible migrations, no lost updates.

The migration and concurrency tests need real row locks and DDL in transactions: they run on
PostgreSQL only (CI runs the suite on both databases).
"""

from __future__ import annotations

import importlib
import inspect
import io
import json
import pkgutil
import re
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import connection
from django.utils import translation
from django.utils.dateparse import parse_datetime

from catalog import services
from catalog.models import Pack, Product
from tests.factories import BrandFactory, FormFactory, make_product

postgres_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="row locks and transactional DDL: PostgreSQL only"
)


# --- every write is one transaction ----------------------------------------------------------------

WRITE_SUFFIXES = (
    "_upsert",
    "_save",
    "_delete",
    "_update",
    "_adjust",
    "_recompute",
    "_publish",
    "_change",
    "_insert",
    "_create",
    "_set",
)


def public_service_functions() -> dict[str, Any]:
    """Every public function defined in a module of the `catalog.services` package."""
    found = {}
    for info in pkgutil.iter_modules(services.__path__):
        module = importlib.import_module(f"{services.__name__}.{info.name}")
        for name, func in vars(module).items():
            if (
                inspect.isfunction(func)
                and func.__module__ == module.__name__
                and not name.startswith("_")
            ):
                found[name] = func
    return found


def test_every_public_write_service_is_atomic():
    """Each `<entity>_<action>` that writes runs in a transaction of its own, the recomputes
    of derived fields included."""
    writers = {
        name: func
        for name, func in public_service_functions().items()
        if name.endswith(WRITE_SUFFIXES)
    }
    assert len(writers) >= 30
    assert {"product_recompute", "products_recompute", "products_bulk_save"} <= set(writers)
    not_atomic = [
        name
        for name, func in writers.items()
        if "transaction.atomic" not in inspect.getsource(func)
    ]
    assert not not_atomic, not_atomic


@pytest.mark.django_db
def test_a_failing_product_save_writes_nothing(refs):
    brand, form = BrandFactory(slug="acme"), FormFactory(slug="citrate")
    before = (Product.objects.count(), Pack.objects.count())
    data = services.ProductInput(
        fields={
            "slug": "half-written",
            "brand": brand,
            "name_nl": "Half",
            "name_en": "Half",
            "dose_form": "capsule",
            "serving_unit": "capsule",
            "servings_per_day": 1,
        },
        ingredients=[services.IngredientInput(form=form, elemental_mg=Decimal("100"))],
        # the second pack is invalid: the product and the first pack must not stay behind
        packs=[
            services.PackInput(sku="GOOD-1", servings_per_container=30, price_eur=Decimal("5")),
            services.PackInput(sku="BAD-1", servings_per_container=30, price_eur=Decimal("-5")),
        ],
    )
    with pytest.raises(ValidationError):
        services.product_save(data=data)
    assert (Product.objects.count(), Pack.objects.count()) == before


@pytest.mark.django_db
def test_a_refused_stock_change_writes_nothing(refs):
    product = make_product(slug="stocked")
    pack = product.packs.get()
    with pytest.raises(ValidationError):
        services.pack_stock_adjust(pack=pack, delta=-(pack.stock + 1))
    pack.refresh_from_db()
    assert pack.stock == 10


@pytest.mark.django_db
def test_pack_update_writes_only_the_named_fields(refs):
    """A stale object in the caller's hands does not write its stale values back."""
    product = make_product(slug="stale")
    stale = product.packs.get()
    Pack.objects.filter(pk=stale.pk).update(stock=3)  # someone else's change
    services.pack_update(pack=stale, price_eur=Decimal("21.00"))
    fresh = Pack.objects.get(pk=stale.pk)
    assert (fresh.stock, fresh.price_eur) == (3, Decimal("21.00"))
    assert Product.objects.get(pk=product.pk).price_eur == Decimal("21.00")


# --- dumpdata / loaddata ---------------------------------------------------------------------------

ISO_DATETIME = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)?$")


def dump(fmt: str = "json") -> str:
    out = io.StringIO()
    call_command("dumpdata", "catalog", format=fmt, stdout=out)
    return out.getvalue()


def rows() -> dict[str, list[tuple[Any, ...]]]:
    """Every catalog row as the database holds it (`name` read in one language). Links of a
    many-to-many field are serialized with their object, so their own ids are not kept."""
    result = {}
    with translation.override("nl"):
        for model in apps.get_app_config("catalog").get_models(include_auto_created=True):
            if model._meta.auto_created:
                fields = [f.attname for f in model._meta.concrete_fields if not f.primary_key]
                result[model._meta.label] = sorted(model.objects.values_list(*fields))
            else:
                result[model._meta.label] = list(model.objects.order_by("pk").values_list())
    return result


def wipe_and_load(fixture: Path) -> None:
    """Empty every catalog table (foreign keys are checked at commit: any order), then load."""
    with connection.cursor() as cursor:
        for model in apps.get_app_config("catalog").get_models(include_auto_created=True):
            cursor.execute(f"DELETE FROM {connection.ops.quote_name(model._meta.db_table)}")
    assert Product.objects.count() == 0
    call_command("loaddata", str(fixture), verbosity=0)


def to_milliseconds(data: Any) -> Any:
    """Django's JSON serializer writes times to the millisecond (12:00:00.000421 as .000)."""
    if isinstance(data, dict):
        return {k: to_milliseconds(v) for k, v in data.items()}
    if isinstance(data, list):
        return [to_milliseconds(v) for v in data]
    if isinstance(data, str) and ISO_DATETIME.match(data):
        value = parse_datetime(data)
        return value.replace(microsecond=value.microsecond // 1000 * 1000) if value else data
    return data


@pytest.mark.django_db
def test_dumpdata_loaddata_json_round_trip_is_lossless(demo_catalog, tmp_path):
    """`dumpdata catalog` then `loaddata` gives back the same serialized catalog."""
    before = json.loads(dump())
    assert {row["model"] for row in before} >= {
        "catalog.product",
        "catalog.pack",
        "catalog.article",
    }
    fixture = tmp_path / "catalog.json"
    fixture.write_text(json.dumps(before), "utf-8")
    wipe_and_load(fixture)
    after = json.loads(dump())
    assert len(after) == len(before)
    assert to_milliseconds(after) == to_milliseconds(before)


@pytest.mark.django_db
def test_dumpdata_loaddata_xml_round_trip_is_exact(demo_catalog, tmp_path):
    """XML keeps microseconds too: the format for a backup that must be byte-exact."""
    before_rows, before = rows(), dump("xml")
    fixture = tmp_path / "catalog.xml"
    fixture.write_text(before, "utf-8")
    wipe_and_load(fixture)
    assert dump("xml") == before
    assert rows() == before_rows
