"""Migrations are reversible: `migrate catalog zero`, then forward again (PostgreSQL only).

Kept apart from the modules holding the demo catalog in an open transaction: this test runs
DDL and commits (transaction=True).
"""

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from tests.factories import make_product

postgres_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="transactional DDL: PostgreSQL only"
)


@postgres_only
@pytest.mark.django_db(transaction=True)
def test_catalog_migrations_reverse_to_zero_and_forward_again():
    """Every catalog migration can be unapplied and applied again, whatever its number."""
    executor = MigrationExecutor(connection)
    leaves = [key for key in executor.loader.graph.leaf_nodes() if key[0] == "catalog"]
    assert leaves
    call_command("migrate", "catalog", "zero", verbosity=0)
    tables = connection.introspection.table_names()
    assert not [t for t in tables if t.startswith("catalog_")]
    call_command("migrate", "catalog", verbosity=0)
    executor = MigrationExecutor(connection)
    assert executor.migration_plan(leaves) == []  # everything applied again
    # the tables work: a product and its derived figures
    product = make_product(slug="after-migrations")
    assert product.elemental_mg_per_day > 0
