"""Plain inputs of the write services: what a product, its lines, packs and an article are made of."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..models import Article, Form, Goal


@dataclass
class IngredientInput:
    form: Form
    compound_mg: Decimal | None = None
    elemental_mg: Decimal | None = None
    assayed_fraction: Decimal | None = None
    position: int | None = None  # None: its place in the list


@dataclass
class CoIngredientInput:
    name_nl: str
    name_en: str
    amount: Decimal
    unit: str = "mg"
    nrv_amount: Decimal | None = None  # None: the known EU NRV of the nutrient, if any
    position: int | None = None


@dataclass
class PackInput:
    sku: str
    servings_per_container: int
    price_eur: Decimal
    stock: int = 0
    gtin: str = ""
    # The pack to change, when known (the admin's inline): its SKU may change then. Without
    # it a pack is found by SKU among the product's packs.
    pk: int | None = None

    def values(self) -> dict[str, Any]:
        """The pack's column values (without `pk`)."""
        return {
            "sku": self.sku,
            "gtin": self.gtin,
            "servings_per_container": self.servings_per_container,
            "price_eur": self.price_eur,
            "stock": self.stock,
        }


@dataclass
class ProductInput:
    """Everything a product is made of; None for a relation means "leave it as it is"."""

    fields: dict[str, Any]
    goals: Sequence[Goal] | None = None
    articles: Sequence[Article] | None = None
    ingredients: Sequence[IngredientInput] | None = None
    co_ingredients: Sequence[CoIngredientInput] | None = None
    packs: Sequence[PackInput] | None = None
    remove_missing_packs: bool = True


@dataclass
class SectionInput:
    heading_nl: str
    heading_en: str
    body_html_nl: str
    body_html_en: str
    position: int | None = None


@dataclass
class FaqInput:
    question_nl: str
    question_en: str
    answer_html_nl: str
    answer_html_en: str
    position: int | None = None
