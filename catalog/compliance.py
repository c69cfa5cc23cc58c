"""Claims, label texts, upper levels per population and interaction matching: pure rules.

No models, no DRF, no views: every rule takes plain values and is tested from tables.
Sources: Reg. (EU) 432/2012 (authorised claims), Reg. (EU) 1169/2011 Annex XIII (NRV,
"source of" at 15 %), Directive 2002/46/EC art. 6 (label texts; no medicinal claims),
EFSA/SCF, IOM and VKM upper levels (supplemental magnesium only).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Protocol

from django.utils import translation
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from . import dosing

# A claim may be made when the daily portion gives at least 15 % of the NRV
# (Reg. (EU) 1169/2011 Annex XIII part A point 2: "significant amount").
CLAIM_MIN_PERCENT_NRV = Decimal("15")
# Children's products are children from this age down; adults' products start at 18.
ADULT_AGE = 18


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


def fold(text: str) -> str:
    """Lower-case and strip accents ("Alendroninezuur", "alendroninézuur" -> "alendroninezuur")."""
    if text.isascii():  # nothing to decompose: the common case, ten times faster
        return text.casefold()
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


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


# --- upper levels and target populations ----------------------------------------------------


def is_children_product(min_age_years: int) -> bool:
    return min_age_years < ADULT_AGE


def offered_in_children_context(
    *, min_age_years: int, per_day_mg: Decimal, child_ul_mg: Decimal | None
) -> bool:
    """A children's listing shows only children's products within the children's upper level.

    An adult product is never offered to children, whatever its dose; a children's product for
    an age with no upper level set is not either (nothing to check it against).
    """
    if not is_children_product(min_age_years):
        return False
    return child_ul_mg is not None and not dosing.exceeds_ul(per_day_mg, child_ul_mg)


@dataclass(frozen=True)
class UlStatus:
    ul_mg: Decimal | None
    exceeds: bool
    split_advised: bool
    percent_of_ul: int | None


def ul_status(per_day_mg: Decimal, ul_mg: Decimal | None) -> UlStatus:
    return UlStatus(
        ul_mg=ul_mg,
        exceeds=dosing.exceeds_ul(per_day_mg, ul_mg),
        split_advised=dosing.split_doses_advised(per_day_mg),
        percent_of_ul=dosing.percent_nrv(per_day_mg, ul_mg) if ul_mg else None,
    )


# --- label texts (Directive 2002/46/EC art. 6) ---------------------------------------------


@dataclass(frozen=True)
class Nutrient:
    name: str
    amount: Decimal
    unit: str
    percent_nrv: int | None


@dataclass(frozen=True)
class LabelInput:
    serving_size: Decimal
    serving_unit_label: str  # already translated, singular or plural form is chosen here
    serving_unit_label_plural: str
    servings_per_day: int
    nutrients: Sequence[Nutrient] = field(default_factory=tuple)
    children_product: bool = False


@dataclass(frozen=True)
class LabelText:
    code: str
    text: str


def _amount(value: Decimal) -> str:
    normalised = value.normalize()
    if normalised == normalised.to_integral():
        normalised = normalised.quantize(Decimal(1))
    return number_format(normalised, use_l10n=True)


def label_texts(label: LabelInput, lang: str) -> list[LabelText]:
    """The mandatory EU label texts with the product's own numbers, in `lang`."""
    with translation.override(lang):
        per_serving = label.serving_size
        units_per_day = per_serving * label.servings_per_day
        unit = label.serving_unit_label if units_per_day == 1 else label.serving_unit_label_plural
        portion = ngettext(
            "Recommended daily portion: %(amount)s %(unit)s, in %(count)d intake.",
            "Recommended daily portion: %(amount)s %(unit)s, in %(count)d intakes.",
            label.servings_per_day,
        ) % {"amount": _amount(units_per_day), "unit": unit, "count": label.servings_per_day}
        texts = [
            LabelText("food_supplement", _("Food supplement.")),
            LabelText("daily_portion", portion),
            LabelText("do_not_exceed", _("Do not exceed the recommended daily portion.")),
            LabelText(
                "varied_diet",
                _(
                    "Food supplements should not be used as a substitute for a varied and balanced diet "
                    "and a healthy lifestyle."
                ),
            ),
            LabelText("children", _("Keep out of the reach of young children.")),
        ]
        for nutrient in label.nutrients:
            if nutrient.percent_nrv is not None:
                text = _("%(name)s per daily portion: %(amount)s %(unit)s (%(percent)s%% NRV).") % {
                    "name": nutrient.name,
                    "amount": _amount(nutrient.amount),
                    "unit": nutrient.unit,
                    "percent": nutrient.percent_nrv,
                }
            else:
                text = _(
                    "%(name)s per daily portion: %(amount)s %(unit)s (no NRV established)."
                ) % {
                    "name": nutrient.name,
                    "amount": _amount(nutrient.amount),
                    "unit": nutrient.unit,
                }
            texts.append(LabelText("nutrient", text))
        texts.append(LabelText("nrv_note", _("NRV = nutrient reference value.")))
    return texts


# --- interaction matching -------------------------------------------------------------------


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


# --- interaction check ----------------------------------------------------------------------


class InteractionLike(Protocol):
    @property
    def slug(self) -> str: ...
    @property
    def kind(self) -> str: ...
    @property
    def severity(self) -> str: ...
    @property
    def terms(self) -> tuple[str, ...]: ...

    def concerns(self, form_ids: Iterable[int]) -> bool: ...


@dataclass(frozen=True)
class CheckedProduct:
    slug: str
    elemental_mg_per_day: Decimal
    form_ids: tuple[int, ...]


@dataclass(frozen=True)
class CheckWarning:
    slug: str
    matched: str
    severity: str
    products: tuple[str, ...]


@dataclass(frozen=True)
class CheckResult:
    total_elemental_mg_per_day: Decimal
    ul_mg: Decimal | None
    exceeds_ul: bool
    split_advised: bool
    warnings: tuple[CheckWarning, ...]
    advice_codes: tuple[str, ...]


def check_interactions(
    *,
    products: Sequence[CheckedProduct],
    medications: Sequence[str],
    conditions: Sequence[str],
    interactions: Sequence[InteractionLike],
    ul_mg: Decimal | None,
) -> CheckResult:
    """Combine chosen products, medications and conditions into warnings and advice.

    Medications are matched in free text (`match_medications`); conditions by slug. A warning
    lists the chosen products it concerns (all of them for an all-forms interaction).
    """
    total = dosing.round_mg(sum((p.elemental_mg_per_day for p in products), Decimal(0)))
    by_slug = {it.slug: it for it in interactions}
    found: dict[str, str] = {}
    medication_classes = [it for it in interactions if it.kind != "condition"]
    for match in match_medications(
        medications, [InteractionTerms(it.slug, it.terms) for it in medication_classes]
    ):
        found.setdefault(match.slug, match.matched)
    for condition in conditions:
        if condition in by_slug and by_slug[condition].kind == "condition":
            found.setdefault(condition, condition)
    warnings = []
    for slug, matched in found.items():
        interaction = by_slug[slug]
        concerned = tuple(p.slug for p in products if interaction.concerns(p.form_ids))
        warnings.append(CheckWarning(slug, matched, interaction.severity, concerned))
    rank = {"contraindication": 0, "major": 1, "moderate": 2, "minor": 3}
    warnings.sort(key=lambda w: (rank.get(w.severity, 9), w.slug))
    exceeds = dosing.exceeds_ul(total, ul_mg)
    split = dosing.split_doses_advised(total)
    advice = ["with_meal"]
    if exceeds:
        advice.append("exceeds_ul")
    if split:
        advice.append("split_dose")
    if any(w.severity in ("contraindication", "major") for w in warnings):
        advice.append("ask_doctor")
    if not products:
        advice.append("no_products")
    return CheckResult(total, ul_mg, exceeds, split, tuple(warnings), tuple(advice))


def advice_text(code: str, *, ul_mg: Decimal | None = None, total_mg: Decimal | None = None) -> str:
    """General advice in the active language (section 4 "general advice", BfR splitting)."""
    texts = {
        "with_meal": _("Take magnesium with a meal."),
        "exceeds_ul": _(
            "Together these products give %(total)s mg magnesium a day, above the upper level of "
            "%(ul)s mg for supplements. Lower the dose or ask a doctor or pharmacist."
        ),
        "split_dose": _("Spread a daily dose above 250 mg over at least two intakes."),
        "ask_doctor": _("Talk to your doctor or pharmacist before combining these."),
        "no_products": _("Choose one or more products to see their combined daily dose."),
    }
    text = texts[code]
    if code == "exceeds_ul":
        text = text % {"total": _amount(total_mg or Decimal(0)), "ul": _amount(ul_mg or Decimal(0))}
    return text
