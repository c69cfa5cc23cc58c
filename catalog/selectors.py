"""Read side of the catalog: reference figures, annotated querysets, facets and search.

Selectors never write. Cached reads are keyed on a catalog version number that every write
in `services` bumps (`invalidate_catalog_cache`), so a saved product is visible at once.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.core.cache import cache
from django.db.models import (
    Case,
    Count,
    Exists,
    IntegerField,
    Max,
    Min,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Value,
    When,
)
from django.utils.translation import gettext as _
from django.utils.translation import pgettext_lazy

from .conf import catalog_settings
from .models import Market, ReferenceValue

VERSION_KEY = "catalog:version"

SERVING_UNIT_PLURALS = {
    "capsule": pgettext_lazy("plural", "capsules"),
    "tablet": pgettext_lazy("plural", "tablets"),
    "softgel": pgettext_lazy("plural", "softgels"),
    "gummy": pgettext_lazy("plural", "gummies"),
    "sachet": pgettext_lazy("plural", "sachets"),
    "scoop": pgettext_lazy("plural", "scoops"),
    "ml": pgettext_lazy("plural", "ml"),
    "spray": pgettext_lazy("plural", "sprays"),
    "g": pgettext_lazy("plural", "grams"),
}


def catalog_version() -> int:
    version = cache.get(VERSION_KEY)
    if version is None:
        version = 1
        cache.add(VERSION_KEY, version, timeout=None)
    return int(version)


def invalidate_catalog_cache() -> None:
    """Make every cached catalog read stale (called by services after each write)."""
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, 2, timeout=None)


def cached(key: str, compute: Any, timeout: int | None = None) -> Any:
    """Cache `compute()` under `key` for the current catalog version."""
    full_key = f"catalog:{catalog_version()}:{key}"
    value = cache.get(full_key)
    if value is None:
        value = compute()
        cache.set(
            full_key,
            value,
            timeout if timeout is not None else catalog_settings.FACET_CACHE_SECONDS,
        )
    return value


# --- reference values -----------------------------------------------------------------------


@dataclass(frozen=True)
class Band:
    market: str
    kind: str
    age_min_years: int
    age_max_years: int | None
    amount_mg: Decimal

    def covers(self, age: int) -> bool:
        return self.age_min_years <= age and (
            self.age_max_years is None or age <= self.age_max_years
        )


def reference_bands() -> list[Band]:
    def compute() -> list[Band]:
        return [
            Band(rv.market, rv.kind, rv.age_min_years, rv.age_max_years, rv.amount_mg)
            for rv in ReferenceValue.objects.all()
        ]

    return list(cached("reference-bands", compute, timeout=3600))


def nrv_mg() -> Decimal:
    """The EU labelling NRV: from the database when a row exists, else from settings."""
    for band in reference_bands():
        if band.kind == ReferenceValue.Kind.NRV and band.market == Market.EU:
            return band.amount_mg
    return Decimal(catalog_settings.NRV_MG)


def ul_mg(market: str, age_years: int = 18) -> Decimal | None:
    """The supplemental upper level for `market` and an age; None if none is set for it."""
    bands = [
        b
        for b in reference_bands()
        if b.kind == ReferenceValue.Kind.UL and b.market == market and b.covers(age_years)
    ]
    if bands:
        # The most specific band (the one starting latest) applies.
        return max(bands, key=lambda b: b.age_min_years).amount_mg
    if not any(b.kind == ReferenceValue.Kind.UL and b.market == market for b in reference_bands()):
        fallback = catalog_settings.FALLBACK_UL_MG.get(market)
        return Decimal(fallback) if fallback is not None and age_years >= 18 else None
    return None


def default_market() -> str:
    return str(catalog_settings.DEFAULT_MARKET)


# --- reference data for filters and labels --------------------------------------------------


def reference_slugs() -> dict[str, list[str]]:
    """Valid slugs of each facet, for validating filter values (cached, invalidated on writes)."""
    from .models import Brand, Form, Goal

    def compute() -> dict[str, list[str]]:
        return {
            "form": list(
                Form.objects.order_by("sort_order", "slug").values_list("slug", flat=True)
            ),
            "goal": list(
                Goal.objects.order_by("sort_order", "slug").values_list("slug", flat=True)
            ),
            "brand": list(Brand.objects.order_by("slug").values_list("slug", flat=True)),
        }

    return dict(cached("reference-slugs", compute, timeout=3600))


def facet_labels(lang: str) -> dict[str, dict[Any, tuple[str, str]]]:
    """id -> (slug, label in `lang`) for forms, goals and brands."""
    from .models import Brand, Form, Goal

    def compute() -> dict[str, dict[Any, tuple[str, str]]]:
        return {
            "form": {
                f["id"]: (f["slug"], f[f"name_{lang}"] or f["name_nl"] or f["slug"])
                for f in Form.objects.values("id", "slug", f"name_{lang}", "name_nl")
            },
            "goal": {
                g["id"]: (g["slug"], g[f"name_{lang}"] or g["name_nl"] or g["slug"])
                for g in Goal.objects.values("id", "slug", f"name_{lang}", "name_nl")
            },
            "brand": {
                b["id"]: (b["slug"], b["name"]) for b in Brand.objects.values("id", "slug", "name")
            },
        }

    return dict(cached(f"facet-labels:{lang}", compute, timeout=3600))


def within_ul_q(market: str) -> Q:
    """Products whose daily dose stays within the UL for their youngest intended user.

    Ages with the same UL are grouped into one condition, so the query stays small; ages with
    no UL set count as within (there is no level to exceed).
    """
    groups: list[tuple[int, int, Decimal | None]] = []
    for age in range(0, 19):
        ul = ul_mg(market, age)
        if groups and groups[-1][2] == ul:
            groups[-1] = (groups[-1][0], age, ul)
        else:
            groups.append((age, age, ul))
    condition = Q(pk__in=[])
    for first, last, ul in groups:
        ages = (
            Q(min_age_years__gte=first)
            if last == 18
            else Q(min_age_years__gte=first, min_age_years__lte=last)
        )
        condition |= ages if ul is None else ages & Q(elemental_mg_per_day__lte=ul)
    return condition


def product_ul_mg(product: Any, market: str) -> Decimal | None:
    return ul_mg(market, min(int(product.min_age_years), 18))


# --- search ---------------------------------------------------------------------------------


def search_document(product: Any) -> str:
    """The folded text a product is found by: names, brand, forms (both languages), copy."""
    return search_text_of(
        slug=product.slug,
        name_nl=product.name_nl,
        name_en=product.name_en,
        brand_name=product.brand.name,
        description_nl=product.description_nl,
        description_en=product.description_en,
        forms=[line.form for line in product.ingredients.all()],
    )


def search_text_of(
    *,
    slug: str,
    name_nl: str | None,
    name_en: str | None,
    brand_name: str,
    description_nl: str | None,
    description_en: str | None,
    forms: Iterable[Any],
) -> str:
    """`search_document` from plain values (bulk writers that hold no saved relations)."""
    from .compliance import fold

    parts = [slug, name_nl, name_en, brand_name, description_nl, description_en]
    for form in forms:
        parts += [form.slug, form.name_nl, form.name_en]
    return " ".join(fold(p) for p in parts if p)


def search_terms(text: str) -> list[str]:
    from .compliance import fold

    return [t for t in fold(text).split() if t][:10]


def product_search(queryset: QuerySet[Any], text: str) -> QuerySet[Any]:
    """Every word must occur in the search text (accent- and case-insensitive).

    On PostgreSQL the `icontains` lookups use the trigram GIN index on `search_text`; the
    same rule on SQLite keeps results the same on both databases.
    """
    for term in search_terms(text):
        queryset = queryset.filter(search_text__contains=term)
    return queryset


def order_by_relevance(queryset: QuerySet[Any], text: str) -> QuerySet[Any]:
    """Name matches first, then the rest; by name within each group."""
    from .compliance import fold

    terms = search_terms(text)
    if not terms:
        return queryset.order_by("name", "id")
    name_hits = Q()
    for term in terms:
        name_hits &= Q(name_nl__icontains=term) | Q(name_en__icontains=term)
    folded = fold(text).strip()
    return queryset.annotate(
        _relevance=Case(
            When(Q(name_nl__iexact=folded) | Q(name_en__iexact=folded), then=Value(0)),
            When(name_hits, then=Value(1)),
            default=Value(2),
            output_field=IntegerField(),
        )
    ).order_by("_relevance", "name", "id")


# --- listings and facets --------------------------------------------------------------------


def listing_queryset(queryset: QuerySet[Any]) -> QuerySet[Any]:
    """What a page of products needs, in a constant number of queries."""
    from .models import IngredientLine

    return queryset.select_related("brand").prefetch_related(
        Prefetch("ingredients", queryset=IngredientLine.objects.select_related("form")),
        "goals",
    )


def _counts(rows: Iterable[dict[str, Any]], key: str) -> dict[Any, int]:
    return {row[key]: row["n"] for row in rows}


def _facet_list(
    counts: dict[Any, int],
    labels: dict[Any, tuple[str, str]] | None,
    selected: list[str],
    choices: dict[str, str] | None = None,
) -> list[dict[str, Any]]:
    items: dict[str, dict[str, Any]] = {}
    if labels is not None:
        for key, n in counts.items():
            if key in labels and n:
                slug, label = labels[key]
                items[slug] = {"value": slug, "label": label, "count": n}
        by_slug = {slug: label for slug, label in labels.values()}
    else:
        by_slug = choices or {}
        for key, n in counts.items():
            if n:
                items[key] = {"value": key, "label": str(by_slug.get(key, key)), "count": n}
    for slug in selected:
        if slug not in items:
            items[slug] = {"value": slug, "label": str(by_slug.get(slug, slug)), "count": 0}
    return sorted(items.values(), key=lambda i: (-i["count"], i["label"].lower()))


def _number(value: Decimal | None) -> float | None:
    return None if value is None else float(value)


@dataclass
class Listing:
    count: int
    facets: dict[str, Any]


def product_facets(filterset: Any, base: QuerySet[Any], lang: str) -> Listing:
    """Disjunctive facet counts and ranges, plus the total count, in six queries.

    Each facet is counted over the products that match every active filter except that
    facet's own; price and dose ranges likewise leave out their own range. The total count
    rides along in the range query.
    """
    from .filters import FACET_FILTERS
    from .models import DoseForm, IngredientLine, Product

    def except_(facet: str) -> QuerySet[Any]:
        return filterset.filter_queryset_except(base, FACET_FILTERS[facet]).order_by()

    labels = facet_labels(lang)
    form_rows = (
        IngredientLine.objects.filter(product__in=except_("form").values("pk"))
        .values("form_id")
        .annotate(n=Count("product_id", distinct=True))
        .order_by()
    )
    goal_rows = (
        Product.goals.through.objects.filter(product__in=except_("goal").values("pk"))
        .values("goal_id")
        .annotate(n=Count("product_id"))
        .order_by()
    )
    brand_rows = except_("brand").values("brand_id").annotate(n=Count("id")).order_by()
    dose_rows = except_("dose_form").values("dose_form").annotate(n=Count("id")).order_by()

    data = filterset.form.cleaned_data
    price_q = Q()
    if data.get("min_price") is not None:
        price_q &= Q(price_eur__gte=data["min_price"])
    if data.get("max_price") is not None:
        price_q &= Q(price_eur__lte=data["max_price"])
    mg_q = Q()
    if data.get("min_elemental_mg") is not None:
        mg_q &= Q(elemental_mg_per_day__gte=data["min_elemental_mg"])
    if data.get("max_elemental_mg") is not None:
        mg_q &= Q(elemental_mg_per_day__lte=data["max_elemental_mg"])
    ranges_base = filterset.filter_queryset_except(
        base, FACET_FILTERS["price"] + FACET_FILTERS["elemental_mg"]
    )
    ranges = ranges_base.order_by().aggregate(
        count=Count("id", filter=price_q & mg_q),
        price_min=Min("price_eur", filter=mg_q),
        price_max=Max("price_eur", filter=mg_q),
        mg_min=Min("elemental_mg_per_day", filter=price_q),
        mg_max=Max("elemental_mg_per_day", filter=price_q),
    )
    facets = {
        "form": _facet_list(
            _counts(form_rows, "form_id"), labels["form"], filterset.selected("form")
        ),
        "goal": _facet_list(
            _counts(goal_rows, "goal_id"), labels["goal"], filterset.selected("goal")
        ),
        "brand": _facet_list(
            _counts(brand_rows, "brand_id"), labels["brand"], filterset.selected("brand")
        ),
        "dose_form": _facet_list(
            _counts(dose_rows, "dose_form"),
            None,
            filterset.selected("dose_form"),
            choices={k: str(v) for k, v in DoseForm.choices},
        ),
        "price": {"min": _number(ranges["price_min"]), "max": _number(ranges["price_max"])},
        "elemental_mg": {"min": _number(ranges["mg_min"]), "max": _number(ranges["mg_max"])},
    }
    return Listing(count=int(ranges["count"] or 0), facets=facets)


def product_listing_facets(filterset: Any, base: QuerySet[Any], lang: str) -> Listing:
    """`product_facets`, cached per catalog version, language, market and filter values."""
    params = sorted(
        (k, str(v))
        for k, v in filterset.form.cleaned_data.items()
        if v not in (None, "", []) and k != "ordering"
    )
    key = "facets:" + lang + ":" + hashlib.sha256(repr(params).encode()).hexdigest()
    return cached(key, lambda: product_facets(filterset, base, lang))  # type: ignore[no-any-return]


# --- interactions ---------------------------------------------------------------------------

SEVERITY_RANK = {"contraindication": 0, "major": 1, "moderate": 2, "minor": 3}


@dataclass(frozen=True)
class InteractionInfo:
    id: int
    slug: str
    kind: str
    severity: str
    form_ids: frozenset[int]  # empty: every form
    texts: dict[str, dict[str, Any]]  # lang -> name, examples, mechanism, advice
    terms: tuple[str, ...]

    def concerns(self, form_ids: Iterable[int]) -> bool:
        return not self.form_ids or bool(self.form_ids & set(form_ids))


def translated(obj: Any, name: str, lang: str) -> str:
    """A translated field in `lang`, falling back to Dutch, the shop's first language."""
    return getattr(obj, f"{name}_{lang}", "") or getattr(obj, f"{name}_nl", "") or ""


def interactions() -> list[InteractionInfo]:
    """Every interaction with its texts in both languages (cached; tiny table)."""
    from .models import Interaction
    from .models.content import lines

    def compute() -> list[InteractionInfo]:
        result = []
        for it in Interaction.objects.prefetch_related("forms"):
            texts = {
                lang: {
                    # Untranslated modeltranslation columns are NULL: texts are "" then.
                    name: getattr(it, f"{name}_{lang}") or getattr(it, f"{name}_nl") or ""
                    for name in ("name", "mechanism", "advice")
                }
                | {"examples": lines(translated(it, "examples", lang))}
                for lang in ("nl", "en")
            }
            terms = (
                it.slug.replace("-", " "),
                *(getattr(it, f"name_{lang}") or "" for lang in ("nl", "en")),
                *(term for lang in ("nl", "en") for term in lines(getattr(it, f"examples_{lang}"))),
                *lines(it.match_terms),
            )
            result.append(
                InteractionInfo(
                    it.id,
                    it.slug,
                    it.kind,
                    it.severity,
                    frozenset(f.id for f in it.forms.all()),
                    texts,
                    tuple(t for t in terms if t),
                )
            )
        return sorted(result, key=lambda i: (SEVERITY_RANK.get(i.severity, 9), i.slug))

    return list(cached("interactions", compute, timeout=3600))


def product_interactions(product: Any) -> list[InteractionInfo]:
    """The interactions that concern a product, most severe first (no query when cached)."""
    form_ids = [line.form_id for line in product.ingredients.all()]
    return [it for it in interactions() if it.concerns(form_ids)]


# --- single objects -------------------------------------------------------------------------


def product_detail_queryset() -> QuerySet[Any]:
    from .models import Article, Product

    return listing_queryset(Product.objects.published()).prefetch_related(
        "packs",
        "co_ingredients",
        Prefetch(
            "articles",
            queryset=Article.objects.filter(published=True).only(
                "id", "slug", "title_nl", "title_en", "title"
            ),
        ),
        "goals__claims",
    )


def related_products(product: Any, limit: int = 6) -> QuerySet[Any]:
    """Published products for the same goal that bring a form this product does not have."""
    from .models import IngredientLine, Product

    goal_ids = [g.id for g in product.goals.all()]
    form_ids = [line.form_id for line in product.ingredients.all()]
    other_form = IngredientLine.objects.filter(product=OuterRef("pk")).exclude(form_id__in=form_ids)
    shares_goal = Product.goals.through.objects.filter(product=OuterRef("pk"), goal_id__in=goal_ids)
    return listing_queryset(
        Product.objects.published()
        .exclude(pk=product.pk)
        .filter(Exists(shares_goal), Exists(other_form))
    ).order_by("price_per_100mg", "id")[:limit]


def product_claims(product: Any) -> list[Any]:
    """Authorised claims the product may carry: its goals' claims, only at >= 15 % NRV."""
    from .compliance import may_carry_claims

    if not may_carry_claims(product.elemental_mg_per_day, nrv_mg()):
        return []
    claims: dict[int, Any] = {}
    for goal in product.goals.all():
        for claim in goal.claims.all():
            claims.setdefault(claim.id, claim)
    return sorted(claims.values(), key=lambda c: c.slug)


# --- what a product page and the detail API show --------------------------------------------


@dataclass(frozen=True)
class DoseRow:
    """One row of a product's dose table: a magnesium form or a co-ingredient."""

    kind: str  # "magnesium" or "co_ingredient"
    form_slug: str | None
    name: str
    compound_mg: Decimal | None
    elemental_mg_per_serving: Decimal | None
    amount_per_day: Decimal
    unit: str
    percent_nrv: int | None


def product_dose_rows(product: Any) -> list[DoseRow]:
    """Magnesium per form (per serving and per day, % NRV), then co-ingredients."""
    from . import dosing

    nrv = nrv_mg()
    rows = []
    for line in product.ingredients.all():
        per_serving = dosing.elemental_mg_for_line(
            dosing.IngredientAmount(
                default_fraction=line.form.elemental_fraction,
                compound_mg=line.compound_mg,
                elemental_mg=line.elemental_mg,
                assayed_fraction=line.assayed_fraction,
            )
        )
        per_day = dosing.elemental_mg_per_day(per_serving, product.servings_per_day)
        rows.append(
            DoseRow(
                "magnesium",
                line.form.slug,
                line.form.name,
                line.compound_mg,
                dosing.round_mg(per_serving),
                per_day,
                "mg",
                dosing.percent_nrv(per_day, nrv),
            )
        )
    for co in product.co_ingredients.all():
        percent = dosing.percent_nrv(co.amount, co.nrv_amount) if co.nrv_amount else None
        rows.append(
            DoseRow("co_ingredient", None, co.name, None, None, co.amount, co.unit, percent)
        )
    return rows


def product_label(product: Any, lang: str) -> list[Any]:
    """The mandatory EU label texts with the product's numbers (compliance.label_texts)."""
    from django.utils import translation

    from . import compliance
    from .models import ServingUnit

    with translation.override(lang):
        unit = ServingUnit(product.serving_unit)
        singular = str(unit.label)
        plural = str(SERVING_UNIT_PLURALS.get(product.serving_unit, unit.label))
        nutrients = [
            compliance.Nutrient(
                name=(_("Magnesium") if row.kind == "magnesium" else row.name)
                + (f" ({row.name})" if row.kind == "magnesium" else ""),
                amount=row.amount_per_day,
                unit=row.unit,
                percent_nrv=row.percent_nrv,
            )
            for row in product_dose_rows(product)
        ]
        if len(product.ingredients.all()) > 1:
            nutrients.insert(
                0,
                compliance.Nutrient(
                    name=str(_("Magnesium, total")),
                    amount=product.elemental_mg_per_day,
                    unit="mg",
                    percent_nrv=product.percent_nrv,
                ),
            )
    return compliance.label_texts(
        compliance.LabelInput(
            serving_size=product.serving_size,
            serving_unit_label=singular,
            serving_unit_label_plural=plural,
            servings_per_day=product.servings_per_day,
            nutrients=nutrients,
            children_product=compliance.is_children_product(product.min_age_years),
        ),
        lang,
    )


# --- interaction check (API and storefront) -------------------------------------------------


def interaction_check(
    *,
    product_slugs: list[str],
    medications: list[str],
    conditions: list[str],
    market: str,
    lang: str,
) -> dict[str, Any]:
    """The interaction checker's answer in `lang`; unknown product slugs are left out
    (callers validate them first and answer 400)."""
    from django.utils import translation

    from . import compliance
    from .models import IngredientLine, Product

    products = list(
        Product.objects.published()
        .filter(slug__in=product_slugs)
        .prefetch_related(
            Prefetch(
                "ingredients", queryset=IngredientLine.objects.only("id", "product_id", "form_id")
            )
        )
    )
    checked = [
        compliance.CheckedProduct(
            p.slug, p.elemental_mg_per_day, tuple(line.form_id for line in p.ingredients.all())
        )
        for p in products
    ]
    ul = ul_mg(market, 18)
    infos = interactions()
    result = compliance.check_interactions(
        products=checked,
        medications=medications,
        conditions=conditions,
        interactions=infos,
        ul_mg=ul,
    )
    by_slug = {i.slug: i for i in infos}
    with translation.override(lang):
        return {
            "products": [
                {
                    "slug": p.slug,
                    "name": getattr(p, f"name_{lang}") or p.name_nl,
                    "elemental_mg_per_day": float(p.elemental_mg_per_day),
                }
                for p in products
            ],
            "total_elemental_mg_per_day": float(result.total_elemental_mg_per_day),
            "ul_mg": _int_or_float(ul),
            "market": market,
            "exceeds_ul": result.exceeds_ul,
            "warnings": [
                {
                    "substance_class": w.slug,
                    "name": by_slug[w.slug].texts[lang]["name"],
                    "kind": by_slug[w.slug].kind,
                    "matched": w.matched,
                    "severity": w.severity,
                    "mechanism": by_slug[w.slug].texts[lang]["mechanism"],
                    "advice": by_slug[w.slug].texts[lang]["advice"],
                    "products": list(w.products),
                }
                for w in result.warnings
            ],
            "advice": [
                compliance.advice_text(code, ul_mg=ul, total_mg=result.total_elemental_mg_per_day)
                for code in result.advice_codes
            ],
        }


def _int_or_float(value: Decimal | None) -> int | float | None:
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


def condition_slugs() -> list[str]:
    return [i.slug for i in interactions() if i.kind == "condition"]
