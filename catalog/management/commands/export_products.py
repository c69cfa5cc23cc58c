"""Export products in the bulk import format (CSV or XLSX), one row per pack."""

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from catalog import importing
from catalog.models import Product

from .import_products import RawStream


class Command(BaseCommand):
    help = (
        "Export every product (one row per pack) with the import columns, so the file "
        "imports back unchanged. Writes CSV to standard output when no file is given."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", nargs="?", help="Output file (.csv or .xlsx); default stdout.")
        parser.add_argument(
            "--format",
            choices=["csv", "xlsx"],
            help="Default: from the file extension, else csv.",
        )
        parser.add_argument("--brand", action="append", help="Only this brand slug (repeatable).")
        parser.add_argument("--published", action="store_true", help="Only published products.")

    def handle(self, *args: Any, **options: Any) -> None:
        target = options["file"]
        fmt = options["format"] or (
            "xlsx" if target and target.lower().endswith(".xlsx") else "csv"
        )
        if fmt == "xlsx" and not target:
            raise CommandError(_("XLSX needs an output file."))
        queryset = Product.objects.all()
        if options["brand"]:
            queryset = queryset.filter(brand__slug__in=options["brand"])
        if options["published"]:
            queryset = queryset.filter(published=True)
        if not target:
            importing.write_csv(importing.export_rows(queryset), RawStream(self.stdout))
            return
        path = Path(target)
        if fmt == "xlsx":
            with path.open("wb") as stream:
                count = importing.write_xlsx(importing.export_rows(queryset), stream)
        else:
            with path.open("w", encoding="utf-8", newline="") as stream:
                count = importing.write_csv(importing.export_rows(queryset), stream)
        if options["verbosity"] >= 1:
            self.stderr.write(
                _("Exported %(count)s packs to %(path)s.") % {"count": count, "path": path}
            )
