"""Writing packs: save, price and stock changes under row locks, bulk price changes, delete."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from ..models import Pack, Product
from .inputs import PackInput
from .recompute import product_recompute, products_recompute

CENTS = Decimal("0.01")


def changed_price(price_eur: Decimal, percent: Decimal) -> Decimal:
    """A price raised or lowered by `percent`, rounded half up to cents (19.95 +10 % -> 21.95)."""
    return (price_eur * (Decimal(100) + percent) / Decimal(100)).quantize(CENTS, ROUND_HALF_UP)


def _lock_products(ids: Iterable[int | None]) -> None:
    """Lock product rows in id order (every pack write locks its product first, so writes to
    the packs of one product queue up and never deadlock on each other)."""
    wanted = sorted({pk for pk in ids if pk is not None})
    if wanted:
        list(Product.objects.select_for_update().filter(pk__in=wanted).order_by("pk").values("pk"))


def _lock_pack(pack: Pack) -> Pack:
    """The pack as committed now, locked with its product until the transaction ends.

    The product row is locked first, and by every pack write, so writes to packs of one
    product queue up: each recomputes the product's derived figures from what the one before
    it committed. (SQLite locks the whole database for a write instead; select_for_update is
    a no-op there.)
    """
    _lock_products([pack.product_id])
    return Pack.objects.select_for_update().get(pk=pack.pk)


@transaction.atomic
def packs_save(*, product: Product, packs: Iterable[PackInput], remove_missing: bool) -> None:
    """Create or change a product's packs: by `pk` when given (its SKU may change), else by
    SKU. With `remove_missing` the product's other packs are deleted (first, so a SKU or GTIN
    they free can be taken). A SKU of another product is refused by validation."""
    existing = {pack.pk: pack for pack in product.packs.all()}
    by_sku = {pack.sku: pack for pack in existing.values()}
    targets: list[tuple[Pack, PackInput]] = []
    for item in packs:
        pack = existing.get(item.pk) if item.pk is not None else by_sku.get(item.sku)
        if item.pk is not None and pack is None:
            raise ValidationError(
                {
                    "sku": _("The pack %(sku)s is not one of this product's packs.")
                    % {"sku": item.sku}
                }
            )
        targets.append((pack or Pack(product=product), item))
    if remove_missing:
        product.packs.exclude(pk__in=[pack.pk for pack, _item in targets if pack.pk]).delete()
    for pack, item in targets:
        for name, value in item.values().items():
            setattr(pack, name, value)
        pack.full_clean()
        pack.save()


@transaction.atomic
def pack_save(*, pack: Pack) -> Pack:
    """Store one pack as given (a new one, or every field of an existing one: the admin's pack
    page), then recompute its product and, when it moved, the product it left."""
    previous = (
        Pack.objects.filter(pk=pack.pk).values_list("product_id", flat=True).first()
        if pack.pk is not None
        else None
    )
    _lock_products([previous, pack.product_id])
    pack.full_clean()
    pack.save()
    product_recompute(product=pack.product)
    if previous is not None and previous != pack.product_id:
        product_recompute(product=Product(pk=previous))
    return pack


@transaction.atomic
def pack_update(*, pack: Pack, **fields: Any) -> Pack:
    """Change some of a pack's fields (price, stock, ...) and recompute its product.

    Only the named fields are written, onto the row as committed now (locked): two updates at
    once, say a price and a stock change, both land instead of the later one writing back the
    other's stale value.
    """
    locked = _lock_pack(pack)
    for name, value in fields.items():
        setattr(locked, name, value)
    locked.full_clean()
    locked.save(update_fields=[*fields, "updated_at"])
    product_recompute(product=locked.product)
    pack.refresh_from_db()
    return pack


@transaction.atomic
def pack_stock_adjust(*, pack: Pack, delta: int) -> Pack:
    """Add `delta` (negative: take away) to the stock as committed now; never below zero.

    Two sales of the last items at once: the second sees the first's result and is refused
    with a ValidationError instead of both succeeding from the same stale count.
    """
    locked = _lock_pack(pack)
    stock = locked.stock + delta
    if stock < 0:
        raise ValidationError(
            {"stock": [_("Only %(stock)d in stock.") % {"stock": locked.stock}]}, code="stock"
        )
    locked.stock = stock
    locked.save(update_fields=["stock", "updated_at"])
    product_recompute(product=locked.product)
    pack.refresh_from_db()
    return pack


@transaction.atomic
def packs_price_change(*, products: QuerySet[Product], percent: Decimal) -> list[Pack]:
    """Raise (or with a negative `percent` lower) the price of every pack of `products`,
    rounded half up to cents, and recompute the products; returns the packs changed.

    Prices are read as committed now, locked: two managers raising by 10 % at once make
    +21 %, not +10 % computed twice from the same old price (a lost update). Refused with a
    ValidationError, writing nothing, when a price would drop below one cent.
    """
    ids = list(products.order_by().values_list("pk", flat=True))
    _lock_products(ids)
    packs = list(Pack.objects.select_for_update().filter(product_id__in=ids).order_by("pk"))
    new_prices = [changed_price(pack.price_eur, percent) for pack in packs]
    if any(price < CENTS for price in new_prices):
        raise ValidationError(_("Some prices would drop below one cent."), code="below_a_cent")
    now = timezone.now()
    for pack, price in zip(packs, new_prices, strict=True):
        pack.price_eur = price
        pack.updated_at = now
    Pack.objects.bulk_update(packs, ["price_eur", "updated_at"], batch_size=500)
    products_recompute(queryset=Product.objects.filter(pk__in=ids), updated_at=now)
    return packs


@transaction.atomic
def pack_delete(*, pack: Pack) -> None:
    """Delete a pack and recompute its product (its from-price may change)."""
    _lock_products([pack.product_id])
    product = Product(pk=pack.product_id)
    pack.delete()
    product_recompute(product=product)


@transaction.atomic
def packs_delete(*, queryset: QuerySet[Pack]) -> int:
    """Delete the packs of `queryset` and recompute their products; returns how many."""
    product_ids = list(queryset.order_by().values_list("product_id", flat=True).distinct())
    _lock_products(product_ids)
    deleted = queryset.delete()[1].get(Pack._meta.label, 0)
    products_recompute(queryset=Product.objects.filter(pk__in=product_ids))
    return deleted
