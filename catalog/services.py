"""Write side of the catalog: the only place that creates, updates and recomputes.

Every write validates (`full_clean`), runs in a transaction and ends by recomputing the
product's derived dose fields, so stored figures never drift from `catalog.dosing`.
Functions are keyword-only and named `<entity>_<action>` (HackSoft style).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Prefetch, QuerySet
from django.utils.translation import gettext as _

from . import dosing
from .cache import invalidate_catalog_cache
from .derived import product_keys
from .models import (
    Article,
    ArticleSection,
    Brand,
    CoIngredient,
    FaqItem,
    Form,
    Goal,
    HealthClaim,
    IngredientLine,
    Interaction,
    Pack,
    Product,
    ReferenceValue,
)
from .sanitize import clean_html
from .selectors.reference import nrv_mg as reference_nrv_mg

DERIVED_FIELDS = (
    "elemental_mg_per_serving",
    "elemental_mg_per_day",
    "percent_nrv",
    "price_eur",
    "servings_per_container",
    "days_supply",
    "price_per_100mg",
    "in_stock",
    "search_text",
    "form_mask",
    "goal_mask",
)
# Derived fields that are not dose figures: computed from the product's relations.
KEY_FIELDS = ("search_text", "form_mask", "goal_mask")


# --- derived dose fields -------------------------------------------------------------------


def _dose_inputs(product: Product) -> tuple[list[dosing.IngredientAmount], list[dosing.PackOffer]]:
    lines = [dosing.IngredientAmount.of(line) for line in product.ingredients.all()]
    packs = [
        dosing.PackOffer(
            price_eur=pack.price_eur,
            servings_per_container=pack.servings_per_container,
            in_stock=pack.stock > 0,
        )
        for pack in product.packs.all()
    ]
    return lines, packs


def product_fresh_dose(*, product: Product, nrv_mg: Decimal | None = None) -> dosing.ProductDose:
    """The derived figures as they should be now (used by recompute and `check_catalog`)."""
    lines, packs = _dose_inputs(product)
    return dosing.product_dose(
        lines=lines,
        servings_per_day=product.servings_per_day,
        packs=packs,
        nrv_mg=nrv_mg if nrv_mg is not None else reference_nrv_mg(),
    )


def product_fresh_keys(*, product: Product) -> dict[str, Any]:
    """Search text and facet keys as they should be now (needs brand, lines, goals loaded)."""
    return product_keys(product)


def _apply_dose(product: Product, dose: dosing.ProductDose) -> None:
    for name in DERIVED_FIELDS:
        if name not in KEY_FIELDS:
            setattr(product, name, getattr(dose, name))
    for name, value in product_fresh_keys(product=product).items():
        setattr(product, name, value)


def product_recompute(*, product: Product) -> Product:
    """Recompute and store one product's derived fields."""
    product = (
        Product.objects.select_related("brand")
        .prefetch_related(
            Prefetch("ingredients", queryset=IngredientLine.objects.select_related("form")),
            "packs",
            "goals",
        )
        .get(pk=product.pk)
    )
    _apply_dose(product, product_fresh_dose(product=product))
    product.save(update_fields=[*DERIVED_FIELDS, "updated_at"])
    invalidate_catalog_cache()
    return product


def products_recompute(*, queryset: QuerySet[Product] | None = None, batch_size: int = 1000) -> int:
    """Recompute every product in `queryset` in batches with bulk_update; returns the count."""
    queryset = queryset if queryset is not None else Product.objects.all()
    nrv = reference_nrv_mg()
    count = 0
    batch: list[Product] = []
    products = (
        queryset.order_by("pk")
        .select_related("brand")
        .prefetch_related(
            Prefetch("ingredients", queryset=IngredientLine.objects.select_related("form")),
            "packs",
            "goals",
        )
    )
    for product in products.iterator(chunk_size=batch_size):
        _apply_dose(product, product_fresh_dose(product=product, nrv_mg=nrv))
        batch.append(product)
        if len(batch) >= batch_size:
            Product.objects.bulk_update(batch, DERIVED_FIELDS)
            count += len(batch)
            batch = []
    if batch:
        Product.objects.bulk_update(batch, DERIVED_FIELDS)
        count += len(batch)
    invalidate_catalog_cache()
    return count


# --- products -------------------------------------------------------------------------------


@dataclass
class IngredientInput:
    form: Form
    compound_mg: Decimal | None = None
    elemental_mg: Decimal | None = None
    assayed_fraction: Decimal | None = None


@dataclass
class CoIngredientInput:
    name_nl: str
    name_en: str
    amount: Decimal
    unit: str = "mg"
    nrv_amount: Decimal | None = None


@dataclass
class PackInput:
    sku: str
    servings_per_container: int
    price_eur: Decimal
    stock: int = 0
    gtin: str = ""


@dataclass
class ProductInput:
    """Everything a product is made of; None for a relation means "leave it as it is"."""

    fields: dict[str, Any]
    goals: Sequence[Goal] | None = None
    articles: Sequence[Article] | None = None
    ingredients: Sequence[IngredientInput] | None = None
    co_ingredients: Sequence[CoIngredientInput] | None = None
    packs: Sequence[PackInput] | None = None
    remove_missing_packs: bool = True
    extra: dict[str, Any] = field(default_factory=dict)


# EU NRVs of common co-ingredients, Reg. (EU) 1169/2011 Annex XIII, by English name.
KNOWN_NRV = {
    "vitamin b6": (Decimal("1.4"), "mg"),
    "vitamin d": (Decimal("5"), "µg"),
    "vitamin d3": (Decimal("5"), "µg"),
    "vitamin b12": (Decimal("2.5"), "µg"),
    "zinc": (Decimal("10"), "mg"),
    "calcium": (Decimal("800"), "mg"),
    "potassium": (Decimal("2000"), "mg"),
    "vitamin c": (Decimal("80"), "mg"),
    "vitamin b1": (Decimal("1.1"), "mg"),
    "folic acid": (Decimal("200"), "µg"),
}


def known_nrv(*, name_en: str, unit: str) -> Decimal | None:
    entry = KNOWN_NRV.get(name_en.strip().lower())
    return entry[0] if entry and entry[1] == unit else None


@transaction.atomic
def product_save(*, data: ProductInput, product: Product | None = None) -> Product:
    """Create (product=None) or update a product with its lines and packs, then recompute.

    Raises django.core.exceptions.ValidationError naming the field on bad data; nothing is
    written then (one transaction).
    """
    product = product or Product()
    for name, value in data.fields.items():
        setattr(product, name, value)
    product.full_clean(exclude=["goals"])
    product.save()

    if data.goals is not None:
        product.goals.set(data.goals)
    if data.articles is not None:
        product.articles.set(data.articles)
    if data.ingredients is not None:
        product.ingredients.all().delete()
        for position, item in enumerate(data.ingredients):
            line = IngredientLine(
                product=product,
                form=item.form,
                compound_mg=item.compound_mg,
                elemental_mg=item.elemental_mg,
                assayed_fraction=item.assayed_fraction,
                position=position,
            )
            line.full_clean()
            line.save()
    if data.co_ingredients is not None:
        product.co_ingredients.all().delete()
        for position, co in enumerate(data.co_ingredients):
            nrv = (
                co.nrv_amount
                if co.nrv_amount is not None
                else known_nrv(name_en=co.name_en, unit=co.unit)
            )
            co_item = CoIngredient(
                product=product,
                name_nl=co.name_nl,
                name_en=co.name_en,
                amount=co.amount,
                unit=co.unit,
                nrv_amount=nrv,
                position=position,
            )
            co_item.full_clean()
            co_item.save()
    if data.packs is not None:
        packs_save(product=product, packs=data.packs, remove_missing=data.remove_missing_packs)
    return product_recompute(product=product)


@transaction.atomic
def packs_save(*, product: Product, packs: Iterable[PackInput], remove_missing: bool) -> None:
    """Upsert packs by SKU (a SKU of another product is refused by validation)."""
    keep: list[str] = []
    for item in packs:
        pack = Pack.objects.filter(sku=item.sku, product=product).first() or Pack(product=product)
        pack.sku = item.sku
        pack.gtin = item.gtin
        pack.servings_per_container = item.servings_per_container
        pack.price_eur = item.price_eur
        pack.stock = item.stock
        pack.full_clean()
        pack.save()
        keep.append(item.sku)
    if remove_missing:
        product.packs.exclude(sku__in=keep).delete()


def _lock_pack(pack: Pack) -> Pack:
    """The pack as committed now, locked with its product until the transaction ends.

    The product row is locked first, and by every pack write, so writes to packs of one
    product queue up: each recomputes the product's derived figures from what the one before
    it committed. (SQLite locks the whole database for a write instead; select_for_update is
    a no-op there.)
    """
    Product.objects.select_for_update().filter(pk=pack.product_id).values_list("pk").get()
    return Pack.objects.select_for_update().get(pk=pack.pk)


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
def product_delete(*, product: Product) -> None:
    product.delete()
    invalidate_catalog_cache()


# --- reference data and content ------------------------------------------------------------


def _upsert(model: type[Any], *, lookup: dict[str, Any], fields: dict[str, Any]) -> Any:
    obj = model.objects.filter(**lookup).first() or model(**lookup)
    for name, value in fields.items():
        setattr(obj, name, value)
    obj.full_clean()
    obj.save()
    invalidate_catalog_cache()
    return obj


@transaction.atomic
def brand_upsert(*, slug: str, **fields: Any) -> Brand:
    return _upsert(Brand, lookup={"slug": slug}, fields=fields)


@transaction.atomic
def form_upsert(*, slug: str, **fields: Any) -> Form:
    form = _upsert(Form, lookup={"slug": slug}, fields=fields)
    # A new default fraction changes every product that converts compound weight with it.
    if "elemental_fraction" in fields:
        products_recompute(queryset=Product.objects.filter(ingredients__form=form).distinct())
    invalidate_catalog_cache()
    return form


@transaction.atomic
def claim_upsert(*, slug: str, **fields: Any) -> HealthClaim:
    return _upsert(HealthClaim, lookup={"slug": slug}, fields=fields)


@transaction.atomic
def goal_upsert(
    *,
    slug: str,
    claims: Sequence[HealthClaim] | None = None,
    recommended_forms: Sequence[Form] | None = None,
    **fields: Any,
) -> Goal:
    for lang in ("nl", "en"):
        key = f"body_html_{lang}"
        if key in fields:
            fields[key] = clean_html(fields[key])
    goal = _upsert(Goal, lookup={"slug": slug}, fields=fields)
    if claims is not None:
        goal.claims.set(claims)
    if recommended_forms is not None:
        goal.recommended_forms.set(recommended_forms)
    invalidate_catalog_cache()
    return goal


@transaction.atomic
def interaction_upsert(
    *, slug: str, forms: Sequence[Form] | None = None, **fields: Any
) -> Interaction:
    interaction = _upsert(Interaction, lookup={"slug": slug}, fields=fields)
    if forms is not None:
        interaction.forms.set(forms)
    return interaction


@transaction.atomic
def reference_value_upsert(
    *, market: str, kind: str, age_min_years: int, **fields: Any
) -> ReferenceValue:
    value = _upsert(
        ReferenceValue,
        lookup={"market": market, "kind": kind, "age_min_years": age_min_years},
        fields=fields,
    )
    if kind == ReferenceValue.Kind.NRV:
        products_recompute()
    invalidate_catalog_cache()
    return value


@dataclass
class SectionInput:
    heading_nl: str
    heading_en: str
    body_html_nl: str
    body_html_en: str


@dataclass
class FaqInput:
    question_nl: str
    question_en: str
    answer_html_nl: str
    answer_html_en: str


HTML_FIELDS = ("intro_html_nl", "intro_html_en")


@transaction.atomic
def article_save(
    *,
    slug: str,
    fields: dict[str, Any],
    sections: Sequence[SectionInput] | None = None,
    faq: Sequence[FaqInput] | None = None,
    goals: Sequence[Goal] | None = None,
    forms: Sequence[Form] | None = None,
    products: Sequence[Product] | None = None,
    article: Article | None = None,
) -> Article:
    fields = {k: clean_html(v) if k in HTML_FIELDS else v for k, v in fields.items()}
    if article is None:
        article = Article.objects.filter(slug=slug).first() or Article(slug=slug)
    article.slug = slug
    for name, value in fields.items():
        setattr(article, name, value)
    article.full_clean()
    article.save()
    if sections is not None:
        article.sections.all().delete()
        ArticleSection.objects.bulk_create(
            ArticleSection(
                article=article,
                position=i,
                heading_nl=s.heading_nl,
                heading_en=s.heading_en,
                body_html_nl=clean_html(s.body_html_nl),
                body_html_en=clean_html(s.body_html_en),
            )
            for i, s in enumerate(sections)
        )
    if faq is not None:
        article.faq.all().delete()
        FaqItem.objects.bulk_create(
            FaqItem(
                article=article,
                position=i,
                question_nl=q.question_nl,
                question_en=q.question_en,
                answer_html_nl=clean_html(q.answer_html_nl),
                answer_html_en=clean_html(q.answer_html_en),
            )
            for i, q in enumerate(faq)
        )
    if goals is not None:
        article.goals.set(goals)
    if forms is not None:
        article.forms.set(forms)
    if products is not None:
        article.products.set(products)
    invalidate_catalog_cache()
    return article


@transaction.atomic
def object_delete(*, obj: Any) -> None:
    """Delete a catalog object; a form still used by products is protected (ProtectedError).

    Deleting a goal unlinks its products: their facet keys are recomputed.
    """
    linked = list(obj.products.values_list("pk", flat=True)) if isinstance(obj, Goal) else []
    obj.delete()
    if linked:
        products_recompute(queryset=Product.objects.filter(pk__in=linked))
    invalidate_catalog_cache()
