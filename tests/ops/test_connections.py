"""A database connection dropped between requests (a failover, a restart, an idle timeout)
is replaced before the next request uses it: no error reaches the client."""

from __future__ import annotations

import psycopg
import pytest
from django.db import close_old_connections, connection

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="terminates a PostgreSQL backend"
)


def terminate(pid: int) -> None:
    settings = connection.settings_dict
    with psycopg.connect(
        host=settings["HOST"] or "127.0.0.1",
        port=settings["PORT"] or 5432,
        user=settings["USER"],
        password=settings["PASSWORD"] or None,
        dbname=settings["NAME"],
        autocommit=True,
    ) as other:
        other.execute("SELECT pg_terminate_backend(%s)", [pid])


def test_a_kept_connection_that_was_dropped_is_replaced_without_an_error(transactional_db, client):
    assert connection.settings_dict["CONN_HEALTH_CHECKS"] is True
    assert client.get("/api/v1/forms/").status_code == 200
    terminate(connection.connection.info.backend_pid)
    close_old_connections()  # what Django does as each request starts (the test client skips it)
    assert client.get("/api/v1/forms/").status_code == 200
