"""The names table's rows that need more than a name, and what a match reports.

Words whose class their context decides (`AmbiguousTerm`: "plaspil", "levo", "tegen
botontkalking") and classes that interact only at a high dose (`DoseDependent`: zinc above
142 mg a day, shared/domain-facts.md section 4). Pure data and rules; no Django.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from .medication_words import TOKEN, amounts


@dataclass(frozen=True)
class AmbiguousTerm:
    """A word whose class its context decides, and what tells the classes apart: it names more
    than one class ("plaspil"), or one it does not pin down ("maagbeschermer"), or a complaint
    that names a class only as a pill's purpose (`purpose`: "tegen botontkalking"); `cues` and
    `doses` decide between its classes ("levo" with "mcg" or "schildklier" is levothyroxine)."""

    term: str
    variants: tuple[str, ...]
    slugs: tuple[str, ...]
    note_nl: str = ""
    note_en: str = ""
    certain: bool = False  # one class the words pin down: not marked ambiguous
    purpose: bool = False
    cues: tuple[tuple[str, tuple[str, ...]], ...] = ()  # class, words that decide for it
    doses: tuple[tuple[str, str, float, float], ...] = ()  # class, unit ("" bare), from, to

    def decide(self, segment: str, query: str) -> list[str]:
        """The classes the dose, then the segment's words, then the query's words point to."""
        for slug_sets in (
            {
                s
                for s, unit, lo, hi in self.doses
                for v, u in amounts(segment)
                if u == unit and lo <= v <= hi
            },
            {s for s, cues in self.cues if set(TOKEN.findall(segment)) & set(cues)},
            {s for s, cues in self.cues if set(TOKEN.findall(query)) & set(cues)},
        ):
            if len(slug_sets) == 1:
                return list(slug_sets)
        return []


@dataclass(frozen=True)
class DoseDependent:
    """A class that interacts only at a high dose: named without a dose, it is ambiguous; with
    a stated daily amount, it is matched above `threshold_mg` a day and not at or below it
    (an amount of a compound above it is ambiguous: the element may be less, `salt_note`)."""

    slug: str
    note_nl: str = ""
    note_en: str = ""
    threshold_mg: float | None = None
    salt_note_nl: str = ""
    salt_note_en: str = ""

    def judge(
        self, match: MedicationMatch, stated: list[tuple[float | None, bool]]
    ) -> MedicationMatch | None:
        """`match` named without a brand or a strength word, given the mg a day each naming
        states (None: not said) and whether it names a compound; None when it does not interact."""
        total = sum(mg or 0.0 for mg, _salt in stated)
        unknown = not stated or any(mg is None for mg, _salt in stated)
        if self.threshold_mg is not None and total > self.threshold_mg:
            if any(salt for _mg, salt in stated):
                # "zinc sulfate 220 mg": the compound's weight; less of it is zinc
                return replace(
                    match, ambiguous=True, note_nl=self.salt_note_nl, note_en=self.salt_note_en
                )
            return match
        if self.threshold_mg is not None and not unknown:
            return None  # "zink 15 mg": at or below the level where it interacts
        # "zinktabletten", "calcium": interacts only at a high dose, which is not said
        return replace(match, ambiguous=True, note_nl=self.note_nl, note_en=self.note_en)


@dataclass(frozen=True)
class MedicationMatch:
    slug: str
    matched: str  # the words of the shopper's text that matched
    query: str
    substance: str = ""
    ambiguous: bool = False  # the words can mean this class or another (`alternatives`)
    alternatives: tuple[str, ...] = ()
    note_nl: str = ""
    note_en: str = ""

    def note(self, lang: str) -> str:
        return self.note_nl if lang == "nl" else self.note_en
