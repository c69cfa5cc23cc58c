"""catalog.services.products: a product saved with its relations, published, deleted."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from catalog import services
from catalog.models import Product
from tests.factories import BrandFactory, FormFactory, make_product

pytestmark = pytest.mark.django_db


def new_product(**changes):
    data = services.ProductInput(
        fields={
            "slug": "new",
            "brand": BrandFactory(),
            "name_nl": "Nieuw",
            "name_en": "New",
            "dose_form": "capsule",
            "serving_unit": "capsule",
            "servings_per_day": 2,
        },
        ingredients=[services.IngredientInput(form=FormFactory(), elemental_mg=Decimal("100"))],
        packs=[services.PackInput(sku="NEW-1", servings_per_container=30, price_eur=Decimal("5"))],
    )
    for name, value in changes.items():
        setattr(data, name, value)
    return data


def test_an_implausible_daily_dose_is_refused_on_ingredients_and_nothing_is_written(refs):
    data = new_product(
        ingredients=[services.IngredientInput(form=FormFactory(), elemental_mg=Decimal("1100"))]
    )

    with pytest.raises(ValidationError) as caught:
        services.product_save(data=data)

    assert caught.value.error_dict["ingredients"][0].code == "implausible_dose"
    assert "2200" in caught.value.messages[0]
    assert not Product.objects.filter(slug="new").exists()


def test_more_servings_a_day_are_checked_against_the_stored_lines(refs):
    product = make_product(slug="stored")  # 133.3 mg x 3 a day

    with pytest.raises(ValidationError):
        services.product_save(
            product=product, data=services.ProductInput(fields={"servings_per_day": 16})
        )


def test_a_co_ingredient_without_an_nrv_gets_the_known_eu_one(refs):
    data = new_product(
        co_ingredients=[
            services.CoIngredientInput(
                name_nl="Vitamine B6", name_en="Vitamin B6", amount=Decimal("1.4")
            ),
            services.CoIngredientInput(name_nl="Taurine", name_en="Taurine", amount=Decimal("50")),
        ]
    )

    product = services.product_save(data=data)

    assert list(product.co_ingredients.values_list("nrv_amount", flat=True)) == [
        Decimal("1.4"),
        None,
    ]


def test_given_positions_are_kept_and_missing_ones_follow_the_list(refs):
    citrate, oxide = FormFactory(slug="citrate"), FormFactory(slug="oxide")
    data = new_product(
        ingredients=[
            services.IngredientInput(form=citrate, elemental_mg=Decimal("50"), position=5),
            services.IngredientInput(form=oxide, elemental_mg=Decimal("50")),
        ]
    )

    product = services.product_save(data=data)

    assert list(product.ingredients.values_list("form__slug", "position")) == [
        ("oxide", 1),
        ("citrate", 5),
    ]


def test_publish_changes_only_the_products_not_yet_in_that_state(refs):
    draft = make_product(slug="draft", published=False)
    live = make_product(slug="live", published=True)
    stamp = Product.objects.get(pk=live.pk).updated_at

    changed = services.products_publish(queryset=Product.objects.all(), published=True)

    assert [p.slug for p in changed] == ["draft"]
    assert Product.objects.get(pk=draft.pk).published
    assert Product.objects.get(pk=live.pk).updated_at == stamp


def test_unpublish(refs):
    make_product(slug="live", published=True)

    changed = services.products_publish(queryset=Product.objects.all(), published=False)

    assert [p.published for p in changed] == [False]
    assert not Product.objects.filter(published=True).exists()


def test_products_recompute_can_stamp_the_time_of_change(refs):
    product = make_product(slug="stamped")
    later = timezone.now() + timezone.timedelta(days=1)

    services.products_recompute(queryset=Product.objects.filter(pk=product.pk), updated_at=later)

    assert Product.objects.get(pk=product.pk).updated_at == later


def test_products_delete_deletes_the_selected_products_with_their_packs(refs):
    make_product(slug="gone")
    make_product(slug="kept")

    count = services.products_delete(queryset=Product.objects.filter(slug="gone"))

    assert count == 1
    assert list(Product.objects.values_list("slug", flat=True)) == ["kept"]
