"""The interaction check with topical products and children's upper levels, from tables."""

from decimal import Decimal as D

from catalog.compliance import CheckedProduct, Route, UlBand, check_interactions

US_CHILDREN = [UlBand(1, 3, D("65")), UlBand(4, 8, D("110")), UlBand(9, None, D("350"))]


class _Info:
    def __init__(self, slug, kind, severity, terms):
        self.slug, self.kind, self.severity, self.terms = slug, kind, severity, terms

    def concerns(self, form_ids):
        return True


INFOS = [
    _Info("loop-thiazide-diuretics", "medication", "moderate", ("furosemide", "plaspil")),
    _Info("potassium-sparing-diuretics", "medication", "moderate", ("spironolacton", "plaspil")),
    _Info("tetracycline-antibiotics", "medication", "major", ("doxycycline",)),
]


def check(products, medications=(), **kwargs):
    return check_interactions(
        products=products,
        medications=list(medications),
        conditions=[],
        interactions=INFOS,
        **kwargs,
    )


def test_bath_flakes_are_not_in_the_oral_total_nor_compared_with_the_upper_level():
    flakes = CheckedProduct("flakes", D("119.5"), (1,), route=Route.TOPICAL)
    capsules = CheckedProduct("bisglycinate", D("200.0"), (2,))
    result = check([flakes, capsules], ul_mg=D("250"))
    assert result.total_elemental_mg_per_day == D("200.0")  # not 319.5
    assert not result.exceeds_ul
    assert result.external_products == ("flakes",)
    assert "external_use" in result.advice_codes


def test_a_topical_product_alone_gets_no_meal_advice_and_no_medication_concern():
    spray = CheckedProduct("oil-spray", D("90"), (1,), route=Route.TOPICAL)
    result = check([spray], ["doxycycline"], ul_mg=D("250"))
    assert result.total_elemental_mg_per_day == D("0")
    assert "with_meal" not in result.advice_codes
    assert result.warnings[0].products == ()  # a skin spray does not meet the antibiotic


def test_two_childrens_products_are_compared_with_the_childrens_level():
    liquid = CheckedProduct("kids-liquid", D("80"), (1,), min_age_years=4)
    gummies = CheckedProduct("kids-gummies", D("50"), (1,), min_age_years=4)
    result = check([liquid, gummies], ul_mg=D("350"), children_ul_bands=US_CHILDREN)
    assert (result.children, result.ul_age_years, result.ul_mg) == (True, 4, D("110"))
    assert result.exceeds_ul  # 130 mg > 110 mg, though below the adults' 350 mg
    assert "exceeds_child_ul" in result.advice_codes and "exceeds_ul" not in result.advice_codes


def test_without_childrens_bands_a_childrens_total_is_not_compared_with_the_adult_level():
    liquid = CheckedProduct("kids-liquid", D("300"), (1,), min_age_years=4)
    result = check([liquid], ul_mg=D("250"))
    assert result.ul_mg is None and not result.exceeds_ul
    assert "no_child_ul" in result.advice_codes


def test_an_adult_product_makes_it_an_adults_total():
    result = check(
        [
            CheckedProduct("kids", D("80"), (1,), min_age_years=4),
            CheckedProduct("adult", D("200"), (1,)),
        ],
        ul_mg=D("250"),
        children_ul_bands=US_CHILDREN,
    )
    assert not result.children and result.ul_mg == D("250") and result.exceeds_ul


def test_an_ambiguous_medication_gives_both_classes_with_the_note():
    result = check([CheckedProduct("a", D("100"), (1,))], ["plaspil"], ul_mg=D("250"))
    assert sorted(w.slug for w in result.warnings) == [
        "loop-thiazide-diuretics",
        "potassium-sparing-diuretics",
    ]
    assert all(w.ambiguous and w.note_en for w in result.warnings)
    assert "ambiguous_medication" in result.advice_codes
