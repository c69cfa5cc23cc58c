"""Import products from a CSV or XLSX file on the bulk import contract, all or nothing."""

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction
from tqdm import tqdm

from catalog import importing


class Command(BaseCommand):
    help = (
        "Import products (one row per pack) from a UTF-8 CSV or an XLSX file. Every bad row "
        "is reported with its line and column, and then nothing is written."
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

    def handle(self, *args: Any, **options: Any) -> None:
        path = Path(options["file"])
        try:
            data = path.read_bytes()
        except OSError as error:
            raise CommandError(f"Cannot read {path}: {error.strerror}") from error
        quiet = options["no_progress"] or options["verbosity"] < 1
        with transaction.atomic():
            with tqdm(desc="checking", unit=" rows", disable=quiet, file=self.stderr) as bar:
                plan = importing.plan_import(data, path.name, progress=bar.update)
            for warning in plan.warnings:
                self.stderr.write(f"warning: {warning}", style_func=self.style.WARNING)
            if not plan.ok:
                for error in plan.errors:
                    self.stderr.write(str(error))
                raise CommandError(
                    f"{len(plan.errors)} errors in {path.name}; nothing was imported."
                )
            if options["dry_run"]:
                self.stdout.write(f"Dry run, nothing written. {plan.summary()}")
                return
            to_write = sum(p.status != importing.STATUS_UNCHANGED for p in plan.products)
            with tqdm(
                desc="writing", total=to_write, unit=" products", disable=quiet, file=self.stderr
            ) as bar:
                importing.apply_import(plan, progress=bar.update)
        self.stdout.write(self.style.SUCCESS(f"Imported {path.name}. {plan.summary()}"))
