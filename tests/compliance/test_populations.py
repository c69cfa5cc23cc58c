"""Children's upper levels: a children's total is compared with a children's level, from tables."""

from decimal import Decimal as D

import pytest

from catalog.compliance import UlBand, ul_context, ul_for_age

# US, IOM 1997 (supplemental magnesium): 65 mg for 1-3 y, 110 mg for 4-8 y, 350 mg from 9 y.
US = [UlBand(1, 3, D("65")), UlBand(4, 8, D("110")), UlBand(9, None, D("350"))]
# EU, EFSA/SCF: 250 mg from 4 y; none below.
EU = [UlBand(4, None, D("250"))]


@pytest.mark.parametrize(
    ("bands", "age", "ul"),
    [
        (US, 2, D("65")),
        (US, 4, D("110")),
        (US, 8, D("110")),
        (US, 9, D("350")),
        (EU, 4, D("250")),
        (EU, 2, None),
    ],
)
def test_ul_for_age(bands, age, ul):
    assert ul_for_age(bands, age) == ul


@pytest.mark.parametrize(
    ("min_ages", "bands", "given_age", "children", "age", "ul"),
    [
        ([4, 4], US, None, True, 4, D("110")),  # kids liquid + kids gummies: 4-8 y level
        ([4, 9], US, None, True, 9, D("350")),  # the child must be 9 for both
        ([4, 18], US, None, False, 18, D("350")),  # an adult product: an adult's total
        ([1], EU, None, True, 1, None),  # no EU level under 4: no comparison, not 250
        ([4], US, 6, True, 6, D("110")),  # the shopper's child's age wins
        ([4], US, 12, True, 12, D("350")),
        ([], US, None, False, 18, D("350")),
    ],
)
def test_ul_context(min_ages, bands, given_age, children, age, ul):
    context = ul_context(min_ages, adult_ul_mg=D("350"), bands=bands, age_years=given_age)
    assert (context.children, context.age_years, context.ul_mg) == (children, age, ul)
