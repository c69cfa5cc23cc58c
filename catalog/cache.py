"""The catalog's cache policy: one catalog version, reads cached under it, invalidation on write.

Every cached read is keyed by the catalog version, a number that every write in `services`
moves on (`invalidate_catalog_cache`), so a saved product is visible at once and nothing has
to be deleted key by key. Within `one_read()` (a request, a feed) each cached value is
fetched from the cache once and then served from memory.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any, TypeVar

from django.core.cache import cache
from django.db import transaction

from .conf import catalog_settings

T = TypeVar("T")

VERSION_KEY = "catalog:version"

# The reference reads nearly every request needs, fetched together in one cache round trip.
READ_PRELOAD = ("reference", "interactions")

# Within `one_read()` (a GET request, a feed) each cached read is fetched from the cache once
# and then served from this dict: a feed of 100,000 products asks the cache a handful of times,
# not a few times per product. Only for reads: a write inside the block would not be seen.
_memo: ContextVar[dict[str, Any] | None] = ContextVar("catalog_read_memo", default=None)


@contextmanager
def one_read(version: int | None = None, preload: Iterable[str] = READ_PRELOAD) -> Iterator[None]:
    """Serve repeated cached catalog reads (and the version) from memory for the block.

    `version`, when the caller has just read it, spares that lookup; the `preload` keys are
    fetched with one `get_many` instead of a round trip each.
    """
    memo: dict[str, Any] = {}
    token = _memo.set(memo)
    try:
        if version is not None:
            memo[VERSION_KEY] = version
        keys = list(preload)
        if keys:
            prefix = f"catalog:{catalog_version()}:"
            found = cache.get_many([prefix + key for key in keys])
            for key in keys:
                if found.get(prefix + key) is not None:
                    memo[key] = found[prefix + key]
        yield
    finally:
        _memo.reset(token)


def catalog_version() -> int:
    memo = _memo.get()
    if memo is not None and VERSION_KEY in memo:
        return int(memo[VERSION_KEY])
    version = cache.get(VERSION_KEY)
    if version is None:
        version = 1
        cache.add(VERSION_KEY, version, timeout=None)
    if memo is not None:
        memo[VERSION_KEY] = version
    return int(version)


def _bump_version() -> None:
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, 2, timeout=None)


def invalidate_catalog_cache() -> None:
    """Make every cached catalog read stale (called by services after each write).

    The version moves at once (reads later in the same transaction see the write) and again
    when the transaction commits: a concurrent read between the two may have cached data from
    before the commit under the first new version; the second move makes that stale too.
    """
    _bump_version()
    transaction.on_commit(_bump_version)


def cached(key: str, compute: Callable[[], T], timeout: int | None = None) -> T:
    """`compute()`, cached under `key` for the current catalog version."""
    memo = _memo.get()
    if memo is not None and key in memo:
        return memo[key]  # type: ignore[no-any-return]
    full_key = f"catalog:{catalog_version()}:{key}"
    value = cache.get(full_key)
    if value is None:
        value = compute()
        cache.set(
            full_key,
            value,
            timeout if timeout is not None else catalog_settings.FACET_CACHE_SECONDS,
        )
    if memo is not None:
        memo[key] = value
    return value  # type: ignore[no-any-return]


def memoised(key: str, compute: Callable[[], T]) -> T:
    """`compute()` worked out once within `one_read()` (not cached across requests): for
    small derived figures a page asks for per product, such as an upper level per age."""
    memo = _memo.get()
    if memo is not None and key in memo:
        return memo[key]  # type: ignore[no-any-return]
    value = compute()
    if memo is not None:
        memo[key] = value
    return value
