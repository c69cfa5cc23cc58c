"""Import products from a CSV or XLSX file on the bulk import contract, all or nothing."""

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser, OutputWrapper
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _
from tqdm import tqdm

from catalog import importing


class RawStream:
    """A command's stdout or stderr without the line ending OutputWrapper adds to every write:
    tqdm redraws its bar in place with carriage returns, and CSV brings its own line ends."""

    def __init__(self, wrapper: OutputWrapper) -> None:
        self.wrapper = wrapper

    def write(self, text: str) -> None:
        self.wrapper.write(text, ending="")

    def flush(self) -> None:
        self.wrapper.flush()


class Command(BaseCommand):
    help = (
        "Import products (one row per pack) from a UTF-8 CSV or an XLSX file. Every bad row "
        "is reported with its line and column, and then nothing is written. A file with only "
        "some columns (sku plus e.g. price_eur and stock) changes those columns of existing "
        "packs. Verbosity: 0 errors only, 1 totals and what needs attention (new brands, "
        "drafts; a dry run also lists every product that changes), 2 every product, "
        "unchanged ones too."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", help="CSV or XLSX file with the import header.")
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Check the file and report what would change; write nothing.",
        )
        parser.add_argument(
            "--no-progress", action="store_true", help="Do not show a progress bar."
        )
        parser.add_argument(
            "--language",
            choices=[code for code, _name in settings.LANGUAGES],
            help="Language of the output (default: the project's LANGUAGE_CODE).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        with translation.override(options["language"] or settings.LANGUAGE_CODE):
            self.run(options)

    def run(self, options: dict[str, Any]) -> None:
        path = Path(options["file"])
        try:
            data = path.read_bytes()
        except OSError as error:
            raise CommandError(
                _("Cannot read %(path)s: %(reason)s") % {"path": path, "reason": error.strerror}
            ) from error
        verbosity = options["verbosity"]
        quiet = options["no_progress"] or verbosity < 1
        stream = RawStream(self.stderr)
        with transaction.atomic():
            with tqdm(desc=_("checking"), unit=" rows", disable=quiet, file=stream) as bar:
                plan = importing.plan_import(data, path.name, progress=bar.update)
            for warning in plan.warnings:
                self.stderr.write(
                    _("warning: %(warning)s") % {"warning": warning},
                    style_func=self.style.WARNING,
                )
            if not plan.ok:
                for problem in plan.errors:
                    self.stderr.write(str(problem))
                raise CommandError(
                    _("%(count)s errors in %(file)s; nothing was imported.")
                    % {"count": len(plan.errors), "file": path.name}
                )
            if options["dry_run"]:
                self.report(plan, verbosity, listing=True)
                if verbosity >= 1:
                    self.stdout.write(
                        _("Dry run, nothing written. %(summary)s") % {"summary": plan.summary()}
                    )
                return
            to_write = sum(p.status != importing.STATUS_UNCHANGED for p in plan.products)
            with tqdm(
                desc=_("writing"), total=to_write, unit=" products", disable=quiet, file=stream
            ) as bar:
                importing.apply_import(plan, progress=bar.update)
        self.report(plan, verbosity, listing=verbosity >= 2)
        if verbosity >= 1:
            self.stdout.write(
                self.style.SUCCESS(
                    _("Imported %(file)s. %(summary)s")
                    % {"file": path.name, "summary": plan.summary()}
                )
            )

    def report(self, plan: importing.ImportPlan, verbosity: int, *, listing: bool) -> None:
        """What the import does: per product (when `listing`), new brands and drafts."""
        if verbosity < 1:
            return
        if plan.partial:
            self.stdout.write(
                _("Only these columns are changed: %(columns)s.")
                % {"columns": ", ".join(plan.columns)}
            )
        if listing:
            for product in plan.products:
                if verbosity >= 2 or product.status != importing.STATUS_UNCHANGED:
                    self.stdout.write(f"  {product.describe()}")
        for text in importing.attention_notes(plan):
            self.stdout.write(text, style_func=self.style.WARNING)
