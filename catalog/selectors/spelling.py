"""Typo correction against the catalog's own vocabulary ("citraad" -> "citraat").

The vocabulary is small whatever the catalog's size: the words of forms, goals and their
search words, brands, dose-form and diet words, and the words of a bounded sample of published
product names (the first and the latest `NAME_SAMPLE` each: names repeat the same few words,
and a bounded sample keeps the build a few milliseconds at 100,000 products). It is built once
per catalog version and language and cached (a dead cache only means it is built again); a
correction compares a word with it by edit distance, and only for a word that found nothing.
"""

from __future__ import annotations

from typing import Any

from ..cache import cached
from ..models import Brand, Form, Goal, Product
from ..search_words import DIET_WORDS, DOSE_FORM_WORDS, edit_distance, words_of

MIN_LENGTH = 4  # shorter words are too easily something else ("zin" -> "zink")
NAME_SAMPLE = 1000


def _add(counts: dict[str, int], text: str | None, weight: int = 1) -> None:
    for word in words_of(text or ""):
        if len(word) >= MIN_LENGTH and word.isalpha():
            counts[word] = counts.get(word, 0) + weight


def _build(lang: str) -> dict[str, Any]:
    """{"own": words of the language's fields, "other": the other language's} with weights."""
    other_lang = "en" if lang == "nl" else "nl"
    own: dict[str, int] = {}
    other: dict[str, int] = {}
    models: tuple[Any, ...] = (Form, Goal)
    for model in models:
        rows: list[dict[str, Any]] = list(
            model.objects.values("name_nl", "name_en", "synonyms_nl", "synonyms_en")
        )
        for row in rows:
            _add(own, row[f"name_{lang}"], 50)
            _add(own, row[f"synonyms_{lang}"], 50)
            _add(other, row[f"name_{other_lang}"], 50)
            _add(other, row[f"synonyms_{other_lang}"], 50)
    for name in Brand.objects.values_list("name", flat=True):
        _add(own, name, 20)
    for words in (*DOSE_FORM_WORDS.values(), *DIET_WORDS.values()):
        _add(own, words, 20)
    published = Product.objects.published().values_list("name_nl", "name_en")
    names = [*published.order_by("pk")[:NAME_SAMPLE], *published.order_by("-pk")[:NAME_SAMPLE]]
    for name_nl, name_en in names:
        _add(own, name_nl if lang == "nl" else name_en)
        _add(other, name_en if lang == "nl" else name_nl)
    return {"own": own, "other": other}


def vocabulary(lang: str) -> dict[str, Any]:
    """The catalog's words with weights, for `lang` and the other language (cached)."""
    return cached(f"search:vocabulary:{lang}", lambda: _build(lang))


def allowed_distance(word: str) -> int:
    """One typo in a short word, two from eight letters on."""
    return 2 if len(word) >= 8 else 1


def correction(word: str, lang: str = "nl") -> str | None:
    """The closest catalog word to `word` within the allowed distance: the fewest edits,
    then a word of `lang` before the other language's, then the most used; None when no
    word is near (or `word` is too short to guess)."""
    if len(word) < MIN_LENGTH or not word.isalpha():
        return None
    limit = allowed_distance(word)
    words = vocabulary(lang if lang in ("nl", "en") else "nl")
    best: tuple[int, int, int, str] | None = None
    for rank, counts in enumerate((words["own"], words["other"])):
        for candidate, weight in counts.items():
            if candidate == word or abs(len(candidate) - len(word)) > limit:
                continue
            distance = edit_distance(word, candidate, limit)
            if distance > limit:
                continue
            key = (distance, rank, -weight, candidate)
            if best is None or key < best:
                best = key
    return best[3] if best else None
