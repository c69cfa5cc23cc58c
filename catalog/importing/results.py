"""What reading a file found: errors a line and column, and per row what importing does."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .. import services
from ..models import Goal, Pack, Product
from .files import RowError

STATUS_NEW = "new"
STATUS_CHANGED = "changed"
STATUS_UNCHANGED = "unchanged"
STATUS_LABELS = {
    STATUS_NEW: gettext_lazy("new"),
    STATUS_CHANGED: gettext_lazy("changed"),
    STATUS_UNCHANGED: gettext_lazy("unchanged"),
}

Progress = Callable[[int], None]


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
