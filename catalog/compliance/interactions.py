"""The interaction check: products, medications and conditions into warnings and advice."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Protocol

from django.utils.translation import gettext as _

from .. import dosing
from .labels import _amount
from .medications import InteractionTerms, match_medications


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


@dataclass(frozen=True)
class CheckWarning:
    slug: str
    matched: str
    severity: str
    products: tuple[str, ...]


@dataclass(frozen=True)
class CheckResult:
    total_elemental_mg_per_day: Decimal
    ul_mg: Decimal | None
    exceeds_ul: bool
    split_advised: bool
    warnings: tuple[CheckWarning, ...]
    advice_codes: tuple[str, ...]


def check_interactions(
    *,
    products: Sequence[CheckedProduct],
    medications: Sequence[str],
    conditions: Sequence[str],
    interactions: Sequence[InteractionLike],
    ul_mg: Decimal | None,
) -> CheckResult:
    """Combine chosen products, medications and conditions into warnings and advice.

    Medications are matched in free text (`match_medications`); conditions by slug. A warning
    lists the chosen products it concerns (all of them for an all-forms interaction).
    """
    total = dosing.round_mg(sum((p.elemental_mg_per_day for p in products), Decimal(0)))
    by_slug = {it.slug: it for it in interactions}
    found: dict[str, str] = {}
    medication_classes = [it for it in interactions if it.kind != "condition"]
    for match in match_medications(
        medications, [InteractionTerms(it.slug, it.terms) for it in medication_classes]
    ):
        found.setdefault(match.slug, match.matched)
    for condition in conditions:
        if condition in by_slug and by_slug[condition].kind == "condition":
            found.setdefault(condition, condition)
    warnings = []
    for slug, matched in found.items():
        interaction = by_slug[slug]
        concerned = tuple(p.slug for p in products if interaction.concerns(p.form_ids))
        warnings.append(CheckWarning(slug, matched, interaction.severity, concerned))
    rank = {"contraindication": 0, "major": 1, "moderate": 2, "minor": 3}
    warnings.sort(key=lambda w: (rank.get(w.severity, 9), w.slug))
    exceeds = dosing.exceeds_ul(total, ul_mg)
    split = dosing.split_doses_advised(total)
    advice = ["with_meal"]
    if exceeds:
        advice.append("exceeds_ul")
    if split:
        advice.append("split_dose")
    if any(w.severity in ("contraindication", "major") for w in warnings):
        advice.append("ask_doctor")
    if not products:
        advice.append("no_products")
    return CheckResult(total, ul_mg, exceeds, split, tuple(warnings), tuple(advice))


def advice_text(code: str, *, ul_mg: Decimal | None = None, total_mg: Decimal | None = None) -> str:
    """General advice in the active language (section 4 "general advice", BfR splitting)."""
    texts = {
        "with_meal": _("Take magnesium with a meal."),
        "exceeds_ul": _(
            "Together these products give %(total)s mg magnesium a day, above the upper level of "
            "%(ul)s mg for supplements. Lower the dose or ask a doctor or pharmacist."
        ),
        "split_dose": _("Spread a daily dose above 250 mg over at least two intakes."),
        "ask_doctor": _("Talk to your doctor or pharmacist before combining these."),
        "no_products": _("Choose one or more products to see their combined daily dose."),
    }
    text = texts[code]
    if code == "exceeds_ul":
        text = text % {"total": _amount(total_mg or Decimal(0)), "ul": _amount(ul_mg or Decimal(0))}
    return text
