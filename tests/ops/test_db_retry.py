"""A read whose connection dies during the request is answered by a second try; writes and
errors on a healthy connection are not retried."""

from __future__ import annotations

import pytest
from django.db import DatabaseError, connection
from django.http import HttpResponse
from django.test import Client, override_settings
from django.urls import path
from django.views.decorators.csrf import csrf_exempt

from catalog.models import Form
from tests.ops.test_connections import terminate

calls: list[str] = []


def dies_once(request):
    """Its database connection is terminated on the first call (a failover mid-request)."""
    calls.append(request.method)
    if len(calls) == 1:
        connection.ensure_connection()
        terminate(connection.connection.info.backend_pid)
    return HttpResponse(str(Form.objects.count()))


def always_fails(request):
    calls.append(request.method)
    raise DatabaseError("a bad query")


urlpatterns = [
    path("dies-once/", csrf_exempt(dies_once)),
    path("always-fails/", always_fails),
]

postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="terminates a PostgreSQL backend"
)


@pytest.fixture
def urls(settings):
    calls.clear()
    settings.ROOT_URLCONF = __name__
    return Client(raise_request_exception=False)


@postgresql_only
def test_a_read_whose_connection_was_terminated_is_answered_by_a_second_try(transactional_db, urls):
    response = urls.get("/dies-once/")
    assert response.status_code == 200
    assert calls == ["GET", "GET"]


@postgresql_only
def test_a_write_whose_connection_was_terminated_is_not_retried(transactional_db, urls):
    response = urls.post("/dies-once/")
    connection.close()  # the dead connection, before the test's teardown uses it
    assert response.status_code == 500
    assert calls == ["POST"]


@override_settings(DEBUG_PROPAGATE_EXCEPTIONS=False)
def test_a_database_error_on_a_healthy_connection_is_not_retried(db, urls):
    response = urls.get("/always-fails/")
    assert response.status_code == 500
    assert calls == ["GET"]
