"""Planning an import: every row checked, grouped into products, diffed; nothing is written.

A full file (every column) groups its rows by brand and `name_en` into products, new or
existing. A partial file (`sku` and some columns) changes existing packs only: each row is
its pack's stored values with the file's cells laid over them, checked like a full row, so a
price and stock sync is validated by the same rules and diffs only the columns it carries.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.utils.text import slugify
from django.utils.translation import gettext as _

from .. import compliance
from ..models import Product
from .export import pack_values, product_values
from .files import (
    COLUMNS,
    EXPORT_COLUMNS,
    PACK_COLUMNS,
    PRODUCT_COLUMNS,
    REQUIRED_VALUES,
    RowError,
    read_file,
)
from .results import FieldChange, ImportPlan, PackPlan, ProductPlan, Progress
from .validate import (
    Reference,
    fill_optional_columns,
    load_reference,
    validate_pack,
    validate_product_values,
)

Row = dict[str, str]


def _changes(old: Row, new: Row, columns: Iterable[str]) -> list[FieldChange]:
    return [FieldChange(c, old[c], new[c]) for c in columns if c in new and old[c] != new[c]]


class _Planner:
    """Walks the rows of one file once, collecting errors and the products' plans."""

    def __init__(self, plan: ImportPlan, ref: Reference) -> None:
        self.plan = plan
        self.ref = ref
        self.errors = plan.errors
        self.groups: dict[object, ProductPlan] = {}
        self.sku_lines: dict[str, int] = {}
        self.gtin_lines: dict[str, int] = {}
        present = set(plan.columns)
        self.product_columns = [c for c in PRODUCT_COLUMNS if c in present]
        self.pack_columns = [c for c in PACK_COLUMNS if c in present]

    def row(self, line: int, row: Row) -> None:
        missing = [c for c in REQUIRED_VALUES if c in row and not row[c]]
        self.errors.extend(RowError(line, c, _("A value is required.")) for c in missing)
        if missing or not self._unique(line, row):
            return
        if self.plan.partial:
            self._partial_row(line, row)
        else:
            self._full_row(line, row)

    def _unique(self, line: int, row: Row) -> bool:
        """The row's SKU (and GTIN) are on no earlier line nor, for a GTIN, another pack."""
        sku = row["sku"]
        if sku in self.sku_lines:
            message = _("The SKU “%(sku)s” is already on line %(other)s.")
            args = {"sku": sku, "other": self.sku_lines[sku]}
            self.errors.append(RowError(line, "sku", message % args))
            return False
        self.sku_lines[sku] = line
        gtin = row.get("gtin")
        if gtin:
            if gtin in self.gtin_lines:
                message = _("The GTIN %(gtin)s is already on line %(other)s.")
                args = {"gtin": gtin, "other": self.gtin_lines[gtin]}
                self.errors.append(RowError(line, "gtin", message % args))
            elif self.ref.skus_by_gtin.get(gtin, sku) != sku:
                message = _("The GTIN %(gtin)s belongs to the pack %(sku)s.")
                args = {"gtin": gtin, "sku": self.ref.skus_by_gtin[gtin]}
                self.errors.append(RowError(line, "gtin", message % args))
            self.gtin_lines[gtin] = line
        return True

    def _full_row(self, line: int, row: Row) -> None:
        pack_result = validate_pack(line, row, self.errors)
        brand = self.ref.brands.find(row["brand"])
        # "Kirkman" and "KIRKMAN " name one new brand: rows group by the slug it will get.
        key = (brand.slug if brand else slugify(" ".join(row["brand"].split())), row["name_en"])
        group = self._group(key, line, row)
        if group is not None and pack_result is not None:
            values, data = pack_result
            pack = self.ref.packs_by_sku.get(data.sku)
            group.packs.append(PackPlan(line=line, values=values, data=data, pack=pack))

    def _partial_row(self, line: int, row: Row) -> None:
        pack = self.ref.packs_by_sku.get(row["sku"])
        if pack is None:
            missing = ", ".join(c for c in COLUMNS if c not in self.plan.columns)
            self.errors.append(
                RowError(
                    line,
                    "sku",
                    _(
                        "Unknown SKU “%(sku)s”. This file has only some of the columns (missing: "
                        "%(missing)s), so it can only change existing packs; a new pack needs "
                        "a row with every column."
                    )
                    % {"sku": row["sku"], "missing": missing},
                )
            )
            return
        product = self.ref.products[pack.product_id]
        pack_result = validate_pack(line, row, self.errors, stored=pack)
        group: ProductPlan | None
        if self.product_columns:
            stored = product_values(product)
            group = self._group(product.pk, line, stored | {c: row[c] for c in row})
        else:  # pack columns only (a price and stock sync): the product is not read
            group = self.groups.get(product.pk)
            if group is None:
                key = (product.brand.slug, str(getattr(product, "name_en", "") or ""))
                group = ProductPlan(key, line, {}, {}, [], [], product=product)
                self.groups[product.pk] = group
        if group is not None:
            group.product, group.is_new = product, False
            if pack_result is not None:
                values, data = pack_result
                group.packs.append(PackPlan(line=line, values=values, data=data, pack=pack))

    def _group(self, key: object, line: int, row: Row) -> ProductPlan | None:
        """The product plan of `key`: made from this row when it is the product's first, else
        checked against the first (packs of one product must agree on its columns)."""
        group = self.groups.get(key)
        if group is None:
            result = validate_product_values(line, row, self.ref, self.errors)
            if result is None:
                return None
            values, fields, goals, ingredients = result
            brand_key = (values["brand"], values["name_en"])
            group = ProductPlan(brand_key, line, values, fields, goals, ingredients)
            self.groups[key] = group
            return group
        result = validate_product_values(line, row, self.ref, [])
        if result is None:
            validate_product_values(line, row, self.ref, self.errors)
            return group
        for column in self.product_columns:
            if result[0].get(column) != group.values.get(column):
                self.errors.append(
                    RowError(
                        line,
                        column,
                        _(
                            "Differs from line %(other)s, another pack of the same "
                            "product (same brand and name_en)."
                        )
                        % {"other": group.first_line},
                    )
                )
        return group


def plan_import(data: bytes, filename: str = "", *, progress: Progress | None = None) -> ImportPlan:
    """Read and validate a file and compare it with the database; writes nothing."""
    table = read_file(data, filename)
    plan = ImportPlan(
        errors=table.errors,
        warnings=table.warnings,
        columns=table.columns,
        partial=table.is_partial,
        row_count=len(table.rows),
    )
    if plan.errors:
        return plan
    rows = table.rows
    planner = _Planner(plan, ref := _reference(plan, rows))
    for index, (line, row) in enumerate(rows, start=1):
        if progress and index % 100 == 0:
            progress(100)
        planner.row(line, row)
    if progress and len(rows) % 100:
        progress(len(rows) % 100)
    groups = planner.groups
    if plan.partial:
        _diff(groups.values(), planner.product_columns, planner.pack_columns)
    else:
        _match_products(groups, ref, plan.errors)
    _lint_copy(groups.values(), plan)
    order = {c: i for i, c in enumerate(EXPORT_COLUMNS)}
    plan.errors.sort(key=lambda e: (e.line, order.get(e.column, -1)))
    plan.warnings.sort(key=lambda e: e.line)
    plan.products = sorted(groups.values(), key=lambda g: g.first_line)
    plan.new_brands = sorted(ref.brands.new.values(), key=lambda b: b.line)
    return plan


def _lint_copy(groups: Iterable[ProductPlan], plan: ImportPlan) -> None:
    """Check the names and descriptions the import writes against the claim rules: all of a
    new product's, only the changed ones of an existing product (copy already in the catalog
    was checked when it was written; a price sync must not re-read 50,000 descriptions)."""
    for group in groups:
        columns = group.values if group.is_new else {c.column for c in group.changes}
        copy = {c: group.values[c] for c in columns if c in compliance.PRODUCT_COPY_FIELDS}
        for column, issues in compliance.lint_product_copy(copy).items():
            for issue in issues:
                target = plan.errors if issue.blocking else plan.warnings
                target.append(RowError(group.first_line, column, compliance.describe_issue(issue)))


def _reference(plan: ImportPlan, rows: list[tuple[int, Row]]) -> Reference:
    product_columns = set(PRODUCT_COLUMNS) & set(plan.columns)
    return load_reference(rows, product_values=not plan.partial or bool(product_columns))


def _diff(
    groups: Iterable[ProductPlan], product_columns: Iterable[str], pack_columns: Iterable[str]
) -> None:
    """Compare the planned products and packs with the stored ones, column by column."""
    for group in groups:
        if group.product is not None and product_columns:
            group.changes = _changes(product_values(group.product), group.values, product_columns)
        for pack in group.packs:
            if pack.pack is not None:
                pack.changes = _changes(pack_values(pack.pack), pack.values, pack_columns)


def _match_products(
    groups: dict[object, ProductPlan], ref: Reference, errors: list[RowError]
) -> None:
    """Find each group's existing product (by its SKUs, else by brand + name_en) and diff it."""
    for group in groups.values():
        by_sku = {ref.products[p.pack.product_id] for p in group.packs if p.pack is not None}
        by_name = ref.products_by_key.get(group.key, [])
        product: Product | None = None
        if len(by_sku) > 1:
            message = _("The packs of this product belong to different products (%(slugs)s).") % {
                "slugs": ", ".join(sorted(p.slug for p in by_sku))
            }
            errors += [RowError(p.line, "sku", message) for p in group.packs if p.pack]
            continue
        if by_sku:
            product = by_sku.pop()
            if any(p.pk != product.pk for p in by_name):
                errors += [
                    RowError(
                        p.line,
                        "sku",
                        _("The SKU %(sku)s belongs to another product, %(slug)s.")
                        % {"sku": p.data.sku, "slug": product.slug},
                    )
                    for p in group.packs
                    if p.pack
                ]
                continue
        elif len(by_name) > 1:
            errors.append(
                RowError(
                    group.first_line,
                    "name_en",
                    _("Several products of this brand have this name: %(slugs)s.")
                    % {"slugs": ", ".join(sorted(p.slug for p in by_name))},
                )
            )
            continue
        elif by_name:
            product = by_name[0]
        group.product = product
        group.is_new = product is None
        fill_optional_columns(group.values, group.fields, product)
    _diff(
        (g for g in groups.values() if not g.is_new),
        PRODUCT_COLUMNS,
        PACK_COLUMNS,
    )
