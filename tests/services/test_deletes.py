"""catalog.services.deletes: a deletion recomputes what it changes in the products."""

from decimal import Decimal

import pytest
from django.db.models import ProtectedError

from catalog import services
from catalog.derived import facet_mask
from catalog.models import Form, Goal, Pack, Product, ReferenceValue
from tests.factories import GoalFactory, make_product

pytestmark = pytest.mark.django_db


def test_deleting_a_goal_recomputes_the_goal_mask_of_its_products(refs):
    sleep, energy = GoalFactory(slug="sleep"), GoalFactory(slug="energy")
    product = make_product(goals=[sleep, energy])

    services.object_delete(obj=sleep)

    assert Product.objects.get(pk=product.pk).goal_mask == facet_mask([energy.pk])


def test_deleting_goals_in_bulk_recomputes_too(refs):
    sleep = GoalFactory(slug="sleep")
    product = make_product(goals=[sleep])

    assert services.objects_delete(queryset=Goal.objects.all()) == 1
    assert Product.objects.get(pk=product.pk).goal_mask == 0


def test_deleting_the_nrv_falls_back_to_the_settings_and_recomputes(refs, settings):
    settings.CATALOG = {**getattr(settings, "CATALOG", {}), "NRV_MG": "400"}
    product = make_product()

    services.object_delete(obj=ReferenceValue.objects.get(market="EU", kind="nrv"))

    assert Product.objects.get(pk=product.pk).percent_nrv == 100  # 400 of 400 mg


def test_a_form_in_use_is_protected(refs):
    make_product()

    with pytest.raises(ProtectedError):
        services.object_delete(obj=Form.objects.get())


def test_a_pack_goes_through_its_own_service(refs):
    product = make_product(
        packs=[
            {"sku": "P-1", "servings_per_container": 30, "price_eur": Decimal("3.00"), "stock": 1},
            {"sku": "P-2", "servings_per_container": 60, "price_eur": Decimal("5.00"), "stock": 1},
        ]
    )

    services.object_delete(obj=Pack.objects.get(sku="P-1"))

    assert Product.objects.get(pk=product.pk).price_eur == Decimal("5.00")
