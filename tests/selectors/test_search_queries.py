"""The search quality set: what shoppers type (tests/selectors/search_queries.tsv, written
before tuning) against the demo catalog, through the API as an integrator or the pages see it.

Each line names the kind of product the first results must be; the test prints the score and
every miss, and asserts at least 95 %. Run it on PostgreSQL too (DATABASE_URL=postgres://...):
the same set, the same threshold.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from django.db import connection

from catalog.compliance import fold

QUERIES = Path(__file__).with_name("search_queries.tsv")
TOP = 3  # each of the first three results (or all, when fewer) must be of the expected kind
TARGET = 0.95


@dataclass(frozen=True)
class Query:
    text: str
    lang: str
    expect: str
    kind: str


def load_queries() -> list[Query]:
    rows = []
    for line in QUERIES.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        text, lang, expect, kind = line.split("\t")
        rows.append(Query(text, lang, expect, kind))
    return rows


def _values(product: dict, key: str) -> set[str]:
    if key == "goal":
        return {g["slug"] for g in product["goals"]}
    if key == "form":
        return {f["slug"] for f in product["forms"]}
    if key == "dose_form":
        return {product["dose_form"]}
    if key == "brand":
        return {product["brand"]["slug"]}
    if key == "diet":
        return set(product["diet"])
    raise ValueError(key)


def meets(product: dict, condition: str) -> bool:
    key, _, wanted = condition.partition(":")
    options = set(wanted.split("|"))
    if key == "name":
        return any(fold(option) in fold(product["name"]) for option in options)
    return bool(_values(product, key) & options)


def judge(query: Query, results: list[dict], count: int) -> str | None:
    """None when the results are what the line expects, else why not."""
    if query.expect == "none":
        return None if count == 0 else f"expected nothing, found {count}"
    if count == 0:
        return "found nothing"
    if query.expect == "any":
        return None
    for position, product in enumerate(results[:TOP], start=1):
        for condition in query.expect.split(" & "):
            if not meets(product, condition):
                return f"#{position} {product['slug']} fails {condition}"
    return None


def run_set(api) -> tuple[int, list[str]]:
    passed, misses = 0, []
    for query in load_queries():
        response = api.get("/api/v1/products/", {"q": query.text, "lang": query.lang})
        assert response.status_code == 200, (query, response.content)
        body = response.json()
        why = judge(query, body["results"], body["count"])
        if why is None:
            passed += 1
        else:
            misses.append(f"{query.kind:9} {query.text!r} ({query.lang}): {why}")
    return passed, misses


def test_the_set_covers_what_the_issue_asks():
    queries = load_queries()
    kinds = {q.kind for q in queries}
    assert len(queries) >= 100
    assert {q.lang for q in queries} == {"nl", "en"}
    assert {
        "goal",
        "symptom",
        "form",
        "dose_form",
        "diet",
        "brand",
        "words",
        "typo",
        "nothing",
    } <= kinds


@pytest.mark.django_db
def test_search_finds_what_shoppers_type(api, demo_catalog, capsys):
    passed, misses = run_set(api)
    total = len(load_queries())
    score = passed / total
    with capsys.disabled():
        print(f"\nsearch quality on {connection.vendor}: {passed}/{total} = {score:.1%}")
        for miss in misses:
            print("  miss:", miss)
    assert score >= TARGET, "\n".join(misses)
