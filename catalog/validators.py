"""Validators that name what is wrong: GTIN check digits, SKUs, fractions, amounts, doses."""

import re
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from .dosing import MAX_PLAUSIBLE_MG_PER_DAY, IngredientAmount, implausible_mg_per_day

GTIN_LENGTHS = (8, 12, 13, 14)


def gtin_is_valid(gtin: str) -> bool:
    """True for a GTIN-8/12/13/14 whose last digit is the GS1 check digit.

    GS1: from the right, excluding the check digit, weights alternate 3, 1, 3, ...;
    the check digit brings the weighted sum to a multiple of ten.
    """
    if not gtin.isascii() or not gtin.isdigit() or len(gtin) not in GTIN_LENGTHS:
        return False
    body, check = gtin[:-1], int(gtin[-1])
    total = sum(int(d) * (3 if i % 2 == 0 else 1) for i, d in enumerate(reversed(body)))
    return (10 - total % 10) % 10 == check


def validate_gtin(value: str) -> None:
    if not value:
        return
    if not value.isascii() or not value.isdigit() or len(value) not in GTIN_LENGTHS:
        raise ValidationError(
            _("A GTIN has 8, 12, 13 or 14 digits."), code="gtin_format", params={"value": value}
        )
    if not gtin_is_valid(value):
        raise ValidationError(
            _("The GTIN %(value)s has a wrong check digit."),
            code="gtin_check_digit",
            params={"value": value},
        )


def validate_positive(value: object) -> None:
    """Amounts, prices and counts are above zero (the database constraints say the same)."""
    if value is not None and value <= 0:  # type: ignore[operator]
        raise ValidationError(
            _("Enter an amount greater than zero."), code="not_positive", params={"value": value}
        )


def validate_fraction(value: object) -> None:
    """An elemental fraction is a share of the compound's weight: above 0, at most 1."""
    if value is not None and not (0 < value <= 1):  # type: ignore[operator]
        raise ValidationError(
            _("Enter a fraction above 0 and at most 1 (e.g. 0.162)."),
            code="fraction_range",
            params={"value": value},
        )


# A SKU travels into spreadsheets (CSV/XLSX export) and URLs: letters and digits first, so no
# cell ever starts with a formula trigger (=, +, -, @), and no spaces or quotes anywhere.
SKU_PATTERN = re.compile(r"\A[A-Za-z0-9][A-Za-z0-9._-]*\Z")


def validate_sku(value: str) -> None:
    if value and not SKU_PATTERN.match(value):
        raise ValidationError(
            _("Letters, digits, dot, dash and underscore only, starting with a letter or digit."),
            code="sku_format",
            params={"value": value},
        )


def validate_plausible_dose(lines: Iterable[IngredientAmount], servings_per_day: int) -> None:
    """A daily dose above `dosing.MAX_PLAUSIBLE_MG_PER_DAY` elemental magnesium is a typo (a
    compound weight entered as elemental, a misplaced decimal), not a product: refused with one
    message wherever a dose is entered (admin, API, import)."""
    per_day = implausible_mg_per_day(list(lines), servings_per_day)
    if per_day is not None:
        raise ValidationError(
            _(
                "%(mg)s mg elemental magnesium a day is implausible for a supplement (at most "
                "%(max)s mg). Check the amounts and whether a compound weight was entered as "
                "elemental."
            ),
            code="implausible_dose",
            params={"mg": per_day, "max": MAX_PLAUSIBLE_MG_PER_DAY},
        )
