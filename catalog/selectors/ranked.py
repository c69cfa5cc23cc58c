"""A search listing answered from its ranking: the ids of a query's matches, best first.

Finding and ranking the matches of a broad word ("citraat", "vegan") reads every matching
row's search text and full-text vector: one to two seconds at 100,000 products on
PostgreSQL, for the count, the facets and each page alike. Here that read is made once per
query, language and state of the products' search columns (`ranked_ids`, kept in the cache
and, for the last few queries, in this process; a price or stock change leaves it), and a
listing with a search is then counted and paged over the in-memory `facet_index`: its other
filters as masks, the page a slice of the ranking, its products read by id. The order is the
SQL ordering's (`search.order_by_relevance`), which is total, so a filtered subset keeps it.
Without the index (another thread loading it) or with a filter the index does not know, the
listing is read by SQL as before.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from typing import Any

import numpy as np
from django.db import router
from django.db.models import Case, IntegerField, QuerySet, Value, When
from django.utils.translation import get_language

from ..cache import cached, catalog_version, safe_cache
from ..conf import catalog_settings
from ..derived import fits_masks
from ..models import Product
from ..recent import Recent
from . import facet_index
from ._sql import fetch, vendor
from .reference import facet_reference
from .search import order_by_relevance, product_search, search_plan

RECENT = 32  # rankings kept in this process (at most 400 KB each at 100,000 products)
_recent: Recent[str, np.ndarray] = Recent(RECENT)

# The fingerprint of every published product's search columns (migration 0009): its count,
# the sum of their `search_token`s and of their ids, read off a partial index.
_DIGEST_SQL = (
    "SELECT count(*), coalesce(sum(search_token), 0), coalesce(sum(id), 0) "
    "FROM catalog_product WHERE published"
)


def search_digest() -> str:
    """What a ranking depends on in the catalog, as one value: on PostgreSQL a fingerprint
    of what every published product is found and ordered by (names, search text, keywords,
    and which products are published), read once per catalog version and process (an
    index-only scan, about 20 ms at 100,000 products); a write that leaves those alone (a
    price, a stock level, a pack) leaves it alone. Elsewhere the catalog version itself."""

    def compute() -> str:
        using = router.db_for_read(Product)
        if vendor(using) != "postgresql":
            return f"version {catalog_version()}"
        count, tokens, ids = fetch(using, _DIGEST_SQL, [])[0]
        return f"{count}:{tokens}:{ids}"

    return cached("search:digest", compute, local=True, shared=False)


def ranked_ids(text: str) -> np.ndarray:
    """The ids of the published products `text` finds, best match first (int32).

    Kept (in the cache and, for the last few, in this process) under the search plan and
    the `search_digest`, not the catalog version: a ranking is a function of the two, so it
    outlives writes that change neither (a price import no longer costs every broad word's
    ranking again, one to two seconds each at 100,000 products)."""
    lang = (get_language() or "nl")[:2]
    plan = search_plan(text, lang)
    key = (
        "search:ranked:"
        + hashlib.blake2b(f"{lang}|{search_digest()}|{plan!r}".encode(), digest_size=16).hexdigest()
    )
    found = _recent.get(key)
    if found is not None:
        return found
    found = safe_cache.get(f"catalog:{key}")
    if found is None:
        ranking = order_by_relevance(product_search(Product.objects.published(), text), text)
        found = np.array(list(ranking.values_list("id", flat=True)), dtype=np.int32)
        safe_cache.set(f"catalog:{key}", found, catalog_settings.FACET_CACHE_SECONDS)
    _recent.put(key, found)
    return found


def forget() -> None:
    """Drop this process's rankings (tests that write without the services)."""
    _recent.clear()


def countable(cleaned: Mapping[str, Any]) -> bool:
    """True when a listing with a search can be answered here: its other filters are all
    ones the in-memory index applies, and every form and goal id fits its bit masks."""
    if not (cleaned.get("q") or "").strip():
        return False
    if not facet_index.can_count({k: v for k, v in cleaned.items() if k != "q"}):
        return False
    reference = facet_reference()
    return fits_masks(row[0] for name in ("form", "goal") for row in reference[name])


class RankedProducts:
    """The products of a search listing, best match first, as the paginators slice them:
    a slice is a queryset of that page's products in rank order; `count()` is of them all."""

    def __init__(self, ids: np.ndarray) -> None:
        self.ids = ids

    def count(self) -> int:
        return len(self.ids)

    def __len__(self) -> int:
        return len(self.ids)

    def filter(self, **conditions: Any) -> RankedProducts:
        """Every ranked product is published: `filter(published=True)` (a shelf's) is this."""
        if conditions != {"published": True}:
            raise TypeError(f"a ranking only takes published=True, not {conditions}")
        return self

    def __getitem__(self, index: slice) -> QuerySet[Product]:
        page = [int(pk) for pk in self.ids[index]]
        if not page:
            return Product.objects.none()
        rank = Case(
            *(When(id=pk, then=Value(n)) for n, pk in enumerate(page)),
            output_field=IntegerField(),
        )
        return Product.objects.filter(id__in=page).order_by(rank)


def ranked_listing(cleaned: Mapping[str, Any]) -> RankedProducts | None:
    """The listing of a search with these filters in rank order, or None when it must be
    read by SQL (see the module)."""
    if not countable(cleaned):
        return None
    kept = facet_index.filtered_ranking(cleaned, facet_reference(), ranked_ids(str(cleaned["q"])))
    return None if kept is None else RankedProducts(kept)
