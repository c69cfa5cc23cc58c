"""Medication names as shoppers type them, matched to interaction classes.

The names come from a table (`MedicationLexicon`, seeded from data/medication_names.json:
generics, salts, brands and lay words for the Dutch and Belgian market, and look-alikes that
must never match) plus the interaction rows' own match terms. Matching is per word, after
accent folding: doses, units and hyphens do not matter ("Pantoprazol-natrium 40 mg",
"Losartan/HCT 50/12,5"); the longest name wins, so "calcium antagonist" is a look-alike and
never calcium; a typo is forgiven only when the nearest known word belongs to one substance;
a cream, ointment or drops are not swallowed and match nothing ("oogzalf" neither); a word
that means more than one class ("plaspil") gives every class it can mean, marked ambiguous,
with a note saying how they differ; a lay word that does not pin its class down
("maagbeschermer": usually a PPI) gives the class, marked ambiguous with a note; a complaint
names a class only as what a pill is for ("iets tegen botontkalking", "botontkalkingspil");
the words or dose around a word decide it ("levo 100 mcg" is levothyroxine, "levo 500 mg"
levofloxacin); a class that interacts only at a high dose (zinc, calcium) named without a dose
is marked ambiguous, and a dose stated next to it is read as mg a day ("zink 50 mg 3x per dag")
against the class's threshold: zinc at or below 142 mg a day matches nothing; a row's own note
goes with its match (a bisphosphonate given as an infusion); a dose typed against the name is
read as its dose ("omeprazol20mg", "zink150mg"); a medicine the words around it say is not
taken ("geen omeprazol meer", "gestopt met Lasix", "no longer on PPIs") matches nothing.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from .medication_terms import AmbiguousTerm, DoseDependent, MedicationMatch
from .medication_words import (
    ANIONS,
    DOSE,
    DOSE_FORM_SUFFIXES,
    DRUG_ENDINGS,
    GLUED_DOSE,
    HAS_DOSE,
    MINERALS,
    NEGATION_REACH,
    NOT_STOPPED_AFTER,
    NOT_WORDS,
    PILL_WORDS,
    PURPOSE_WORDS,
    SALT_FORM,
    SALTS,
    SEGMENTS,
    SPECIFIC,
    STOPPED,
    STOPPED_AFTER,
    STRENGTH,
    TAKING,
    TOKEN,
    TOPICAL,
    TOPICAL_WORD,
    per_day,
    stated_mg,
)
from .text import edit_distance, fold

DATA = Path(__file__).parent / "data" / "medication_names.json"


@dataclass(frozen=True)
class InteractionTerms:
    slug: str
    terms: tuple[str, ...]  # examples, class names and match terms, any language


@dataclass(frozen=True)
class MedicationName:
    """One row of the table: a name and the class it means ("" for a look-alike)."""

    name: str
    slug: str
    substance: str = ""
    kind: str = "generic"  # generic, brand, combination, supplement, lay, class, look-alike, term
    note: str = ""
    note_nl: str = ""  # shown with the match ("given as a yearly infusion: ...")
    note_en: str = ""


def _words(text: str) -> list[str]:
    return [w for w in TOKEN.findall(fold(text)) if not DOSE.fullmatch(w)]


@dataclass
class _Entry:
    words: tuple[str, ...]
    slugs: tuple[str, ...]
    substance: str
    kind: str
    ambiguity: AmbiguousTerm | None = None
    notes: tuple[str, str] = ("", "")


@dataclass
class _Hit:
    entry: _Entry
    start: int  # word positions in the segment
    end: int


class MedicationLexicon:
    """The names table, indexed for matching; build once and reuse."""

    def __init__(
        self,
        names: Iterable[MedicationName],
        ambiguous: Iterable[AmbiguousTerm] = (),
        dose_dependent: Iterable[DoseDependent] = (),
    ) -> None:
        self.names = tuple(names)
        self.ambiguous = tuple(ambiguous)
        self.dose_dependent = {d.slug: d for d in dose_dependent}
        self._thresholds = {s for s, d in self.dose_dependent.items() if d.threshold_mg is not None}
        self._entries: dict[tuple[str, ...], _Entry] = {}
        for row in self.names:
            self._add(_words(row.name), row.slug, row.substance, row.kind)
            if row.note_nl or row.note_en:
                self._entries[tuple(_words(row.name))].notes = (row.note_nl, row.note_en)
        for term in self.ambiguous:
            for variant in (term.term, *term.variants):
                words = tuple(_words(variant))
                if words:
                    self._entries[words] = _Entry(words, term.slugs, "", "lay", term)
        self._index()

    def _add(self, words: Sequence[str], slug: str, substance: str, kind: str) -> None:
        key = tuple(words)
        if not key:
            return
        entry = self._entries.get(key)
        if entry is None:
            self._entries[key] = _Entry(
                key, (slug,) if slug else (), substance or slug or key[0], kind
            )
        elif entry.ambiguity is None and slug and slug not in entry.slugs:
            entry.slugs = (*entry.slugs, slug)  # a combination: every class it contains

    def _index(self) -> None:
        self._by_first: dict[str, list[_Entry]] = {}
        self._vocabulary: dict[str, set[str]] = {}  # word -> the substances it belongs to
        for entry in self._entries.values():
            self._by_first.setdefault(entry.words[0], []).append(entry)
            key = entry.substance if not entry.slugs else "|".join(entry.slugs)
            for word in entry.words:
                self._vocabulary.setdefault(word, set()).add(key if entry.slugs else "~" + key)
        for entries in self._by_first.values():
            entries.sort(key=lambda e: -len(e.words))
        # Typos are forgiven in the names of substances, not in everyday words ("maandtablet"
        # is no misspelt "maagtablet").
        self._names_of_substances = sorted(
            {
                w
                for e in self._entries.values()
                if e.kind in SPECIFIC | {"term"}
                for w in e.words
                if len(w) >= 6
            }
        )

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> MedicationLexicon:
        """From the JSON shape of data/medication_names.json (or the same rows from a table)."""
        names = [
            MedicationName(
                r["name"],
                r.get("class", ""),
                r.get("substance", ""),
                r.get("kind", "generic"),
                r.get("note", ""),
                r.get("note_nl", ""),
                r.get("note_en", ""),
            )
            for r in data.get("names", [])
        ]
        ambiguous = [
            AmbiguousTerm(
                a["term"],
                tuple(a.get("variants", ())),
                tuple(a["classes"]),
                a.get("note_nl", ""),
                a.get("note_en", ""),
                a.get("certain", False),
                a.get("purpose", False),
                tuple((slug, tuple(words)) for slug, words in a.get("cues", {}).items()),
                tuple((slug, unit, lo, hi) for slug, unit, lo, hi in a.get("doses", ())),
            )
            for a in data.get("ambiguous", [])
        ]
        dosed = [
            DoseDependent(
                d["class"],
                d.get("note_nl", ""),
                d.get("note_en", ""),
                d.get("threshold_mg_per_day"),
                d.get("salt_note_nl", ""),
                d.get("salt_note_en", ""),
            )
            for d in data.get("dose_dependent", [])
        ]
        return cls(names, ambiguous, dosed)

    def with_terms(self, interactions: Iterable[InteractionTerms]) -> MedicationLexicon:
        """This table plus the interaction rows' own terms; a term two classes share is ambiguous."""
        return _merged(self, tuple(interactions))

    # --- matching ---------------------------------------------------------------------------

    def _known(self, word: str) -> str | None:
        """The vocabulary word `word` stands for: itself, without a dose-form ending, or a typo
        of a word of exactly one substance (never across substances: kalium is not calcium)."""
        if word in self._vocabulary:
            return word
        for suffix in DOSE_FORM_SUFFIXES:
            stem = word[: -len(suffix)]
            if word.endswith(suffix) and len(stem) >= 4:
                # "zinktabletten", "botontkalkingspil" (a linking s)
                for known in (stem, stem[:-1] if stem.endswith("s") else ""):
                    if known in self._vocabulary:
                        return known
        if len(word) < 6:
            return None
        allowed = 2 if len(word) >= 10 else 1
        best: list[str] = []
        best_distance = allowed + 1
        for candidate in self._names_of_substances:
            if candidate[0] != word[0] or abs(len(candidate) - len(word)) > allowed:
                continue
            distance = edit_distance(word, candidate, allowed)
            if distance > allowed:
                continue
            if distance < best_distance:
                best, best_distance = [candidate], distance
            elif distance == best_distance:
                best.append(candidate)
        substances = {s for c in best for s in self._vocabulary[c]}
        if best and len(substances) == 1 and not next(iter(substances)).startswith("~"):
            return best[0]
        return None

    def _split(self, word: str) -> list[str]:
        """Dutch compounds of a mineral and a salt ("kaliumcitraat") or a medicine and its salt
        ("esomeprazolmagnesium"), when the whole word is not in the table; a name with its dose
        typed against it ("omeprazol20mg") is the name."""
        glued = GLUED_DOSE.fullmatch(word)
        if glued and (known := self._known(glued.group(1))):
            return [known]
        for mineral in MINERALS:
            if word.startswith(mineral) and word[len(mineral) :] in ANIONS:
                return [mineral, word[len(mineral) :]]
        for salt in SALTS:
            if word.endswith(salt) and len(word) - len(salt) >= 5:
                stem = word[: -len(salt)]
                return [self._known(stem) or stem, salt]
        return [word]

    def _segment_hits(self, words: list[str]) -> list[_Hit]:
        normal = [self._known(w) or w for w in words]
        hits: list[_Hit] = []
        i = 0
        while i < len(normal):
            for entry in self._by_first.get(normal[i], ()):
                n = len(entry.words)
                if tuple(normal[i : i + n]) == entry.words and _as_purpose(entry, words, normal, i):
                    hits.append(_Hit(entry, i, i + n))
                    i += n
                    break
            else:
                drug_like = len(normal[i]) >= 6 and bool(DRUG_ENDINGS.search(normal[i]))
                i += 1
                if drug_like and i < len(normal) and normal[i] in SALTS:
                    i += 1  # "atorvastatine calcium": the salt of an unknown medicine
                continue
            # A salt word right after a medicine is part of its name ("pantoprazol natrium").
            if (
                hits[-1].entry.kind in ("generic", "look-alike")
                and i < len(normal)
                and normal[i] in SALTS
            ):
                i += 1
        return hits

    def match(self, query: str, slugs: frozenset[str] | None = None) -> list[MedicationMatch]:
        """The classes named in one free-text entry; only `slugs` when given."""
        folded = fold(query)
        found: dict[str, MedicationMatch] = {}
        resolved: set[str] = set()
        dosed: set[str] = set()  # classes named with a dose, a strength or as a brand
        pending: list[tuple[_Hit, list[str], str]] = []
        daily: dict[str, list[tuple[float | None, bool]]] = {}  # stated mg a day, a compound
        for segment in SEGMENTS.split(f" {folded} "):
            tokens = [m for m in TOKEN.finditer(segment) if not DOSE.fullmatch(m.group())]
            raw = [m.group() for m in tokens]
            words: list[str] = []
            spans: list[tuple[int, int]] = []  # where each word stands in the segment
            for m in tokens:
                parts = self._split(m.group()) if m.group() not in self._vocabulary else [m.group()]
                words += parts
                glued = GLUED_DOSE.fullmatch(m.group())
                # "zink150mg": the name ends where its dose begins, so the dose is read as stated
                end = m.start() + len(glued.group(1)) if glued and len(parts) == 1 else m.end()
                spans += [(m.start(), end)] * len(parts)
            if not words:
                continue
            if any(w in TOPICAL or TOPICAL_WORD.fullmatch(w) for w in raw) or any(
                t in segment for t in TOPICAL if " " in t
            ):
                continue  # a cream, an eye ointment or drops: not swallowed
            hits = [h for h in self._segment_hits(words) if not _not_taken(h, words)]
            specific = [h for h in hits if h.entry.kind in SPECIFIC]
            for n, hit in enumerate(hits):
                entry = hit.entry
                if entry.ambiguity is not None or entry.kind in ("lay", "class"):
                    # "famotidine (maagzuurremmer)": the named medicine says what the lay word
                    # means; "calcium tegen botontkalking": what a named one is for
                    if specific and all(not s.entry.slugs for s in specific):
                        continue
                    if specific and entry.ambiguity is not None and entry.ambiguity.purpose:
                        continue
                    if entry.ambiguity is not None:
                        pending.append((hit, words, segment))
                        continue
                for slug in entry.slugs:
                    if slugs is not None and slug not in slugs:
                        continue
                    resolved.add(slug)
                    if entry.kind in ("brand", "combination") or STRENGTH.search(segment):
                        dosed.add(slug)  # a brand's strength is known, "hooggedoseerd" said
                    elif slug in self._thresholds:
                        start, end = spans[hit.start][0], spans[hit.end - 1][1]
                        mg = stated_mg(
                            segment,
                            start,
                            end,
                            spans[hits[n - 1].end - 1][1] if n else 0,
                            spans[hits[n + 1].start][0] if n + 1 < len(hits) else -1,
                        )
                        salt = bool(SALT_FORM.search(segment[start:end]))
                        daily.setdefault(slug, []).append((mg and mg * per_day(segment), salt))
                    elif HAS_DOSE.search(segment):
                        dosed.add(slug)
                    found.setdefault(
                        slug,
                        MedicationMatch(
                            slug,
                            " ".join(words[hit.start : hit.end]),
                            query,
                            entry.substance,
                            note_nl=entry.notes[0],
                            note_en=entry.notes[1],
                        ),
                    )
        for hit, words, segment in pending:
            term = hit.entry.ambiguity
            assert term is not None
            options = [s for s in term.slugs if slugs is None or s in slugs]
            if set(options) & resolved:
                continue  # "plaspil (furosemide)": the substance decides
            decided = [s for s in term.decide(segment, folded) if s in options]
            options = decided or options
            matched = " ".join(words[hit.start : hit.end])
            for slug in options:
                others = tuple(s for s in options if s != slug)
                hedged = bool(others) or not (term.certain or decided)
                if slug not in found or (found[slug].ambiguous and not hedged):
                    found[slug] = MedicationMatch(
                        slug, matched, query, "", hedged, others, term.note_nl, term.note_en
                    )
        for slug, match in list(found.items()):
            rule = self.dose_dependent.get(slug)
            if rule and slug in resolved and slug not in dosed:
                judged = rule.judge(match, daily.get(slug, []))
                if judged is None:
                    del found[slug]  # "zink 15 mg": below the level where it interacts
                else:
                    found[slug] = judged
        return list(found.values())


def _not_taken(hit: _Hit, words: list[str]) -> bool:
    """Whether the words around a name say it is not taken (now): "geen omeprazol meer",
    "gestopt met Lasix", "no longer on PPIs", "Fosamax (gestopt)"."""
    if hit.start and words[hit.start - 1] in NOT_WORDS:
        return True
    for i in range(len(words)):
        for cue in STOPPED:
            end = i + len(cue)
            if tuple(words[i:end]) != cue or (end < len(words) and words[end] in NOT_STOPPED_AFTER):
                continue
            if 0 <= hit.start - end <= NEGATION_REACH:
                return True
            if 0 <= i - hit.end <= NEGATION_REACH and (
                cue in STOPPED_AFTER or TAKING.intersection(words[hit.end : i])
            ):
                return True
    return False


def _as_purpose(entry: _Entry, words: list[str], normal: list[str], i: int) -> bool:
    """A complaint names a class only as a pill's purpose: after "tegen"/"for", before a pill
    word ("reflux tablets") or in its name ("botontkalkingspil")."""
    if entry.ambiguity is None or not entry.ambiguity.purpose:
        return True
    if words[i] != normal[i] and words[i].startswith(normal[i]):
        return True
    if any(words[i].endswith(s) and len(words[i]) > len(s) + 2 for s in DOSE_FORM_SUFFIXES):
        return True  # a variant that is a pill's name itself ("botpil", "bottabletten")
    after = normal[i + len(entry.words) : i + len(entry.words) + 1]
    return any(w in PURPOSE_WORDS for w in normal[max(0, i - 3) : i]) or bool(
        after and after[0] in PILL_WORDS
    )


@lru_cache(maxsize=16)
def _merged(
    base: MedicationLexicon, interactions: tuple[InteractionTerms, ...]
) -> MedicationLexicon:
    by_term: dict[tuple[str, ...], set[str]] = {}
    for it in interactions:
        for term in it.terms:
            words = tuple(_words(term))
            if words:
                by_term.setdefault(words, set()).add(it.slug)
    names = list(base.names)
    ambiguous = list(base.ambiguous)
    covered = {tuple(_words(v)) for a in ambiguous for v in (a.term, *a.variants)}
    for words, slugs in by_term.items():
        if words in covered:
            continue
        if words in base._entries:
            # A term the table knows: the interaction row's class counts too (an editor's word).
            known = set(base._entries[words].slugs)
            names += [
                MedicationName(" ".join(words), slug, kind="term") for slug in sorted(slugs - known)
            ]
            continue
        if len(slugs) > 1:
            ambiguous.append(AmbiguousTerm(" ".join(words), (), tuple(sorted(slugs))))
        else:
            names.append(MedicationName(" ".join(words), next(iter(slugs)), kind="term"))
    return MedicationLexicon(names, ambiguous, base.dose_dependent.values())


@cache
def default_lexicon() -> MedicationLexicon:
    """The table shipped with the app (data/medication_names.json)."""
    return MedicationLexicon.from_data(json.loads(DATA.read_text("utf-8")))


def match_medications(
    queries: Iterable[str],
    interactions: Iterable[InteractionTerms],
    lexicon: MedicationLexicon | None = None,
) -> list[MedicationMatch]:
    """Match free-text medications ("Nexium 40 mg", "Losartan/HCT", "plaspil") to classes.

    `lexicon` is the names table (default: the one shipped with the app); the interactions'
    own terms are added to it, and only their classes are reported. Each class is reported
    once per query, with the words of the query that matched.
    """
    interactions = tuple(interactions)
    table = (lexicon or default_lexicon()).with_terms(interactions)
    slugs = frozenset(it.slug for it in interactions)
    return [match for query in queries for match in table.match(query, slugs)]


__all__ = [
    "AmbiguousTerm",
    "DoseDependent",
    "InteractionTerms",
    "MedicationLexicon",
    "MedicationMatch",
    "MedicationName",
    "default_lexicon",
    "match_medications",
]
