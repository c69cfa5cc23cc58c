"""Compiles the word lists of `lexicon_nl` / `lexicon_en` into matchers the claim checker runs."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from types import ModuleType

from . import contexts, lexicon_en, lexicon_nl
from .text import Token, nl_compound_role

_UNSEEN = object()
_MEMO_LIMIT = 50_000  # words remembered per matcher
# Which positions of a Dutch compound each notation allows (see `lexicon_nl`).
_ROLES = {
    "": {"whole", "head", "modifier", "middle"},
    "<": {"whole", "head"},
    "<<": {"head"},
    "~": {"whole"},
}


# Misspellings that are words of their own ("zweren" is to swear, "sparing" is in
# "potassium-sparing"), found by running the matcher over the project's Dutch and English text.
_REAL_WORDS = frozenset({"zwere", "sparin"})
# Words that are never the first part of a compound written apart ("over gewicht" is about
# weight, not "overgewicht").
_NOT_A_PART = frozenset(
    {
        *("de", "het", "een", "te", "en", "of", "over", "voor", "na", "bij", "in", "op", "uit"),
        *("aan", "van", "met", "tot", "om", "door", "geen", "niet", "je", "mijn", "uw", "hun"),
    }
)


def _swaps(spec: str, lang: str) -> dict[str, str]:
    """Every spelling one swap of neighbouring letters away from a plain word of the list (in
    English its plural too: "cramsp"), and for words of 8+ letters one letter short
    ("migrane", "hoofpijn")."""
    words = []
    for entry in spec.split():
        word = entry.lstrip("~") if lang == "nl" else re.sub(r"s\?$", "", entry)
        if len(word) >= 5 and word.isalpha():
            words.append(word)
            if lang != "nl" and entry.endswith("s?"):
                words.append(word + "s")  # "cramsp": the swap may take the plural's "s"
    known = set(words)
    swaps = {}
    for word in words:
        for i in range(len(word) - 1):
            swapped = word[:i] + word[i + 1] + word[i] + word[i + 2 :]
            if swapped != word and swapped not in known and swapped not in _REAL_WORDS:
                swaps[swapped] = word
        for i in range(1, len(word) - 1 if len(word) >= 8 else 0):
            short = word[:i] + word[i + 1 :]
            if short not in known:
                swaps[short] = word
    return swaps


@dataclass(frozen=True)
class WordHit:
    stem: str
    start: int  # offsets in the unit
    end: int
    token: Token


class WordMatcher:
    """Finds the words of a list in tokens: Dutch stems inside compounds, English whole words."""

    def __init__(self, spec: str, lang: str, typos: bool = False) -> None:
        self.lang = lang
        # "spierkrmap", "migarine": one swap of two neighbours in a word of 5+ letters
        self.typos = _swaps(spec, lang) if typos else {}
        self._typo_lengths = sorted({len(v) for v in self.typos}, reverse=True)
        self._memo: dict[str, tuple[str, int] | None] = {}
        self.overlapping: re.Pattern[str] | None = None
        self.shorter: dict[str, tuple[str, ...]] = {}
        self.roles: dict[str, set[str]] = {}
        entries = spec.split()
        if lang == "nl":
            for entry in entries:
                mark = "<<" if entry.startswith("<<") else entry[:1] if entry[:1] in "<~" else ""
                self.roles[entry[len(mark) :]] = _ROLES[mark]
            stems = sorted(self.roles, key=len, reverse=True)
            alternation = "|".join(re.escape(s) for s in stems)
            self.regex = re.compile(alternation) if stems else None
            self.overlapping = re.compile("(?=(" + alternation + "))") if stems else None
            # Stems that are the start of a longer one ("kramp" of "krampje"): tried after it.
            self.shorter = {
                long: tuple(short for short in stems if short != long and long.startswith(short))
                for long in stems
            }
        else:
            self.regex = re.compile("(?:" + "|".join(entries) + ")") if entries else None

    def matches(self, word: str) -> bool:
        """Whether one word is (Dutch: holds) a word of the list."""
        return self.regex is not None and self._find_in_word(word) is not None

    def present(self, text: str) -> bool:
        """A quick look: could any word of the list be in `text` at all?"""
        return self.regex is not None and self.regex.search(text) is not None

    def find(self, tokens: Iterable[Token], text: str | None = None) -> list[WordHit]:
        """The words of the list in `tokens`; with the unit's `text`, a Dutch compound written
        apart is one word too ("nier steen", "spier functie")."""
        if self.regex is None:
            return []
        hits = []
        tokens = list(tokens)
        if text is not None and self.lang == "nl":
            hits += self._split_compounds(tokens, text)
        for token in tokens:
            candidates = [(token.text, 0)]
            if "-" in token.text:  # "pms-klachten": the parts are words too
                position = 0
                for part in token.parts:
                    at = token.text.index(part, position)
                    candidates.append((part, at))
                    position = at + len(part)
            if self.typos and not self._find_in_word(token.text):
                typo = self._typo(token.text)
                if typo is not None:
                    stem, at, length = typo
                    start = token.start + at
                    hits.append(WordHit(stem, start, start + length, token))
                    continue
            for word, offset in candidates:
                hit = self._find_in_word(word)
                if hit is not None:
                    stem, at = hit
                    start = token.start + offset + at
                    hits.append(WordHit(stem, start, start + len(stem), token))
                    break
        return hits

    def _split_compounds(self, tokens: list[Token], text: str) -> list[WordHit]:
        hits = []
        for first, second in zip(tokens, tokens[1:], strict=False):
            if (
                second.start != first.end + 1
                or text[first.end] != " "
                or first.text in _NOT_A_PART
                or not (first.text + second.text).isalpha()
            ):
                continue
            hit = self._find_in_word(first.text + second.text)
            if hit is not None and hit[1] < len(first.text) < hit[1] + len(hit[0]):
                stem, at = hit
                joined = Token(first.text + second.text, first.start, second.end)
                hits.append(
                    WordHit(stem, first.start + at, first.start + at + len(stem) + 1, joined)
                )
        return hits

    def _typo(self, word: str) -> tuple[str, int, int] | None:
        """A misspelt word of the list: the whole word in English, the first or last part of
        a Dutch compound ("spierkrmap"), before an inflection ("migarines")."""
        if len(word) < 5 or not word.isalpha():
            return None
        for length in self._typo_lengths:
            if length > len(word):
                continue
            whole = word[:length]
            rest = word[length:]
            if whole in self.typos and (rest in ("", "s", "es") or self.lang == "nl"):
                return self.typos[whole], 0, length
            if self.lang == "nl":
                for end in (len(word), len(word) - 1, len(word) - 2):
                    part = word[max(0, end - length) : end]
                    if len(part) == length and part in self.typos:
                        return self.typos[part], end - length, length
        return None

    def _find_in_word(self, word: str) -> tuple[str, int] | None:
        found = self._memo.get(word, _UNSEEN)
        if found is _UNSEEN:
            if len(self._memo) > _MEMO_LIMIT:
                self._memo.clear()  # a long-running server sees ever new words: stay bounded
            found = self._memo[word] = self._search(word)
        return found  # type: ignore[return-value]

    def _search(self, word: str) -> tuple[str, int] | None:
        assert self.regex is not None
        if self.lang != "nl":
            return (word, 0) if self.regex.fullmatch(word) else None
        # Every place a stem starts, the longest stem there first ("(?=(...))" overlaps).
        assert self.overlapping is not None
        for match in self.overlapping.finditer(word):
            stem = match.group(1)
            for candidate in (stem, *self.shorter.get(stem, ())):
                if not word.startswith(candidate, match.start()):
                    continue
                role = nl_compound_role(word, candidate, match.start())
                if role is not None and role in self.roles[candidate]:
                    return candidate, match.start()
        return None


def any_of(
    patterns: Iterable[str], hyphen_ends: bool = False, hyphen_starts: bool = False
) -> re.Pattern[str] | None:
    """One regex for word-bounded alternatives; None when there are none. `hyphen_ends`: a
    hyphen after the match continues the word ("verloskundige-proof" names no midwife);
    `hyphen_starts`: a match may start after one ("mood-boosting")."""
    patterns = [p for p in patterns if p]
    if not patterns:
        return None
    start = r"(?<![\w])" if hyphen_starts else r"(?<![\w-])"
    end = r"(?![\w-])" if hyphen_ends else r"(?![\w])"
    return re.compile(start + "(?:" + "|".join(patterns) + ")" + end)


@dataclass(frozen=True)
class Topic:
    slug: str
    strong_words: WordMatcher
    strong_phrases: re.Pattern[str] | None
    weak_words: WordMatcher
    weak_phrases: re.Pattern[str] | None


@dataclass(frozen=True)
class Lexicon:
    lang: str
    disease_words: WordMatcher
    disease_phrases: re.Pattern[str] | None
    medicine_substitutes: re.Pattern[str] | None
    gut_words: tuple[str, ...]
    topics: tuple[Topic, ...]
    traps: re.Pattern[str] | None
    strong_cues: re.Pattern[str] | None
    cues: re.Pattern[str] | None
    adjacent_cues: frozenset[str]
    adjacent_after: frozenset[str]
    advice: re.Pattern[str] | None
    disclaimers: re.Pattern[str] | None
    side_effect: re.Pattern[str] | None
    medication_nouns: re.Pattern[str]
    medication_user: re.Pattern[str]
    occurrence: re.Pattern[str] | None
    negations: frozenset[str]
    effect: re.Pattern[str] | None
    effect_adjectives: re.Pattern[str]
    effect_before: frozenset[str]
    claim_frames: re.Pattern[str] | None
    patient_context: re.Pattern[str] | None
    transitive_cues: re.Pattern[str] | None
    shop_talk: re.Pattern[str] | None
    denials: re.Pattern[str] | None
    suitability: re.Pattern[str] | None
    dietary: re.Pattern[str] | None
    ties: re.Pattern[str] | None
    recommending: re.Pattern[str] | None
    lifestyle: re.Pattern[str] | None
    service: re.Pattern[str] | None
    measuring: re.Pattern[str] | None


def _compile(module: ModuleType, lang: str) -> Lexicon:
    topics = tuple(
        Topic(
            slug,
            WordMatcher(strong, lang),
            any_of(strong_phrases),
            WordMatcher(weak, lang),
            any_of(weak_phrases),
        )
        for slug, (strong, strong_phrases, weak, weak_phrases) in module.TOPICS.items()
    )
    medication_nouns = any_of(module.MEDICATION_NOUNS)
    medication_user = any_of(module.MEDICATION_USER)
    assert medication_nouns is not None and medication_user is not None
    return Lexicon(
        lang=lang,
        disease_words=WordMatcher(module.DISEASE_WORDS, lang, typos=True),
        disease_phrases=any_of(module.DISEASE_PHRASES),
        medicine_substitutes=any_of(module.MEDICINE_SUBSTITUTES),
        gut_words=module.GUT_WORDS,
        topics=topics,
        traps=any_of(module.TRAPS),
        strong_cues=any_of(module.STRONG_CUES),
        cues=any_of(module.STRONG_CUES + module.WEAK_CUES),
        adjacent_cues=frozenset(module.ADJACENT_CUES),
        adjacent_after=frozenset(module.ADJACENT_AFTER),
        advice=any_of(module.ADVICE, hyphen_ends=True),
        disclaimers=any_of(module.DISCLAIMERS),
        side_effect=any_of(module.SIDE_EFFECT),
        medication_nouns=medication_nouns,
        medication_user=medication_user,
        occurrence=any_of(module.OCCURRENCE),
        negations=frozenset(module.NEGATIONS),
        effect=any_of(module.EFFECT, hyphen_starts=True),
        effect_adjectives=re.compile("(?:" + "|".join(module.EFFECT_ADJECTIVES) + ")"),
        effect_before=frozenset(module.EFFECT_BEFORE),
        claim_frames=any_of(module.CLAIM_FRAMES),
        patient_context=any_of(module.PATIENT_CONTEXT),
        transitive_cues=re.compile("(?:" + "|".join(module.TRANSITIVE_CUES) + ")")
        if module.TRANSITIVE_CUES
        else None,
        shop_talk=any_of(module.SHOP_TALK),
        denials=any_of(module.DENIALS),
        suitability=any_of(module.SUITABILITY),
        dietary=any_of(module.DIETARY),
        ties=any_of(contexts.TIES[lang]),
        recommending=any_of(contexts.RECOMMENDING[lang]),
        lifestyle=any_of(
            [contexts.LIFESTYLE_VERBS[lang] + "(?:" + "|".join(contexts.LIFESTYLE[lang]) + ")"]
        ),
        service=any_of(contexts.SERVICE[lang]),
        measuring=any_of(contexts.MEASURING[lang]),
    )


@cache
def lexicon(lang: str) -> Lexicon:
    return _compile(lexicon_nl if lang == "nl" else lexicon_en, lang)
