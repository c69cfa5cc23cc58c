"""Who a product is for: children's products, upper levels per age band, UL status."""

from __future__ import annotations

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
