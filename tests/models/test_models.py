"""Model validation (`full_clean`): bad amounts are refused with a message naming the field,
in Dutch and in English."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from catalog.models import CoIngredient, Form, IngredientLine, Pack, Product
from tests.factories import BrandFactory, FormFactory, make_product

pytestmark = pytest.mark.django_db


def errors_of(obj, lang="en", exclude=None):
    with translation.override(lang):
        with pytest.raises(ValidationError) as caught:
            obj.full_clean(exclude=exclude)
        return {field: [str(m) for m in msgs] for field, msgs in caught.value.message_dict.items()}


@pytest.fixture
def product(refs):
    return make_product(slug="base")


def line(product, **values):
    data = {
        "product": product,
        "form": Form.objects.get(slug="citrate"),
        "compound_mg": Decimal("500"),
    }
    data.update(values)
    return IngredientLine(**data)


@pytest.mark.parametrize(
    ("values", "field"),
    [
        ({"compound_mg": Decimal("0")}, "compound_mg"),
        ({"compound_mg": Decimal("-5")}, "compound_mg"),
        ({"compound_mg": None, "elemental_mg": Decimal("-1")}, "elemental_mg"),
        ({"assayed_fraction": Decimal("0")}, "assayed_fraction"),
        ({"assayed_fraction": Decimal("1.2")}, "assayed_fraction"),
        ({"elemental_mg": Decimal("600")}, "elemental_mg"),  # more than the compound
        ({"compound_mg": None, "elemental_mg": None}, "compound_mg"),
    ],
)
def test_bad_ingredient_lines_name_the_field(product, values, field):
    assert field in errors_of(line(product, **values))


def test_elemental_above_compound_explains_itself_in_both_languages(product):
    bad = line(product, compound_mg=Decimal("100"), elemental_mg=Decimal("120"))
    assert "cannot exceed the compound amount" in errors_of(bad, "en")["elemental_mg"][0]
    dutch = errors_of(bad, "nl")["elemental_mg"][0]
    assert "120" in dutch and "cannot" not in dutch


def test_an_elemental_amount_within_the_compound_is_fine(product):
    line(product, compound_mg=Decimal("500"), elemental_mg=Decimal("81")).full_clean()


def test_zero_servings_per_day_is_refused(product):
    product.servings_per_day = 0
    assert "servings_per_day" in errors_of(product, exclude=["goals"])


def test_zero_serving_size_is_refused(product):
    product.serving_size = Decimal("0")
    assert "serving_size" in errors_of(product, exclude=["goals"])


@pytest.mark.parametrize("fraction", [Decimal("0"), Decimal("-0.1"), Decimal("1.0001")])
def test_a_form_fraction_outside_0_1_is_refused(refs, fraction):
    form = Form(slug="odd", name="Odd", elemental_fraction=fraction)
    assert "elemental_fraction" in errors_of(form)


def test_a_fraction_of_exactly_one_is_allowed(refs):
    Form(
        slug="pure", name_nl="Zuiver", name_en="Pure", elemental_fraction=Decimal("1")
    ).full_clean()


@pytest.mark.parametrize(
    ("values", "field"),
    [
        ({"gtin": "8712345678907"}, "gtin"),  # wrong check digit
        ({"gtin": "87123457"}, "gtin"),  # GTIN-8, wrong check digit
        ({"gtin": "12345"}, "gtin"),
        ({"gtin": "87123456789O6"}, "gtin"),  # a letter O
        ({"price_eur": Decimal("0")}, "price_eur"),
        ({"price_eur": Decimal("-1.00")}, "price_eur"),
        ({"servings_per_container": 0}, "servings_per_container"),
    ],
)
def test_bad_packs_name_the_field(product, values, field):
    data = {
        "product": product,
        "sku": "NEW-1",
        "gtin": "",
        "servings_per_container": 60,
        "price_eur": Decimal("9.95"),
        "stock": 1,
    }
    data.update(values)
    assert field in errors_of(Pack(**data))


def test_the_gtin_message_names_the_check_digit_in_dutch_and_english(product):
    pack = Pack(
        product=product,
        sku="NEW-2",
        gtin="8712345678907",
        servings_per_container=60,
        price_eur=Decimal("9.95"),
    )
    assert "check digit" in errors_of(pack, "en")["gtin"][0]
    assert "check digit" not in errors_of(pack, "nl")["gtin"][0]


def test_a_valid_gtin_passes(product):
    Pack(
        product=product,
        sku="NEW-3",
        gtin="8712345678906",
        servings_per_container=60,
        price_eur=Decimal("9.95"),
    ).full_clean()


def test_a_zero_co_ingredient_amount_is_refused(product):
    item = CoIngredient(product=product, name="Vitamine B6", amount=Decimal("0"))
    assert "amount" in errors_of(item)


def test_duplicate_slugs_and_skus_are_refused(product):
    twin = Product(
        slug="base",
        brand=BrandFactory(),
        name_nl="x",
        name_en="x",
        dose_form="capsule",
        serving_unit="capsule",
    )
    assert "slug" in errors_of(twin, exclude=["goals"])
    sku = product.packs.first().sku
    pack = Pack(product=product, sku=sku, servings_per_container=10, price_eur=Decimal("1.00"))
    assert "sku" in errors_of(pack)


def test_form_factory_is_valid(refs):
    FormFactory(slug="malate", elemental_fraction=Decimal("0.155")).full_clean()
