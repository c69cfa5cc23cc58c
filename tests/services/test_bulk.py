"""catalog.services.bulk: the import's and the generator's writers give what the one-product
services give (derived fields, known NRVs, unique slugs)."""

import io
from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.utils import timezone

from catalog import services
from catalog.models import Brand, Pack, Product
from tests.factories import BrandFactory, FormFactory, GoalFactory, make_product

pytestmark = pytest.mark.django_db


def no_drift():
    out = io.StringIO()
    call_command("check_catalog", stdout=out)
    return "agree" in out.getvalue()


def rows(slug, brand, form, goal):
    created = timezone.now() - timedelta(days=30)
    return services.ProductRows(
        product={
            "slug": slug,
            "brand_id": brand.id,
            "name": "Magnesium",
            "name_nl": "Magnesium",
            "name_en": "Magnesium",
            "dose_form": "capsule",
            "serving_unit": "capsule",
            "serving_size": Decimal(1),
            "servings_per_day": 2,
            "min_age_years": 18,
            "published": True,
            "created_at": created,
            "updated_at": created,
        },
        lines=[{"form_id": form.id, "elemental_mg": Decimal("100"), "position": 0}],
        co_ingredients=[
            {"name": "B6", "name_nl": "B6", "name_en": "Vitamin B6", "amount": Decimal("1.4")}
        ],
        packs=[
            {
                "sku": f"{slug}-60",
                "gtin": "",
                "servings_per_container": 60,
                "price_eur": Decimal("9.95"),
                "stock": 3,
                "updated_at": created,
            }
        ],
        goal_ids=[goal.id],
        article_ids=[],
    )


def test_bulk_insert_stores_the_derived_fields_the_services_compute(refs):
    brand, form, goal = BrandFactory(name="Zenith"), FormFactory(), GoalFactory()

    services.products_bulk_insert(batch=[rows("bulk-1", brand, form, goal)])

    product = Product.objects.get(slug="bulk-1")
    assert (product.elemental_mg_per_day, product.price_eur) == (Decimal("200.0"), Decimal("9.95"))
    assert "zenith" in product.search_text
    assert product.co_ingredients.get().nrv_amount == Decimal("1.4")  # the known EU NRV
    assert product.created_at < timezone.now() - timedelta(days=29)  # kept as given
    assert no_drift()


def test_brands_bulk_create_keeps_existing_brands(db):
    BrandFactory(slug="acme", name="Acme")

    brands = services.brands_bulk_create(
        brands=[Brand(slug="acme", name="Other"), Brand(slug="zenith", name="Zenith")]
    )

    assert [(b.slug, b.name) for b in brands] == [("acme", "Acme"), ("zenith", "Zenith")]


def test_unique_slugs_add_a_number_when_taken(refs):
    make_product(slug="acme-citrate")
    make_product(slug="acme-citrate-2")

    assert services.unique_slugs(["acme-citrate", "acme-citrate", "new"]) == [
        "acme-citrate-3",
        "acme-citrate-4",
        "new",
    ]


def test_bulk_save_creates_and_changes_with_true_derived_fields(refs):
    form = FormFactory()
    existing = make_product(slug="existing")
    pack = existing.packs.get()
    new = services.BulkProduct(
        product=None,
        slug="existing",
        fields={
            "brand": BrandFactory(),
            "name_nl": "Nieuw",
            "name_en": "New",
            "dose_form": "capsule",
            "serving_unit": "capsule",
            "servings_per_day": 1,
        },
        goals=[],
        ingredients=[services.IngredientInput(form=form, elemental_mg=Decimal("150"))],
        new_packs=[services.PackInput(sku="N-1", servings_per_container=30, price_eur=Decimal(5))],
    )
    changed = services.BulkProduct(
        product=Product.objects.get(pk=existing.pk),
        fields={"servings_per_day": 1},
        changed_packs=[
            (
                pack,
                services.PackInput(
                    sku=pack.sku, servings_per_container=120, price_eur=Decimal("7.50")
                ),
            )
        ],
    )
    progress = []

    products = services.products_bulk_save(items=[new, changed], progress=progress.append)

    assert [p.slug for p in products] == ["existing-2", "existing"]
    assert Product.objects.get(slug="existing-2").elemental_mg_per_day == Decimal("150.0")
    assert Product.objects.get(slug="existing").price_eur == Decimal("7.50")
    assert Pack.objects.get(sku=pack.sku).stock == 0
    assert progress == [2]
    assert no_drift()


def test_bulk_insert_puts_the_goals_search_words_into_the_keywords(refs):
    brand, form = BrandFactory(name="Zenith"), FormFactory()
    goal = GoalFactory(slug="sleep-relaxation", name_nl="Slaap", synonyms_nl="inslapen, nachtrust")

    services.products_bulk_insert(batch=[rows("bulk-2", brand, form, goal)])

    product = Product.objects.get(slug="bulk-2")
    assert "nachtrust" in product.search_keywords.split() and "nachtrust" in product.search_text
    assert no_drift()
