"""Shared helpers of the benchmark scripts: databases, Django setup, percentiles."""

from __future__ import annotations

import os
import statistics
import sys
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
FORBIDDEN = {"test", "test_test", "postgres", "template0", "template1"}


def database_url(base_url: str, name: str) -> str:
    """`base_url` with its database name replaced by `name` (a bench_* name only)."""
    if name in FORBIDDEN or not name.startswith("bench"):
        raise SystemExit(f"refusing to use database {name!r}: benchmarks use bench* databases")
    parts = urlsplit(base_url)
    return urlunsplit((parts.scheme, parts.netloc, f"/{name}", parts.query, parts.fragment))


def recreate_database(url: str) -> None:
    """Drop and create the database of `url` (PostgreSQL, a bench* name only)."""
    import psycopg

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    if name in FORBIDDEN or not name.startswith("bench"):
        raise SystemExit(f"refusing to drop database {name!r}")
    admin = urlunsplit((parts.scheme, parts.netloc, "/postgres", parts.query, ""))
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')


def setup_django() -> None:
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "shop_mg.settings")
    import warnings

    warnings.filterwarnings("ignore", message="No directory at")
    import django

    django.setup()


def p50(samples: list[float]) -> float:
    return statistics.median(samples)


def p95(samples: list[float]) -> float:
    if len(samples) < 2:
        return samples[0]
    return statistics.quantiles(samples, n=20, method="inclusive")[-1]
