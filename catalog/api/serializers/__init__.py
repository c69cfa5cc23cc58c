"""The API's output shapes, one serializer each: the fields declare the shape (drf-spectacular
reads them for the OpenAPI schema) and `build(obj, ctx)` makes it from a row or model instance.

`build` writes the dict directly instead of walking DRF fields: the JSON Lines feed streams the
whole catalog through `ProductSummaryOut.build` (thousands a second), and a test holds every
built dict to its declared fields (tests/api/test_schema.py). Inputs are in `catalog.api.inputs`.
"""

from .base import ArticleLink, ClaimOut, ErrorOut, Money, Shape, SlugName
from .content import ArticleOut, ArticlePage, FormOut, GoalOut
from .interactions import CheckOut, CheckWarningOut, InteractionOut, ProductWarningOut, WarningOut
from .products import ProductDetailOut, ProductPage, ProductSummaryOut
from .search import SearchOut, SuggestOut

__all__ = [
    "ArticleLink",
    "ArticleOut",
    "ArticlePage",
    "CheckOut",
    "CheckWarningOut",
    "ClaimOut",
    "ErrorOut",
    "FormOut",
    "GoalOut",
    "InteractionOut",
    "Money",
    "ProductDetailOut",
    "ProductPage",
    "ProductSummaryOut",
    "ProductWarningOut",
    "SearchOut",
    "Shape",
    "SlugName",
    "SuggestOut",
    "WarningOut",
]
