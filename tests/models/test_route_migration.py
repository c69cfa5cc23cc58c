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
