import csv
import io
from decimal import Decimal

import pytest

from catalog.importing import COLUMNS, OPTIONAL_COLUMNS
from tests.factories import BrandFactory, FormFactory, GoalFactory


@pytest.fixture
def catalog_refs(refs):
    """A brand, two forms and two goals the example rows refer to."""
    BrandFactory(slug="vitaflux", name="Vitaflux")
    BrandFactory(slug="puremag", name="PureMag")
    FormFactory(slug="citrate", elemental_fraction=Decimal("0.162"))
    FormFactory(slug="bisglycinate", elemental_fraction=Decimal("0.141"))
    GoalFactory(slug="muscles-cramps")
    GoalFactory(slug="energy-fatigue")


def row(**values):
    """One valid pack row: Vitaflux citrate, 200 mg elemental x 2 a day = 400 mg/day."""
    base = {
        "sku": "VF-CIT-60",
        "gtin": "8712345678906",
        "brand": "vitaflux",
        "name_nl": "Magnesiumcitraat 400",
        "name_en": "Magnesium Citrate 400",
        "dose_form": "capsule",
        "serving_unit": "capsule",
        "serving_size": "1",
        "servings_per_day": "2",
        "servings_per_container": "60",
        "ingredients": "citrate:200",
        "goals": "muscles-cramps",
        "diet": "vegan|gluten_free",
        "price_eur": "12.95",
        "stock": "10",
        "description_nl": "Magnesium draagt bij tot een normale werking van de spieren.",
        "description_en": "Magnesium contributes to normal muscle function.",
    }
    base.update(values)
    return base


def csv_bytes(rows, columns=None, delimiter=","):
    """A CSV of `rows`: every required column, and each optional one a row gives a value."""
    if columns is None:
        columns = [*COLUMNS, *(c for c in OPTIONAL_COLUMNS if any(c in r for r in rows))]
    out = io.StringIO()
    writer = csv.DictWriter(
        out, fieldnames=list(columns), delimiter=delimiter, extrasaction="ignore"
    )
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().encode("utf-8")


def three_rows():
    """Two packs of one product and one pack of another."""
    return [
        row(),
        row(
            sku="VF-CIT-120", gtin="8712345678913", servings_per_container="120", price_eur="21.95"
        ),
        row(
            sku="VF-BIS-90",
            gtin="",
            name_nl="Magnesiumbisglycinaat",
            name_en="Magnesium Bisglycinate",
            ingredients="bisglycinate:1000:compound",
            servings_per_day="1",
            servings_per_container="90",
            goals="energy-fatigue|muscles-cramps",
            diet="",
            price_eur="19,50",
            stock="0",
        ),
    ]
