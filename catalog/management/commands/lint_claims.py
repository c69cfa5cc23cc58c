"""Report every product and field whose copy makes a claim EU law does not allow."""

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from catalog import compliance
from catalog.models import Product

COPY_FIELDS = compliance.PRODUCT_COPY_FIELDS


class Command(BaseCommand):
    help = (
        "Lint product copy (names, descriptions, directions in nl and en) for unauthorised claims."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--published-only", action="store_true", help="Skip unpublished products."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        products = Product.objects.order_by("slug").only("slug", "published", *COPY_FIELDS)
        if options["published_only"]:
            products = products.filter(published=True)
        blocking = warnings = 0
        for product in products.iterator(chunk_size=1000):
            problems = compliance.lint_product_copy({f: getattr(product, f) for f in COPY_FIELDS})
            for field, issues in problems.items():
                for issue in issues:
                    level = "BLOCK" if issue.blocking else "warn"
                    blocking += issue.blocking
                    warnings += not issue.blocking
                    self.stdout.write(
                        f"{level}\t{product.slug}\t{field}\t{compliance.describe_issue(issue)}"
                    )
        summary = f"{blocking} blocking problem(s), {warnings} warning(s)."
        if blocking:
            raise CommandError(summary)
        self.stdout.write(
            self.style.SUCCESS(summary) if not warnings else self.style.WARNING(summary)
        )
