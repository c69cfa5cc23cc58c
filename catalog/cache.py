"""The catalog's cache policy: one catalog version kept in the database, reads cached under it,
and a cache that only ever speeds things up.

- The version is a row of the database (`CatalogState`), read once per request. Every
  committed write gives it a fresh random value (`invalidate_catalog_cache`, called by the
  services), so every process sees a write on its next request, whether the cache is Redis
  shared by all or each process's own memory, and a restarted Redis cannot bring an old
  version back (no 304 for a changed product).
- Cached reads are keyed by the version; nothing is ever deleted key by key.
- The cache is optional at run time: an error from it (Redis down, a timeout) is a miss, and
  after one the process leaves the cache alone for `CATALOG["CACHE_RETRY_SECONDS"]` instead of
  waiting on it for every read. The database has everything needed to answer.
- Within `one_read()` (a request, a feed) the version and each cached value are fetched once
  and then served from memory.
"""

from __future__ import annotations

import logging
import secrets
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any, TypeVar

from django.core.cache import DEFAULT_CACHE_ALIAS, caches
from django.core.cache import cache as django_cache
from django.core.cache.backends.redis import RedisCache
from django.db import connections, router, transaction
from django.utils import timezone

from .conf import catalog_settings
from .models import CatalogState

T = TypeVar("T")
logger = logging.getLogger(__name__)

VERSION = "catalog:version"  # where one_read() keeps the version it read

# The reference reads nearly every request needs, fetched together in one cache round trip.
READ_PRELOAD = ("reference", "interactions")

# Small reads that nearly every request needs (reference tables, interaction classes,
# medication names: a few hundred rows in all) are also kept in each process's memory for the
# version they were read at. The version comes from the database on every request, so a
# write in any process makes them stale at once, whatever the cache backend; between writes
# a page spends no cache round trip (and no unpickling) on them.
PROCESS_KEYS = frozenset(
    {"reference", "interactions", "medication_names", "medication_names_digest"}
)
_process: tuple[int, dict[str, Any]] = (0, {})
PROCESS_MAX_VALUES = 1000  # emptied when full: facet counts of every filter combination asked

# Within `one_read()` (a GET request, a feed) each cached read is fetched from the cache once
# and then served from this dict: a feed of 100,000 products asks the cache a handful of times,
# not a few times per product. Only for reads: a write inside the block would not be seen.
_memo: ContextVar[dict[str, Any] | None] = ContextVar("catalog_read_memo", default=None)

# While this thread's open transaction has written to the catalog: the version it will give
# the catalog when it commits. This thread's reads use it at once (they must see the write);
# other processes see it only once it is committed. A rolled-back write leaves it unused.
# Kept with the transaction it belongs to (the outermost atomic block), so that a version left
# by a rolled-back transaction is never taken for the next one's.
_pending: ContextVar[tuple[object, int] | None] = ContextVar(
    "catalog_pending_version", default=None
)


class SafeCache:
    """Django's default cache, where an error is a miss and a failed write is skipped.

    After an error the cache is left alone for a few seconds (a Redis that refuses
    connections answers at once, but one that is unreachable would make every read wait for
    its socket timeout).
    """

    def __init__(self) -> None:
        self._down_until = 0.0

    def reset(self) -> None:
        """Try the cache again at once (after an outage is known to be over; tests)."""
        self._down_until = 0.0

    @property
    def available(self) -> bool:
        return time.monotonic() >= self._down_until

    def _failed(self, operation: str, error: Exception) -> None:
        retry = float(catalog_settings.CACHE_RETRY_SECONDS)
        if self.available:
            logger.warning(
                "catalog cache unavailable (%s: %s); answering from the database for %ss",
                operation,
                error,
                retry,
            )
        self._down_until = time.monotonic() + retry

    def get(self, key: str, default: Any = None) -> Any:
        if not self.available:
            return default
        try:
            return django_cache.get(key, default)
        except Exception as error:  # noqa: BLE001 - any cache failure is a miss
            self._failed("get", error)
            return default

    def get_many(self, keys: list[str]) -> dict[str, Any]:
        if not self.available or not keys:
            return {}
        try:
            return dict(django_cache.get_many(keys))
        except Exception as error:  # noqa: BLE001
            self._failed("get_many", error)
            return {}

    def set(self, key: str, value: Any, timeout: float | None = None) -> None:
        if not self.available:
            return
        try:
            django_cache.set(key, value, timeout)
        except Exception as error:  # noqa: BLE001
            self._failed("set", error)

    def add(self, key: str, value: Any, timeout: float | None = None) -> bool | None:
        """True when added, False when the key exists, None when the cache is unavailable."""
        if not self.available:
            return None
        try:
            return bool(django_cache.add(key, value, timeout))
        except Exception as error:  # noqa: BLE001
            self._failed("add", error)
            return None

    def count(self, key: str, timeout: int) -> int | None:
        """Add one to the counter `key` (created at 1, kept `timeout` seconds) and return it;
        None when the cache is unavailable. On Django's Redis backend one INCR (and an
        EXPIRE on the first), one round trip; elsewhere `add` then `incr`."""
        if not self.available:
            return None
        backend = caches[DEFAULT_CACHE_ALIAS]
        if isinstance(backend, RedisCache):
            try:
                full = backend.make_and_validate_key(key)
                client = backend._cache.get_client(full, write=True)  # type: ignore[attr-defined]
                value = int(client.incr(full))
                if value == 1:
                    client.expire(full, timeout)
                return value
            except Exception as error:  # noqa: BLE001
                self._failed("count", error)
                return None
        added = self.add(key, 1, timeout)
        if added is None or added:
            return 1 if added else None
        counted = self.incr(key)
        # None with the cache still there: the key expired since `add`, a new window.
        return 1 if counted is None and self.available else counted

    def incr(self, key: str) -> int | None:
        """The incremented value; None when the key is gone or the cache unavailable."""
        if not self.available:
            return None
        try:
            return int(django_cache.incr(key))
        except ValueError:  # expired between add and incr
            return None
        except Exception as error:  # noqa: BLE001
            self._failed("incr", error)
            return None


safe_cache = SafeCache()


# --- the catalog version ---------------------------------------------------------------------


def _state_table() -> tuple[str, str]:
    using = router.db_for_read(CatalogState)
    return using, connections[using].ops.quote_name(CatalogState._meta.db_table)


def _read_version() -> int:
    """The committed version (0 before the first write of a fresh database)."""
    using, table = _state_table()
    with connections[using].cursor() as cursor:
        cursor.execute(f"SELECT version FROM {table} WHERE id = 1")
        row = cursor.fetchone()
    return int(row[0]) if row else 0


def catalog_version() -> int:
    """The catalog's version as this request sees it (read once within `one_read()`)."""
    pending = _pending_version()
    if pending is not None:
        return pending
    memo = _memo.get()
    if memo is not None and VERSION in memo:
        return int(memo[VERSION])
    version = _read_version()
    if memo is not None:
        memo[VERSION] = version
    return version


def _new_version() -> int:
    """A fresh random number: never one used before, also after a rolled-back write."""
    return secrets.randbits(62) or 1


def _bump_version(version: int | None = None) -> None:
    """Store a new version for the committed catalog."""
    _pending.set(None)
    version = version or _new_version()
    using = router.db_for_write(CatalogState)
    table = connections[using].ops.quote_name(CatalogState._meta.db_table)
    now = timezone.now()
    with connections[using].cursor() as cursor:
        cursor.execute(
            f"UPDATE {table} SET version = %s, changed_at = %s WHERE id = 1", [version, now]
        )
        if cursor.rowcount == 0:  # a database flushed by tests, or a table made by hand
            cursor.execute(
                f"INSERT INTO {table} (id, version, changed_at) VALUES (1, %s, %s)",
                [version, now],
            )
    memo = _memo.get()
    if memo is not None:
        memo.clear()


def invalidate_catalog_cache() -> None:
    """Make every cached catalog read stale; called by the services after each write.

    Inside a transaction the new version is chosen now and stored when the transaction
    commits: this thread reads under it at once (it sees its own write), other processes
    keep the committed version until then, and no row stays locked for the rest of the
    transaction (which would queue every other writer behind it). A rolled-back write
    stores nothing. Outside a transaction the version is stored at once.
    """
    memo = _memo.get()
    if memo is not None:
        memo.clear()
    using = router.db_for_write(CatalogState)
    block = _open_transaction(using)
    if block is None:
        _bump_version()
        return
    first = _pending_version() is None
    _pending.set((block, _new_version()))
    if first:
        transaction.on_commit(_store_pending, using=using)


def _open_transaction(using: str) -> object | None:
    """The outermost atomic block of the connection's open transaction, if there is one."""
    connection = connections[using]
    if not connection.in_atomic_block:
        return None
    return connection.atomic_blocks[0] if connection.atomic_blocks else connection


def _store_pending() -> None:
    """On commit: the version the transaction's last write chose becomes the catalog's."""
    pending = _pending.get()
    if pending is not None:
        _bump_version(pending[1])


def _pending_version() -> int | None:
    """This thread's uncommitted version, if its open transaction wrote to the catalog."""
    pending = _pending.get()
    if pending is None:
        return None
    block, version = pending
    if _open_transaction(router.db_for_write(CatalogState)) is not block:
        _pending.set(None)  # that transaction rolled back (a commit stores and clears it)
        return None
    return version


# --- cached reads ----------------------------------------------------------------------------


@contextmanager
def one_read(preload: Iterable[str] = READ_PRELOAD) -> Iterator[None]:
    """Serve repeated cached catalog reads (and the version) from memory for the block; the
    `preload` keys are fetched with one round trip to the cache."""
    token = _memo.set({})
    try:
        preload_reads(preload)
        yield
    finally:
        _memo.reset(token)


def _process_values(version: int) -> dict[str, Any]:
    """This process's values of `PROCESS_KEYS` for `version` (emptied when it moves on). An
    uncommitted version of a write transaction is a version like another: never committed
    if the transaction rolls back, so never read by anyone else."""
    global _process
    held, values = _process
    if held != version:
        values = {}
        _process = (version, values)
    return values


def forget_process_values() -> None:
    """Drop this process's reference values (tests that write without the services)."""
    global _process
    _process = (0, {})


def preload_reads(keys: Iterable[str] = READ_PRELOAD) -> None:
    """Within `one_read()`, fetch these cached reads together (one round trip); those this
    process holds for the version need none."""
    memo = _memo.get()
    if memo is None:
        return
    version = catalog_version()
    local = _process_values(version)
    wanted = []
    for key in keys:
        if key in memo:
            continue
        if key in local:
            memo[key] = local[key]
        else:
            wanted.append(key)
    if not wanted:
        return
    prefix = f"catalog:{version}:"
    found = safe_cache.get_many([prefix + key for key in wanted])
    for key in wanted:
        if found.get(prefix + key) is not None:
            memo[key] = found[prefix + key]
            if key in PROCESS_KEYS:
                local[key] = memo[key]


def cached(
    key: str,
    compute: Callable[[], T],
    timeout: int | None = None,
    *,
    local: bool = False,
    shared: bool = True,
) -> T:
    """`compute()`, cached under `key` for the current catalog version; with `local` (small
    values nearly every request reads, as `PROCESS_KEYS`) also in this process's memory;
    without `shared`, only there (a value this process computes faster than it would
    fetch it)."""
    memo = _memo.get()
    if memo is not None and key in memo:
        return memo[key]  # type: ignore[no-any-return]
    version = catalog_version()
    held = _process_values(version) if local or key in PROCESS_KEYS else None
    if held is not None and key in held:
        value = held[key]
    elif not shared:
        value = compute()
    else:
        full_key = f"catalog:{version}:{key}"
        value = safe_cache.get(full_key)
        if value is None:
            value = compute()
            safe_cache.set(
                full_key,
                value,
                timeout if timeout is not None else catalog_settings.FACET_CACHE_SECONDS,
            )
    if held is not None and key not in held:
        if len(held) >= PROCESS_MAX_VALUES:  # bounded: many filter combinations, one version
            held.clear()
        held[key] = value
    if memo is not None:
        memo[key] = value
    return value  # type: ignore[no-any-return]


def cached_pieces(
    key: str, piece: Callable[[int], tuple[bytes, int | None]], timeout: int
) -> Iterator[bytes]:
    """A long body (a feed) made of pieces, each cached apart under the catalog version:
    `piece(start)` builds one (its bytes, and where the next starts, None after the last),
    beginning at 0. Only one piece is in memory at a time (never kept in `one_read()`'s
    memo), and with the cache down every piece is simply built. A timeout of 0 caches
    nothing."""
    version = catalog_version()
    start: int | None = 0
    while start is not None:
        full_key = f"catalog:{version}:{key}:{start}"
        stored = safe_cache.get(full_key) if timeout else None
        if stored is None:
            stored = piece(start)
            if timeout:
                safe_cache.set(full_key, stored, timeout)
        body, start = stored
        yield body


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


def peek(key: str) -> Any:
    """The value `preload_reads()` brought for `key` within `one_read()`, else None."""
    memo = _memo.get()
    return None if memo is None else memo.get(key)


def store(key: str, value: Any, timeout: int) -> None:
    """Keep `value` under `key` for the current catalog version (as `cached` would)."""
    safe_cache.set(f"catalog:{catalog_version()}:{key}", value, timeout)
    memo = _memo.get()
    if memo is not None:
        memo[key] = value
