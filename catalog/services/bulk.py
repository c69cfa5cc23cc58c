"""Bulk writers for the import and `generate_catalog`: many products in a few queries a batch.

The values come validated by the caller (the import's plan checks every cell, the generator
makes only valid rows); the derived fields are still computed here, by the functions every
other write uses, so `check_catalog` finds the same figures whichever way a product came in.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, TypeVar

from django.db import connection, transaction
from django.utils import timezone

from .. import dosing
from ..cache import invalidate_catalog_cache
from ..derived import facet_mask, search_keywords_of, search_text_of
from ..models import Article, Brand, CoIngredient, Form, Goal, IngredientLine, Pack, Product
from ..models.products import DIET_FIELDS
from ..selectors.reference import nrv_mg as reference_nrv_mg
from .common import build_children, bulk_set
from .inputs import IngredientInput, PackInput
from .products import known_nrv
from .recompute import dose_values, products_recompute

T = TypeVar("T")
Progress = Callable[[int], None]
Row = dict[str, Any]  # attname -> value of one row to insert

CHUNK = 500  # rows per query when writing in bulk (well under SQLite's variable limit)
PACK_FIELDS = ("sku", "gtin", "servings_per_container", "price_eur", "stock")


def chunks(items: Sequence[T], size: int = CHUNK) -> Iterator[Sequence[T]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


# --- the import: create and change products with their goals, lines and packs -------------


@dataclass(eq=False)
class BulkProduct:
    """One product of a bulk write: what to create or change in it, and nothing else."""

    product: Product | None  # None: a new product
    fields: dict[str, Any]  # a new product: all its fields; else only those that change
    slug: str = ""  # a new product: its slug, made unique with -2, -3... when taken
    goals: Sequence[Goal] | None = None  # None: keep the product's
    ingredients: Sequence[IngredientInput] | None = None  # None: keep the product's
    new_packs: Sequence[PackInput] = ()
    changed_packs: Sequence[tuple[Pack, PackInput]] = ()
    is_new: bool = field(init=False, default=False)

    def __post_init__(self) -> None:
        self.is_new = self.product is None


def unique_slugs(bases: Sequence[str]) -> list[str]:
    """Each base slug, with -2, -3... when a product (or an earlier base) has it already."""
    taken: set[str] = set()
    for chunk in chunks(sorted(set(bases))):
        taken.update(Product.objects.filter(slug__in=chunk).values_list("slug", flat=True))
    slugs = []
    for base in bases:
        slug, n = base, 2
        while slug in taken:
            slug, n = f"{base}-{n}", n + 1
            if n == 3:  # first collision: learn the suffixes in use in one query
                taken.update(
                    Product.objects.filter(slug__startswith=f"{base}-").values_list(
                        "slug", flat=True
                    )
                )
        taken.add(slug)
        slugs.append(slug)
    return slugs


def _products_write(items: Sequence[BulkProduct]) -> None:
    """Create the new products (ids set on them), update the changed fields of the others."""
    new = [item for item in items if item.is_new]
    created: list[Product] = []
    for item, slug in zip(new, unique_slugs([item.slug for item in new]), strict=True):
        item.product = Product(slug=slug, **item.fields)
        created.append(item.product)
    for chunk in chunks(created):
        Product.objects.bulk_create(list(chunk))
    missing_pk = [product for product in created if product.pk is None]
    if missing_pk:  # databases that cannot return ids from a bulk insert
        ids = dict(
            Product.objects.filter(slug__in=[p.slug for p in missing_pk]).values_list("slug", "pk")
        )
        for product in missing_pk:
            product.pk = ids[product.slug]
    by_fields: dict[frozenset[str], list[Product]] = defaultdict(list)
    for item in items:
        if not item.is_new and item.fields and item.product is not None:
            for name, value in item.fields.items():
                setattr(item.product, name, value)
            by_fields[frozenset(item.fields)].append(item.product)
    for names, products in by_fields.items():
        bulk_set(Product, products, sorted(names))


def _relations_write(items: Sequence[BulkProduct]) -> None:
    """Replace the goals and ingredient lines of the items that give them."""
    through = Product.goals.through
    for chunk in chunks([item for item in items if item.goals is not None]):
        through.objects.filter(product__in=[i.product for i in chunk if not i.is_new]).delete()
        through.objects.bulk_create(
            [through(product=i.product, goal=goal) for i in chunk for goal in i.goals or ()]
        )
    for chunk in chunks([item for item in items if item.ingredients is not None]):
        IngredientLine.objects.filter(
            product__in=[i.product for i in chunk if not i.is_new]
        ).delete()
        IngredientLine.objects.bulk_create(
            [
                line
                for i in chunk
                for line in build_children(IngredientLine, i.ingredients or (), product=i.product)
            ]
        )


def _packs_write(items: Sequence[BulkProduct], now: Any) -> None:
    """Create the new packs, change the changed ones (other packs are kept)."""
    new_packs = [Pack(product=i.product, **p.values()) for i in items for p in i.new_packs]
    changed_packs = []
    names: set[str] = set()  # only the columns some pack changes: a sync writes price, stock
    for item in items:
        for pack, data in item.changed_packs:
            for name, value in data.values().items():
                if getattr(pack, name) != value:
                    names.add(name)
                    setattr(pack, name, value)
            pack.updated_at = now
            changed_packs.append(pack)
    for pack_chunk in chunks(new_packs):
        Pack.objects.bulk_create(list(pack_chunk))
    bulk_set(Pack, changed_packs, [*sorted(names), "updated_at"])


@transaction.atomic
def products_bulk_save(
    *, items: Sequence[BulkProduct], progress: Progress | None = None
) -> list[Product]:
    """Write many products at once (the import), all or nothing; returns them in order.

    A few queries per 500 products instead of ~20 per product through `product_save`. Every
    product written gets the same new `updated_at` and its derived fields recomputed by
    `products_recompute`, in batches (`progress` is told how many after each).
    """
    now = timezone.now()
    _products_write(items)
    _relations_write(items)
    _packs_write(items, now)
    touched_ids = [item.product.pk for item in items if item.product is not None]
    # Changed packs alone (a price and stock sync) move only the dose figures.
    dose_only = all(
        not item.is_new and not item.fields and item.goals is None and item.ingredients is None
        for item in items
    )
    for id_chunk in chunks(touched_ids, 2000):
        products_recompute(
            queryset=Product.objects.filter(pk__in=id_chunk),
            updated_at=now,
            dose_only=dose_only,
        )
        if progress:
            progress(len(id_chunk))
    invalidate_catalog_cache()
    return [item.product for item in items if item.product is not None]


# --- generate_catalog: new products from plain rows, COPY on PostgreSQL -------------------


@dataclass
class ProductRows:
    """A new product as column values (attname -> value) with its children's rows. The
    derived fields are left out: `products_bulk_insert` computes them."""

    product: Row
    lines: list[Row]
    co_ingredients: list[Row]
    packs: list[Row]
    goal_ids: list[int]
    article_ids: list[int]


@transaction.atomic
def brands_bulk_create(*, brands: Sequence[Brand]) -> list[Brand]:
    """Store the brands whose slug is new; returns every brand of those slugs, by slug."""
    Brand.objects.bulk_create(list(brands), ignore_conflicts=True)
    invalidate_catalog_cache()
    return list(Brand.objects.filter(slug__in=[b.slug for b in brands]).order_by("slug"))


class _Derive:
    """Computes the derived fields of new product rows from reference data read once."""

    def __init__(self, batch: Sequence[ProductRows], nrv_mg: Decimal) -> None:
        self.nrv_mg = nrv_mg
        self.forms = {form.id: form for form in Form.objects.all()}
        self.goals = {goal.id: goal for goal in Goal.objects.all()}
        brand_ids = {rows.product["brand_id"] for rows in batch}
        self.brand_names = dict(Brand.objects.filter(id__in=brand_ids).values_list("id", "name"))

    def __call__(self, rows: ProductRows) -> None:
        row = rows.product
        forms = [self.forms[line["form_id"]] for line in rows.lines]
        dose = dosing.product_dose(
            lines=[
                dosing.IngredientAmount(
                    default_fraction=form.elemental_fraction,
                    compound_mg=line.get("compound_mg"),
                    elemental_mg=line.get("elemental_mg"),
                    assayed_fraction=line.get("assayed_fraction"),
                )
                for form, line in zip(forms, rows.lines, strict=True)
            ],
            servings_per_day=row["servings_per_day"],
            packs=[
                dosing.PackOffer(p["price_eur"], p["servings_per_container"], p["stock"] > 0)
                for p in rows.packs
            ],
            nrv_mg=self.nrv_mg,
        )
        row.update(dose_values(dose))
        row["form_mask"] = facet_mask(form.id for form in forms)
        row["goal_mask"] = facet_mask(rows.goal_ids)
        row["search_keywords"] = search_keywords_of(
            name_nl=row.get("name_nl"),
            name_en=row.get("name_en"),
            brand_name=self.brand_names[row["brand_id"]],
            forms=forms,
            goals=[self.goals[goal_id] for goal_id in rows.goal_ids if goal_id in self.goals],
            dose_form=row.get("dose_form", ""),
            diet=[flag for flag in DIET_FIELDS if row.get(flag)],
        )
        row["search_text"] = search_text_of(
            slug=row["slug"],
            name_nl=row.get("name_nl"),
            name_en=row.get("name_en"),
            brand_name=self.brand_names[row["brand_id"]],
            description_nl=row.get("description_nl"),
            description_en=row.get("description_en"),
            forms=forms,
            keywords=row["search_keywords"],
        )
        for co in rows.co_ingredients:
            if co.get("nrv_amount") is None:
                co["nrv_amount"] = known_nrv(name_en=co["name_en"], unit=co.get("unit", "mg"))


@contextmanager
def _explicit_timestamps() -> Iterator[None]:
    """Let bulk_create keep the rows' own created/updated times."""
    created = Product._meta.get_field("created_at")
    updated = Product._meta.get_field("updated_at")
    saved = (created.auto_now_add, updated.auto_now)  # type: ignore[union-attr]
    created.auto_now_add = updated.auto_now = False  # type: ignore[union-attr]
    try:
        yield
    finally:
        created.auto_now_add, updated.auto_now = saved  # type: ignore[union-attr]


@transaction.atomic
def products_bulk_insert(*, batch: Sequence[ProductRows], nrv_mg: Decimal | None = None) -> None:
    """Insert new products with their lines, co-ingredients, packs, goals and articles in one
    transaction: PostgreSQL COPY (ids reserved from the sequence first), else bulk_create.

    The rows' derived fields are computed here (`dosing.product_dose`, `derived`), and a
    co-ingredient without an NRV gets the known EU one, as `product_save` does.
    """
    derive = _Derive(batch, nrv_mg if nrv_mg is not None else reference_nrv_mg())
    for rows in batch:
        derive(rows)
    postgres = connection.vendor == "postgresql"
    products = [rows.product for rows in batch]
    if postgres:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT nextval(pg_get_serial_sequence(%s, 'id')) FROM generate_series(1, %s)",
                [Product._meta.db_table, len(products)],
            )
            for row, (pk,) in zip(products, cursor.fetchall(), strict=True):
                row["id"] = pk
        _copy_rows(Product, products)
    else:
        objs = [Product(**row) for row in products]
        with _explicit_timestamps():
            Product.objects.bulk_create(objs)
        for row, obj in zip(products, objs, strict=True):
            row["id"] = obj.pk
    goal_through = Product.goals.through
    article_through = Article.products.through
    children: dict[Any, list[Row]] = {
        IngredientLine: [],
        CoIngredient: [],
        Pack: [],
        goal_through: [],
        article_through: [],
    }
    for rows in batch:
        pk = rows.product["id"]
        for model, child_rows in (
            (IngredientLine, rows.lines),
            (CoIngredient, rows.co_ingredients),
            (Pack, rows.packs),
        ):
            children[model] += [{**row, "product_id": pk} for row in child_rows]
        children[goal_through] += [{"product_id": pk, "goal_id": x} for x in rows.goal_ids]
        children[article_through] += [{"product_id": pk, "article_id": x} for x in rows.article_ids]
    for model, child_rows in children.items():
        if postgres:
            _copy_rows(model, child_rows)
        else:
            model.objects.bulk_create([model(**row) for row in child_rows])
    invalidate_catalog_cache()


def _copy_rows(model: Any, rows: list[Row]) -> None:
    """COPY ... FROM STDIN, PostgreSQL's bulk load: several times faster than INSERT.

    Rows hold plain Python values (str, int, bool, Decimal, datetime, None) that psycopg
    adapts itself; columns a row leaves out get the field's default.
    """
    if not rows:
        return
    fields = [f for f in model._meta.concrete_fields if not f.primary_key or "id" in rows[0]]
    defaults = {f.attname: f.get_default() for f in fields}
    names = [f.attname for f in fields]
    columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
    sql = f"COPY {connection.ops.quote_name(model._meta.db_table)} ({columns}) FROM STDIN"
    with connection.cursor() as cursor, cursor.cursor.copy(sql) as copy:
        for row in rows:
            copy.write_row([row[n] if n in row else defaults[n] for n in names])


def products_tables_analyze() -> None:
    """Fresh planner statistics for the product tables after a bulk load (PostgreSQL).

    Outside a transaction VACUUM runs too: it sets the visibility map, which index-only scans
    (facet counts) need; VACUUM cannot run inside a transaction, ANALYZE can.
    """
    if connection.vendor != "postgresql":
        return
    verb = "ANALYZE" if connection.in_atomic_block else "VACUUM (ANALYZE)"
    with connection.cursor() as cursor:
        links = (Product.goals.through, Product.articles.through)
        for model in (Product, IngredientLine, Pack, *links, CoIngredient):
            cursor.execute(f"{verb} {connection.ops.quote_name(model._meta.db_table)}")
