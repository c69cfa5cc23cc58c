"""Suggestions as you type: a few products, goals, forms and articles for what the search box
holds so far ("magn", "citr", "slaap"), cached per catalog version, language and text.

Goals, forms and articles are few: they come from one cached list and match when every typed
word starts one of their words (names, titles, search words, article keywords). Products come
from two small indexed queries: names that start with the text (PostgreSQL reads them off the
pattern index `product_name_<lang>_prefix` in order), then names with a word starting with each
typed word (the trigram index `product_name_<lang>_trgm`); see migration 0006.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any

from django.db import connections
from django.db.models import Q, QuerySet
from django.db.models.functions import Collate, Lower

from ..cache import cached
from ..compliance import fold
from ..models import Article, Brand, Form, Goal, Product
from ..search_words import STOP_WORDS, synonym_list, words_of

MIN_LENGTH = 2
MAX_PRODUCTS = 6
MAX_OTHERS = 5
MAX_TEXT = 100


@dataclass
class Suggestions:
    """What `/suggest/` answers: plain values, the API adds the page URLs."""

    q: str
    products: list[dict[str, str]] = field(default_factory=list)
    goals: list[dict[str, str]] = field(default_factory=list)
    forms: list[dict[str, str]] = field(default_factory=list)
    articles: list[dict[str, str]] = field(default_factory=list)


def _words(*texts: str | None) -> frozenset[str]:
    found: set[str] = set()
    for text in texts:
        found.update(words_of(text or ""))
    return frozenset(found)


def _entries(lang: str) -> dict[str, list[Any]]:
    """Goals, forms and published articles with the words they are suggested for."""
    other = "en" if lang == "nl" else "nl"
    entries: dict[str, list[Any]] = {
        "goals": [],
        "forms": [],
        "articles": [],
        "brands": [{"id": b.id, "words": _words(b.name)} for b in Brand.objects.all()],
        "leads": _leading_words(lang),
    }
    models: tuple[tuple[str, Any], ...] = (("goals", Goal), ("forms", Form))
    for kind, model in models:
        for obj in model.objects.all():
            name = getattr(obj, f"name_{lang}") or obj.name_nl or obj.slug
            entries[kind].append(
                {
                    "slug": obj.slug,
                    "name": name,
                    "name_words": _words(name),
                    "words": _words(
                        getattr(obj, f"name_{other}"),
                        *synonym_list(obj.synonyms_nl),
                        *synonym_list(obj.synonyms_en),
                    ),
                }
            )
    fields = ("slug", "title_nl", "title_en", "keywords_nl", "keywords_en")
    article_rows: list[dict[str, Any]] = [
        dict(row) for row in Article.objects.filter(published=True).values(*fields)
    ]
    for row in article_rows:
        title = row[f"title_{lang}"] or row["title_nl"]
        entries["articles"].append(
            {
                "slug": row["slug"],
                "title": title,
                "name_words": _words(title),
                "words": _words(row[f"title_{other}"], row["keywords_nl"], row["keywords_en"]),
            }
        )
    return entries


def _leading_words(lang: str, sample: int = 500) -> list[str]:
    """The words that at least a fifth of the product names start with ("magnesium"),
    judged from the first `sample` published products."""
    names = Product.objects.published().order_by("pk").values_list(f"name_{lang}", flat=True)
    firsts = [words_of(name or "")[:1] for name in names[:sample]]
    counts: dict[str, int] = {}
    for first in firsts:
        if first:
            counts[first[0]] = counts.get(first[0], 0) + 1
    return [word for word, n in counts.items() if n * 5 >= len(firsts) and len(word) > 2][:2]


def _matches(words: list[str], candidates: frozenset[str]) -> bool:
    return all(any(c.startswith(w) for c in candidates) for w in words)


def _pick(entries: list[dict[str, Any]], words: list[str], keys: tuple[str, ...]) -> list[Any]:
    """Entries whose name has every word's start first, then those whose other words do."""
    by_name = [e for e in entries if _matches(words, e["name_words"])]
    by_words = [
        e for e in entries if e not in by_name and _matches(words, e["name_words"] | e["words"])
    ]
    return [{k: e[k] for k in keys} for e in (by_name + by_words)[:MAX_OTHERS]]


def _product_rows(queryset: QuerySet[Product], lang: str) -> list[dict[str, str]]:
    return [
        {"slug": slug, "name": name, "brand": brand, "dose_form": dose_form}
        for slug, name, brand, dose_form in queryset.values_list(
            "slug", f"name_{lang}", "brand__name", "dose_form"
        )
    ]


def _products(
    text: str, words: list[str], lang: str, brands: list[dict[str, Any]], leads: list[str]
) -> list[dict[str, str]]:
    """Names starting with the text, in name order; then names with a word starting with
    each typed word (any few, put in name order); then products of a brand whose name
    starts with the text."""
    column = f"name_{lang}"
    published = Product.objects.published()
    postgres = connections[published.db].vendor == "postgresql"
    # The expressions of the indexes `product_name_<lang>_prefix` and `..._trgm`.
    starts = published.annotate(_lname=Collate(Lower(column), "C") if postgres else Lower(column))
    found: list[dict[str, str]] = []
    # Names start with the text, or with a word most names start with ("Magnesium") and
    # then the text: ranges of the prefix index, read in order, however many match.
    for prefix in [text] + [f"{lead} {text}" for lead in leads if not text.startswith(lead)]:
        if len(found) >= MAX_PRODUCTS:
            break
        seen = [row["slug"] for row in found]
        rows = starts.filter(_lname__startswith=prefix).exclude(slug__in=seen).order_by("_lname")
        found += _product_rows(rows[: MAX_PRODUCTS - len(found)], lang)
    seen = [row["slug"] for row in found]
    # A word further in the name, through the trigram index: only for words of three letters
    # or more (shorter ones have no trigram to look up) and when the ranges found too few.
    if len(found) < MAX_PRODUCTS and words and all(len(w) >= 3 for w in words):
        inside = published.annotate(_lword=Lower(column)).exclude(slug__in=seen)
        for word in words:
            inside = inside.filter(Q(_lword__startswith=word) | Q(_lword__contains=f" {word}"))
        more = _product_rows(inside.order_by()[: MAX_PRODUCTS - len(found)], lang)
        found += sorted(more, key=lambda row: row["name"].lower())
    brand_ids = [b["id"] for b in brands if words and _matches(words, b["words"])]
    if len(found) < MAX_PRODUCTS and brand_ids:
        seen = [row["slug"] for row in found]
        by_brand = published.filter(brand_id__in=brand_ids[:20]).exclude(slug__in=seen)
        found += _product_rows(by_brand.order_by(column)[: MAX_PRODUCTS - len(found)], lang)
    return found


def _suggest(text: str, lang: str) -> Suggestions:
    typed = words_of(text)
    # Stop words left out, but not the word being typed ("de" may become "depressie").
    words = [w for w in typed[:-1] if w not in STOP_WORDS] + typed[-1:]
    entries = cached(f"suggest:entries:{lang}", lambda: _entries(lang))
    return Suggestions(
        q=text,
        products=_products(text, words, lang, entries["brands"], entries["leads"]),
        goals=_pick(entries["goals"], words, ("slug", "name")),
        forms=_pick(entries["forms"], words, ("slug", "name")),
        articles=_pick(entries["articles"], words, ("slug", "title")),
    )


def suggestions(text: str, lang: str) -> Suggestions:
    """Suggestions for a search box's text (nothing below two characters), cached."""
    folded = " ".join(fold(text or "").split())[:MAX_TEXT]
    if len(folded) < MIN_LENGTH or not words_of(folded):
        return Suggestions(q=text or "")
    key = hashlib.blake2b(f"{lang}|{folded}".encode(), digest_size=12).hexdigest()
    found = cached(f"suggest:{key}", lambda: _suggest(folded, lang))
    found.q = text
    return found
