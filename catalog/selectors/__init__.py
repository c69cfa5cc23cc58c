"""The read side of the catalog, one module a concern; selectors never write.

`reference` (forms, goals, brands, NRV and upper levels), `search`, `rows` (product
summaries), `facets` (facet filters and disjunctive counts), `products` (one product's page),
`content` (goals, forms, articles), `interactions` (warnings and the checker), `images`
(a product's photo or generated packshot). Cached reads
are keyed by the catalog version (`catalog.cache`).
"""

from . import content, facets, images, interactions, products, reference, rows, search

__all__ = ["content", "facets", "images", "interactions", "products", "reference", "rows", "search"]
