"""Claim checking of shop copy: disease claims block, wording no authorised claim covers warns.

Sources: Reg. (EU) 432/2012 (authorised claims, `authorised.py`), Reg. (EU) 1924/2006 art. 10
(only authorised health claims), Directive 2002/46/EC art. 6(2) and Reg. (EU) 1169/2011 art.
7(3) (no food may claim to prevent, treat or cure a disease), Reg. (EU) 1169/2011 Annex XIII
(NRV; "source of" at 15 %).

How a unit (a sentence; a question and its answer count as one) is read:
1. exact authorised wordings are taken out first: they are never flagged;
2. a disease or symptom ("kuitkrampen", "migraine attacks", "PMS-klachten") together with a
   claim word (prevent, relieve, "voorkomt", "minder", "nooit meer", "voor mensen met",
   "X-free", a question the copy answers...) is a medicinal claim: BLOCK;
3. a topic no authorised claim covers (sleep, stress, memory...) is a claim wherever it
   stands; a weak topic word (energy, bones, muscles, focus...) only with an effect word
   ("geeft je energie", "sterke botten"): WARN; so is a claim frame left over after step 1
   ("draagt bij tot een normale spierwerking");
4. a mention is no claim in advice ("overleg met je arts", "not intended to treat", "stop
   if..."), as a side effect ("kan dunne ontlasting geven"), as a fact about who runs a
   risk ("komt vaker voor bij ouderen"), or about the shopper's medicines ("medicijnen
   tegen diabetes").
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from django.utils.translation import gettext as _

from .authorised import authorised_spans
from .lexicon import Lexicon, lexicon
from .text import Token, clause_index, fold_keep_offsets, tokens, units

# A claim may be made when the daily portion gives at least 15 % of the NRV
# (Reg. (EU) 1169/2011 Annex XIII part A point 2: "significant amount").
CLAIM_MIN_PERCENT_NRV = Decimal("15")
LANGS = ("nl", "en")


def claim_threshold_mg(nrv_mg: Decimal, min_percent: Decimal = CLAIM_MIN_PERCENT_NRV) -> Decimal:
    """The daily amount a claim needs: 15 % of 375 mg = 56.25 mg."""
    return nrv_mg * min_percent / 100


def may_carry_claims(
    per_day_mg: Decimal, nrv_mg: Decimal, min_percent: Decimal = CLAIM_MIN_PERCENT_NRV
) -> bool:
    """Compares milligrams, not the rounded percentage (56.0 mg shows as 15 % but is below)."""
    return per_day_mg >= claim_threshold_mg(nrv_mg, min_percent)


class Severity:
    BLOCK = "block"  # a medicinal (disease) claim: never allowed, saving is refused
    WARN = "warn"  # wording no authorised claim covers: shown, and kept out of feeds


@dataclass(frozen=True)
class CopyIssue:
    term: str
    topic: str  # "disease", an unauthorised topic ("sleep"...) or an authorised one misworded
    severity: str
    start: int
    end: int

    @property
    def blocking(self) -> bool:
        return self.severity == Severity.BLOCK


# Topics an authorised claim covers: flagged only when worded otherwise than the register.
AUTHORISED_AREAS = frozenset(
    {
        "energy",
        "fatigue",
        "muscles",
        "bones-teeth",
        "nerves",
        "psychological",
        "cell-division",
        "claim-wording",
    }
)
_ADJACENT_TOKENS = 3  # "bij nachtelijke kuitkrampen": a cue this close governs the disease
_VOORKOMEN = re.compile(r"voorkom\w*")
_OCCUR_NEXT = frozenset(
    [
        "bij",
        "in",
        "onder",
        "vooral",
        "vaak",
        "vaker",
        "veel",
        "regelmatig",
        "meestal",
        "zelden",
        "ook",
        "wel",
        "soms",
        "nogal",
        "relatief",
        "weleens",
        "geregeld",
        "met",
        "tijdens",
        "na",
        "op",
    ]
)
# Plural medicine words name the shopper's medicines, never the product ("een middel tegen").
_MEDICINES_OF_OTHERS = frozenset(
    {"medicijnen", "medicatie", "geneesmiddelen", "medications", "medicines", "drugs"}
)
_MODALS = frozenset(
    ["kan", "kunnen", "helpt", "helpen", "om", "zal", "zullen", "wil", "moet", "moeten"]
)


@dataclass(frozen=True)
class _Span:
    start: int
    end: int
    text: str


def _spans(regex: re.Pattern[str] | None, text: str) -> list[_Span]:
    return (
        []
        if regex is None
        else [_Span(m.start(), m.end(), m.group(0)) for m in regex.finditer(text)]
    )


def _token_at(toks: list[Token], position: int) -> int:
    for i, tok in enumerate(toks):
        if tok.end > position:
            return i
    return len(toks)


class _UnitReader:
    """Everything `lint_copy` needs to know about one unit, worked out once."""

    def __init__(self, text: str, lex: Lexicon, masked: str) -> None:
        self.text = masked  # authorised wordings blanked out
        self.lex = lex
        self.toks = tokens(masked)
        self.traps = _spans(lex.traps, masked)
        self.advice = _spans(lex.advice, masked)
        self.disclaimed = bool(_spans(lex.disclaimers, masked))
        self.effects = _spans(lex.effect, masked)
        # "acid reducers", "onder behandeling": words for the shopper's medicines and care
        medications = _spans(lex.medication_nouns, masked) + _spans(lex.patient_context, masked)
        self.side_effect = bool(_spans(lex.side_effect, masked))
        self.occurrence = bool(_spans(lex.occurrence, masked))

        def claim_word(span: _Span) -> bool:
            # "acid reducers", "bloeddrukverlagers" name medicines, not what the product does
            inside_medicine = any(m.start <= span.start and span.end <= m.end for m in medications)
            return not inside_medicine and not self._negated(span)

        self.strong = [s for s in _spans(lex.strong_cues, masked) if claim_word(s)]
        self.cues = [s for s in _spans(lex.cues, masked) if claim_word(s)]
        if lex.lang == "nl":
            for tok in self.toks:
                if _VOORKOMEN.fullmatch(tok.text):
                    if self._voorkomen_prevents(tok):
                        span = _Span(tok.start, tok.end, tok.text)
                        self.strong.append(span)
                        self.cues.append(span)
                    else:
                        self.occurrence = True  # "kan voorkomen bij ouderen"

    def clause(self, position: int) -> int:
        return clause_index(self.text, position)

    def in_trap(self, start: int, end: int) -> bool:
        return any(t.start <= start and end <= t.end for t in self.traps)

    def _negated(self, span: _Span) -> bool:
        """ "geneest niet", "does not cure", "not intended": the cue is denied."""
        words = span.text.split()
        if words and words[0] in self.lex.negations:
            return False  # the cue is itself a negative form: "nooit meer", "no more"
        i = _token_at(self.toks, span.start)
        before = [t.text for t in self.toks[max(0, i - 2) : i]]
        after = [t.text for t in self.toks[i + len(words) : i + len(words) + 1]]
        if any(w in self.lex.negations for w in before):
            return not (after and after[0] in ("alleen", "only", "just"))
        return bool(self.lex.lang == "nl" and after and after[0] in ("niet", "geen"))

    def _voorkomen_prevents(self, tok: Token) -> bool:
        """Dutch voorkómen (prevent) or vóórkomen (occur), from the construction."""
        word = tok.text
        if word == "voorkoming" or word == "voorkom":
            return True
        if word.startswith("voorkomend"):
            return False
        i = self.toks.index(tok)
        prev = [t.text for t in self.toks[max(0, i - 3) : i]]
        nxt = self.toks[i + 1].text if i + 1 < len(self.toks) else None
        if prev[-1:] == ["te"]:
            return True
        if nxt == "dat":
            return "het" not in prev  # "het kan voorkomen dat" occurs; "voorkomt dat" prevents
        if (
            nxt is None
            or nxt in _OCCUR_NEXT
            or self.clause(tok.end) != self.clause(self.toks[i + 1].start)
        ):
            # Clause-final: "kan krampen voorkomen" prevents, "krampen kunnen voorkomen" occurs.
            modal_at = min((j for j in range(i) if self.toks[j].text in _MODALS), default=None)
            if modal_at is None:
                return False
            between = self.toks[modal_at + 1 : i]
            return bool(between) and bool(self.lex.disease_words.find(between))
        return True

    def medication_governs(self, cue: _Span) -> bool:
        """ "medicijnen tegen diabetes", "bisphosphonates for osteoporosis": not the product."""
        i = _token_at(self.toks, cue.start)
        for j in range(max(0, i - 2), i):
            if self.lex.medication_nouns.fullmatch(self.toks[j].text):
                if self.toks[j].text in _MEDICINES_OF_OTHERS:
                    return True  # "medicijnen tegen maagzuur": never the product itself
                return (
                    j == 0
                    or bool(self.lex.medication_user.fullmatch(self.toks[j - 1].text))
                    or bool(self.advice)
                )
        return False

    def advice_rescues(self, start: int) -> bool:
        if self.disclaimed:
            return True
        if not self.advice:
            return False
        clause = self.clause(start)
        if any(self.clause(a.start) == clause for a in self.advice):
            return True
        return not any(self.clause(s.start) == clause for s in self.strong)


def _disease_claims(reader: _UnitReader) -> list[_Span]:
    lex, text = reader.lex, reader.text
    mentions = [
        _Span(h.start, h.end, text[h.start : h.end])
        for h in lex.disease_words.find(reader.toks)
        if not lex.medication_nouns.fullmatch(h.token.text)
    ]
    mentions += _spans(lex.disease_phrases, text)
    claims = []
    for mention in mentions:
        if reader.in_trap(mention.start, mention.end):
            continue
        at = _token_at(reader.toks, mention.start)
        # The mention with its neighbours: "stomach cramps", "dunne ontlasting", "buikkrampen".
        window = " ".join(t.text for t in reader.toks[max(0, at - 1) : at + 2])
        if reader.side_effect and any(g in window for g in lex.gut_words):
            continue
        following = reader.toks[
            _token_at(reader.toks, mention.end) : _token_at(reader.toks, mention.end) + 1
        ]
        if following and lex.medication_nouns.fullmatch(following[0].text):
            continue  # "osteoporosis medication"
        if reader.advice_rescues(mention.start):
            continue
        if reader.occurrence and not reader.strong:
            continue
        if _has_cue(reader, mention) or _asked(reader, mention):
            claims.append(mention)
    for substitute in _spans(lex.medicine_substitutes, text):
        if not reader.advice_rescues(substitute.start) and not any(
            c.start < substitute.end and substitute.start < c.end for c in claims
        ):
            claims.append(substitute)  # "a natural alternative to painkillers"
    return claims


def _has_cue(reader: _UnitReader, mention: _Span) -> bool:
    lex = reader.lex
    at = _token_at(reader.toks, mention.start)
    end_at = _token_at(reader.toks, max(mention.start, mention.end - 1))
    for cue in reader.cues:
        if mention.start <= cue.start and cue.end <= mention.end:
            continue  # the mention itself, not a cue for it
        if cue.text in lex.adjacent_cues:
            cue_at = _token_at(reader.toks, cue.start)
            if not 0 < at - cue_at <= _ADJACENT_TOKENS:
                continue
        if cue.text in lex.adjacent_after:
            cue_at = _token_at(reader.toks, cue.start)
            if not 0 < cue_at - end_at <= _ADJACENT_TOKENS:
                continue
        if reader.medication_governs(cue):
            continue
        if _disease_is_subject(reader, mention, cue):
            continue
        return True
    return False


_PASSIVE = frozenset({"be", "is", "are", "was", "were", "been", "being", "get", "gets", "got"})


_OBJECT_START = frozenset(
    {"je", "jouw", "uw", "de", "het", "een", "hun", "zijn", "haar", "ons", "onze"}
)


def _disease_is_subject(reader: _UnitReader, mention: _Span, cue: _Span) -> bool:
    """ "Crohn's disease can lower magnesium status", "Medicijnen tegen maagzuur verlagen je
    magnesiumstatus": the disease (or its medicine) does the lowering, the product nothing.
    English: a transitive claim verb after the disease, not passive. Dutch puts objects before
    verbs ("kan migraine verminderen"), so only a finite verb followed by its own object counts."""
    lex = reader.lex
    if lex.transitive_cues is None or cue.start < mention.end:
        return False
    if not lex.transitive_cues.fullmatch(cue.text) or reader.clause(cue.start) != reader.clause(
        mention.start
    ):
        return False
    i = _token_at(reader.toks, cue.start)
    if lex.lang == "nl":
        return i + 1 < len(reader.toks) and reader.toks[i + 1].text in _OBJECT_START
    return not (i > 0 and reader.toks[i - 1].text in _PASSIVE)


def _asked(reader: _UnitReader, mention: _Span) -> bool:
    """ "Last van krampen?", "Migraine? ...": a complaint asked about is a claim to answer it."""
    return "?" in reader.text[mention.end :] and not reader.advice


def _topic_claims(
    reader: _UnitReader, blocked: list[_Span], covered: bool
) -> list[tuple[str, _Span]]:
    """Unauthorised topics; `covered`: the unit makes an authorised claim, whose own area
    ("For your nervous system: magnesium contributes to its normal functioning") is fine."""
    lex, text = reader.lex, reader.text
    candidates: list[tuple[str, _Span]] = []
    for topic in lex.topics:
        if covered and topic.slug in AUTHORISED_AREAS:
            continue
        strong = [
            _Span(h.start, h.end, text[h.start : h.end])
            for h in (
                topic.strong_words.find(reader.toks) if topic.strong_words.present(text) else ()
            )
            if not lex.medication_nouns.fullmatch(h.token.text)
        ]
        strong += _spans(topic.strong_phrases, text)
        strong = [m for m in strong if _claims_something(reader, m)]
        weak = [
            _Span(h.start, h.end, text[h.start : h.end])
            for h in (topic.weak_words.find(reader.toks) if topic.weak_words.present(text) else ())
            if not lex.medication_nouns.fullmatch(h.token.text)
        ]
        weak += _spans(topic.weak_phrases, text)
        weak = [w for w in weak if _has_effect(reader, w)]
        candidates += [(topic.slug, span) for span in strong + weak]
    # The longest mention wins where two overlap: "blood pressure" is not "pressure" (stress).
    taken: list[tuple[str, _Span]] = []
    for slug, span in sorted(candidates, key=lambda c: c[1].start - c[1].end):
        if any(t.start < span.end and span.start < t.end for _s, t in taken):
            continue
        taken.append((slug, span))
    found: list[tuple[str, _Span]] = []
    for slug, mention in sorted(taken, key=lambda c: c[1].start):
        if any(slug == s for s, _m in found):
            continue  # one issue per topic and unit
        if reader.in_trap(mention.start, mention.end):
            continue
        if any(b.start <= mention.start < b.end for b in blocked):
            continue
        if reader.advice_rescues(mention.start):
            continue
        found.append((slug, mention))
    return found


_PRODUCT = re.compile(
    r"(?<![\w-])(?:magnesium\w*|supplement\w*|capsul\w*|tablet\w*|gumm\w*|poeder|powder|formul\w*|"
    r"product\w*|dit|deze|this|these|ons|onze|our)(?![\w-])"
)


# Verbs that make the words before them the subject of a plain statement.
_STATEMENT_VERBS = frozenset(
    {
        *("is", "zijn", "was", "waren", "hangt", "hangen", "wordt", "worden", "komt", "komen"),
        *("heeft", "hebben", "verschilt", "varieert", "ontstaat", "betekent", "bestaat"),
        *("are", "were", "depends", "depend", "varies", "vary", "becomes", "become", "means"),
        *("has", "have", "occurs", "differs", "comes"),
    }
)


def _claims_something(reader: _UnitReader, mention: _Span) -> bool:
    """A strong topic word makes a claim unless the sentence is a plain statement about the
    topic itself, naming neither an effect nor the product: "Een goede nachtrust hangt af van
    veel factoren" is none; "Diepe slaap en ontspanning", "Good sleep starts with magnesium"
    and "Helps you fall asleep" are claims."""
    if _has_effect(reader, mention) or _PRODUCT.search(reader.text):
        return True
    return not any(t.text in _STATEMENT_VERBS for t in reader.toks)


def _has_effect(reader: _UnitReader, mention: _Span) -> bool:
    lex = reader.lex
    clause = reader.clause(mention.start)
    for effect in reader.effects:
        if effect.start < mention.end and mention.start < effect.end:
            continue
        if reader.clause(effect.start) == clause:
            return True
    at = _token_at(reader.toks, mention.start)
    before = [t.text for t in reader.toks[max(0, at - 2) : at]]
    if any(lex.effect_adjectives.fullmatch(w) for w in before):
        return True  # "sterke botten", "more energy", "een rustig hoofd"
    before = [t.text for t in reader.toks[max(0, at - _ADJACENT_TOKENS) : at]]
    return any(w in lex.effect_before for w in before)


def _misquotes(reader: _UnitReader, topics: list[tuple[str, _Span]]) -> list[_Span]:
    frames = _spans(reader.lex.claim_frames, reader.text)
    if not frames:
        return []
    about_claims = "magnesium" in reader.text or "normal" in reader.text or topics
    return frames[:1] if about_claims else []


@lru_cache(maxsize=8192)
def _lint(text: str, lang: str) -> tuple[CopyIssue, ...]:
    folded = fold_keep_offsets(text)
    lex = lexicon(lang)
    issues: list[CopyIssue] = []
    for unit in units(folded):
        masked = unit.text
        for start, end in authorised_spans(unit.text, lang):
            masked = masked[:start] + " " * (end - start) + masked[end:]
        reader = _UnitReader(unit.text, lex, masked)
        blocked = _disease_claims(reader)
        for span in blocked:
            issues.append(
                CopyIssue(
                    text[unit.start + span.start : unit.start + span.end],
                    "disease",
                    Severity.BLOCK,
                    unit.start + span.start,
                    unit.start + span.end,
                )
            )
        covered = masked != unit.text
        topics = _topic_claims(reader, blocked, covered)
        for slug, span in topics:
            issues.append(
                CopyIssue(
                    text[unit.start + span.start : unit.start + span.end],
                    slug,
                    Severity.WARN,
                    unit.start + span.start,
                    unit.start + span.end,
                )
            )
        for span in _misquotes(reader, topics):
            issues.append(
                CopyIssue(
                    text[unit.start + span.start : unit.start + span.end],
                    "claim-wording",
                    Severity.WARN,
                    unit.start + span.start,
                    unit.start + span.end,
                )
            )
    return tuple(sorted(issues, key=lambda i: (i.start, i.severity != Severity.BLOCK)))


def lint_copy(text: str, lang: str) -> list[CopyIssue]:
    """Find claim wording that product copy may not carry, in Dutch or English.

    - a disease or symptom with prevent/treat/relieve wording: BLOCK (a medicinal claim, banned
      outright by Directive 2002/46/EC art. 6(2));
    - a topic with no authorised magnesium claim (sleep, stress, memory...), or an authorised
      one in other words than the register's: WARN.
    Exact authorised wordings, advice and side effects are never flagged.
    """
    if lang not in LANGS:
        raise ValueError(f"Unknown language {lang!r}")
    if not text:
        return []
    return list(_lint(text, lang))


# The product copy a shopper reads, linted wherever a product is written or published (admin,
# API, import, Merchant feed, `lint_claims`). Articles are educational and not in it.
PRODUCT_COPY_FIELDS = tuple(
    f"{name}_{lang}" for name in ("name", "description", "directions") for lang in LANGS
)


def lint_product_copy(values: Mapping[str, str | None]) -> dict[str, list[CopyIssue]]:
    """Lint the product copy fields `values` holds (others are ignored); only fields with issues."""
    return lint_fields({name: values[name] or "" for name in PRODUCT_COPY_FIELDS if name in values})


def lint_fields(fields: dict[str, str]) -> dict[str, list[CopyIssue]]:
    """Lint translated fields by name (`description_nl`, `name_en`...); only fields with issues."""
    result: dict[str, list[CopyIssue]] = {}
    for name, text in fields.items():
        lang = name.rsplit("_", 1)[-1]
        issues = lint_copy(text or "", lang if lang in LANGS else "en")
        if issues:
            result[name] = issues
    return result


def describe_issue(issue: CopyIssue) -> str:
    if issue.blocking:
        return _(
            "“%(term)s”: a claim to prevent, treat or cure a disease is not allowed for a food supplement."
        ) % {"term": issue.term}
    if issue.topic in AUTHORISED_AREAS:
        return _(
            "“%(term)s”: only the exact wording of an authorised EU health claim may be used here."
        ) % {"term": issue.term}
    return _(
        "“%(term)s”: no authorised EU health claim covers “%(topic)s”; use an authorised wording."
    ) % {"term": issue.term, "topic": issue.topic}
