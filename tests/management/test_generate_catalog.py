"""`generate_catalog`: synthetic products with true derived fields, fast enough for 100k."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from catalog import dosing, services
from catalog.models import Brand, DoseForm, Form, Goal, IngredientLine, Pack, Product

pytestmark = pytest.mark.django_db


def generate(products: int, seed: int = 1) -> str:
    out = StringIO()
    call_command("generate_catalog", products=products, seed=seed, no_progress=True, stdout=out)
    return out.getvalue()


def test_loads_reference_data_when_missing_and_generates_the_count():
    assert not Form.objects.exists()
    generate(300)
    assert Form.objects.count() == 16 and Goal.objects.count() == 12
    assert Product.objects.count() == 300
    assert Brand.objects.count() >= 12


def test_products_have_one_to_three_packs_and_lines_and_cover_every_dose_form():
    generate(400)
    for product in Product.objects.prefetch_related("packs", "ingredients"):
        assert 1 <= len(product.packs.all()) <= 3
        assert 1 <= len(product.ingredients.all()) <= 3
    assert set(Product.objects.values_list("dose_form", flat=True)) == set(DoseForm.values)
    mixes = Product.objects.filter(ingredients__position=1).distinct().count()
    assert mixes > 20  # multi-form products
    assert IngredientLine.objects.values("form").distinct().count() == Form.objects.count()
    assert Product.goals.through.objects.values("goal").distinct().count() == Goal.objects.count()
    assert Product.objects.filter(published=False).exists()
    assert Pack.objects.filter(stock=0).exists() and Pack.objects.exclude(gtin="").exists()


def test_derived_fields_equal_a_fresh_computation():
    generate(250)
    out = StringIO()
    call_command("check_catalog", stdout=out)
    assert "All 250 product(s) agree" in out.getvalue()
    product = Product.objects.order_by("?").first()
    assert product is not None
    before = {name: getattr(product, name) for name in services.DERIVED_FIELDS}
    after = services.product_recompute(product=product)
    assert {name: getattr(after, name) for name in services.DERIVED_FIELDS} == before


def test_prices_and_doses_spread_like_the_demo_catalog():
    generate(400)
    prices = sorted(p for p in Product.objects.values_list("price_eur", flat=True) if p)
    doses = sorted(Product.objects.values_list("elemental_mg_per_day", flat=True))
    assert prices[0] >= 2 and prices[len(prices) // 2] < 60
    assert 100 <= doses[len(doses) // 2] <= 400
    # and the stored price per 100 mg follows dosing's formula
    product = Product.objects.exclude(price_per_100mg=None).first()
    assert product is not None and product.days_supply
    assert product.price_per_100mg == dosing.price_per_100mg(
        product.price_eur, product.elemental_mg_per_day, product.days_supply
    )


def test_same_seed_twice_is_refused_and_another_seed_adds_more():
    generate(50, seed=3)
    with pytest.raises(CommandError):
        generate(50, seed=3)
    generate(50, seed=4)
    assert Product.objects.count() == 100
