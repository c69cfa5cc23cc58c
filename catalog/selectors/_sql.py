"""Plain SQL reads, for the few reads the ORM makes slower than they run (reference data,
ingredient lines of a page, facet counts)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.db import connections


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
