"""catalog.services.packs: packs by pk or SKU, one pack's page, bulk price changes, deletes."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from catalog import services
from catalog.models import Pack, Product
from tests.factories import make_product

pytestmark = pytest.mark.django_db


def pack_input(pack, **changes):
    values = {
        "pk": pack.pk,
        "sku": pack.sku,
        "gtin": pack.gtin,
        "servings_per_container": pack.servings_per_container,
        "price_eur": pack.price_eur,
        "stock": pack.stock,
    }
    return services.PackInput(**(values | changes))


def test_a_pack_given_by_pk_keeps_its_identity_when_its_sku_changes(refs):
    product = make_product(slug="p")
    pack = product.packs.get()

    services.packs_save(
        product=product, packs=[pack_input(pack, sku="RENAMED")], remove_missing=True
    )

    assert list(product.packs.values_list("pk", "sku")) == [(pack.pk, "RENAMED")]


def test_a_pack_without_pk_is_found_by_sku(refs):
    product = make_product(slug="p")
    pack = product.packs.get()

    services.packs_save(
        product=product,
        packs=[pack_input(pack, pk=None, price_eur=Decimal("9.00"))],
        remove_missing=True,
    )

    assert list(product.packs.values_list("pk", "price_eur")) == [(pack.pk, Decimal("9.00"))]


def test_a_removed_pack_frees_its_gtin_for_a_new_pack_in_the_same_save(refs):
    gtin = "8712345678906"
    product = make_product(
        slug="p",
        packs=[{"sku": "OLD", "gtin": gtin, "servings_per_container": 60, "price_eur": Decimal(9)}],
    )
    new = services.PackInput(sku="NEW", gtin=gtin, servings_per_container=30, price_eur=Decimal(5))

    services.packs_save(product=product, packs=[new], remove_missing=True)

    assert list(product.packs.values_list("sku", "gtin")) == [("NEW", gtin)]


def test_the_pk_of_another_products_pack_is_refused(refs):
    mine, theirs = make_product(slug="mine"), make_product(slug="theirs")

    with pytest.raises(ValidationError):
        services.packs_save(
            product=mine, packs=[pack_input(theirs.packs.get())], remove_missing=False
        )


def test_a_pack_moved_to_another_product_recomputes_both(refs):
    cheap = make_product(
        slug="cheap",
        packs=[
            {"sku": "C-1", "servings_per_container": 30, "price_eur": Decimal("3.00"), "stock": 1},
            {"sku": "C-2", "servings_per_container": 60, "price_eur": Decimal("5.00"), "stock": 1},
        ],
    )
    other = make_product(slug="other")
    pack = Pack.objects.get(sku="C-1")
    pack.product = other

    services.pack_save(pack=pack)

    assert Product.objects.get(pk=cheap.pk).price_eur == Decimal("5.00")
    assert Product.objects.get(pk=other.pk).price_eur == Decimal("3.00")


def test_a_price_change_stamps_packs_and_products_and_returns_the_packs(refs):
    product = make_product(slug="p")
    before = Product.objects.get(pk=product.pk).updated_at

    packs = services.packs_price_change(
        products=Product.objects.filter(pk=product.pk), percent=Decimal("10")
    )

    assert [p.price_eur for p in packs] == [Decimal("21.95")]  # 19.95 + 10 %
    product.refresh_from_db()
    assert product.price_eur == Decimal("21.95")
    assert product.updated_at > before


def test_a_price_change_to_below_a_cent_is_refused_and_writes_nothing(refs):
    product = make_product(
        slug="p",
        packs=[{"sku": "P-1", "servings_per_container": 1, "price_eur": Decimal("0.01")}],
    )

    with pytest.raises(ValidationError) as caught:
        services.packs_price_change(
            products=Product.objects.filter(pk=product.pk), percent=Decimal("-90")
        )

    assert caught.value.code == "below_a_cent"
    assert Pack.objects.get(sku="P-1").price_eur == Decimal("0.01")


def test_deleting_a_pack_recomputes_its_product(refs):
    product = make_product(
        slug="p",
        packs=[
            {"sku": "P-1", "servings_per_container": 30, "price_eur": Decimal("3.00"), "stock": 1},
            {"sku": "P-2", "servings_per_container": 60, "price_eur": Decimal("5.00"), "stock": 1},
        ],
    )

    services.pack_delete(pack=Pack.objects.get(sku="P-1"))

    assert Product.objects.get(pk=product.pk).price_eur == Decimal("5.00")


def test_deleting_packs_in_bulk_recomputes_their_products(refs):
    product = make_product(
        slug="p",
        packs=[
            {"sku": "P-1", "servings_per_container": 30, "price_eur": Decimal("3.00"), "stock": 1},
            {"sku": "P-2", "servings_per_container": 60, "price_eur": Decimal("5.00"), "stock": 1},
        ],
    )

    assert services.packs_delete(queryset=Pack.objects.filter(sku="P-1")) == 1
    assert Product.objects.get(pk=product.pk).price_eur == Decimal("5.00")
