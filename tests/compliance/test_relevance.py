"""Which interaction warnings come first on a product's page (`compliance.relevance`)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

import pytest

from catalog.compliance import by_relevance, first_sentence, high_daily_dose

CITRATE, OXIDE = 1, 2


@dataclass(frozen=True)
class It:
    slug: str
    form_ids: frozenset[int] = frozenset()


# The selectors hand them over most severe first; that order stays within each group.
SEVERITY_ORDER = [
    It("kidney-impairment"),
    It("bisphosphonates"),
    It("oxide-only", frozenset({OXIDE})),
    It("potassium-sparing-diuretics"),
    It("citrate-only", frozenset({CITRATE})),
    It("gabapentin"),
]


def order(form_ids, per_day, ul="250"):
    rated = by_relevance(
        SEVERITY_ORDER,
        form_ids=form_ids,
        per_day_mg=None if per_day is None else Decimal(per_day),
        ul_mg=Decimal(ul),
    )
    return [it.slug for it, _why in rated], {it.slug: why for it, why in rated}


@pytest.mark.parametrize(
    ("form_ids", "per_day", "expected"),
    [
        # Low dose: the product's own forms first, the rest as given.
        (
            [CITRATE],
            "150",
            [
                "citrate-only",
                "kidney-impairment",
                "bisphosphonates",
                "oxide-only",
                "potassium-sparing-diuretics",
                "gabapentin",
            ],
        ),
        # Above the upper level: accumulation warnings after the form's own.
        (
            [CITRATE],
            "400",
            [
                "citrate-only",
                "kidney-impairment",
                "potassium-sparing-diuretics",
                "bisphosphonates",
                "oxide-only",
                "gabapentin",
            ],
        ),
        # Both forms, 240 mg: within the level and below the split threshold.
        (
            [CITRATE, OXIDE],
            "240",
            [
                "oxide-only",
                "citrate-only",
                "kidney-impairment",
                "bisphosphonates",
                "potassium-sparing-diuretics",
                "gabapentin",
            ],
        ),
        # No oral dose (a bath salt): no dose-related warning.
        (
            [OXIDE],
            None,
            [
                "oxide-only",
                "kidney-impairment",
                "bisphosphonates",
                "potassium-sparing-diuretics",
                "citrate-only",
                "gabapentin",
            ],
        ),
    ],
)
def test_relevant_warnings_come_first(form_ids, per_day, expected):
    assert order(form_ids, per_day)[0] == expected


def test_the_reasons_are_named():
    _order, why = order([CITRATE], "400")
    assert why["citrate-only"].form_specific and not why["citrate-only"].dose_related
    assert why["potassium-sparing-diuretics"].dose_related
    assert not why["bisphosphonates"].relevant
    assert not why["oxide-only"].relevant  # another form's warning


@pytest.mark.parametrize(
    ("per_day", "ul", "high"),
    [
        ("250", "250", False),
        ("251", "350", True),
        ("300", "350", True),
        ("200", "150", True),
        ("200", None, False),
    ],
)
def test_a_high_daily_dose(per_day, ul, high):
    assert high_daily_dose(Decimal(per_day), None if ul is None else Decimal(ul)) is high


@pytest.mark.parametrize(
    ("advice", "line"),
    [
        (
            "Keep at least 2 hours between them. Take the bisphosphonate first.",
            "Keep at least 2 hours between them.",
        ),
        (
            "Neem bijv. calcium bij het ontbijt. Magnesium 's avonds.",
            "Neem bijv. calcium bij het ontbijt.",
        ),
        (
            "Take calcium apart, e.g. At breakfast. Then magnesium.",
            "Take calcium apart, e.g. At breakfast.",
        ),
        ("One sentence without a full stop", "One sentence without a full stop"),
        ("Houd 4 uur   afstand.\nDan werkt het.", "Houd 4 uur afstand."),
        ("", ""),
    ],
)
def test_first_sentence(advice, line):
    assert first_sentence(advice) == line
