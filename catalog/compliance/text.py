"""Text helpers the rules share: folding, sentence units, word tokens, Dutch compounds, edit distance.

Pure Python, no Django. Offsets survive folding: `fold_keep_offsets` maps every character to
exactly one character, so a span found in folded text is the same span in the original.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass


def fold(text: str) -> str:
    """Lower-case and strip accents ("Alendroninezuur", "alendroninézuur" -> "alendroninezuur")."""
    if text.isascii():  # nothing to decompose: the common case, ten times faster
        return text.casefold()
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


# Typographic characters shop copy is full of, folded to their plain form one for one.
_PLAIN = str.maketrans(
    {
        "\u2019": "'",
        "\u2018": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u2013": "-",
        "\u2014": "-",
        "\u2011": "-",
        "\u2010": "-",
        "\u00a0": " ",
        "\u2026": ".",
    }
)


def fold_keep_offsets(text: str) -> str:
    """`fold`, but one character out for every character in (ligatures keep their first letter)."""
    text = text.translate(_PLAIN)
    if text.isascii():
        return text.lower()
    out = []
    for char in text:
        folded = fold(char)
        out.append(folded[0] if len(folded) >= 1 else " ")
    return "".join(out)


@dataclass(frozen=True)
class Unit:
    """A sentence, as far as a claim reaches: "Last van krampen? Dit helpt!" is one unit."""

    start: int
    text: str


# A unit ends at . ! ; or a line break; "?" and ":" do not end it, because a question or a
# heading and its answer make one claim ("Last van krampen? Dit helpt!", "Kramp: nooit meer").
_UNIT_END = re.compile(r"(?<=[.!;])\s+|\n\s*")
# Abbreviations whose full stop does not end a sentence.
_ABBREVIATIONS = re.compile(
    r"(?:\b(?:bijv|bv|o\.a|e\.g|i\.e|ca|vs|incl|excl|dr|nr|max|min|resp|evt|enz|etc|mevr|dhr|st|ong|"
    r"vgl|cf|approx|no)\.|\b[a-z]\.)$"
)


def units(text: str) -> Iterator[Unit]:
    """Split folded text into claim units, with their offsets."""
    start = 0
    for match in _UNIT_END.finditer(text):
        piece = text[start : match.start()]
        if "\n" not in match.group(0) and piece.endswith(".") and _ABBREVIATIONS.search(piece[-8:]):
            continue  # "bijv. magnesium": not the end of a sentence
        if piece.strip():
            yield Unit(start, piece)
        start = match.end()
    if text[start:].strip():
        yield Unit(start, text[start:])


@dataclass(frozen=True)
class Token:
    text: str  # folded, letters and digits; hyphenated compounds are one token ("pms-klachten")
    start: int
    end: int

    @property
    def parts(self) -> list[str]:
        return [p for p in self.text.split("-") if p]


_WORD = re.compile(r"[a-z0-9]+(?:['-][a-z0-9]+)*")


def tokens(text: str) -> list[Token]:
    return [Token(m.group(0), m.start(), m.end()) for m in _WORD.finditer(text)]


# Clause boundaries inside a unit: a clause is where a verb and its object meet.
_CLAUSE_BREAK = re.compile(r"[,;:?()]|\s-\s|\s--\s")


def clause_index(text: str, position: int) -> int:
    """Which clause of `text` a position falls in (0 for the first)."""
    return len(_CLAUSE_BREAK.findall(text, 0, position))


# --- Dutch compounds ------------------------------------------------------------------------

# Endings a Dutch noun or adjective takes without changing what it names: plural, diminutive,
# genitive ("kramp", "krampen", "krampjes", "hoofdpijnen", "migraines").
NL_INFLECTIONS = (
    "",
    "e",
    "en",
    "n",
    "s",
    "'s",
    "es",
    "je",
    "jes",
    "tje",
    "tjes",
    "etje",
    "etjes",
    "pje",
    "pjes",
    "ke",
    "kes",
)
# Endings that make another word class out of a noun: "krampachtig" (forced), "hartelijk"
# (cordial), "angstig" is still anxiety but "hartig" (savoury) is not heart. A compound whose
# rest starts with one of these is not the noun.
NL_DERIVATIONS = ("achtig", "elijk", "lijk", "ig", "loos", "baar", "ste", "stig", "ter")
# Linking sounds between the parts of a compound: "gewricht-s-pijn", "vermoeidheid-s-klachten".
NL_LINKS = ("s", "e", "en", "-", "")


def nl_compound_role(word: str, stem: str, at: int) -> str | None:
    """Where `stem` stands in the Dutch word `word` (found at index `at`), or None.

    "whole": the word is the stem, inflected ("krampjes"); "head": the last part of a compound
    ("kuitkrampen", "menstruatiepijn"), which names what the compound is; "modifier": the
    first part ("migraineaanvallen", "hoofdpijnklachten"), the compound is about it.
    """
    before, after = word[:at], word[at + len(stem) :]
    if after in NL_INFLECTIONS:
        if not before:
            return "whole"
        if len(before.rstrip("-")) >= 2:
            return "head"
        return None
    if before and len(before.rstrip("-")) < 2:
        return None
    for link in NL_LINKS:
        if after.startswith(link):
            rest = after[len(link) :].lstrip("-")
            if len(rest) >= 3 and not rest.startswith(NL_DERIVATIONS):
                return "modifier" if not before else "middle"
    return None


def edit_distance(a: str, b: str, limit: int) -> int:
    """Damerau-Levenshtein distance (a swap of two neighbours is one edit), capped at limit + 1."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                current[j] = min(current[j], previous2[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return previous[-1]
