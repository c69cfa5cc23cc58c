"""Claim checking of shop copy: disease claims block, wording no authorised claim covers warns.

Sources: Reg. (EU) 432/2012 (authorised claims), Reg. (EU) 1169/2011 Annex XIII (NRV,
"source of" at 15 %), Directive 2002/46/EC art. 6(2) (no medicinal claims).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext as _

from .text import fold

# A claim may be made when the daily portion gives at least 15 % of the NRV
# (Reg. (EU) 1169/2011 Annex XIII part A point 2: "significant amount").
CLAIM_MIN_PERCENT_NRV = Decimal("15")
# --- claims ---------------------------------------------------------------------------------


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
    topic: str
    severity: str
    start: int
    end: int

    @property
    def blocking(self) -> bool:
        return self.severity == Severity.BLOCK


# Topics without an authorised magnesium claim (domain-facts section 5), as word patterns.
# Patterns are matched on accent-folded, lower-cased text with word boundaries; each
# `exclude` lists phrases that look alike but make no claim ("sleeping bag", "slaapkamer").
@dataclass(frozen=True)
class Topic:
    slug: str
    patterns: dict[str, tuple[str, ...]]
    exclude: tuple[str, ...] = ()


UNAUTHORISED_TOPICS: tuple[Topic, ...] = (
    Topic(
        "sleep",
        {
            "en": (
                r"sleep(?:s|ing|less)?",
                r"asleep",
                r"insomnia",
                r"restful nights?",
                r"bedtime calm",
            ),
            "nl": (
                r"slaap\w*",
                r"slapen",
                r"inslapen",
                r"doorslapen",
                r"nachtrust",
                r"slapeloosheid",
            ),
        },
        exclude=(r"sleeping bags?", r"slaapzak\w*", r"slaapkamer\w*", r"slaapbank\w*"),
    ),
    Topic(
        "anxiety",
        {"en": (r"anxiety", r"anxious", r"panic"), "nl": (r"angst\w*", r"paniek\w*")},
    ),
    Topic(
        "stress",
        {"en": (r"stress(?:ed|ful)?", r"anti-stress"), "nl": (r"stress\w*", r"anti-stress")},
        exclude=(r"stress-?free packaging",),
    ),
    Topic(
        "calm",
        {
            "en": (r"calm(?:ing|s)?", r"relax(?:es|ing|ation)?", r"unwind\w*"),
            "nl": (r"kalmer\w*", r"rustgevend\w*", r"ontspann\w*", r"ontspanning"),
        },
    ),
    Topic(
        "blood-pressure",
        {"en": (r"blood pressure", r"hypertension"), "nl": (r"bloeddruk\w*", r"hypertensie")},
    ),
    Topic(
        "blood-sugar",
        {
            "en": (r"blood sugar", r"blood glucose", r"insulin\w*"),
            "nl": (r"bloedsuiker\w*", r"bloedglucose", r"insuline\w*"),
        },
    ),
    Topic(
        "immunity",
        {"en": (r"immun\w*", r"defen[cs]es"), "nl": (r"immuun\w*", r"weerstand", r"afweer\w*")},
    ),
    Topic(
        "heart",
        {
            "en": (
                r"heart health",
                r"healthy heart",
                r"heart function",
                r"cardio\w*",
                r"heart rhythm",
            ),
            "nl": (
                r"hart",
                r"hartgezondheid",
                r"gezond hart",
                r"hartfunctie",
                r"hartritme",
                r"cardio\w*",
                r"hart- en bloedvaten",
            ),
        },
    ),
    Topic(
        "detox",
        {"en": (r"detox\w*", r"cleans(?:e|es|ing)"), "nl": (r"detox\w*", r"ontgift\w*")},
    ),
)

DISEASES: dict[str, tuple[str, ...]] = {
    "en": (
        r"migraines?",
        r"headaches?",
        r"diabetes",
        r"depression",
        r"depressive",
        r"osteoporosis",
        r"arthritis",
        r"cancer",
        r"alzheimer'?s?",
        r"dementia",
        r"asthma",
        r"hypertension",
        r"insomnia",
        r"cardiovascular disease",
        r"heart disease",
        r"arrhythmias?",
        r"pre-?eclampsia",
        r"fibromyalgia",
        r"adhd",
        r"restless legs?(?: syndrome)?",
        r"constipation",
        r"kidney stones?",
        r"muscle cramps?",
        r"cramps?",
        r"deficiency",
    ),
    "nl": (
        r"migraine",
        r"hoofdpijn",
        r"diabetes",
        r"suikerziekte",
        r"depressie\w*",
        r"osteoporose",
        r"artritis",
        r"artrose",
        r"kanker",
        r"alzheimer",
        r"dementie",
        r"astma",
        r"hypertensie",
        r"slapeloosheid",
        r"hart- en vaatziekten?",
        r"hartziekten?",
        r"hartritmestoornis\w*",
        r"pre-?eclampsie",
        r"fibromyalgie",
        r"adhd",
        r"rusteloze benen",
        r"verstopping",
        r"nierstenen",
        r"spierkrampen?",
        r"krampen?",
        r"kramp",
        r"tekort",
    ),
}

# Words that turn a disease mention into a medicinal claim (prevent / treat / cure).
MEDICINAL: dict[str, tuple[str, ...]] = {
    "en": (
        r"prevent\w*",
        r"treat\w*",
        r"cur(?:e|es|ed|ing)",
        r"heal\w*",
        r"fights?",
        r"against",
        r"reliev\w*",
        r"relief",
        r"protects? against",
        r"reduces? the risk",
        r"remed\w*",
        r"combat\w*",
        r"helps? with",
        r"helps? against",
    ),
    "nl": (
        r"voorkom\w*",
        r"behandel\w*",
        r"genee?s\w*",
        r"geneest",
        r"bestrijd\w*",
        r"tegen",
        r"verlicht\w*",
        r"verhelp\w*",
        r"beschermt tegen",
        r"vermindert het risico",
        r"helpt bij",
        r"helpt tegen",
        r"remedie",
    ),
}

SENTENCE_SPLIT = re.compile(r"(?<=[.!?;:])\s+|\n+")


def _word_regex(patterns: Iterable[str]) -> re.Pattern[str]:
    return re.compile(r"(?<![\w-])(?:" + "|".join(patterns) + r")(?![\w])")


_TOPIC_RE = {
    (t.slug, lang): (_word_regex(pats), _word_regex(t.exclude) if t.exclude else None)
    for t in UNAUTHORISED_TOPICS
    for lang, pats in t.patterns.items()
}
_DISEASE_RE = {lang: _word_regex(p) for lang, p in DISEASES.items()}
_MEDICINAL_RE = {lang: _word_regex(p) for lang, p in MEDICINAL.items()}
LANGS = ("nl", "en")


def lint_copy(text: str, lang: str) -> list[CopyIssue]:
    """Find claim wording that product copy may not carry, in Dutch or English.

    - a disease named with prevent/treat/cure wording in one sentence: BLOCK (a medicinal
      claim, banned outright by Directive 2002/46/EC art. 6(2));
    - a topic with no authorised magnesium claim (sleep, stress, blood pressure...): WARN.
    Word-aware: "sleeping bag", "slaapkamer" or "hartelijk" are no hits.
    """
    if lang not in LANGS:
        raise ValueError(f"Unknown language {lang!r}")
    if not text:
        return []
    folded = fold(text)
    issues: list[CopyIssue] = []
    offset = 0
    for sentence in SENTENCE_SPLIT.split(folded):
        start = folded.find(sentence, offset)
        offset = start + len(sentence)
        medicinal = _MEDICINAL_RE[lang].search(sentence)
        disease_hits = list(_DISEASE_RE[lang].finditer(sentence))
        for hit in disease_hits:
            if medicinal:
                issues.append(
                    CopyIssue(
                        hit.group(0),
                        "disease",
                        Severity.BLOCK,
                        start + hit.start(),
                        start + hit.end(),
                    )
                )
        for topic in UNAUTHORISED_TOPICS:
            regex, exclude = _TOPIC_RE[(topic.slug, lang)]
            excluded = [m.span() for m in exclude.finditer(sentence)] if exclude else []
            for hit in regex.finditer(sentence):
                if any(a <= hit.start() < b for a, b in excluded):
                    continue
                if any(i.blocking and i.start <= start + hit.start() < i.end for i in issues):
                    continue
                issues.append(
                    CopyIssue(
                        hit.group(0),
                        topic.slug,
                        Severity.WARN,
                        start + hit.start(),
                        start + hit.end(),
                    )
                )
    return sorted(issues, key=lambda i: i.start)


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
    return _(
        "“%(term)s”: no authorised EU health claim covers “%(topic)s”; use an authorised wording."
    ) % {"term": issue.term, "topic": issue.topic}
