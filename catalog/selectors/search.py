"""Search: what a query means (`search_plan`: stop words dropped, typos corrected, words found
nowhere set aside), the products it finds (every meaningful word, or the best partial matches
when no product has them all), their relevance order, and article search.

A word is found as a substring of the folded search text (accent- and case-insensitive; a
product's goals, forms, their search words, dose-form and diet words are part of it, see
`derived.search_keywords_of`), on PostgreSQL also as a stemmed full-text prefix. Both
databases find the same products for the same plan (PostgreSQL adds stemmed matches: it may
find more, never less) and rank them by the same rules, PostgreSQL breaking ties by
`ts_rank`.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
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
    TextField,
    Value,
    When,
)
from django.db.models.functions import Concat
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _

from ..cache import cached
from ..compliance import fold
from ..models import Article, Product
from ..search_words import STOP_WORDS, words_of
from . import spelling

MAX_WORDS = 10
MIN_PARTIAL, MAX_PARTIAL = 2, 3  # how many found words may give partial results


def search_terms(text: str) -> list[str]:
    """The meaningful folded words of a search, at most ten: stop words ("voor", "de",
    "the", "with") left out unless the query holds nothing else; each word once."""
    words = list(dict.fromkeys(words_of(text)))[:MAX_WORDS]
    meaningful = [w for w in words if w not in STOP_WORDS]
    return meaningful or words


@dataclass(frozen=True)
class SearchPlan:
    """What a query searches for, worked out once per catalog version and query."""

    text: str
    words: tuple[str, ...]  # the words searched, corrections applied
    ignored: tuple[str, ...]  # stop words left out
    corrections: tuple[tuple[str, str], ...]  # (typed, searched instead)
    not_found: tuple[str, ...]  # words no product has, even corrected
    match_all: bool  # every word must match; False: products with any, most first

    @property
    def partial(self) -> bool:
        """Whether the results leave some of the query's words out."""
        return bool(self.not_found) or not self.match_all

    @property
    def suggestion(self) -> str | None:
        """The query with its typos corrected ("Did you mean ...?"), if any was."""
        if not self.corrections:
            return None
        fixed = dict(self.corrections)
        return " ".join(fixed.get(w, w) for w in words_of(self.text))


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


def word_match(word: str, full_text: bool) -> Q:
    """Where one word is found: the folded search text, on PostgreSQL also full text."""
    match = Q(search_text__contains=word)
    tsquery = _tsquery(word) if full_text else None
    if tsquery:
        match |= Q(_FullTextMatch(tsquery))
    return match


def _all(words: tuple[str, ...] | list[str], full_text: bool) -> Q:
    match = Q()
    for word in words:
        match &= word_match(word, full_text)
    return match


def _any(words: tuple[str, ...], full_text: bool) -> Q:
    match = Q()
    for word in words:
        match |= word_match(word, full_text)
    return match


def _build_plan(text: str, lang: str) -> SearchPlan:
    products = Product.objects.published()
    full_text = _full_text(products)
    typed = list(dict.fromkeys(words_of(text)))[:MAX_WORDS]
    terms = search_terms(text)
    words: list[str] = []
    corrections: list[tuple[str, str]] = []
    not_found: list[str] = []
    for term in terms:
        if products.filter(word_match(term, full_text)).exists():
            words.append(term)
            continue
        fixed = spelling.correction(term, lang)
        if fixed and products.filter(word_match(fixed, full_text)).exists():
            corrections.append((term, fixed))
            words.append(fixed)
        else:
            not_found.append(term)
    words = list(dict.fromkeys(words))
    if len(not_found) * 2 > len(terms):
        words = []  # most of it is found nowhere: not a shopper's query ("' OR 1=1; --")
    # Partial results for a few words only: with more, "some of them" is noise.
    match_all = (
        not MIN_PARTIAL <= len(words) <= MAX_PARTIAL
        or products.filter(_all(words, full_text)).exists()
    )
    return SearchPlan(
        text=text.strip(),
        words=tuple(words),
        ignored=tuple(w for w in typed if w not in terms),
        corrections=tuple(corrections),
        not_found=tuple(not_found),
        match_all=match_all,
    )


def search_plan(text: str, lang: str | None = None) -> SearchPlan:
    """The plan of a query, cached per catalog version (a handful of EXISTS queries)."""
    lang = (lang or get_language() or "nl")[:2]
    key = hashlib.blake2b(f"{lang}|{text.strip()}".encode(), digest_size=12).hexdigest()
    return cached(f"search:plan:{key}", lambda: _build_plan(text, lang), local=True)


def product_search(queryset: QuerySet[Any], text: str) -> QuerySet[Any]:
    """The products of `queryset` the query finds: those with every meaningful word, or,
    when no published product has them all, those with any of them (the plan says which)."""
    plan = search_plan(text)
    full_text = _full_text(queryset)
    if not plan.words:  # nothing found: the words themselves (no match), or no word at all
        return queryset.filter(_all(plan.not_found, full_text))
    if plan.match_all:
        return queryset.filter(_all(plan.words, full_text))
    return queryset.filter(_any(plan.words, full_text))


def _keyword_score(word: str) -> Case:
    """3: the word is one of the product's keywords (a goal, form, its search words, the
    dose form, a diet, a name word); 2: a keyword starts with it; 1: a keyword holds it;
    0: only its description has it."""
    return Case(
        When(_keywords__contains=f" {word} ", then=Value(3)),
        When(_keywords__contains=f" {word}", then=Value(2)),
        When(_keywords__contains=word, then=Value(1)),
        default=Value(0),
        output_field=IntegerField(),
    )


def _name_holds(word: str) -> Q:
    """A word of the name (either language) starts with `word`."""
    match = Q()
    for field in ("name_nl", "name_en"):
        match |= Q(**{f"{field}__istartswith": word}) | Q(**{f"{field}__icontains": f" {word}"})
    return match


def order_by_relevance(queryset: QuerySet[Any], text: str) -> QuerySet[Any]:
    """Exact name first; then names with every word; then (partial results) the products
    with most of the words; then by keyword score (a goal, form or dose-form match above a
    word only the description has); on PostgreSQL by full-text rank; then by name."""
    plan = search_plan(text)
    if not plan.words:
        return queryset.order_by("name", "id")
    full_text = _full_text(queryset)
    folded = fold(text).strip()
    name_hits = Q()
    for word in plan.words:
        name_hits &= _name_holds(word)
    score: Any = Value(0)
    matched: Any = Value(0)
    for word in plan.words:
        score = score + _keyword_score(word)
        matched = matched + Case(
            When(word_match(word, full_text), then=Value(1)),
            default=Value(0),
            output_field=IntegerField(),
        )
    queryset = queryset.annotate(
        _keywords=Concat(Value(" "), "search_keywords", Value(" "), output_field=TextField())
    ).annotate(
        _relevance=Case(
            When(Q(name_nl__iexact=folded) | Q(name_en__iexact=folded), then=Value(0)),
            When(name_hits, then=Value(1)),
            default=Value(2),
            output_field=IntegerField(),
        ),
        _score=score,
    )
    order: list[str] = ["_relevance"]
    if not plan.match_all:
        queryset = queryset.annotate(_matched=matched)
        order.append("-_matched")
    order.append("-_score")
    words = [q for q in (_tsquery(w) for w in plan.words) if q]
    if full_text and words:
        joiner = " & " if plan.match_all else " | "
        queryset = queryset.annotate(_rank=_FullTextRank(joiner.join(words)))
        order.append("-_rank")
    return queryset.order_by(*order, "name", "id")


ARTICLE_SEARCH_FIELDS = ("title", "summary", "keywords")


def _article_match(word: str) -> Q:
    match = Q()
    for field in ARTICLE_SEARCH_FIELDS:
        for code in ("nl", "en"):
            match |= Q(**{f"{field}_{code}__icontains": word})
    return match


def article_search(text: str, limit: int = 10) -> list[Article]:
    """Published articles whose title, summary or keywords (both languages) hold every
    meaningful word of the query (typos corrected as for products); when none holds them
    all, those holding any, most first."""
    plan = search_plan(text)
    words = plan.words or tuple(search_terms(text))
    if not words:
        return []
    articles = Article.objects.filter(published=True)
    every = Q()
    for word in words:
        every &= _article_match(word)
    found = list(articles.filter(every)[:limit])
    if found or len(words) < 2:
        return found
    hits: Any = Value(0)
    some = Q()
    for word in words:
        some |= _article_match(word)
        hits = hits + Case(When(_article_match(word), then=Value(1)), default=Value(0))
    return list(articles.filter(some).annotate(_hits=hits).order_by("-_hits", "-id")[:limit])


def search_notes(plan: SearchPlan) -> list[str]:
    """The sentences about words left out (in the active language): none when the results
    hold every word."""
    if plan.words and plan.not_found:
        return [
            ngettext(
                "No product matches “%(words)s”; showing products that match the other words.",
                "No product matches “%(words)s”; showing products that match the other words.",
                len(plan.not_found),
            )
            % {"words": "”, “".join(plan.not_found)}
        ]
    if plan.words and not plan.match_all:
        return [
            _("No product matches all of your words; showing the products that match most of them.")
        ]
    return []


def search_notice(plan: SearchPlan) -> str | None:
    """The line a shopper reads above partial or corrected results (in the active
    language), or None when the results are simply what was asked."""
    parts: list[str] = []
    suggestion = plan.suggestion
    if suggestion:
        parts.append(
            _("Did you mean “%(suggestion)s”? Showing results for “%(suggestion)s”.")
            % {"suggestion": suggestion}
        )
    return " ".join([*parts, *search_notes(plan)]) or None
