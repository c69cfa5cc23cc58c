"""Reads made outside a transaction, such as a feed's chunks while its body streams, survive a
connection that died under them (a failover, a restart): the read is made once more on a
fresh connection instead of cutting the feed off."""

from __future__ import annotations

import pytest
from django.db import OperationalError, connection, connections

from catalog.selectors._sql import keyset_page, reconnecting

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="terminates a PostgreSQL backend"),
]


def kill_this_connection() -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        pid = cursor.fetchone()[0]
    other = connections.create_connection("default")
    try:
        with other.cursor() as cursor:
            cursor.execute("SELECT pg_terminate_backend(%s)", [pid])
    finally:
        other.close()


def one() -> int:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        return int(cursor.fetchone()[0])


def test_a_read_on_a_dropped_connection_is_made_again():
    kill_this_connection()
    assert reconnecting(one) == 1


def test_an_error_on_a_healthy_connection_is_raised():
    def broken() -> None:
        with connection.cursor() as cursor:
            cursor.execute("SELECT * FROM no_such_table")

    with pytest.raises(Exception):  # noqa: B017 - the database's own error, whatever its class
        reconnecting(broken)


def test_a_chunked_read_goes_on_after_the_connection_dies_between_chunks():
    calls = []

    def fetch(after: int) -> list[int]:
        calls.append(after)
        if after == 2 and len(calls) == 2:
            kill_this_connection()
        if one() != 1:
            raise OperationalError("unreachable")
        return [n for n in range(after + 1, 6)][:2]

    read, after = [], 0
    while after is not None:
        chunk, after = keyset_page(fetch, after, 2, key=lambda n: n)
        read += chunk
    assert read == [1, 2, 3, 4, 5]
