import pytest
from django.core.management import call_command
from django.db import transaction


@pytest.fixture(scope="module")
def demo_module(django_db_setup, django_db_blocker):
    """The demo catalog, loaded once per module inside a transaction rolled back afterwards.

    Each test still runs in its own savepoint (the `db` fixture), so writes never leak into
    the next test or into other modules.
    """
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_demo", verbosity=0)
        yield
        transaction.set_rollback(True)


@pytest.fixture
def demo(demo_module, db):
    """The demo catalog for one test (its writes are rolled back)."""
