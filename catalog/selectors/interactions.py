"""Interactions with their texts: the reference list, the warnings that concern a product,
and the interaction checker's outcome for products, medications and conditions."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db.models import Prefetch
from django.utils import translation

from .. import compliance
from ..cache import cached
from ..models import IngredientLine, Interaction, Product, ReferenceValue
from ..models.content import lines
from .medications import medication_lexicon
from .reference import InteractionClass, by_severity, interaction_classes, reference_bands, ul_mg

TEXTS = ("name", "mechanism", "advice", "examples")
LANGS = ("nl", "en")


@dataclass(frozen=True)
class Warning:
    """An interaction warning in one language: what the API, the product page and the
    checker show of an interaction."""

    substance_class: str
    kind: str
    severity: str
    name: str
    examples: list[str]
    mechanism: str
    advice: str

    @property
    def severity_label(self) -> str:
        return str(Interaction.Severity(self.severity).label)

    @property
    def advice_summary(self) -> str:
        """What to do, in one sentence: the line a summary shows."""
        return compliance.first_sentence(self.advice)


@dataclass(frozen=True)
class InteractionInfo(InteractionClass):
    """An interaction class with its texts in both languages and the terms that match it."""

    texts: dict[str, dict[str, Any]]  # lang -> name, examples, mechanism, advice
    terms: tuple[str, ...]

    def warning(self, lang: str) -> Warning:
        texts = self.texts[lang]
        return Warning(
            substance_class=self.slug,
            kind=self.kind,
            severity=self.severity,
            name=texts["name"],
            examples=texts["examples"],
            mechanism=texts["mechanism"],
            advice=texts["advice"],
        )


def _read_interactions() -> list[InteractionInfo]:
    # One query of plain values: a row per (interaction, concerned form), form NULL when it
    # concerns every form. Model instances and a prefetch cost several times more.
    texts_of = [f"{name}_{lang}" for name in TEXTS for lang in LANGS]
    rows = Interaction.objects.order_by("id").values_list(
        "id", "slug", "kind", "severity", "match_terms", *texts_of, "forms"
    )
    by_id: dict[int, tuple[Any, ...]] = {}
    form_ids: dict[int, set[int]] = {}
    for row in rows:
        by_id.setdefault(row[0], row)
        if row[-1] is not None:
            form_ids.setdefault(row[0], set()).add(row[-1])
    result = []
    for pk, (_pk, slug, kind, severity, match_terms, *values, _form) in by_id.items():
        # Untranslated modeltranslation columns are NULL: texts fall back to Dutch, or "".
        text = dict(zip(texts_of, values, strict=True))
        texts = {
            lang: {
                name: text[f"{name}_{lang}"] or text[f"{name}_nl"] or ""
                for name in ("name", "mechanism", "advice")
            }
            | {"examples": lines(text[f"examples_{lang}"] or text["examples_nl"])}
            for lang in LANGS
        }
        terms = (
            slug.replace("-", " "),
            *(text[f"name_{lang}"] or "" for lang in LANGS),
            *(term for lang in LANGS for term in lines(text[f"examples_{lang}"])),
            *lines(match_terms),
        )
        result.append(
            InteractionInfo(
                pk,
                slug,
                kind,
                severity,
                frozenset(form_ids.get(pk, ())),
                texts,
                tuple(t for t in terms if t),
            )
        )
    return sorted(result, key=by_severity)


def interactions() -> list[InteractionInfo]:
    """Every interaction with its texts in both languages (cached; tiny table)."""
    return list(cached("interactions", _read_interactions, timeout=3600))


def interaction(slug: str) -> InteractionInfo | None:
    return next((info for info in interactions() if info.slug == slug), None)


def _form_ids(product: Any) -> list[int]:
    """The forms of a product or a summary row (lines with `form_id`)."""
    lines_ = product.ingredients
    return [line.form_id for line in (lines_.all() if hasattr(lines_, "all") else lines_)]


def product_interactions(product: Any) -> list[InteractionInfo]:
    """The interactions that concern a product, most severe first (no query when cached)."""
    form_ids = _form_ids(product)
    return [it for it in interactions() if it.concerns(form_ids)]


@dataclass(frozen=True)
class ProductWarning:
    """A warning on a product's page, with why it matters for this product in particular."""

    warning: Warning
    relevance: compliance.Relevance


def product_warnings(product: Any, lang: str, *, ul_mg: Decimal | None) -> list[ProductWarning]:
    """The warnings that concern a product, the relevant ones first (`compliance.relevance`:
    its own forms, then accumulation at a high daily dose), each group most severe first."""
    rated = compliance.by_relevance(
        product_interactions(product),
        form_ids=_form_ids(product),
        per_day_mg=product.elemental_mg_per_day,
        ul_mg=ul_mg,
    )
    return [ProductWarning(it.warning(lang), why) for it, why in rated]


def product_interaction_classes(product: Any) -> list[InteractionClass]:
    """`product_interactions` without the texts, from the reference data (product summaries)."""
    form_ids = _form_ids(product)
    return [it for it in interaction_classes() if it.concerns(form_ids)]


def condition_slugs() -> list[str]:
    return [i.slug for i in interactions() if i.kind == Interaction.Kind.CONDITION]


# --- the interaction checker ------------------------------------------------------------------


@dataclass(frozen=True)
class CheckedProduct:
    slug: str
    name: str
    elemental_mg_per_day: Decimal
    route: str = compliance.Route.ORAL
    min_age_years: int = compliance.ADULT_AGE

    @property
    def is_topical(self) -> bool:
        return compliance.is_topical(self.route)


@dataclass(frozen=True)
class CheckWarning:
    """A warning of the checker: the interaction, what in the query matched it, and the
    chosen products it concerns; for words that can mean more than one kind of medicine
    (`ambiguous`), the other classes they can mean and a note on what tells them apart."""

    interaction: InteractionInfo
    matched: str
    products: tuple[str, ...]
    ambiguous: bool = False
    alternatives: tuple[str, ...] = ()
    note: str = ""


@dataclass(frozen=True)
class InteractionCheck:
    """The checker's outcome; texts in the language it was made for."""

    products: list[CheckedProduct]
    total_elemental_mg_per_day: Decimal  # swallowed products only
    ul_mg: Decimal | None  # the level the total is compared with (a child's when children)
    market: str
    exceeds_ul: bool
    warnings: list[CheckWarning]
    advice: list[str]
    lang: str
    children: bool = False  # compared with a children's upper level
    ul_age_years: int = compliance.ADULT_AGE
    external_products: tuple[str, ...] = ()  # for external use: not in the total


def ul_bands(market: str) -> list[compliance.UlBand]:
    """The market's supplemental upper levels by age band (children's levels included)."""
    return [
        compliance.UlBand(b.age_min_years, b.age_max_years, b.amount_mg)
        for b in reference_bands()
        if b.kind == ReferenceValue.Kind.UL and b.market == market
    ]


def interaction_check(
    *,
    product_slugs: Iterable[str],
    medications: list[str],
    conditions: list[str],
    market: str,
    lang: str,
) -> InteractionCheck:
    """The interaction checker's answer in `lang`; unknown product slugs are left out
    (callers validate them first: `filters.InteractionCheckForm`).

    Products for external use are listed but not added to the daily total; products that are
    all for children are compared with the market's children's upper level for the age that
    may take them all, never with the adults' level (`compliance.check_interactions`).
    Medication names are matched with the names table of the database (`medications`).
    """
    products = list(
        Product.objects.published()
        .filter(slug__in=list(product_slugs))
        .prefetch_related(
            Prefetch(
                "ingredients", queryset=IngredientLine.objects.only("id", "product_id", "form_id")
            )
        )
    )
    checked = [
        compliance.CheckedProduct(
            p.slug,
            p.elemental_mg_per_day,
            tuple(line.form_id for line in p.ingredients.all()),
            min_age_years=p.min_age_years,
            route=p.route,
        )
        for p in products
    ]
    infos = interactions()
    result = compliance.check_interactions(
        products=checked,
        medications=medications,
        conditions=conditions,
        interactions=infos,
        ul_mg=ul_mg(market, compliance.ADULT_AGE),
        children_ul_bands=ul_bands(market),
        lexicon=medication_lexicon(),
    )
    by_slug = {i.slug: i for i in infos}
    with translation.override(lang):
        advice = [
            compliance.advice_text(
                code,
                ul_mg=result.ul_mg,
                total_mg=result.total_elemental_mg_per_day,
                age_years=result.ul_age_years,
            )
            for code in result.advice_codes
        ]
    return InteractionCheck(
        products=[
            CheckedProduct(
                p.slug,
                getattr(p, f"name_{lang}") or p.name_nl,
                p.elemental_mg_per_day,
                p.route,
                p.min_age_years,
            )
            for p in products
        ],
        total_elemental_mg_per_day=result.total_elemental_mg_per_day,
        ul_mg=result.ul_mg,
        market=market,
        exceeds_ul=result.exceeds_ul,
        warnings=[
            CheckWarning(
                by_slug[w.slug],
                w.matched,
                tuple(w.products),
                w.ambiguous,
                w.alternatives,
                w.note_nl if lang == "nl" else w.note_en,
            )
            for w in result.warnings
        ],
        advice=advice,
        lang=lang,
        children=result.children,
        ul_age_years=result.ul_age_years,
        external_products=result.external_products,
    )
