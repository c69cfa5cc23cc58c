import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import transaction
from django.utils import translation

from catalog.cache import forget_process_values, safe_cache
from catalog.selectors import facet_index, ranked
from catalog.web import cards
from tests.factories import reference_values


@pytest.fixture(autouse=True)
def _clean_state():
    """Each test starts with an empty cache and Dutch active, as a fresh request would."""
    cache.clear()
    safe_cache.reset()  # a test that took the cache away must not leave it "down" for the next
    facet_index.forget()  # tests also write without the services (factories, fixtures)
    forget_process_values()
    ranked.forget()
    cards.forget()
    translation.activate("nl")
    yield
    cache.clear()
    safe_cache.reset()
    translation.deactivate()


@pytest.fixture(autouse=True)
def _throttle_clock(monkeypatch):
    """The API throttle's clock stands still at the start of a minute, so that a test's
    requests all fall in one window (a real minute boundary in the middle of a test counting
    to a low rate starts a new count: it made such tests fail now and then)."""
    from types import SimpleNamespace

    from catalog.api import throttling

    monkeypatch.setattr(throttling, "time", SimpleNamespace(time=lambda: 60 * 29_000_000.0))


@pytest.fixture
def refs(db):
    """NRV and upper levels in the database."""
    reference_values()


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
def demo_catalog(demo_module, db):
    """The demo catalog for one test (its writes are rolled back)."""


@pytest.fixture
def api():
    from rest_framework.test import APIClient

    return APIClient()
