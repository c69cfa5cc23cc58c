"""Two writers at once on one pack: no update is lost (PostgreSQL only: real row locks).

Each writer runs in its own thread with its own database connection, so the test commits
(transaction=True) and is kept apart from the modules holding the demo catalog open.
"""

from __future__ import annotations

import threading
from decimal import Decimal
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, connections

from catalog import services
from catalog.models import Pack, Product
from tests.factories import make_product

postgres_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="row locks: PostgreSQL only"
)


def in_threads(*jobs: Any) -> list[BaseException]:
    """Run each job in its own thread (own database connection) at the same moment."""
    barrier = threading.Barrier(len(jobs))
    errors: list[BaseException] = []

    def run(job: Any) -> None:
        try:
            barrier.wait(timeout=10)
            job()
        except BaseException as error:  # noqa: BLE001 - reported to the test
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(job,)) for job in jobs]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return errors


@pytest.fixture
def shared_pack(refs):
    """A committed product with two packs (the threads' connections must see it)."""
    return make_product(
        slug="contended",
        packs=[
            {
                "sku": "C-60",
                "servings_per_container": 60,
                "price_eur": Decimal("10.00"),
                "stock": 10,
            },
            {
                "sku": "C-120",
                "servings_per_container": 120,
                "price_eur": Decimal("18.00"),
                "stock": 10,
            },
        ],
    )


@postgres_only
@pytest.mark.django_db(transaction=True)
def test_simultaneous_price_and_stock_updates_both_land(shared_pack):
    """Both start from the same stale object; neither writes back the other's old value."""
    stale_a = Pack.objects.get(sku="C-60")
    stale_b = Pack.objects.get(sku="C-60")
    errors = in_threads(
        lambda: services.pack_update(pack=stale_a, price_eur=Decimal("12.50")),
        lambda: services.pack_update(pack=stale_b, stock=0),
    )
    assert not errors, errors
    pack = Pack.objects.get(sku="C-60")
    assert (pack.price_eur, pack.stock) == (Decimal("12.50"), 0)


@postgres_only
@pytest.mark.django_db(transaction=True)
def test_simultaneous_stock_changes_add_up(shared_pack):
    pack = Pack.objects.get(sku="C-60")
    errors = in_threads(*[lambda: services.pack_stock_adjust(pack=pack, delta=-1)] * 4)
    assert not errors, errors
    assert Pack.objects.get(sku="C-60").stock == 6


@postgres_only
@pytest.mark.django_db(transaction=True)
def test_the_last_item_is_sold_once(shared_pack):
    Pack.objects.filter(sku="C-60").update(stock=1)
    pack = Pack.objects.get(sku="C-60")
    errors = in_threads(*[lambda: services.pack_stock_adjust(pack=pack, delta=-1)] * 2)
    assert len(errors) == 1 and isinstance(errors[0], ValidationError)
    assert Pack.objects.get(sku="C-60").stock == 0


@postgres_only
@pytest.mark.django_db(transaction=True)
def test_updates_to_two_packs_of_one_product_keep_its_figures_true(shared_pack):
    """The product's from-price is recomputed from both committed changes, not one."""
    a, b = Pack.objects.get(sku="C-60"), Pack.objects.get(sku="C-120")
    errors = in_threads(
        lambda: services.pack_update(pack=a, price_eur=Decimal("30.00")),
        lambda: services.pack_update(pack=b, price_eur=Decimal("25.00")),
    )
    assert not errors, errors
    product = Product.objects.get(slug="contended")
    assert product.price_eur == Decimal("25.00")  # the lowest in-stock price after both


@postgres_only
@pytest.mark.django_db(transaction=True)
def test_two_price_changes_at_once_compound(shared_pack):
    """+10 % twice at once is +21 %, not +10 % computed twice from the same old price."""

    def raise_ten_percent() -> None:
        services.packs_price_change(
            products=Product.objects.filter(slug="contended"), percent=Decimal("10")
        )

    errors = in_threads(raise_ten_percent, raise_ten_percent)
    assert not errors, errors
    assert Pack.objects.get(sku="C-60").price_eur == Decimal("12.10")


@postgres_only
@pytest.mark.django_db(transaction=True)
def test_a_price_change_and_a_stock_update_at_once_both_land(shared_pack):
    """Both lock the product before its packs: they queue up instead of deadlocking."""
    stale = Pack.objects.get(sku="C-60")
    errors = in_threads(
        lambda: services.packs_price_change(
            products=Product.objects.filter(slug="contended"), percent=Decimal("10")
        ),
        lambda: services.pack_update(pack=stale, stock=0),
    )
    assert not errors, errors
    pack = Pack.objects.get(sku="C-60")
    assert (pack.price_eur, pack.stock) == (Decimal("11.00"), 0)
