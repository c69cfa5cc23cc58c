"""The medication names table in the admin (issue 16): an edit changes what the checker
recognises on the next request, through the service, with clear form errors."""

import pytest
from django.urls import reverse

from catalog.models import MedicationName

from .conftest import form_data

pytestmark = pytest.mark.django_db

ADD = "admin:catalog_medicationname_add"


def checked_classes(client, medication):
    response = client.get(f"/api/v1/interactions/check/?medication={medication}")
    assert response.status_code == 200
    return [w["substance_class"] for w in response.json()["warnings"]]


def add_name(admin_client, **values):
    data = form_data(admin_client.get(reverse(ADD)))
    data.update(values)
    return admin_client.post(reverse(ADD), data)


def test_a_brand_added_in_the_admin_is_recognised_by_the_checker(demo_catalog, admin_client):
    """'Controloc', a pantoprazole brand name, is not in the shipped table."""
    assert checked_classes(admin_client, "Controloc 20 mg") == []

    response = add_name(
        admin_client,
        name="Controloc",
        substance_class="proton-pump-inhibitors",
        substance="pantoprazole",
        kind="brand",
        markets="be",
        source="BCFI, geneesmiddelenrepertorium",
    )

    assert response.status_code == 302
    row = MedicationName.objects.get(name="Controloc")
    assert row.markets == "BE"
    assert checked_classes(admin_client, "Controloc 20 mg") == ["proton-pump-inhibitors"]


def test_a_name_deleted_in_the_admin_no_longer_matches(demo_catalog, admin_client):
    assert checked_classes(admin_client, "Nexium") == ["proton-pump-inhibitors"]
    row = MedicationName.objects.get(name__iexact="nexium")

    response = admin_client.post(
        reverse("admin:catalog_medicationname_delete", args=[row.pk]), {"post": "yes"}
    )

    assert response.status_code == 302
    assert checked_classes(admin_client, "Nexium") == []


def test_a_name_without_a_class_must_be_a_look_alike(demo_catalog, admin_client):
    response = add_name(admin_client, name="Controloc", substance_class="", kind="brand")

    assert response.status_code == 200
    assert "substance_class" in response.context["adminform"].form.errors
    assert not MedicationName.objects.filter(name="Controloc").exists()


def test_the_changelist_searches_and_filters_by_market(demo_catalog, admin_client):
    url = reverse("admin:catalog_medicationname_changelist")

    found = admin_client.get(url, {"q": "esomeprazol"})
    belgian = admin_client.get(url, {"market": "BE", "kind__exact": "brand"})

    assert found.status_code == 200 and "Nexium" in found.content.decode()
    assert belgian.status_code == 200
    names = [row.name for row in belgian.context["cl"].result_list]
    assert names and all(
        "BE" in MedicationName.objects.get(pk=row.pk).markets
        for row in belgian.context["cl"].result_list
    )
