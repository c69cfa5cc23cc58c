"""The catalog's domain model, one module per area."""

from .compounds import Form
from .content import Article, ArticleSection, FaqItem
from .goals import Goal
from .products import Brand, CoIngredient, DoseForm, IngredientLine, Pack, Product, ServingUnit
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
    "Pack",
    "Product",
    "ReferenceValue",
    "ServingUnit",
]
