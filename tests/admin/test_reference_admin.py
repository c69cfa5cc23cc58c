"""Reference data in the admin: edits go through the entity's service, also from the list."""

from decimal import Decimal

import pytest
from django.contrib.admin.models import LogEntry
from django.urls import reverse

from catalog.models import Form, Product
from tests.factories import FormFactory, make_product

from .conftest import form_data

pytestmark = pytest.mark.django_db


def test_sort_orders_edited_in_the_form_list_are_saved_and_logged(admin_client, refs):
    citrate = FormFactory(slug="citrate", sort_order=1)
    oxide = FormFactory(slug="oxide", sort_order=2)
    forms = list(Form.objects.order_by("pk"))
    data = {
        "form-TOTAL_FORMS": str(len(forms)),
        "form-INITIAL_FORMS": str(len(forms)),
        "_save": "Save",
    }
    for i, form in enumerate(forms):
        data[f"form-{i}-id"] = str(form.pk)
        data[f"form-{i}-sort_order"] = str(10 - i)

    response = admin_client.post(reverse("admin:catalog_form_changelist"), data)

    assert response.status_code == 302
    assert Form.objects.get(pk=citrate.pk).sort_order == 10
    assert Form.objects.get(pk=oxide.pk).sort_order == 9
    assert LogEntry.objects.count() == 2


def test_a_form_saved_unchanged_leaves_its_products_alone(admin_client, refs):
    product = make_product(ingredients=[{"form": FormFactory(), "compound_mg": Decimal("500")}])
    Product.objects.filter(pk=product.pk).update(search_text="untouched")
    form = Form.objects.get()
    url = reverse("admin:catalog_form_change", args=[form.pk])

    response = admin_client.post(url, form_data(admin_client.get(url)))

    assert response.status_code == 302
    assert Product.objects.get(pk=product.pk).search_text == "untouched"
