"""The catalog manager's admin: products (with import/export), content and reference data.

Every save that can change a dose figure ends in `catalog.services`, which recomputes the
derived fields; nothing here writes them by hand.
"""

from . import content, products, reference  # noqa: F401  (registers the ModelAdmins)
