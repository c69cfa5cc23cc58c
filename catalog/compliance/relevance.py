"""Which interaction warnings matter most for one product.

The product page lists every warning that concerns a product, one line each, the relevant ones
first. A warning is relevant to a product when

- it concerns one of the product's forms in particular (an interaction linked to forms rather
  than to all magnesium), or
- it is about magnesium building up in the body (the kidneys cannot clear it, or a medicine
  keeps it in) and the product's daily dose is high: above the market's supplemental upper
  level, or above 250 mg a day, where the BfR advises splitting the dose (`dosing`).

The order is stable: within each group the caller's order stays (the selectors hand warnings
over most severe first).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Protocol, TypeVar

from .. import dosing

# Classes whose risk is magnesium accumulating (domain facts, section 4): kidney impairment
# ("Mg cannot be cleared") and potassium-sparing diuretics ("less Mg excreted, Mg can build
# up"). The more magnesium a day, the more it matters.
ACCUMULATION_CLASSES = frozenset({"kidney-impairment", "potassium-sparing-diuretics"})


class FormLinked(Protocol):
    @property
    def slug(self) -> str: ...
    @property
    def form_ids(self) -> frozenset[int]: ...


T = TypeVar("T", bound=FormLinked)


@dataclass(frozen=True)
class Relevance:
    """Why a warning matters for this product in particular (both False: it concerns all
    magnesium alike)."""

    form_specific: bool = False
    dose_related: bool = False

    @property
    def relevant(self) -> bool:
        return self.form_specific or self.dose_related


def high_daily_dose(per_day_mg: Decimal | None, ul_mg: Decimal | None) -> bool:
    """A daily dose at which accumulation warnings come first: above the upper level or where
    splitting is advised. A product with no oral dose (topical) has none."""
    if per_day_mg is None:
        return False
    return dosing.exceeds_ul(per_day_mg, ul_mg) or dosing.split_doses_advised(per_day_mg)


def relevance(
    interaction: FormLinked,
    *,
    form_ids: Iterable[int],
    per_day_mg: Decimal | None,
    ul_mg: Decimal | None,
) -> Relevance:
    return Relevance(
        form_specific=bool(interaction.form_ids & set(form_ids)),
        dose_related=interaction.slug in ACCUMULATION_CLASSES
        and high_daily_dose(per_day_mg, ul_mg),
    )


def by_relevance(
    interactions: Sequence[T],
    *,
    form_ids: Iterable[int],
    per_day_mg: Decimal | None,
    ul_mg: Decimal | None,
) -> list[tuple[T, Relevance]]:
    """The interactions with their relevance: form-specific first, then dose-related, then
    the rest, each group in the order given."""
    ids = frozenset(form_ids)
    rated = [
        (it, relevance(it, form_ids=ids, per_day_mg=per_day_mg, ul_mg=ul_mg)) for it in interactions
    ]
    return sorted(rated, key=lambda pair: (not pair[1].form_specific, not pair[1].dose_related))


# A sentence ends at . ! or ? followed by a space and a capital letter; not after the common
# abbreviations of the texts (bijv., e.g., i.e., o.a., z.n.).
_ABBREVIATIONS = ("bijv.", "e.g.", "i.e.", "o.a.", "z.n.", "bv.", "resp.", "ca.", "max.", "min.")
_SENTENCE_END = re.compile(r"[.!?](?=\s+[A-ZÀ-Ý0-9“\"'(])")


def first_sentence(text: str) -> str:
    """The first sentence of an advice: the one line a summary shows ("what to do")."""
    text = " ".join(text.split())
    for match in _SENTENCE_END.finditer(text):
        head = text[: match.end()]
        if not head.lower().endswith(_ABBREVIATIONS):
            return head
    return text
