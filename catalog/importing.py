"""Bulk import and export of products on the CSV/XLSX contract (api-contract.md, "Bulk import").

One row per pack; rows with the same brand and `name_en` are the packs of one product. The
import runs in two steps that the command and the admin page share:

1. `plan_import` reads the file, validates every row against reference data fetched in bulk
   (brands, forms, goals, existing products and packs) and compares it with the database.
   It reports *every* bad row (line, column, reason) and, per row, what would be new,
   changed or unchanged. It writes nothing.
2. `apply_import` writes a clean plan in one transaction: all or nothing.

Why not django-import-export: its unit is one model row, while a row here spans a product, its
ingredient lines, goals and a pack, and the all-or-nothing rule with every error reported needs
the whole file validated before the first write. Writing goes in bulk (a few queries per 500
rows instead of ~20 per row through `services.product_save`) and ends with
`services.products_recompute`, the service that keeps the derived dose fields true, so stored
figures are exactly what a save through the services gives. Products whose values did not
change are not touched at all (re-importing a file changes nothing, not even `updated_at`).
"""

from __future__ import annotations

import csv
import io
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any, TypeVar

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Prefetch, QuerySet
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from . import compliance, dosing, services
from .models import Brand, Form, Goal, IngredientLine, Pack, Product
from .models.products import DIET_FIELDS
from .validators import validate_sku

COLUMNS: tuple[str, ...] = (
    "sku",
    "gtin",
    "brand",
    "name_nl",
    "name_en",
    "dose_form",
    "serving_unit",
    "serving_size",
    "servings_per_day",
    "servings_per_container",
    "ingredients",
    "goals",
    "diet",
    "price_eur",
    "stock",
    "description_nl",
    "description_en",
)
PACK_COLUMNS = ("sku", "gtin", "servings_per_container", "price_eur", "stock")
PRODUCT_COLUMNS = tuple(c for c in COLUMNS if c not in PACK_COLUMNS)
REQUIRED_VALUES = (
    "sku",
    "brand",
    "name_nl",
    "name_en",
    "dose_form",
    "serving_unit",
    "servings_per_day",
    "servings_per_container",
    "ingredients",
    "price_eur",
)
# Copy that compliance.py lints: a banned disease claim is a bad row, other wording a warning.

BASIS_ELEMENTAL = "elemental"
BASIS_COMPOUND = "compound"

# Spreadsheet formula injection (OWASP "CSV injection"): a cell starting with one of these is
# run as a formula by Excel/LibreOffice. Export prefixes it with an apostrophe; import strips it.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")

CHUNK = 500  # rows per query when looking up or writing in bulk (well under SQLite's limits)

STATUS_NEW = "new"
STATUS_CHANGED = "changed"
STATUS_UNCHANGED = "unchanged"
STATUS_LABELS = {
    STATUS_NEW: gettext_lazy("new"),
    STATUS_CHANGED: gettext_lazy("changed"),
    STATUS_UNCHANGED: gettext_lazy("unchanged"),
}

T = TypeVar("T")
Progress = Callable[[int], None]


# --- results --------------------------------------------------------------------------------


@dataclass(frozen=True)
class RowError:
    """A problem with one cell: `line` is the file's line (the header is line 1)."""

    line: int
    column: str
    message: str

    def __str__(self) -> str:
        if self.column:
            return _("line %(line)s, column %(column)s: %(message)s") % {
                "line": self.line,
                "column": self.column,
                "message": self.message,
            }
        return _("line %(line)s: %(message)s") % {"line": self.line, "message": self.message}


@dataclass(frozen=True)
class FieldChange:
    column: str
    old: str
    new: str


@dataclass
class RowDiff:
    """What importing one row does: a new, changed or unchanged pack (and product)."""

    line: int
    sku: str
    product_label: str
    status: str
    changes: list[FieldChange] = field(default_factory=list)

    @property
    def status_label(self) -> str:
        return str(STATUS_LABELS[self.status])


@dataclass
class PackPlan:
    line: int
    values: dict[str, str]
    data: services.PackInput
    pack: Pack | None
    changes: list[FieldChange] = field(default_factory=list)


@dataclass(eq=False)
class ProductPlan:
    key: tuple[str, str]
    first_line: int
    values: dict[str, str]
    fields: dict[str, Any]
    goals: list[Goal]
    ingredients: list[services.IngredientInput]
    product: Product | None = None
    packs: list[PackPlan] = field(default_factory=list)
    changes: list[FieldChange] = field(default_factory=list)
    is_new: bool = True  # no product matched the rows; stays true after the write creates it

    @property
    def status(self) -> str:
        if self.is_new:
            return STATUS_NEW
        if self.changes or any(p.pack is None or p.changes for p in self.packs):
            return STATUS_CHANGED
        return STATUS_UNCHANGED

    @property
    def label(self) -> str:
        return f"{self.key[0]} / {self.key[1]}"


@dataclass
class ImportPlan:
    """The outcome of reading a file: errors, warnings and the per-row diff."""

    errors: list[RowError] = field(default_factory=list)
    warnings: list[RowError] = field(default_factory=list)
    products: list[ProductPlan] = field(default_factory=list)
    row_count: int = 0
    written: bool = False

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def rows(self) -> list[RowDiff]:
        diffs = []
        for plan in self.products:
            for pack in plan.packs:
                if plan.is_new or pack.pack is None:
                    status = STATUS_NEW
                elif plan.changes or pack.changes:
                    status = STATUS_CHANGED
                else:
                    status = STATUS_UNCHANGED
                diffs.append(
                    RowDiff(
                        line=pack.line,
                        sku=pack.data.sku,
                        product_label=plan.label,
                        status=status,
                        changes=[*plan.changes, *pack.changes],
                    )
                )
        return sorted(diffs, key=lambda d: d.line)

    def counts(self) -> dict[str, int]:
        result = {f"products_{s}": 0 for s in STATUS_LABELS} | {
            f"packs_{s}": 0 for s in STATUS_LABELS
        }
        for plan in self.products:
            result[f"products_{plan.status}"] += 1
        for row in self.rows:
            result[f"packs_{row.status}"] += 1
        return result

    def summary(self) -> str:
        c = self.counts()
        return _(
            "%(rows)s rows: products %(pn)s new, %(pc)s changed, %(pu)s unchanged; "
            "packs %(kn)s new, %(kc)s changed, %(ku)s unchanged."
        ) % {
            "rows": self.row_count,
            "pn": c["products_new"],
            "pc": c["products_changed"],
            "pu": c["products_unchanged"],
            "kn": c["packs_new"],
            "kc": c["packs_changed"],
            "ku": c["packs_unchanged"],
        }


class ImportFailed(Exception):
    """Raised by `import_products` when the file has bad rows (nothing was written)."""

    def __init__(self, plan: ImportPlan):
        super().__init__(_("%(count)s errors in the file.") % {"count": len(plan.errors)})
        self.plan = plan


# --- cells: formula escaping and canonical values --------------------------------------------


def escape_formula(value: str) -> str:
    """Prefix a cell a spreadsheet would run as a formula with an apostrophe.

    A value that already starts with an apostrophe before a trigger is prefixed too, so
    `unescape_formula(escape_formula(v)) == v` for every string.
    """
    if value and (
        value.startswith(FORMULA_TRIGGERS)
        or (value[0] == "'" and len(value) > 1 and value[1] in (*FORMULA_TRIGGERS, "'"))
    ):
        return "'" + value
    return value


def unescape_formula(value: str) -> str:
    if len(value) > 1 and value[0] == "'" and value[1] in (*FORMULA_TRIGGERS, "'"):
        return value[1:]
    return value


def format_decimal(value: Decimal | int | None) -> str:
    """The canonical text of a number: no exponent, no trailing zeros (19.90 -> 19.9)."""
    if value is None:
        return ""
    if isinstance(value, int):
        return str(value)
    text = format(value.normalize(), "f")
    return "0" if text in ("-0", "") else text


def format_ingredients(lines: Iterable[tuple[str, Decimal | None, Decimal | None]]) -> str:
    """`form_slug:amount[:compound]` per line; a stated elemental amount wins."""
    parts = []
    for slug, compound_mg, elemental_mg in lines:
        if elemental_mg is not None:
            parts.append(f"{slug}:{format_decimal(elemental_mg)}")
        else:
            parts.append(f"{slug}:{format_decimal(compound_mg)}:{BASIS_COMPOUND}")
    return ";".join(parts)


def translated(obj: Any, column: str) -> str:
    """A modeltranslation column (`name_nl`...): added to the model at runtime, so untyped."""
    return str(getattr(obj, column) or "")


def _product_values(product: Product) -> dict[str, str]:
    """A product's columns as export writes them (needs brand, ingredients__form, goals)."""
    return {
        "brand": product.brand.slug,
        "name_nl": translated(product, "name_nl"),
        "name_en": translated(product, "name_en"),
        "dose_form": product.dose_form,
        "serving_unit": product.serving_unit,
        "serving_size": format_decimal(product.serving_size),
        "servings_per_day": str(product.servings_per_day),
        "ingredients": format_ingredients(
            (line.form.slug, line.compound_mg, line.elemental_mg)
            for line in product.ingredients.all()
        ),
        "goals": "|".join(sorted(g.slug for g in product.goals.all())),
        "diet": "|".join(product.diet),
        "description_nl": translated(product, "description_nl"),
        "description_en": translated(product, "description_en"),
    }


def _pack_values(pack: Pack) -> dict[str, str]:
    return {
        "sku": pack.sku,
        "gtin": pack.gtin,
        "servings_per_container": str(pack.servings_per_container),
        "price_eur": format_decimal(pack.price_eur),
        "stock": str(pack.stock),
    }


# --- export ---------------------------------------------------------------------------------


def export_queryset(queryset: QuerySet[Product] | None = None) -> QuerySet[Product]:
    queryset = queryset if queryset is not None else Product.objects.all()
    return (
        queryset.select_related("brand")
        # The caller's prefetches (the admin changelist's, say) would clash with these.
        .prefetch_related(None)
        .prefetch_related(
            Prefetch("ingredients", queryset=IngredientLine.objects.select_related("form")),
            "goals",
            "packs",
        )
        .order_by("brand__slug", "name_en", "pk")
    )


def export_rows(queryset: QuerySet[Product] | None = None) -> Iterator[dict[str, str]]:
    """One dict per pack, columns as in `COLUMNS`, values not yet formula-escaped.

    A product without packs has no row (the contract is one row per pack).
    """
    for product in export_queryset(queryset).iterator(chunk_size=CHUNK):
        values = _product_values(product)
        for pack in product.packs.all():
            row = values | _pack_values(pack)
            yield {column: row[column] for column in COLUMNS}


def write_csv(rows: Iterable[dict[str, str]], stream: Any) -> int:
    """Write rows as UTF-8 CSV text to a text stream; returns the number of rows."""
    writer = csv.writer(stream, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    count = 0
    for row in rows:
        writer.writerow([escape_formula(row[c]) for c in COLUMNS])
        count += 1
    return count


def write_xlsx(rows: Iterable[dict[str, str]], stream: Any) -> int:
    """Write rows as an XLSX workbook (every cell text, so GTINs keep their leading zeros)."""
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("products")
    sheet.append(list(COLUMNS))
    count = 0
    for row in rows:
        # openpyxl stores a string starting with "=" as a formula: escaping also prevents that.
        sheet.append([escape_formula(row[c]) for c in COLUMNS])
        count += 1
    workbook.save(stream)
    return count


def export_products(queryset: QuerySet[Product] | None = None, *, fmt: str = "csv") -> bytes:
    """The whole export as bytes (CSV in UTF-8, or XLSX)."""
    if fmt == "xlsx":
        buffer = io.BytesIO()
        write_xlsx(export_rows(queryset), buffer)
        return buffer.getvalue()
    text = io.StringIO()
    write_csv(export_rows(queryset), text)
    return text.getvalue().encode("utf-8")


# --- reading files --------------------------------------------------------------------------


def is_xlsx(data: bytes, filename: str = "") -> bool:
    return filename.lower().endswith(".xlsx") or data[:4] == b"PK\x03\x04"


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    return str(value)


def read_rows(
    data: bytes, filename: str = ""
) -> tuple[list[tuple[int, dict[str, str]]], list[RowError]]:
    """(line, {column: stripped, unescaped text}) per non-empty data row, or file-level errors."""
    if not data.strip():
        return [], [RowError(1, "", _("The file is empty."))]
    if is_xlsx(data, filename):
        table = _xlsx_table(data)
        if isinstance(table, RowError):
            return [], [table]
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            line = data[: error.start].count(b"\n") + 1
            return [], [
                RowError(
                    line,
                    "",
                    _("The file is not UTF-8 text (byte %(byte)s); save it as CSV UTF-8.")
                    % {"byte": error.start},
                )
            ]
        table = _csv_table(text)
        if isinstance(table, RowError):
            return [], [table]
    if not table:
        return [], [RowError(1, "", _("The file is empty."))]
    header_line, header = table[0]
    names = [h.strip().lower() for h in header]
    errors = [
        RowError(header_line, column, _("The required column is missing."))
        for column in COLUMNS
        if column not in names
    ]
    seen: set[str] = set()
    for name in names:
        if name in seen and name:
            errors.append(RowError(header_line, name, _("The column appears twice.")))
        seen.add(name)
    if errors:
        return [], errors
    rows = []
    for line, cells in table[1:]:
        if not any(c.strip() for c in cells):
            continue
        # PostgreSQL cannot store NUL in text: refused here, not as a database error.
        nul = [names[i] for i, c in enumerate(cells) if "\x00" in c and i < len(names)]
        if nul:
            errors.append(RowError(line, nul[0], _("Null characters are not allowed.")))
            continue
        row = {
            name: unescape_formula(cells[i].strip()) if i < len(cells) else ""
            for i, name in enumerate(names)
            if name in COLUMNS
        }
        rows.append((line, row))
    if errors:
        return [], errors
    if not rows:
        return [], [RowError(header_line + 1, "", _("The file has a header but no rows."))]
    return rows, []


def _csv_table(text: str) -> list[tuple[int, list[str]]] | RowError:
    first_line = text.split("\n", 1)[0]
    # Spreadsheets set to a Dutch locale save CSV with semicolons.
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    table = []
    start = 1
    try:
        for cells in reader:
            table.append((start, cells))
            start = reader.line_num + 1
    except csv.Error:  # a cell over csv.field_size_limit() (128 KiB), or broken quoting
        return RowError(
            start, "", _("This line cannot be read as CSV (a cell is too long or badly quoted).")
        )
    return table


def _xlsx_table(data: bytes) -> list[tuple[int, list[str]]] | RowError:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception:  # openpyxl raises many kinds (zipfile, KeyError, XML errors)
        return RowError(1, "", _("The file is not a readable XLSX workbook."))
    try:
        sheet = workbook.worksheets[0]
        table = [
            (i, [_cell_text(v) for v in row])
            for i, row in enumerate(sheet.iter_rows(values_only=True), start=1)
        ]
    except Exception:  # read-only sheets parse lazily: broken XML surfaces while iterating
        return RowError(1, "", _("The file is not a readable XLSX workbook."))
    finally:
        workbook.close()
    return table


# --- validation -----------------------------------------------------------------------------


def _chunks(items: Sequence[T], size: int = CHUNK) -> Iterator[Sequence[T]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _message(error: ValidationError) -> str:
    return " ".join(str(m) for m in error.messages)


def _clean(model: type[Any], name: str, value: Any) -> Any:
    return model._meta.get_field(name).clean(value, None)


def _decimal_text(value: str) -> str:
    # Accept a decimal comma ("19,95") as Dutch spreadsheets write it.
    return value.replace(",", ".") if "," in value and "." not in value else value


def parse_ingredients(
    text: str, forms: dict[str, Form]
) -> tuple[list[services.IngredientInput], list[str]]:
    """`citrate:400;bisglycinate:1000:compound` -> ingredient inputs, or reasons it is bad."""
    lines: list[services.IngredientInput] = []
    problems: list[str] = []
    for part in (p.strip() for p in text.split(";")):
        if not part:
            continue
        bits = [b.strip() for b in part.split(":")]
        if len(bits) not in (2, 3):
            problems.append(_("“%(part)s” is not form_slug:amount_mg[:basis].") % {"part": part})
            continue
        slug, amount_text = bits[0], bits[1]
        basis = bits[2].lower() if len(bits) == 3 else BASIS_ELEMENTAL
        form = forms.get(slug)
        if form is None:
            problems.append(_("Unknown form “%(slug)s”.") % {"slug": slug})
        if basis not in (BASIS_ELEMENTAL, BASIS_COMPOUND):
            problems.append(
                _("Unknown basis “%(basis)s” (elemental or compound).") % {"basis": bits[2]}
            )
        try:
            amount = Decimal(_decimal_text(amount_text))
            if not amount.is_finite() or amount <= 0:
                raise InvalidOperation
            _clean(IngredientLine, "elemental_mg", amount)
        except (InvalidOperation, ValueError):
            problems.append(
                _("“%(amount)s” is not a positive number of mg.") % {"amount": amount_text}
            )
            continue
        except ValidationError as error:
            problems.append(f"“{amount_text}”: {_message(error)}")
            continue
        if form is not None and basis in (BASIS_ELEMENTAL, BASIS_COMPOUND):
            lines.append(
                services.IngredientInput(
                    form=form,
                    elemental_mg=amount if basis == BASIS_ELEMENTAL else None,
                    compound_mg=amount if basis == BASIS_COMPOUND else None,
                )
            )
    if not lines and not problems:
        problems.append(_("At least one ingredient is required."))
    return lines, problems


@dataclass
class _Reference:
    brands: dict[str, Brand]
    forms: dict[str, Form]
    goals: dict[str, Goal]
    packs_by_sku: dict[str, Pack]
    skus_by_gtin: dict[str, str]
    products: dict[int, Product]
    products_by_key: dict[tuple[str, str], list[Product]]


def _load_reference(rows: list[tuple[int, dict[str, str]]]) -> _Reference:
    """Everything validation needs, in a few queries whatever the file size."""
    skus = sorted({r["sku"] for _, r in rows if r["sku"]})
    gtins = sorted({r["gtin"] for _, r in rows if r["gtin"]})
    brand_slugs = sorted({r["brand"] for _, r in rows if r["brand"]})
    packs_by_sku: dict[str, Pack] = {}
    for chunk in _chunks(skus):
        packs_by_sku.update((p.sku, p) for p in Pack.objects.filter(sku__in=chunk))
    skus_by_gtin: dict[str, str] = {}
    for chunk in _chunks(gtins):
        skus_by_gtin.update(Pack.objects.filter(gtin__in=chunk).values_list("gtin", "sku"))
    brands = {b.slug: b for b in Brand.objects.filter(slug__in=brand_slugs)}
    product_ids = set(
        Product.objects.filter(brand__in=list(brands.values())).values_list("pk", flat=True)
    )
    product_ids |= {p.product_id for p in packs_by_sku.values()}
    products: dict[int, Product] = {}
    for id_chunk in _chunks(sorted(product_ids)):
        for product in export_queryset(Product.objects.filter(pk__in=id_chunk)):
            products[product.pk] = product
    products_by_key: dict[tuple[str, str], list[Product]] = defaultdict(list)
    for product in products.values():
        products_by_key[(product.brand.slug, translated(product, "name_en"))].append(product)
    return _Reference(
        brands=brands,
        forms={f.slug: f for f in Form.objects.all()},
        goals={g.slug: g for g in Goal.objects.all()},
        packs_by_sku=packs_by_sku,
        skus_by_gtin=skus_by_gtin,
        products=products,
        products_by_key=products_by_key,
    )


def _validate_product_values(
    line: int, row: dict[str, str], ref: _Reference, errors: list[RowError]
) -> tuple[dict[str, str], dict[str, Any], list[Goal], list[services.IngredientInput]] | None:
    """Check the product-level columns of one row; canonical values and model values."""
    before = len(errors)

    def bad(column: str, message: str) -> None:
        errors.append(RowError(line, column, message))

    values: dict[str, str] = {}
    fields: dict[str, Any] = {}
    brand = ref.brands.get(row["brand"])
    if row["brand"] and brand is None:
        bad("brand", _("Unknown brand “%(slug)s”.") % {"slug": row["brand"]})
    values["brand"] = row["brand"]
    fields["brand"] = brand
    for column in (
        "name_nl",
        "name_en",
        "dose_form",
        "serving_unit",
        "description_nl",
        "description_en",
    ):
        try:
            fields[column] = _clean(Product, column, row[column])
            values[column] = fields[column]
        except ValidationError as error:
            bad(column, _message(error))
    for column, default in (("serving_size", "1"), ("servings_per_day", "")):
        raw = _decimal_text(row[column]) if row[column] else default
        try:
            value = _clean(Product, column, raw)
            if value is not None and value <= 0:
                raise ValidationError(_("Must be more than zero."))
            fields[column] = value
            values[column] = format_decimal(value)
        except ValidationError as error:
            bad(column, _message(error))
    goals = []
    for slug in sorted({g.strip() for g in row["goals"].split("|") if g.strip()}):
        goal = ref.goals.get(slug)
        if goal is None:
            bad("goals", _("Unknown goal “%(slug)s”.") % {"slug": slug})
        else:
            goals.append(goal)
    values["goals"] = "|".join(g.slug for g in goals)
    diet = {d.strip() for d in row["diet"].split("|") if d.strip()}
    for flag in sorted(diet - set(DIET_FIELDS)):
        bad(
            "diet",
            _("Unknown diet “%(slug)s”; valid: %(valid)s.")
            % {"slug": flag, "valid": ", ".join(DIET_FIELDS)},
        )
    if "vegan" in diet:
        diet.add("vegetarian")  # vegan implies vegetarian (a model constraint)
    for flag in DIET_FIELDS:
        fields[flag] = flag in diet
    values["diet"] = "|".join(f for f in DIET_FIELDS if f in diet)
    ingredients, problems = parse_ingredients(row["ingredients"], ref.forms)
    for problem in problems:
        bad("ingredients", problem)
    values["ingredients"] = format_ingredients(
        (i.form.slug, i.compound_mg, i.elemental_mg) for i in ingredients
    )
    if ingredients and not problems and isinstance(fields.get("servings_per_day"), int):
        per_day = dosing.implausible_mg_per_day(
            map(dosing.IngredientAmount.of, ingredients), fields["servings_per_day"]
        )
        if per_day is not None:
            bad(
                "ingredients",
                _(
                    "%(mg)s mg elemental magnesium per day is implausible (over %(max)s mg); "
                    "is a compound amount given as elemental?"
                )
                % {"mg": per_day, "max": dosing.MAX_PLAUSIBLE_MG_PER_DAY},
            )
    if len(errors) > before:
        return None
    return values, fields, goals, ingredients


def _validate_pack(
    line: int, row: dict[str, str], errors: list[RowError]
) -> tuple[dict[str, str], services.PackInput] | None:
    before = len(errors)
    values: dict[str, Any] = {}
    for column, default in (
        ("sku", ""),
        ("gtin", ""),
        ("servings_per_container", ""),
        ("price_eur", ""),
        ("stock", "0"),
    ):
        raw = row[column] or default
        if column == "price_eur":
            raw = _decimal_text(raw)
        try:
            value = _clean(Pack, column, raw)
            if column == "sku":
                validate_sku(value)  # no formula trigger in a cell exported later
            if column in ("servings_per_container", "price_eur") and value <= 0:
                raise ValidationError(_("Must be more than zero."))
            values[column] = value
        except ValidationError as error:
            errors.append(RowError(line, column, _message(error)))
    if len(errors) > before:
        return None
    data = services.PackInput(**values)
    return {
        "sku": data.sku,
        "gtin": data.gtin,
        "servings_per_container": str(data.servings_per_container),
        "price_eur": format_decimal(data.price_eur),
        "stock": str(data.stock),
    }, data


def _changes(old: dict[str, str], new: dict[str, str], columns: Iterable[str]) -> list[FieldChange]:
    return [FieldChange(c, old[c], new[c]) for c in columns if old[c] != new[c]]


def plan_import(data: bytes, filename: str = "", *, progress: Progress | None = None) -> ImportPlan:
    """Read and validate a file and compare it with the database; writes nothing."""
    plan = ImportPlan()
    rows, plan.errors = read_rows(data, filename)
    if plan.errors:
        return plan
    plan.row_count = len(rows)
    ref = _load_reference(rows)
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
        pack_result = _validate_pack(line, row, errors)
        key = (row["brand"], row["name_en"])
        group = groups.get(key)
        if group is None:
            product_result = _validate_product_values(line, row, ref, errors)
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
            product_result = _validate_product_values(line, row, ref, [])
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
                _validate_product_values(line, row, ref, errors)
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
    groups: dict[tuple[str, str], ProductPlan], ref: _Reference, errors: list[RowError]
) -> None:
    """Find each group's existing product (by its SKUs, else by brand + name_en) and diff it."""
    for key, group in groups.items():
        by_sku = {ref.products[p.pack.product_id] for p in group.packs if p.pack is not None}
        by_name = ref.products_by_key.get(key, [])
        product: Product | None = None
        if len(by_sku) > 1:
            for pack in group.packs:
                if pack.pack is not None:
                    errors.append(
                        RowError(
                            pack.line,
                            "sku",
                            _("The packs of this product belong to different products (%(slugs)s).")
                            % {"slugs": ", ".join(sorted(p.slug for p in by_sku))},
                        )
                    )
            continue
        if by_sku:
            product = by_sku.pop()
            others = [p for p in by_name if p.pk != product.pk]
            if others:
                for pack in group.packs:
                    if pack.pack is not None:
                        errors.append(
                            RowError(
                                pack.line,
                                "sku",
                                _("The SKU %(sku)s belongs to another product, %(slug)s.")
                                % {"sku": pack.data.sku, "slug": product.slug},
                            )
                        )
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
        if product is not None:
            group.changes = _changes(_product_values(product), group.values, PRODUCT_COLUMNS)
        for pack in group.packs:
            if pack.pack is not None:
                pack.changes = _changes(_pack_values(pack.pack), pack.values, PACK_COLUMNS)


# --- writing --------------------------------------------------------------------------------


def _unique_slugs(plans: list[ProductPlan]) -> list[str]:
    """slugify(brand + name_en) for each new product, with -2, -3... when taken."""
    bases = [(slugify(f"{p.key[0]} {p.key[1]}")[:110].strip("-") or "product") for p in plans]
    taken: set[str] = set()
    for chunk in _chunks(sorted(set(bases))):
        taken.update(Product.objects.filter(slug__in=chunk).values_list("slug", flat=True))
    slugs = []
    for base in bases:
        slug, n = base, 2
        while slug in taken:
            slug, n = f"{base}-{n}", n + 1
            if n == 3:  # first collision: learn the suffixes in use in one query
                taken.update(
                    Product.objects.filter(slug__startswith=f"{base}-").values_list(
                        "slug", flat=True
                    )
                )
        taken.add(slug)
        slugs.append(slug)
    return slugs


def _new_lines(
    product: Product, ingredients: Sequence[services.IngredientInput]
) -> list[IngredientLine]:
    return [
        IngredientLine(
            product=product,
            form=item.form,
            compound_mg=item.compound_mg,
            elemental_mg=item.elemental_mg,
            assayed_fraction=item.assayed_fraction,
            position=position,
        )
        for position, item in enumerate(ingredients)
    ]


@transaction.atomic
def apply_import(plan: ImportPlan, *, progress: Progress | None = None) -> list[Product]:
    """Write a validated plan in one transaction; returns the products created or changed.

    Only what differs is written: unchanged products keep their rows and `updated_at`.
    """
    if not plan.ok:
        raise ImportFailed(plan)
    now = timezone.now()
    new_plans = [p for p in plan.products if p.is_new]
    changed_plans = [p for p in plan.products if p.status == STATUS_CHANGED]

    # 1. products: create the new ones, update changed product-level fields.
    for group, slug in zip(new_plans, _unique_slugs(new_plans), strict=True):
        group.product = Product(slug=slug, **group.fields)
    for chunk in _chunks(new_plans):
        Product.objects.bulk_create([g.product for g in chunk if g.product is not None])
    missing_pk = [g for g in new_plans if g.product is not None and g.product.pk is None]
    if missing_pk:  # databases that cannot return ids from a bulk insert
        ids = dict(
            Product.objects.filter(
                slug__in=[g.product.slug for g in missing_pk if g.product]
            ).values_list("slug", "pk")
        )
        for g in missing_pk:
            if g.product is not None:
                g.product.pk = ids[g.product.slug]
    field_changes: dict[frozenset[str], list[Product]] = defaultdict(list)
    for group in changed_plans:
        assert group.product is not None
        names = {
            name
            for change in group.changes
            if change.column not in ("ingredients", "goals")
            for name in (DIET_FIELDS if change.column == "diet" else (change.column,))
        }
        if names:
            for name in names:
                setattr(group.product, name, group.fields[name])
            field_changes[frozenset(names)].append(group.product)
    for changed_names, products in field_changes.items():
        for product_chunk in _chunks(products):
            Product.objects.bulk_update(list(product_chunk), sorted(changed_names))

    # 2. goals and ingredient lines: replaced where new or changed.
    touched = new_plans + changed_plans
    goal_plans = [g for g in touched if g.is_new or any(c.column == "goals" for c in g.changes)]
    line_plans = [
        g for g in touched if g.is_new or any(c.column == "ingredients" for c in g.changes)
    ]
    through = Product.goals.through
    for chunk in _chunks(goal_plans):
        through.objects.filter(product__in=[g.product for g in chunk if not g.is_new]).delete()
        through.objects.bulk_create(
            [through(product=g.product, goal=goal) for g in chunk for goal in g.goals]
        )
    for chunk in _chunks(line_plans):
        IngredientLine.objects.filter(
            product__in=[g.product for g in chunk if not g.is_new]
        ).delete()
        IngredientLine.objects.bulk_create(
            [
                line
                for g in chunk
                if g.product is not None
                for line in _new_lines(g.product, g.ingredients)
            ]
        )

    # 3. packs: create new SKUs, update changed ones (packs missing from the file are kept).
    new_packs: list[Pack] = []
    changed_packs: list[Pack] = []
    for group in touched:
        for item in group.packs:
            if item.pack is None:
                new_packs.append(Pack(product=group.product, **vars(item.data)))
            elif item.changes:
                for name, value in vars(item.data).items():
                    setattr(item.pack, name, value)
                item.pack.updated_at = now
                changed_packs.append(item.pack)
    for pack_chunk in _chunks(new_packs):
        Pack.objects.bulk_create(list(pack_chunk))
    for pack_chunk in _chunks(changed_packs):
        Pack.objects.bulk_update(list(pack_chunk), [*PACK_COLUMNS, "updated_at"])

    # 4. derived fields through the service, in batches; touched products get a new updated_at.
    touched_ids = [g.product.pk for g in touched if g.product is not None]
    for id_chunk in _chunks(touched_ids):
        Product.objects.filter(pk__in=id_chunk).update(updated_at=now)
        services.products_recompute(queryset=Product.objects.filter(pk__in=id_chunk))
        if progress:
            progress(len(id_chunk))
    plan.written = True
    return [g.product for g in touched if g.product is not None]


def import_products(
    data: bytes,
    filename: str = "",
    *,
    dry_run: bool = False,
    progress: Progress | None = None,
) -> ImportPlan:
    """Plan and (unless `dry_run`) write an import, all or nothing.

    Raises `ImportFailed` (carrying the plan with every error) when a row is bad.
    """
    with transaction.atomic():
        plan = plan_import(data, filename, progress=progress)
        if not plan.ok:
            raise ImportFailed(plan)
        if not dry_run:
            apply_import(plan)
    return plan
