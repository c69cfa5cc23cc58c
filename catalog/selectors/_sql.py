"""Plain SQL reads, for the few reads the ORM makes slower than they run (reference data,
ingredient lines of a page, facet counts)."""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import Any, TypeVar

from django.db import DatabaseError, connections
from django.db.models.expressions import RawSQL

T = TypeVar("T")


def fetch(using: str, sql: str, params: list[Any]) -> list[tuple[Any, ...]]:
    """The rows of a plain SQL read on the database `using`."""
    with connections[using].cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def decimal(value: Any, places: int) -> Decimal | None:
    """A numeric column read by raw SQL as the ORM gives it (SQLite returns floats)."""
    return None if value is None else Decimal(str(value)).quantize(Decimal(1).scaleb(-places))


def quote(using: str) -> Any:
    """The database's identifier quoting function."""
    return connections[using].ops.quote_name


def vendor(using: str) -> str:
    return str(connections[using].vendor)


def reconnecting(read: Callable[[], T]) -> T:
    """`read()`, run once more on fresh connections when a connection died under it (a
    failover, a restart): for reads made outside any transaction, such as a feed's chunks
    while the body streams. An error on a healthy connection is raised as it is."""
    try:
        return read()
    except DatabaseError:
        dead = [
            conn
            for conn in connections.all(initialized_only=True)
            if conn.connection is not None and not conn.in_atomic_block and not conn.is_usable()
        ]
        if not dead:
            raise
        for conn in dead:
            conn.close()
        return read()


def keyset_page(
    fetch: Callable[[int], Sequence[T]], after: int, size: int, key: Callable[[T], int]
) -> tuple[Sequence[T], int | None]:
    """One chunk of keyset pagination (constant memory, no server-side cursor to lose, no
    OFFSET): what `fetch(after)` returns (at most `size`, its own query that survives a
    reconnect), and the key to start the next chunk after (None when this was the last)."""
    chunk = reconnecting(functools.partial(fetch, after))
    return chunk, (key(chunk[-1]) if chunk and len(chunk) >= size else None)


def id_list(using: str, table: str, column: str, owner: str, outer: str) -> RawSQL:
    """The ids in `table.column` of the rows whose `owner` is the outer query's `outer`
    column, as one comma-separated text (NULL for none): a many-to-many's ids read with the
    object instead of by a query of its own. Names are model metadata, never input."""
    q = quote(using)
    values = f"{q(table)}.{q(column)}"
    text = (
        f"string_agg({values}::text, ',')"
        if vendor(using) == "postgresql"
        else (f"group_concat({values}, ',')")
    )
    return RawSQL(f"(SELECT {text} FROM {q(table)} WHERE {q(table)}.{q(owner)} = {outer})", ())


def ids_of_list(text: str | None) -> list[int]:
    """The ids of an `id_list` column."""
    return [int(value) for value in text.split(",")] if text else []
