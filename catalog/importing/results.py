"""What reading a file found: errors a line and column, and per row what importing does."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from .. import services
from ..models import Goal, Pack, Product
from .files import RowError
from .validate import NewBrand

STATUS_NEW = "new"
STATUS_MERGED = "merged"  # an existing product that gets new packs (same brand and name_en)
STATUS_CHANGED = "changed"
STATUS_UNCHANGED = "unchanged"
STATUS_LABELS = {
    STATUS_NEW: gettext_lazy("new"),
    STATUS_MERGED: gettext_lazy("merged into an existing product"),
    STATUS_CHANGED: gettext_lazy("changed"),
    STATUS_UNCHANGED: gettext_lazy("unchanged"),
}
PACK_STATUSES = (STATUS_NEW, STATUS_CHANGED, STATUS_UNCHANGED)

Progress = Callable[[int], None]


@dataclass(frozen=True)
class FieldChange:
    column: str
    old: str
    new: str

    def __str__(self) -> str:
        return f"{self.column}: {self.old or '∅'} -> {self.new or '∅'}"


@dataclass
class RowDiff:
    """What importing one row does: a new, changed or unchanged pack (and product)."""

    line: int
    sku: str
    product_label: str
    status: str
    changes: list[FieldChange] = field(default_factory=list)
    merged_into: str = ""  # a new pack of an existing product: that product's label

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
        if any(p.pack is None for p in self.packs):
            return STATUS_MERGED
        if self.changes or any(p.changes for p in self.packs):
            return STATUS_CHANGED
        return STATUS_UNCHANGED

    @property
    def status_label(self) -> str:
        return str(STATUS_LABELS[self.status])

    @property
    def is_draft(self) -> bool:
        """A new product the file does not publish: the shop and the API do not show it."""
        return self.is_new and not self.fields.get("published")

    @property
    def label(self) -> str:
        if self.product is not None and not self.is_new:
            return f"“{self.product.name}” ({self.product.slug})"
        return f"{self.key[0]} / {self.key[1]}"

    def describe(self) -> str:
        """One line saying what the import does to this product (dry run, command output)."""
        skus = ", ".join(p.data.sku for p in self.packs)
        args = {"product": self.label, "skus": skus, "count": len(self.packs)}
        if self.status == STATUS_NEW:
            text = _("new: %(product)s with %(count)s pack(s): %(skus)s") % args
            if self.is_draft:
                text += " " + _("(draft, not published)")
            return text
        changes = [str(c) for c in self.changes] + [
            f"{p.data.sku} {c}" for p in self.packs if p.pack is not None for c in p.changes
        ]
        details = f"; {'; '.join(changes)}" if changes else ""
        if self.status == STATUS_MERGED:
            args["skus"] = ", ".join(p.data.sku for p in self.packs if p.pack is None)
            return (
                _(
                    "merged: new pack(s) %(skus)s become packs of the existing product "
                    "%(product)s (same brand and name_en)"
                )
                % args
                + details
            )
        if self.status == STATUS_CHANGED:
            return _("changed: %(product)s") % args + details
        return _("unchanged: %(product)s") % args


@dataclass
class ImportPlan:
    """The outcome of reading a file: errors, warnings and the per-row diff."""

    errors: list[RowError] = field(default_factory=list)
    warnings: list[RowError] = field(default_factory=list)
    products: list[ProductPlan] = field(default_factory=list)
    new_brands: list[NewBrand] = field(default_factory=list)  # by first line
    columns: tuple[str, ...] = ()
    partial: bool = False  # a file without every column: it only changes existing packs
    row_count: int = 0
    written: bool = False

    @property
    def drafts(self) -> list[ProductPlan]:
        """New products that come in unpublished."""
        return [p for p in self.products if p.is_draft]

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def rows(self) -> list[RowDiff]:
        diffs = []
        for plan in self.products:
            for pack in plan.packs:
                merged_into = ""
                if plan.is_new or pack.pack is None:
                    status = STATUS_NEW
                    merged_into = "" if plan.is_new else plan.label
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
                        merged_into=merged_into,
                    )
                )
        return sorted(diffs, key=lambda d: d.line)

    def counts(self) -> dict[str, int]:
        result = {f"products_{s}": 0 for s in STATUS_LABELS} | {
            f"packs_{s}": 0 for s in PACK_STATUSES
        }
        for plan in self.products:
            result[f"products_{plan.status}"] += 1
        for row in self.rows:
            result[f"packs_{row.status}"] += 1
        return result

    def summary(self) -> str:
        c = self.counts()
        return _(
            "%(rows)s rows: products %(pn)s new, %(pm)s merged into existing products, "
            "%(pc)s changed, %(pu)s unchanged; packs %(kn)s new, %(kc)s changed, "
            "%(ku)s unchanged."
        ) % {
            "rows": self.row_count,
            "pn": c["products_new"],
            "pm": c["products_merged"],
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


def attention_notes(plan: ImportPlan) -> list[str]:
    """What a manager must know before or after importing: new brands, new drafts."""
    notes = []
    if plan.new_brands:
        notes.append(
            _("New brands, created with the import: %(brands)s.")
            % {
                "brands": ", ".join(
                    _("%(name)s (slug %(slug)s, line %(line)s)")
                    % {"name": b.name, "slug": b.slug, "line": b.line}
                    for b in plan.new_brands
                )
            }
        )
    drafts = plan.drafts
    if drafts:
        notes.append(
            ngettext(
                "%(count)s new product is a draft: the shop and the API do not show it until "
                "it is published.",
                "%(count)s new products are drafts: the shop and the API do not show them "
                "until they are published.",
                len(drafts),
            )
            % {"count": len(drafts)}
            + " "
            + _(
                "To publish: in the admin, Products, select them and choose the action "
                "“Publish selected products”; or import the file again with a column "
                "published set to true (ja)."
            )
        )
    return notes
