"""Claim checking of shop copy: disease claims block, wording no authorised claim covers warns.

Sources: Reg. (EU) 432/2012 (authorised claims, `authorised.py`), Reg. (EU) 1924/2006 art. 10
(only authorised health claims), Directive 2002/46/EC art. 6(2) and Reg. (EU) 1169/2011 art.
7(3) (no food may claim to prevent, treat or cure a disease), Reg. (EU) 1169/2011 Annex XIII
(NRV; "source of" at 15 %).

How a unit (a sentence; a question and its answer count as one) is read:
1. authorised claims, in the register's words or words that say the same, are taken out
   first and never flagged: a register concept with its qualifier ("normal muscle function",
   "minder vermoeidheid") in any frame ("does its bit for", "daar draagt magnesium aan bij",
   a ✔ list), unless a word that says more governs it or the claim goes on with more;
2. a condition (`conditions_nl`, `conditions_en`: diseases, symptoms by their description,
   markers such as HbA1c) together with a claim word (prevent, relieve, "voorkomt",
   "minder", "nooit meer", "voor mensen met", "X-free", a question the copy answers, a
   testimonial's before and after, a dosing line, a spec sheet's "Indicatie:", a
   professional recommending it, research tied to the product: "daarom bevat onze formule"),
   in a marketplace keyword title, or the product in place of a medicine ("ditch the SSRIs")
   or called one ("de natuurlijke bètablokker") is a medicinal claim: BLOCK;
3. a topic no authorised claim covers (sleep, stress, memory...) is a claim wherever it
   stands; a weak topic word (energy, bones, muscles, focus...) only with an effect word
   ("geeft je energie", "sterke botten", "nerves of steel"); in a hashtag or keyword title
   any topic word: WARN (`topics`); so is a claim frame left over after step 1, an
   authorised claim overstated ("draagt bij tot sterke spieren", "vermoeidheid en
   uitputting") or another nutrient's function ("normal blood clotting");
4. a mention is no claim in advice ("overleg met je arts", "not intended to treat", "stop
   if..."), as a side effect ("kan dunne ontlasting geven"), as a fact about who runs a
   risk ("komt vaker voor bij ouderen"), about the shopper's medicines ("medicijnen tegen
   diabetes"), in a review denying an effect ("did nothing for my cramps"), a refusal to
   claim ("dat mogen we niet beloven"), a suitability next to a dietary fact ("geen
   toegevoegde suikers, ook als je diabetes hebt"), answered with another remedy ("Tijd
   voor een pauze"), measured as a service ("laat gratis uw bloeddruk meten"); in shop talk
   (newsletters, orders, menus, "did you know", staff offering help) a topic word needs an
   effect word (`contexts` holds these context words).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from django.utils.translation import gettext as _

from .authorised import authorised_claims
from .lexicon import lexicon
from .reading import PRODUCT, UnitReader, disease_claims
from .text import fold_keep_offsets, units
from .topics import AUTHORISED_AREAS, misquotes, topic_claims

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


@lru_cache(maxsize=8192)
def _lint(text: str, lang: str) -> tuple[CopyIssue, ...]:
    folded = fold_keep_offsets(text)
    lex = lexicon(lang)
    issues: list[CopyIssue] = []
    pieces = list(units(folded))
    for i, unit in enumerate(pieces):
        masked = unit.text
        authorised = authorised_claims(unit.text, lang)
        for claim in authorised:
            masked = masked[: claim.start] + " " * (claim.end - claim.start) + masked[claim.end :]
        # "Studies show fewer cramps with magnesium. That's why our formula has extra."
        after = pieces[i + 1].text.lstrip() if i + 1 < len(pieces) else ""
        tied = bool(lex.ties and lex.ties.search(after[:60])) and bool(PRODUCT.search(after))
        reader = UnitReader(unit.text, lex, masked, tied)
        blocked = disease_claims(reader)
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
        topics = topic_claims(reader, blocked, authorised)
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
        for span in misquotes(reader, topics):
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
