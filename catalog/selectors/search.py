"""Search: products by every word of a query (substring on the folded search text, on
PostgreSQL also stemmed full-text prefixes), relevance order, and article search."""

from __future__ import annotations

import re
from typing import Any

from django.db import connections
from django.db.models import (
    BooleanField,
    Case,
    Expression,
    FloatField,
    IntegerField,
    Q,
    QuerySet,
    Value,
    When,
)

from ..compliance import fold
from ..models import Article


def search_terms(text: str) -> list[str]:
    """The folded words of a search, at most ten."""
    return [t for t in fold(text).split() if t][:10]


class _ProductColumn(Expression):
    """A column of the product table that Django does not model (PostgreSQL's generated
    `search_vector`), qualified with whatever alias the product table has in this query."""

    def __init__(self, column: str, output_field: Any) -> None:
        super().__init__(output_field=output_field)
        self.column = column

    def as_sql(self, compiler: Any, connection: Any, **extra: Any) -> tuple[str, list[Any]]:
        alias = compiler.query.base_table
        return (
            f"{compiler.quote_name_unless_alias(alias)}.{connection.ops.quote_name(self.column)}",
            [],
        )


class _FullTextMatch(Expression):
    """`search_vector @@ query`, the query being the prefix terms in Dutch OR English."""

    conditional = True
    output_field: Any = BooleanField()

    def __init__(self, tsquery: str) -> None:
        super().__init__()
        self.tsquery = tsquery
        self.vector = _ProductColumn("search_vector", BooleanField())

    def as_sql(self, compiler: Any, connection: Any, **extra: Any) -> tuple[str, list[Any]]:
        vector, _params = compiler.compile(self.vector)
        return f"{vector} @@ ({_TSQUERY})", [self.tsquery, self.tsquery]


class _FullTextRank(_FullTextMatch):
    conditional = False
    output_field: Any = FloatField()

    def as_sql(self, compiler: Any, connection: Any, **extra: Any) -> tuple[str, list[Any]]:
        vector, _params = compiler.compile(self.vector)
        return f"ts_rank({vector}, {_TSQUERY})", [self.tsquery, self.tsquery]


_TSQUERY = "to_tsquery('dutch'::regconfig, %s) || to_tsquery('english'::regconfig, %s)"


def _tsquery(term: str) -> str | None:
    """`term` as a prefix query for to_tsquery ('co-q10' -> 'co:* & q10:*'); None if no word."""
    words = re.findall(r"\w+", term)
    return " & ".join(f"{w}:*" for w in words) if words else None


def _full_text(queryset: QuerySet[Any]) -> bool:
    return bool(connections[queryset.db].vendor == "postgresql")


def product_search(queryset: QuerySet[Any], text: str) -> QuerySet[Any]:
    """Every word must be found: as a substring of the folded search text (accent- and
    case-insensitive), or, on PostgreSQL, also as a word prefix after Dutch or English
    stemming ("tabletten" finds "tablet", "capsules" finds "capsule").

    On PostgreSQL the substring test uses the trigram GIN index on `search_text` and the
    word test the GIN index on the generated `search_vector` (migration 0003); SQLite scans.
    So results are the same on both databases, PostgreSQL adding stemmed matches.
    """
    full_text = _full_text(queryset)
    for term in search_terms(text):
        match = Q(search_text__contains=term)
        tsquery = _tsquery(term) if full_text else None
        if tsquery:
            match |= Q(_FullTextMatch(tsquery))
        queryset = queryset.filter(match)
    return queryset


def order_by_relevance(queryset: QuerySet[Any], text: str) -> QuerySet[Any]:
    """Exact name first, then names holding every word, then the rest; within each group
    by full-text rank on PostgreSQL (names weigh most), then by name."""
    terms = search_terms(text)
    if not terms:
        return queryset.order_by("name", "id")
    name_hits = Q()
    for term in terms:
        name_hits &= Q(name_nl__icontains=term) | Q(name_en__icontains=term)
    folded = fold(text).strip()
    queryset = queryset.annotate(
        _relevance=Case(
            When(Q(name_nl__iexact=folded) | Q(name_en__iexact=folded), then=Value(0)),
            When(name_hits, then=Value(1)),
            default=Value(2),
            output_field=IntegerField(),
        )
    )
    words = [q for q in (_tsquery(t) for t in terms) if q]
    if _full_text(queryset) and words:
        queryset = queryset.annotate(_rank=_FullTextRank(" & ".join(words)))
        return queryset.order_by("_relevance", "-_rank", "name", "id")
    return queryset.order_by("_relevance", "name", "id")


ARTICLE_SEARCH_FIELDS = ("title", "summary", "keywords")


def article_search(text: str, limit: int = 10) -> list[Article]:
    """Published articles whose title, summary or keywords hold every word (both languages)."""
    articles = Article.objects.filter(published=True)
    for term in text.split()[:10]:
        match = Q()
        for field in ARTICLE_SEARCH_FIELDS:
            for code in ("nl", "en"):
                match |= Q(**{f"{field}_{code}__icontains": term})
        articles = articles.filter(match)
    return list(articles[:limit])
