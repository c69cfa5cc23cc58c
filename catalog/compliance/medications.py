"""Medication names as shoppers type them, matched to interaction classes."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from .text import edit_distance, fold


@dataclass(frozen=True)
class InteractionTerms:
    slug: str
    terms: tuple[str, ...]  # examples, class names and match terms, any language


@dataclass(frozen=True)
class MedicationMatch:
    slug: str
    matched: str  # the term as it stands in the shopper's text
    query: str


_TOKEN = re.compile(r"[a-z][a-z\-']*[a-z]|[a-z]")


def _tokens(text: str) -> list[str]:
    return _TOKEN.findall(fold(text))


# Dose-form words glued to a name in Dutch compounds: "ijzertabletten", "zinkcapsules".
DOSE_FORM_SUFFIXES = (
    "tabletten",
    "tablet",
    "capsules",
    "capsule",
    "pillen",
    "pil",
    "druppels",
    "bruistabletten",
)


def _stem(word: str) -> str:
    for suffix in DOSE_FORM_SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def _word_matches(term_word: str, word: str) -> bool:
    """Equal, or the same word in another spelling: Dutch/English endings (omeprazol /
    omeprazole, plastablet / plastabletten), a glued dose-form word (ijzertabletten), or
    a typo in a long word."""
    if term_word == word or term_word == _stem(word):
        return True
    short, long_ = sorted((term_word, word), key=len)
    if len(short) >= 5 and long_.startswith(short) and len(long_) - len(short) <= 3:
        return True
    # Typos: one edit in a word of 6+ letters, two in one of 10+ (alendronaat / alendronate).
    allowed = 2 if len(short) >= 10 else 1 if len(short) >= 6 else 0
    return allowed > 0 and edit_distance(term_word, word, allowed) <= allowed


def _term_in(term_tokens: list[str], tokens: list[str]) -> int | None:
    n = len(term_tokens)
    for i in range(len(tokens) - n + 1):
        if all(_word_matches(t, w) for t, w in zip(term_tokens, tokens[i : i + n], strict=True)):
            return i
    return None


def match_medications(
    queries: Iterable[str], interactions: Iterable[InteractionTerms]
) -> list[MedicationMatch]:
    """Match free-text medications ("Doxycycline 100mg", "alendroninezuur 70 mg") to classes.

    Case- and accent-insensitive; doses, units and extra words are ignored; each class is
    reported once per query, with the words of the query that matched.
    """
    candidates = [
        (it.slug, [tok for tok in _tokens(term)])
        for it in interactions
        for term in it.terms
        if term.strip()
    ]
    matches: list[MedicationMatch] = []
    for query in queries:
        tokens = _tokens(query)
        if not tokens:
            continue
        seen: set[str] = set()
        # Longer terms first, so "loop diuretic" beats "diuretic" for the shown match.
        for slug, term_tokens in sorted(candidates, key=lambda c: -len(c[1])):
            if slug in seen or not term_tokens:
                continue
            at = _term_in(term_tokens, tokens)
            if at is not None:
                seen.add(slug)
                matches.append(
                    MedicationMatch(slug, " ".join(tokens[at : at + len(term_tokens)]), query)
                )
    return matches
