"""Import files: the contract's columns, CSV and XLSX reading and writing, formula escaping.

A file with every column of `COLUMNS` is a *full* file: its rows create and change products.
A file with `sku` and only some of the columns is a *partial* file (a daily price and stock
sync): it changes those columns of existing packs and products and nothing else.
`OPTIONAL_COLUMNS` may be left out of a full file; export writes them.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _

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
# Optional in a full file, written by export (contract v1.1): `published` (without it new
# products are drafts and existing ones keep their state), `route` (oral or topical; without
# it a new product gets the route its dose form and texts suggest, an existing one keeps its
# own) and `sweeteners` (`|`-separated, e.g. xylitol; without it a product keeps its own).
OPTIONAL_COLUMNS: tuple[str, ...] = ("published", "route", "sweeteners")
EXPORT_COLUMNS = COLUMNS + OPTIONAL_COLUMNS
KNOWN_COLUMNS = frozenset(EXPORT_COLUMNS)
PACK_COLUMNS = ("sku", "gtin", "servings_per_container", "price_eur", "stock")
PRODUCT_COLUMNS = tuple(c for c in EXPORT_COLUMNS if c not in PACK_COLUMNS)
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
BASIS_ELEMENTAL = "elemental"
BASIS_COMPOUND = "compound"

# Spreadsheet formula injection (OWASP "CSV injection"): a cell starting with one of these is
# run as a formula by Excel/LibreOffice. Export prefixes it with an apostrophe; import strips it.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


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


# --- cells: formula escaping ------------------------------------------------------------------


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


# --- writing --------------------------------------------------------------------------------


def write_csv(rows: Iterable[dict[str, str]], stream: Any) -> int:
    """Write rows as UTF-8 CSV text to a text stream; returns the number of rows (a column a
    row lacks is written empty)."""
    writer = csv.writer(stream, lineterminator="\r\n")
    writer.writerow(EXPORT_COLUMNS)
    count = 0
    for row in rows:
        writer.writerow([escape_formula(row.get(c, "")) for c in EXPORT_COLUMNS])
        count += 1
    return count


def write_xlsx(rows: Iterable[dict[str, str]], stream: Any) -> int:
    """Write rows as an XLSX workbook (every cell text, so GTINs keep their leading zeros)."""
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("products")
    sheet.append(list(EXPORT_COLUMNS))
    count = 0
    for row in rows:
        # openpyxl stores a string starting with "=" as a formula: escaping also prevents that.
        sheet.append([escape_formula(row.get(c, "")) for c in EXPORT_COLUMNS])
        count += 1
    workbook.save(stream)
    return count


# --- reading --------------------------------------------------------------------------------


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


@dataclass
class FileRows:
    """What a file holds: its rows (only the known columns it has), or why it cannot be read."""

    rows: list[tuple[int, dict[str, str]]]
    columns: tuple[str, ...]  # the known columns of the header, in `EXPORT_COLUMNS` order
    errors: list[RowError]
    warnings: list[RowError]

    @property
    def is_partial(self) -> bool:
        """A file without every column of `COLUMNS`: it only changes existing packs."""
        return not set(COLUMNS) <= set(self.columns)


def read_rows(
    data: bytes, filename: str = ""
) -> tuple[list[tuple[int, dict[str, str]]], list[RowError]]:
    """(line, {column: stripped, unescaped text}) per non-empty data row, or file-level errors."""
    table = read_file(data, filename)
    return table.rows, table.errors


def read_file(data: bytes, filename: str = "") -> FileRows:
    """Read a CSV or XLSX file: rows of the known columns, file-level errors and warnings."""
    if not data.strip():
        return _failed(RowError(1, "", _("The file is empty.")))
    if is_xlsx(data, filename):
        table = _xlsx_table(data)
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            line = data[: error.start].count(b"\n") + 1
            return _failed(
                RowError(
                    line,
                    "",
                    _("The file is not UTF-8 text (byte %(byte)s); save it as CSV UTF-8.")
                    % {"byte": error.start},
                )
            )
        table = _csv_table(text)
    if isinstance(table, RowError):
        return _failed(table)
    if not table:
        return _failed(RowError(1, "", _("The file is empty.")))
    header_line, header = table[0]
    names = [h.strip().lower() for h in header]
    errors = []
    if "sku" not in names:
        errors.append(RowError(header_line, "sku", _("The required column is missing.")))
    seen: set[str] = set()
    for name in names:
        if name in seen and name:
            errors.append(RowError(header_line, name, _("The column appears twice.")))
        seen.add(name)
    if errors:
        return _failed(*errors)
    warnings = [
        RowError(header_line, name, _("Unknown column; it is ignored."))
        for name in names
        if name and name not in KNOWN_COLUMNS
    ]
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
            if name in KNOWN_COLUMNS
        }
        rows.append((line, row))
    if errors:
        return _failed(*errors)
    if not rows:
        return _failed(RowError(header_line + 1, "", _("The file has a header but no rows.")))
    columns = tuple(c for c in EXPORT_COLUMNS if c in names)
    return FileRows(rows=rows, columns=columns, errors=[], warnings=warnings)


def _failed(*errors: RowError) -> FileRows:
    return FileRows(rows=[], columns=(), errors=list(errors), warnings=[])


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
