"""Product summaries as plain typed rows: what a product card, the list API, the JSON Lines
feed and related products show, read without building model instances."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from typing import Any

from django.db.models import Max, QuerySet
from django.db.models.expressions import RawSQL
from django.urls import reverse
from django.utils.translation import get_language

from ..compliance import is_topical
from ..derived import fits_masks
from ..models import IngredientLine, Product
from ..models.products import DIET_FIELDS, DoseForm
from ._sql import decimal, keyset_page, quote, vendor
from .images import image_url
from .reference import facet_reference


def _active_lang() -> str:
    return "en" if (get_language() or "nl").startswith("en") else "nl"


@dataclass(frozen=True, slots=True)
class FormRef:
    id: int
    slug: str
    name_nl: str
    name_en: str | None
    elemental_fraction: Decimal

    @property
    def name(self) -> str:
        """The name in the active language (Dutch when untranslated)."""
        return (self.name_en if _active_lang() == "en" else None) or self.name_nl


@dataclass(frozen=True, slots=True)
class GoalRef:
    id: int
    slug: str
    name_nl: str
    name_en: str | None

    @property
    def name(self) -> str:
        return (self.name_en if _active_lang() == "en" else None) or self.name_nl


@dataclass(frozen=True, slots=True)
class BrandRef:
    slug: str
    name: str


@dataclass(frozen=True, slots=True)
class LineRow:
    """An ingredient line: what `dosing.IngredientAmount.of` reads."""

    form_id: int
    form: FormRef
    compound_mg: Decimal | None
    elemental_mg: Decimal | None
    assayed_fraction: Decimal | None


NO_BRAND = BrandRef(slug="", name="")

# The product columns a summary reads (besides the relations).
SUMMARY_FIELDS = (
    "id",
    "slug",
    "brand_id",
    "name_nl",
    "name_en",
    "dose_form",
    "serving_unit",
    "serving_size",
    "servings_per_day",
    "servings_per_container",
    "elemental_mg_per_serving",
    "elemental_mg_per_day",
    "percent_nrv",
    "price_eur",
    "price_per_100mg",
    "days_supply",
    "in_stock",
    "min_age_years",
    "route",
    "image",
    "updated_at",
    *DIET_FIELDS,
)


@dataclass(slots=True)
class ProductRow:
    """One product's summary: its stored figures, brand, forms (lines) and goals."""

    id: int
    slug: str
    brand_id: int
    name_nl: str
    name_en: str | None
    dose_form: str
    serving_unit: str
    serving_size: Decimal
    servings_per_day: int
    servings_per_container: int | None
    elemental_mg_per_serving: Decimal
    elemental_mg_per_day: Decimal
    percent_nrv: int
    price_eur: Decimal | None
    price_per_100mg: Decimal | None
    days_supply: int | None
    in_stock: bool
    min_age_years: int
    route: str  # oral, or topical (skin or bath: no daily oral dose, NRV or upper level)
    image: str  # the stored file name, "" for none
    updated_at: datetime
    diet: list[str]
    brand: BrandRef = NO_BRAND
    ingredients: list[LineRow] = field(default_factory=list)
    goals: list[GoalRef] = field(default_factory=list)
    # Set by the page that shows the row (`selectors.rows.mark_upper_levels`).
    ul_exceeded: bool = False

    @property
    def pk(self) -> int:
        return self.id

    @property
    def name(self) -> str:
        return (self.name_en if _active_lang() == "en" else None) or self.name_nl

    @property
    def is_topical(self) -> bool:
        return is_topical(self.route)

    @property
    def dose_form_label(self) -> str:
        return str(DoseForm(self.dose_form).label)

    @property
    def image_url(self) -> str | None:
        """Its photo, or its generated packshot where those are on (`selectors.images`)."""
        return image_url(self)

    def get_absolute_url(self) -> str:
        return reverse("catalog:product-detail", kwargs={"slug": self.slug})

    @classmethod
    def of_product(cls, product: Product) -> ProductRow:
        """The row of a model instance whose brand, lines (with forms) and goals are loaded."""
        values = {
            name: getattr(product, name) for name in SUMMARY_FIELDS if name not in DIET_FIELDS
        }
        values["image"] = product.image.name or ""
        return cls(
            **values,
            diet=product.diet,
            brand=BrandRef(slug=product.brand.slug, name=product.brand.name),
            ingredients=[
                LineRow(
                    form_id=line.form_id,
                    form=_form_ref(line.form),
                    compound_mg=line.compound_mg,
                    elemental_mg=line.elemental_mg,
                    assayed_fraction=line.assayed_fraction,
                )
                for line in product.ingredients.all()
            ],
            goals=[
                GoalRef(g.id, g.slug, getattr(g, "name_nl", ""), getattr(g, "name_en", None))
                for g in product.goals.all()
            ],
        )


def _form_ref(form: Any) -> FormRef:
    return FormRef(form.id, form.slug, form.name_nl, form.name_en, form.elemental_fraction)


def product_rows(queryset: QuerySet[Any]) -> list[ProductRow]:
    """Summaries of the products of `queryset` (ordered, sliced), in its order: one query of
    plain values, each product's ingredient lines folded into one text column.

    Building model instances (a product, its lines with their forms, its goals) costs more
    than the rest of a summary together; forms, goals and brands come from the cached
    reference data instead, one shared object each, and goals from the stored `goal_mask`
    (kept by the services with the other derived fields; a second query reads the links
    when a goal id is too large for the mask). The list API, the JSON Lines feed and the
    product cards read through here, so 100,000 products stream at thousands a second.
    """
    reference = facet_reference()
    goals = [GoalRef(r[0], r[1], r[2], r[3]) for r in reference["goal"]]
    goals_by_mask = fits_masks(g.id for g in goals)
    brands = {r[0]: BrandRef(slug=r[1], name=r[2]) for r in reference["brand"]}
    forms = {r[0]: FormRef(r[0], r[1], r[2], r[3], r[4]) for r in reference["form"]}
    parse_lines = _line_parser()
    rows: dict[int, ProductRow] = {}
    lines = queryset.annotate(_lines=_lines_column(queryset.db))
    for values in lines.values(*SUMMARY_FIELDS, "goal_mask", "_lines"):
        goal_mask = values.pop("goal_mask")
        packed = values.pop("_lines")
        diet = [flag for flag in DIET_FIELDS if values.pop(flag)]
        values["image"] = values["image"] or ""
        row = ProductRow(**values, diet=diet, brand=brands.get(values["brand_id"], NO_BRAND))
        if goals_by_mask:
            row.goals = [g for g in goals if goal_mask & (1 << g.id)]
        if packed:
            for form_id, compound_mg, elemental_mg, fraction in parse_lines(packed):
                row.ingredients.append(
                    LineRow(form_id, forms[form_id], compound_mg, elemental_mg, fraction)
                )
        rows[row.id] = row
    if not rows:
        return []
    if not goals_by_mask:
        goal_of = {g.id: g for g in goals}
        rank = {g.id: i for i, g in enumerate(goals)}
        links = (
            Product.goals.through.objects.filter(product_id__in=list(rows))
            .order_by()
            .values_list("product_id", "goal_id")
        )
        for product_id, goal_id in links:
            rows[product_id].goals.append(goal_of[goal_id])
        for row in rows.values():
            row.goals.sort(key=lambda g: rank[g.id])
    return list(rows.values())


LINE_FIELDS = ("form_id", "compound_mg", "elemental_mg", "assayed_fraction")


def _lines_column(using: str) -> RawSQL:
    """A product's ingredient lines in label order as one text (`form:compound:elemental:
    fraction;...`, an empty field for NULL), by a correlated subquery on the lines' product
    index: the lines of a page come with its products, not in a second query."""
    line: Any = IngredientLine._meta
    q = quote(using)
    table = q(line.db_table)
    columns = [f"{table}.{q(line.get_field(name).column)}" for name in LINE_FIELDS]
    owner = f"{table}.{q(line.get_field('product').column)}"
    product = f"{q(Product._meta.db_table)}.{q(Product._meta.pk.column)}"  # type: ignore[union-attr]
    order = f"{table}.{q(line.get_field('position').column)}, {table}.{q(line.pk.column)}"
    if vendor(using) == "postgresql":
        text = " || ':' || ".join(f"COALESCE({c}::text, '')" for c in columns)
        sql = (
            f"(SELECT string_agg({text}, ';' ORDER BY {order}) FROM {table}"
            f" WHERE {owner} = {product})"
        )
    else:  # SQLite keeps the order of the inner query
        text = " || ':' || ".join(f"IFNULL({c}, '')" for c in columns)
        sql = (
            f"(SELECT group_concat(line, ';') FROM (SELECT {text} AS line FROM {table}"
            f" WHERE {owner} = {product} ORDER BY {order}))"
        )
    return RawSQL(sql, ())


def _line_parser() -> Any:
    """Turns `_lines_column`'s text back into (form id, compound mg, elemental mg, assayed
    fraction) tuples, decimals to their fields' places as the ORM gives them."""
    line: Any = IngredientLine._meta
    places = [line.get_field(name).decimal_places for name in LINE_FIELDS[1:]]

    def parse(packed: str) -> Iterator[tuple[int, Any, Any, Any]]:
        for item in packed.split(";"):
            form_id, *numbers = item.split(":")
            compound, elemental, fraction = (
                decimal(value, n) if value != "" else None
                for value, n in zip(numbers, places, strict=True)
            )
            yield int(form_id), compound, elemental, fraction

    return parse


def feed_products(*, updated_since: datetime | None = None) -> QuerySet[Product]:
    """The published products a feed lists, those updated since a moment when one is given."""
    products = Product.objects.published()
    return products.filter(updated_at__gte=updated_since) if updated_since else products


def last_updated(products: QuerySet[Product]) -> datetime | None:
    """When the most recently updated of `products` was updated (a feed's Last-Modified)."""
    return products.order_by().aggregate(last=Max("updated_at"))["last"]  # type: ignore[no-any-return]


def product_rows_page(
    queryset: QuerySet[Any], after: int, size: int
) -> tuple[Sequence[ProductRow], int | None]:
    """`product_rows` of a whole queryset a chunk at a time in id order (keyset pagination on
    the primary key): the next `size` rows after the id `after`, and the id to go on after
    (None when these were the last)."""
    return keyset_page(
        lambda start: product_rows(queryset.filter(pk__gt=start).order_by("pk")[:size]),
        after,
        size,
        key=lambda row: row.id,
    )
