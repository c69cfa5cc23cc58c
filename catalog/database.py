"""PostgreSQL connection settings the catalog's queries were tuned with, for a project's DATABASES.

The catalog reads no environment variables: how the project builds DATABASES (by hand,
dj-database-url, django-environ) is its own choice. This helper adds what the catalog's
listings need to a finished entry; it may be called from settings.py (it imports no models).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

# PostgreSQL's default (4.0) models spinning disks. With the catalog in memory or on SSD an
# index read costs about what a sequential one does, and at 4.0 the planner scans the whole
# product table for a search's facets instead of using the search indexes (100,000 products:
# 102 ms against 21 ms; README, "Performance").
RANDOM_PAGE_COST = 1.1


def tuned_database(
    database: Mapping[str, Any], *, random_page_cost: float | str | None = RANDOM_PAGE_COST
) -> dict[str, Any]:
    """A copy of one DATABASES entry that, on PostgreSQL, sets `random_page_cost` for each
    connection (a startup option); other engines come back unchanged.

        DATABASES["default"] = tuned_database(DATABASES["default"])

    `random_page_cost=None` (or "") keeps the server's value, e.g. behind a PgBouncer that
    does not pass startup options; `ALTER DATABASE ... SET random_page_cost = 1.1` then does
    the same once on the server. A value that is not a number raises ValueError.
    """
    tuned = dict(database)
    if random_page_cost is None or random_page_cost == "":
        return tuned
    if not str(tuned.get("ENGINE", "")).endswith("postgresql"):
        return tuned
    cost = float(random_page_cost)
    options = dict(tuned.get("OPTIONS") or {})
    options["options"] = f"{options.get('options', '')} -c random_page_cost={cost}".strip()
    tuned["OPTIONS"] = options
    return tuned
