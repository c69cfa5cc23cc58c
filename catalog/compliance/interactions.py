"""The interaction check: products, medications and conditions into warnings and advice."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Protocol

from django.utils.translation import gettext as _

from .. import dosing
from .labels import _amount
from .medications import InteractionTerms, MedicationLexicon, match_medications
from .populations import ADULT_AGE, UlBand, ul_context
from .routes import Route, rules_for


class InteractionLike(Protocol):
    @property
    def slug(self) -> str: ...
    @property
    def kind(self) -> str: ...
    @property
    def severity(self) -> str: ...
    @property
    def terms(self) -> tuple[str, ...]: ...

    def concerns(self, form_ids: Iterable[int]) -> bool: ...


@dataclass(frozen=True)
class CheckedProduct:
    slug: str
    elemental_mg_per_day: Decimal
    form_ids: tuple[int, ...]
    min_age_years: int = ADULT_AGE  # the youngest user the product is meant for
    route: str = Route.ORAL  # a topical product is not swallowed: not in the oral total


@dataclass(frozen=True)
class CheckWarning:
    slug: str
    matched: str
    severity: str
    products: tuple[str, ...]
    ambiguous: bool = False  # the shopper's words can mean this class or `alternatives`
    alternatives: tuple[str, ...] = ()
    note_nl: str = ""  # what tells the possible classes apart
    note_en: str = ""


@dataclass(frozen=True)
class CheckResult:
    total_elemental_mg_per_day: Decimal  # swallowed products only
    ul_mg: Decimal | None  # the level the total is compared with (a child's when children's)
    exceeds_ul: bool
    split_advised: bool
    warnings: tuple[CheckWarning, ...]
    advice_codes: tuple[str, ...]
    children: bool = False  # compared with a children's upper level
    ul_age_years: int = ADULT_AGE
    external_products: tuple[str, ...] = ()  # topical products, left out of the total


def check_interactions(
    *,
    products: Sequence[CheckedProduct],
    medications: Sequence[str],
    conditions: Sequence[str],
    interactions: Sequence[InteractionLike],
    ul_mg: Decimal | None,
    children_ul_bands: Sequence[UlBand] = (),
    age_years: int | None = None,
    lexicon: MedicationLexicon | None = None,
) -> CheckResult:
    """Combine chosen products, medications and conditions into warnings and advice.

    - Only swallowed products count: bath flakes and skin sprays are listed apart, add nothing
      to the daily total and are never compared with an upper level (`routes`).
    - The total is compared with `ul_mg` (the market's adult level) unless every product is a
      children's product: then with the market's children's level for the youngest age that may
      take them all (`populations.ul_context`; `children_ul_bands` are the market's UL rows,
      `age_years` the child's age when the shopper gives it). A children's total is never
      compared with an adult level: with no band for that age there is no comparison.
    - Medications are matched in free text (`match_medications`, with `lexicon` as the names
      table; default: the one shipped with the app); conditions by slug. A warning lists the
      swallowed products it concerns (all of them for an all-forms interaction).
    """
    oral = [p for p in products if rules_for(p.route).in_oral_total]
    external = tuple(p.slug for p in products if not rules_for(p.route).in_oral_total)
    total = dosing.round_mg(sum((p.elemental_mg_per_day for p in oral), Decimal(0)))
    context = ul_context(
        [p.min_age_years for p in oral],
        adult_ul_mg=ul_mg,
        bands=children_ul_bands,
        age_years=age_years,
    )
    by_slug = {it.slug: it for it in interactions}
    found: dict[str, CheckWarning] = {}
    medication_classes = [it for it in interactions if it.kind != "condition"]
    terms = [InteractionTerms(it.slug, it.terms) for it in medication_classes]
    for match in match_medications(medications, terms, lexicon):
        interaction = by_slug[match.slug]
        concerned = tuple(p.slug for p in oral if interaction.concerns(p.form_ids))
        found.setdefault(
            match.slug,
            CheckWarning(
                match.slug,
                match.matched,
                interaction.severity,
                concerned,
                match.ambiguous,
                match.alternatives,
                match.note_nl,
                match.note_en,
            ),
        )
    for condition in conditions:
        if condition in by_slug and by_slug[condition].kind == "condition":
            concerned = tuple(p.slug for p in oral if by_slug[condition].concerns(p.form_ids))
            found.setdefault(
                condition,
                CheckWarning(condition, condition, by_slug[condition].severity, concerned),
            )
    rank = {"contraindication": 0, "major": 1, "moderate": 2, "minor": 3}
    warnings = sorted(found.values(), key=lambda w: (rank.get(w.severity, 9), w.slug))
    exceeds = dosing.exceeds_ul(total, context.ul_mg)
    split = dosing.split_doses_advised(total)
    advice = []
    if oral or not products:
        advice.append("with_meal")
    if exceeds:
        advice.append("exceeds_child_ul" if context.children else "exceeds_ul")
    if context.children and context.ul_mg is None and oral:
        advice.append("no_child_ul")
    if split:
        advice.append("split_dose")
    if any(w.severity in ("contraindication", "major") for w in warnings):
        advice.append("ask_doctor")
    if any(w.ambiguous for w in warnings):
        advice.append("ambiguous_medication")
    if external:
        advice.append("external_use")
    if not products:
        advice.append("no_products")
    return CheckResult(
        total,
        context.ul_mg,
        exceeds,
        split,
        tuple(warnings),
        tuple(advice),
        context.children,
        context.age_years,
        external,
    )


def advice_text(
    code: str,
    *,
    ul_mg: Decimal | None = None,
    total_mg: Decimal | None = None,
    age_years: int | None = None,
) -> str:
    """General advice in the active language (section 4 "general advice", BfR splitting)."""
    texts = {
        "with_meal": _("Take magnesium with a meal."),
        "exceeds_ul": _(
            "Together these products give %(total)s mg magnesium a day, above the upper level of "
            "%(ul)s mg for supplements. Lower the dose or ask a doctor or pharmacist."
        ),
        "exceeds_child_ul": _(
            "Together these children's products give %(total)s mg magnesium a day, above the upper "
            "level of %(ul)s mg for supplements at age %(age)s. Lower the dose or ask a doctor or "
            "pharmacist."
        ),
        "no_child_ul": _(
            "No upper level for supplemental magnesium is set for this age: ask a doctor or "
            "pharmacist before giving these products together."
        ),
        "split_dose": _("Spread a daily dose above 250 mg over at least two intakes."),
        "ask_doctor": _("Talk to your doctor or pharmacist before combining these."),
        "ambiguous_medication": _(
            "A medicine you named can mean more than one kind of medicine; the warning explains "
            "the difference. Check the active substance on its label."
        ),
        "external_use": _(
            "Bath and skin products are not swallowed: they are not counted in the daily amount."
        ),
        "no_products": _("Choose one or more products to see their combined daily dose."),
    }
    text = texts[code]
    if code in ("exceeds_ul", "exceeds_child_ul"):
        text = text % {
            "total": _amount(total_mg or Decimal(0)),
            "ul": _amount(ul_mg or Decimal(0)),
            "age": age_years if age_years is not None else "",
        }
    return text
