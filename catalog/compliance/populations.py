"""Who a product is for: children's products, upper levels per age band, UL status."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from .. import dosing

# Children's products are children from this age down; adults' products start at 18.
ADULT_AGE = 18


def is_children_product(min_age_years: int) -> bool:
    return min_age_years < ADULT_AGE


def offered_in_children_context(
    *, min_age_years: int, per_day_mg: Decimal, child_ul_mg: Decimal | None
) -> bool:
    """A children's listing shows only children's products within the children's upper level.

    An adult product is never offered to children, whatever its dose; a children's product for
    an age with no upper level set is not either (nothing to check it against).
    """
    if not is_children_product(min_age_years):
        return False
    return child_ul_mg is not None and not dosing.exceeds_ul(per_day_mg, child_ul_mg)


@dataclass(frozen=True)
class UlStatus:
    ul_mg: Decimal | None
    exceeds: bool
    split_advised: bool
    percent_of_ul: int | None


def ul_status(per_day_mg: Decimal, ul_mg: Decimal | None) -> UlStatus:
    return UlStatus(
        ul_mg=ul_mg,
        exceeds=dosing.exceeds_ul(per_day_mg, ul_mg),
        split_advised=dosing.split_doses_advised(per_day_mg),
        percent_of_ul=dosing.percent_nrv(per_day_mg, ul_mg) if ul_mg else None,
    )


# --- upper levels by age band ---------------------------------------------------------------


@dataclass(frozen=True)
class UlBand:
    """A market's supplemental upper level for an age band (ReferenceValue rows of kind UL);
    e.g. US (IOM 1997): 65 mg for 1-3 y, 110 mg for 4-8 y, 350 mg from 9 y."""

    age_min_years: int
    age_max_years: int | None  # None: and older
    ul_mg: Decimal

    def covers(self, age_years: int) -> bool:
        return self.age_min_years <= age_years and (
            self.age_max_years is None or age_years <= self.age_max_years
        )


def ul_for_age(bands: Sequence[UlBand], age_years: int) -> Decimal | None:
    """The most specific band (the one starting latest) that covers the age; None if none."""
    covering = [b for b in bands if b.covers(age_years)]
    return max(covering, key=lambda b: b.age_min_years).ul_mg if covering else None


@dataclass(frozen=True)
class UlContext:
    """Whose upper level a combined daily dose is compared with."""

    children: bool
    age_years: int  # the age whose level applies (ADULT_AGE for adults)
    ul_mg: Decimal | None  # None: no level set for that age; never the adults' level instead


def ul_context(
    min_ages_years: Sequence[int],
    *,
    adult_ul_mg: Decimal | None,
    bands: Sequence[UlBand] = (),
    age_years: int | None = None,
) -> UlContext:
    """The upper level for products taken together, from their youngest intended users.

    Products that are all for children put the total in a children's context: the child must
    be old enough for every one of them, so the level of the oldest minimum age applies (the
    strictest a child who may take them all can face: 110 mg for a 4+ liquid and 4+ gummies
    in the US, not the adults' 350 mg). `age_years`, when the shopper gives it, wins. An adult
    product in the mix makes it an adult's total. With no band for the age there is no level
    to compare with: the adults' level is never used for a child.
    """
    if age_years is None:
        if not min_ages_years or any(not is_children_product(a) for a in min_ages_years):
            return UlContext(False, ADULT_AGE, adult_ul_mg)
        age_years = max(min_ages_years)
    if not is_children_product(age_years):
        return UlContext(False, age_years, adult_ul_mg)
    return UlContext(True, age_years, ul_for_age(bands, age_years))
