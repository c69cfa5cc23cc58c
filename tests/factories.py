"""factory_boy factories. Products are built through `services.product_save` so their derived
dose fields are true, as in production."""

from decimal import Decimal
from typing import Any

import factory
from django.contrib.auth import get_user_model

from catalog import services
from catalog.models import Brand, Form, Goal, HealthClaim, Interaction, Product, ReferenceValue


class BrandFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Brand
        django_get_or_create = ("slug",)

    slug = factory.Sequence(lambda n: f"brand-{n}")
    name = factory.Sequence(lambda n: f"Brand {n}")


class FormFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Form
        django_get_or_create = ("slug",)

    slug = "citrate"
    name_nl = factory.LazyAttribute(lambda o: f"Magnesium{o.slug}")
    name_en = factory.LazyAttribute(lambda o: f"Magnesium {o.slug}")
    elemental_fraction = Decimal("0.162")


class GoalFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Goal
        django_get_or_create = ("slug",)

    slug = factory.Sequence(lambda n: f"goal-{n}")
    name_nl = factory.LazyAttribute(lambda o: f"Doel {o.slug}")
    name_en = factory.LazyAttribute(lambda o: f"Goal {o.slug}")


class ClaimFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = HealthClaim
        django_get_or_create = ("slug",)

    slug = "muscle-function"
    text_nl = "Magnesium draagt bij tot een normale werking van de spieren"
    text_en = "Magnesium contributes to normal muscle function"


class InteractionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Interaction
        django_get_or_create = ("slug",)

    slug = "bisphosphonates"
    kind = Interaction.Kind.MEDICATION
    name_nl = "Bisfosfonaten"
    name_en = "Bisphosphonates"
    examples_nl = "alendroninezuur\nrisedroninezuur"
    examples_en = "alendronate\nrisedronate"
    match_terms = "alendronate\nalendroninezuur\nbisfosfonaat"
    severity = Interaction.Severity.MAJOR
    mechanism_nl = "Magnesium bindt het middel."
    mechanism_en = "Magnesium binds the drug."
    advice_nl = "Neem magnesium minstens 2 uur later."
    advice_en = "Take magnesium at least 2 hours apart."


def reference_values() -> None:
    """The EU NRV and the ULs of domain-facts section 2."""
    rows = [
        ("EU", "nrv", 4, None, "375"),
        ("EU", "ul", 4, None, "250"),
        ("US", "ul", 9, None, "350"),
        ("US", "ul", 1, 3, "65"),
        ("US", "ul", 4, 8, "110"),
        ("NO", "ul", 18, None, "350"),
    ]
    for market, kind, age_min, age_max, amount in rows:
        ReferenceValue.objects.update_or_create(
            market=market,
            kind=kind,
            age_min_years=age_min,
            defaults={"age_max_years": age_max, "amount_mg": Decimal(amount)},
        )


_sku = iter(range(1, 10**9))


def make_product(
    *,
    slug: str | None = None,
    brand: Brand | None = None,
    ingredients: list[dict[str, Any]] | None = None,
    packs: list[dict[str, Any]] | None = None,
    goals: list[Goal] | None = None,
    co_ingredients: list[services.CoIngredientInput] | None = None,
    **fields: Any,
) -> Product:
    """A product written through the service, with sensible defaults (citrate 400 mg/day)."""
    n = next(_sku)
    slug = slug or f"product-{n}"
    data = {
        "slug": slug,
        "brand": brand or BrandFactory(),
        "name_nl": f"Magnesium {n}",
        "name_en": f"Magnesium {n}",
        "dose_form": "capsule",
        "serving_unit": "capsule",
        "serving_size": Decimal("1"),
        "servings_per_day": 3,
        "published": True,
    }
    data.update(fields)
    lines = ingredients or [{"form": FormFactory(), "elemental_mg": Decimal("133.3333")}]
    return services.product_save(
        data=services.ProductInput(
            fields=data,
            goals=goals or [],
            ingredients=[services.IngredientInput(**line) for line in lines],
            co_ingredients=co_ingredients or [],
            packs=[
                services.PackInput(**pack)
                for pack in (
                    packs
                    or [
                        {
                            "sku": f"SKU-{n}",
                            "servings_per_container": 120,
                            "price_eur": Decimal("19.95"),
                            "stock": 10,
                        }
                    ]
                )
            ],
        )
    )


def make_user(
    *, superuser: bool = False, perms: list[str] | None = None, username: str = "manager"
) -> Any:
    from django.contrib.auth.models import Permission

    user_model = get_user_model()
    if superuser:
        return user_model.objects.create_superuser(
            username, f"{username}@example.com", "pw-Secret-123"
        )
    user = user_model.objects.create_user(username, f"{username}@example.com", "pw-Secret-123")
    for perm in perms or []:
        app_label, codename = perm.split(".")
        user.user_permissions.add(
            Permission.objects.get(content_type__app_label=app_label, codename=codename)
        )
    return user
