"""Bulk import and export of products on the CSV/XLSX contract (api-contract.md, "Bulk import").

One row per pack; rows with the same brand and `name_en` are the packs of one product. The
import runs in two steps that the command and the admin page share:

1. `plan_import` (`plan`, `validate`) reads the file (`files`), validates every row against
   reference data fetched in bulk (brands, forms, goals, existing products and packs) and
   compares it with the database. It reports *every* bad row (line, column, reason) and, per
   row, what would be new, changed or unchanged (`results`). It writes nothing.
2. `apply_import` (`apply`) writes a clean plan in one transaction, all or nothing, through
   `services.products_bulk_save`.

Why not django-import-export: its unit is one model row, while a row here spans a product, its
ingredient lines, goals and a pack, and the all-or-nothing rule with every error reported needs
the whole file validated before the first write. Writing goes in bulk (a few queries per 500
rows instead of ~20 per row through `services.product_save`) and ends with
`services.products_recompute`, the service that keeps the derived dose fields true, so stored
figures are exactly what a save through the services gives. Products whose values did not
change are not touched at all (re-importing a file changes nothing, not even `updated_at`).
`export` writes the same columns, so an export imports back unchanged.
"""

from .apply import apply_import, import_products
from .export import (
    export_products,
    export_queryset,
    export_rows,
    format_decimal,
    format_ingredients,
)
from .files import (
    COLUMNS,
    EXPORT_COLUMNS,
    FORMULA_TRIGGERS,
    OPTIONAL_COLUMNS,
    PACK_COLUMNS,
    PRODUCT_COLUMNS,
    RowError,
    escape_formula,
    read_file,
    read_rows,
    unescape_formula,
    write_csv,
    write_xlsx,
)
from .plan import plan_import
from .results import (
    STATUS_CHANGED,
    STATUS_LABELS,
    STATUS_MERGED,
    STATUS_NEW,
    STATUS_UNCHANGED,
    FieldChange,
    ImportFailed,
    ImportPlan,
    PackPlan,
    ProductPlan,
    RowDiff,
    attention_notes,
)
from .validate import NewBrand, parse_bool, parse_ingredients

__all__ = [
    "COLUMNS",
    "EXPORT_COLUMNS",
    "OPTIONAL_COLUMNS",
    "FORMULA_TRIGGERS",
    "PACK_COLUMNS",
    "PRODUCT_COLUMNS",
    "STATUS_CHANGED",
    "STATUS_LABELS",
    "STATUS_MERGED",
    "STATUS_NEW",
    "STATUS_UNCHANGED",
    "FieldChange",
    "ImportFailed",
    "ImportPlan",
    "NewBrand",
    "PackPlan",
    "ProductPlan",
    "RowDiff",
    "RowError",
    "apply_import",
    "attention_notes",
    "escape_formula",
    "export_products",
    "export_queryset",
    "export_rows",
    "format_decimal",
    "format_ingredients",
    "import_products",
    "parse_bool",
    "parse_ingredients",
    "plan_import",
    "read_file",
    "read_rows",
    "unescape_formula",
    "write_csv",
    "write_xlsx",
]
