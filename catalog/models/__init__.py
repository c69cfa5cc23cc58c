"""The catalog's domain model, one module per area."""

from .compounds import Form
from .content import Article, ArticleSection, FaqItem
from .goals import Goal
from .medications import MedicationName
from .products import (
    Brand,
    CoIngredient,
    DoseForm,
    IngredientLine,
    Pack,
    Product,
    Route,
    ServingUnit,
)
from .safety import HealthClaim, Interaction, Market, ReferenceValue
from .state import CatalogState

__all__ = [
    "Article",
    "ArticleSection",
    "Brand",
    "CatalogState",
    "CoIngredient",
    "DoseForm",
    "FaqItem",
    "Form",
    "Goal",
    "HealthClaim",
    "IngredientLine",
    "Interaction",
    "Market",
    "MedicationName",
    "Pack",
    "Product",
    "ReferenceValue",
    "Route",
    "ServingUnit",
]
