"""Report every product whose stored dose figures differ from a fresh computation."""

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from catalog import selectors, services
from catalog.models import Product


class Command(BaseCommand):
    help = "Compare each product's stored derived fields with a fresh computation; exit 1 on drift."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--fix", action="store_true", help="Recompute the products that drifted."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        nrv = selectors.reference.nrv_mg()
        drifted: list[int] = []
        products = services.with_relations(Product.objects.order_by("pk"))
        checked = 0
        for product in products.iterator(chunk_size=1000):
            checked += 1
            expected = services.product_fresh_values(product=product, nrv_mg=nrv)
            differences = [
                f"{name}: stored {getattr(product, name)!s}, computed {value!s}"
                for name, value in expected.items()
                if getattr(product, name) != value
            ]
            if differences:
                drifted.append(product.pk)
                self.stdout.write(f"{product.slug}: " + "; ".join(differences))
        if drifted and options["fix"]:
            services.products_recompute(queryset=Product.objects.filter(pk__in=drifted))
            self.stdout.write(self.style.SUCCESS(f"Recomputed {len(drifted)} product(s)."))
            return
        if drifted:
            raise CommandError(f"{len(drifted)} of {checked} product(s) have stale derived fields.")
        self.stdout.write(
            self.style.SUCCESS(f"All {checked} product(s) agree with a fresh computation.")
        )
