"""Migration 0006: existing products get the route their dose form and texts suggest."""

import importlib

import pytest
from django.apps import apps
from django.db import connection

from catalog.models import MedicationName, Product
from tests.factories import make_product

pytestmark = pytest.mark.django_db

migration = importlib.import_module("catalog.migrations.0006_route_and_medications")


class Editor:
    connection = connection


def test_existing_flakes_and_skin_sprays_become_topical(refs):
    flakes = make_product(slug="flakes", dose_form="flakes", serving_unit="g")
    spray = make_product(
        slug="oil",
        dose_form="spray",
        serving_unit="spray",
        directions_en="For use on the skin only: spray and massage in.",
    )
    oral_spray = make_product(
        slug="mouth", dose_form="spray", serving_unit="spray", directions_en="Spray into the mouth."
    )
    capsule = make_product(slug="caps")
    Product.objects.update(route="oral")

    migration.suggest_routes(apps, Editor())

    routes = dict(Product.objects.values_list("slug", "route"))
    assert routes == {
        flakes.slug: "topical",
        spray.slug: "topical",
        oral_spray.slug: "oral",
        capsule.slug: "oral",
    }


def test_the_names_table_is_seeded_from_the_shipped_data():
    assert MedicationName.objects.filter(name__iexact="nexium").exists()
    look_alikes = MedicationName.objects.filter(kind="look-alike")
    assert look_alikes.exists() and not look_alikes.exclude(substance_class="").exists()


def test_names_added_to_the_shipped_data_reach_a_table_seeded_before_them():
    """Migration 0008: a database seeded by 0006 before a name was shipped gets it; a name the
    table holds (a manager's reclassification) is left as it is."""
    added = importlib.import_module("catalog.migrations.0008_medication_names_added")
    shipped = MedicationName.objects.filter(name__iexact="synthroid")
    assert shipped.exists()
    shipped.delete()  # as if seeded before the name was added to the data
    MedicationName.objects.filter(name__iexact="prilosec").update(note="edited")
    count = MedicationName.objects.count()

    added.add_missing_names(apps, Editor())

    assert MedicationName.objects.get(name__iexact="synthroid").substance_class == "levothyroxine"
    assert MedicationName.objects.get(name__iexact="prilosec").note == "edited"
    assert MedicationName.objects.count() == count + 1
    added.add_missing_names(apps, Editor())  # again: nothing more
    assert MedicationName.objects.count() == count + 1
