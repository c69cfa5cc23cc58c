"""What the catalog offers for the project's database: planner settings, indexes without W040."""

import pytest
from django.core.checks import run_checks
from django.db import connection

from catalog.database import tuned_database
from catalog.models import Product

POSTGRESQL = {"ENGINE": "django.db.backends.postgresql", "NAME": "shop"}


def test_postgresql_connections_get_the_lower_random_page_cost():
    assert tuned_database(POSTGRESQL)["OPTIONS"] == {"options": "-c random_page_cost=1.1"}


def test_existing_connection_options_are_kept():
    entry = {
        **POSTGRESQL,
        "OPTIONS": {"options": "-c statement_timeout=5000", "sslmode": "require"},
    }

    assert tuned_database(entry, random_page_cost=4)["OPTIONS"] == {
        "options": "-c statement_timeout=5000 -c random_page_cost=4.0",
        "sslmode": "require",
    }
    assert entry["OPTIONS"]["options"] == "-c statement_timeout=5000"  # a copy, not changed


@pytest.mark.parametrize("cost", [None, ""])
def test_no_cost_keeps_the_servers_value(cost):
    assert "OPTIONS" not in tuned_database(POSTGRESQL, random_page_cost=cost)


def test_other_databases_are_left_alone():
    sqlite = {"ENGINE": "django.db.backends.sqlite3", "NAME": "db.sqlite3"}
    assert tuned_database(sqlite) == sqlite


def test_a_cost_that_is_not_a_number_is_refused():
    with pytest.raises(ValueError):
        tuned_database(POSTGRESQL, random_page_cost="fast")


@pytest.mark.django_db
def test_the_models_raise_no_warning_on_this_database(settings):
    settings.SILENCED_SYSTEM_CHECKS = []
    messages = run_checks(databases=["default"])
    assert [m.id for m in messages if m.id and m.id.startswith("models.")] == []


def _facet_index_sql():
    [index] = [i for i in Product._meta.indexes if i.name == "product_facet_scan"]
    editor = connection.schema_editor(collect_sql=True)
    return str(index.create_sql(Product, editor))


@pytest.mark.skipif(connection.vendor != "postgresql", reason="covering indexes: PostgreSQL")
def test_the_facet_index_includes_its_columns_on_postgresql():
    sql = _facet_index_sql()
    assert 'INCLUDE ("dose_form", "form_mask", "goal_mask"' in sql


@pytest.mark.skipif(connection.vendor == "postgresql", reason="no covering indexes there")
def test_the_facet_index_is_a_plain_index_elsewhere():
    sql = _facet_index_sql()
    assert "INCLUDE" not in sql and '("published", "brand_id")' in sql


@pytest.mark.skipif(connection.vendor != "postgresql", reason="covering indexes: PostgreSQL")
@pytest.mark.django_db
def test_the_migrated_facet_index_keeps_its_included_columns():
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexdef FROM pg_indexes WHERE indexname = 'product_facet_scan'")
        [(definition,)] = cursor.fetchall()
    assert "INCLUDE (dose_form, form_mask, goal_mask" in definition
