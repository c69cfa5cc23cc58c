"""The write side of the catalog: the only place that creates, changes, deletes and recomputes.

Every write validates (`full_clean`), runs in a transaction, locks rows where two writers
can race, recomputes the derived fields it affects and ends in `invalidate_catalog_cache()`.
Functions are keyword-only and named `<entity>_<action>` (HackSoft style); callers write
`services.product_save(...)` whichever module of the package holds it:

- `inputs`: the plain dataclasses callers describe a product, pack or article with;
- `recompute`: the stored derived fields (dose figures, search text, facet keys);
- `products`, `packs`: products with their lines and packs, publish, price and stock changes;
- `reference`: brands, forms, goals, claims, interactions, NRV and upper levels;
- `medications`: the medication names table the interaction checker matches with;
- `content`: articles (rich text sanitised once, here); `deletes`: any object;
- `bulk`: the import's and `generate_catalog`'s writers; `groups`: the admin's staff groups;
- `common`: the steps they share (store validated, replace relations and children).
"""

from .bulk import (
    BulkProduct,
    ProductRows,
    brands_bulk_create,
    products_bulk_insert,
    products_bulk_save,
    products_tables_analyze,
    unique_slugs,
)
from .content import HTML_FIELDS, article_save
from .deletes import object_delete, objects_delete
from .groups import group_permissions_set
from .inputs import (
    CoIngredientInput,
    FaqInput,
    IngredientInput,
    PackInput,
    ProductInput,
    SectionInput,
)
from .medications import medication_name_save, medication_name_upsert
from .packs import (
    changed_price,
    pack_delete,
    pack_save,
    pack_stock_adjust,
    pack_update,
    packs_delete,
    packs_price_change,
    packs_save,
)
from .products import (
    KNOWN_NRV,
    known_nrv,
    product_delete,
    product_save,
    products_delete,
    products_publish,
    suggested_route,
)
from .recompute import (
    DERIVED_FIELDS,
    DOSE_FIELDS,
    KEY_FIELDS,
    product_fresh_dose,
    product_fresh_keys,
    product_fresh_values,
    product_recompute,
    products_recompute,
    with_relations,
)
from .reference import (
    brand_save,
    brand_upsert,
    claim_save,
    claim_upsert,
    form_save,
    form_upsert,
    goal_save,
    goal_upsert,
    interaction_save,
    interaction_upsert,
    reference_value_save,
    reference_value_upsert,
)

__all__ = [
    "DERIVED_FIELDS",
    "DOSE_FIELDS",
    "HTML_FIELDS",
    "KEY_FIELDS",
    "KNOWN_NRV",
    "BulkProduct",
    "CoIngredientInput",
    "FaqInput",
    "IngredientInput",
    "PackInput",
    "ProductInput",
    "ProductRows",
    "SectionInput",
    "article_save",
    "brand_save",
    "brand_upsert",
    "brands_bulk_create",
    "changed_price",
    "claim_save",
    "claim_upsert",
    "form_save",
    "form_upsert",
    "goal_save",
    "goal_upsert",
    "group_permissions_set",
    "interaction_save",
    "interaction_upsert",
    "known_nrv",
    "medication_name_save",
    "medication_name_upsert",
    "object_delete",
    "objects_delete",
    "pack_delete",
    "pack_save",
    "pack_stock_adjust",
    "pack_update",
    "packs_delete",
    "packs_price_change",
    "packs_save",
    "product_delete",
    "product_fresh_dose",
    "product_fresh_keys",
    "product_fresh_values",
    "product_recompute",
    "product_save",
    "products_bulk_insert",
    "products_bulk_save",
    "products_delete",
    "products_publish",
    "products_recompute",
    "products_tables_analyze",
    "reference_value_save",
    "reference_value_upsert",
    "suggested_route",
    "unique_slugs",
    "with_relations",
]
