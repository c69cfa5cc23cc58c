import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.utils import translation

from tests.factories import reference_values


@pytest.fixture(autouse=True)
def _clean_state():
    """Each test starts with an empty cache and Dutch active, as a fresh request would."""
    cache.clear()
    translation.activate("nl")
    yield
    cache.clear()
    translation.deactivate()


@pytest.fixture
def refs(db):
    """NRV and upper levels in the database."""
    reference_values()


@pytest.fixture(scope="session")
def demo_catalog(django_db_setup, django_db_blocker):
    """The demo catalog loaded once for the session (tests using it must not write)."""
    with django_db_blocker.unblock():
        call_command("load_demo", verbosity=0)
    yield


@pytest.fixture
def api():
    from rest_framework.test import APIClient

    return APIClient()
