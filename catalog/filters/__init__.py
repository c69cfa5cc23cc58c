"""Every query the API and the pages share, validated once for both: the product FilterSet
(`products`), articles, market, search and the interaction checker (`forms`), built from the
fields and filters in `fields`."""

from .forms import (
    CHECK_MAX_MEDICATIONS,
    CHECK_MAX_PRODUCTS,
    ArticleFilter,
    InteractionCheckForm,
    MarketForm,
    SearchForm,
    SuggestForm,
)
from .products import ORDERINGS, ProductFilter

__all__ = [
    "CHECK_MAX_MEDICATIONS",
    "CHECK_MAX_PRODUCTS",
    "ORDERINGS",
    "ArticleFilter",
    "InteractionCheckForm",
    "MarketForm",
    "ProductFilter",
    "SearchForm",
    "SuggestForm",
]
