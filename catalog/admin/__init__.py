"""The catalog manager's admin: products (with import/export), packs, content and reference data.

Every save, delete and action writes through `catalog.services` (`writes.ServiceWrites`),
which recomputes the derived fields; nothing here writes to the catalog's tables.
"""

from . import content, medications, packs, products, reference  # noqa: F401  (registers the ModelAdmins)
