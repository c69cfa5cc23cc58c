"""Dose math: pure functions over plain values, no ORM.

Every figure the catalog shows about a dose comes from here, so the API, pages, feeds, admin
and the `check_catalog` command agree to the last decimal. Rules and rounding follow
shared/api-contract.md ("Rules"):

- elemental mg per serving: the label's elemental figure wins; else compound mg times the
  supplier's assayed fraction, else the form's theoretical fraction;
- per day = per serving x servings per day, computed from the unrounded serving amount and
  rounded once to one decimal;
- % NRV = round(100 x per day / NRV), half up, on the rounded daily figure;
- price per 100 mg = price / (per day x days of supply) x 100, two decimals;
- days of supply = floor(servings per container / servings per day).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

ONE_DECIMAL = Decimal("0.1")
CENTS = Decimal("0.01")
ZERO = Decimal("0")


def _dec(value: Decimal | int | str) -> Decimal:
    return value if isinstance(value, Decimal) else Decimal(str(value))


def round_mg(value: Decimal) -> Decimal:
    """Round an amount of milligrams to one decimal, half up (133.35 -> 133.4)."""
    return value.quantize(ONE_DECIMAL, rounding=ROUND_HALF_UP)


def round_eur(value: Decimal) -> Decimal:
    """Round an amount of euros to cents, half up."""
    return value.quantize(CENTS, rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class IngredientAmount:
    """One ingredient line as a label states it, per serving."""

    default_fraction: Decimal
    compound_mg: Decimal | None = None
    elemental_mg: Decimal | None = None
    assayed_fraction: Decimal | None = None

    @classmethod
    def of(cls, line: Any) -> IngredientAmount:
        """From anything shaped like an ingredient line (`form`, `compound_mg`, `elemental_mg`,
        `assayed_fraction`): a stored line, a service input, an import row."""
        return cls(
            default_fraction=line.form.elemental_fraction,
            compound_mg=line.compound_mg,
            elemental_mg=line.elemental_mg,
            assayed_fraction=line.assayed_fraction,
        )


def elemental_mg_for_line(line: IngredientAmount) -> Decimal:
    """Unrounded elemental magnesium of one line, per serving.

    A stated elemental amount wins: it is what the label (and the supplier's assay) says.
    Otherwise the compound weight is converted with the assayed fraction when there is one,
    else with the form's theoretical fraction.
    """
    if line.elemental_mg is not None:
        return _dec(line.elemental_mg)
    if line.compound_mg is None:
        raise ValueError("An ingredient line needs compound_mg or elemental_mg.")
    fraction = line.assayed_fraction if line.assayed_fraction is not None else line.default_fraction
    return _dec(line.compound_mg) * _dec(fraction)


def elemental_mg_per_serving(lines: Iterable[IngredientAmount]) -> Decimal:
    """Unrounded total elemental magnesium per serving over all lines."""
    return sum((elemental_mg_for_line(line) for line in lines), ZERO)


def elemental_mg_per_day(per_serving_mg: Decimal, servings_per_day: int | Decimal) -> Decimal:
    """Daily elemental amount, from the unrounded serving amount, rounded to one decimal."""
    return round_mg(_dec(per_serving_mg) * _dec(servings_per_day))


# A daily dose above this is almost certainly a typo (compound weight entered as elemental,
# or mg for g); the highest supplemental doses sold stay well below it.
MAX_PLAUSIBLE_MG_PER_DAY = Decimal("2000")


def implausible_mg_per_day(
    lines: Iterable[IngredientAmount], servings_per_day: int | Decimal
) -> Decimal | None:
    """The daily elemental amount when it is above what a supplement plausibly holds, else None
    (the dose sanity check of the admin, the API and the import)."""
    per_day = elemental_mg_per_day(elemental_mg_per_serving(lines), servings_per_day)
    return per_day if per_day > MAX_PLAUSIBLE_MG_PER_DAY else None


def percent_nrv(amount_mg: Decimal, nrv_mg: Decimal) -> int:
    """Percentage of the nutrient reference value, a whole number, half up (106.7 -> 107)."""
    if nrv_mg <= 0:
        raise ValueError("The NRV must be positive.")
    return int((Decimal(100) * _dec(amount_mg) / _dec(nrv_mg)).quantize(Decimal(1), ROUND_HALF_UP))


def exceeds_ul(per_day_mg: Decimal, ul_mg: Decimal | None) -> bool:
    """True when the daily supplemental dose is above the upper level (equal is within)."""
    return ul_mg is not None and _dec(per_day_mg) > _dec(ul_mg)


def days_supply(servings_per_container: int, servings_per_day: int | Decimal) -> int:
    """Whole days one container lasts at the recommended use."""
    if _dec(servings_per_day) <= 0:
        return 0
    return int(_dec(servings_per_container) // _dec(servings_per_day))


def price_per_100mg(price_eur: Decimal, per_day_mg: Decimal, days: int) -> Decimal | None:
    """Price of 100 mg elemental magnesium over the whole container, in EUR, two decimals.

    None when the container holds no magnesium at the recommended use (no basis to compare).
    """
    total_mg = _dec(per_day_mg) * days
    if total_mg <= 0:
        return None
    return round_eur(_dec(price_eur) / total_mg * 100)


def split_doses_advised(per_day_mg: Decimal, threshold_mg: Decimal = Decimal("250")) -> bool:
    """The German BfR advises spreading supplemental doses above 250 mg over two intakes."""
    return _dec(per_day_mg) > threshold_mg


@dataclass(frozen=True)
class PackOffer:
    price_eur: Decimal
    servings_per_container: int
    in_stock: bool


def price_pack(packs: Iterable[PackOffer]) -> PackOffer | None:
    """The pack that sets the product's price: the cheapest in stock, else the cheapest."""
    offers = list(packs)
    if not offers:
        return None
    in_stock = [p for p in offers if p.in_stock]
    return min(in_stock or offers, key=lambda p: (p.price_eur, -p.servings_per_container))


@dataclass(frozen=True)
class ProductDose:
    """Every derived dose figure of one product, as stored on it and shown everywhere."""

    elemental_mg_per_serving: Decimal
    elemental_mg_per_day: Decimal
    percent_nrv: int
    price_eur: Decimal | None
    servings_per_container: int | None
    days_supply: int | None
    price_per_100mg: Decimal | None
    in_stock: bool


def product_dose(
    *,
    lines: Iterable[IngredientAmount],
    servings_per_day: int,
    packs: Iterable[PackOffer],
    nrv_mg: Decimal,
) -> ProductDose:
    """All derived figures of a product from its lines, recommended use and packs."""
    offers = list(packs)
    per_serving = elemental_mg_per_serving(lines)
    per_day = elemental_mg_per_day(per_serving, servings_per_day)
    pack = price_pack(offers)
    days = days_supply(pack.servings_per_container, servings_per_day) if pack else None
    return ProductDose(
        elemental_mg_per_serving=round_mg(per_serving),
        elemental_mg_per_day=per_day,
        percent_nrv=percent_nrv(per_day, nrv_mg),
        price_eur=pack.price_eur if pack else None,
        servings_per_container=pack.servings_per_container if pack else None,
        days_supply=days,
        price_per_100mg=price_per_100mg(pack.price_eur, per_day, days) if pack and days else None,
        in_stock=any(p.in_stock for p in offers),
    )
