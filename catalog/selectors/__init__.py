"""The read side of the catalog, one module a concern; selectors never write.

`reference` (forms, goals, brands, NRV and upper levels), `search`, `rows` (product
summaries), `facets` (facet filters and disjunctive counts), `products` (one product's page),
`content` (goals, forms, articles), `interactions` (warnings and the checker), `medications`
(the medication names table the checker matches with), `images` (a product's photo or
generated packshot), `sitemap`, `suggest`, `ranked` (a search listing from its cached
ranking). Cached reads are keyed by the catalog version (`catalog.cache`).
"""

from . import (
    content,
    facets,
    images,
    interactions,
    medications,
    products,
    ranked,
    reference,
    rows,
    search,
    sitemap,
    suggest,
)

__all__ = [
    "content",
    "facets",
    "images",
    "interactions",
    "medications",
    "products",
    "ranked",
    "reference",
    "rows",
    "search",
    "sitemap",
    "suggest",
]
