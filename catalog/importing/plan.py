"""Planning an import: every row checked, grouped into products, diffed; nothing is written."""

from __future__ import annotations

from collections.abc import Iterable

from django.utils.translation import gettext as _

from .. import compliance
from ..models import Product
from .export import pack_values, product_values
from .files import COLUMNS, PACK_COLUMNS, PRODUCT_COLUMNS, REQUIRED_VALUES, RowError, read_rows
from .results import FieldChange, ImportPlan, PackPlan, ProductPlan, Progress
from .validate import (
    Reference,
    fill_optional_columns,
    load_reference,
    validate_pack,
    validate_product_values,
)


def _changes(old: dict[str, str], new: dict[str, str], columns: Iterable[str]) -> list[FieldChange]:
    return [FieldChange(c, old[c], new[c]) for c in columns if old[c] != new[c]]


def plan_import(data: bytes, filename: str = "", *, progress: Progress | None = None) -> ImportPlan:
    """Read and validate a file and compare it with the database; writes nothing."""
    plan = ImportPlan()
    rows, plan.errors = read_rows(data, filename)
    if plan.errors:
        return plan
    plan.row_count = len(rows)
    ref = load_reference(rows)
    errors = plan.errors

    groups: dict[tuple[str, str], ProductPlan] = {}
    sku_lines: dict[str, int] = {}
    gtin_lines: dict[str, int] = {}
    for index, (line, row) in enumerate(rows, start=1):
        if progress and index % 100 == 0:
            progress(100)
        missing = [c for c in REQUIRED_VALUES if not row[c]]
        errors.extend(RowError(line, c, _("A value is required.")) for c in missing)
        if missing:
            continue
        sku = row["sku"]
        if sku in sku_lines:
            errors.append(
                RowError(
                    line,
                    "sku",
                    _("The SKU “%(sku)s” is already on line %(other)s.")
                    % {"sku": sku, "other": sku_lines[sku]},
                )
            )
            continue
        sku_lines[sku] = line
        gtin = row["gtin"]
        if gtin:
            if gtin in gtin_lines:
                errors.append(
                    RowError(
                        line,
                        "gtin",
                        _("The GTIN %(gtin)s is already on line %(other)s.")
                        % {"gtin": gtin, "other": gtin_lines[gtin]},
                    )
                )
            elif ref.skus_by_gtin.get(gtin, sku) != sku:
                errors.append(
                    RowError(
                        line,
                        "gtin",
                        _("The GTIN %(gtin)s belongs to the pack %(sku)s.")
                        % {"gtin": gtin, "sku": ref.skus_by_gtin[gtin]},
                    )
                )
            gtin_lines[gtin] = line
        pack_result = validate_pack(line, row, errors)
        key = (row["brand"], row["name_en"])
        group = groups.get(key)
        if group is None:
            product_result = validate_product_values(line, row, ref, errors)
            if product_result is None:
                continue
            values, fields, goals, ingredients = product_result
            group = ProductPlan(
                key=key,
                first_line=line,
                values=values,
                fields=fields,
                goals=goals,
                ingredients=ingredients,
            )
            groups[key] = group
            for column, issues in compliance.lint_product_copy(values).items():
                for issue in issues:
                    target = errors if issue.blocking else plan.warnings
                    target.append(RowError(line, column, compliance.describe_issue(issue)))
        else:
            product_result = validate_product_values(line, row, ref, [])
            if product_result is not None:
                for column in PRODUCT_COLUMNS:
                    if product_result[0][column] != group.values[column]:
                        errors.append(
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
            else:
                validate_product_values(line, row, ref, errors)
        if pack_result is not None:
            pack_values, pack_data = pack_result
            group.packs.append(
                PackPlan(
                    line=line,
                    values=pack_values,
                    data=pack_data,
                    pack=ref.packs_by_sku.get(sku),
                )
            )

    if progress and len(rows) % 100:
        progress(len(rows) % 100)
    _match_products(groups, ref, errors)
    plan.errors = sorted(
        errors, key=lambda e: (e.line, COLUMNS.index(e.column) if e.column in COLUMNS else -1)
    )
    plan.warnings.sort(key=lambda e: e.line)
    plan.products = sorted(groups.values(), key=lambda g: g.first_line)
    return plan


def _match_products(
    groups: dict[tuple[str, str], ProductPlan], ref: Reference, errors: list[RowError]
) -> None:
    """Find each group's existing product (by its SKUs, else by brand + name_en) and diff it."""
    for key, group in groups.items():
        by_sku = {ref.products[p.pack.product_id] for p in group.packs if p.pack is not None}
        by_name = ref.products_by_key.get(key, [])
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
        if product is not None:
            group.changes = _changes(product_values(product), group.values, PRODUCT_COLUMNS)
        for pack in group.packs:
            if pack.pack is not None:
                pack.changes = _changes(pack_values(pack.pack), pack.values, PACK_COLUMNS)
