"""Reads the unauthorised topics of one claim unit (sleep, stress, energy...) and misquoted frames.

A strong topic word is a claim wherever it stands in shop copy, unless the unit is a plain
statement about it; a weak one only with an effect word ("sterke botten", "geeft je
energie"); in a hashtag or a keyword title any topic word is one. The word lists are in
`lexicon_nl` and `lexicon_en`.
"""

from __future__ import annotations

import re

from .authorised import AuthorisedClaim
from .lexicon import Topic
from .reading import ADJACENT_TOKENS, Span, UnitReader, spans, token_at

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
_CLAIM_NAMES = frozenset(
    {
        *("formula", "complex", "support", "blend", "aid", "booster", "boost", "shot", "remedy"),
        *("formule", "kuur", "mix", "remedie", "ondersteuning", "survivalkit", "noodpakket"),
        "survival",
    }
)
_COMPARATIVES = frozenset(
    {
        *("better", "deeper", "sounder", "faster", "longer", "more", "harder", "stronger"),
        *("beter", "dieper", "sneller", "langer", "meer", "harder", "sterker", "vaster"),
    }
)


def topic_claims(
    reader: UnitReader, blocked: list[Span], authorised: list[AuthorisedClaim]
) -> list[tuple[str, Span]]:
    """Unauthorised topics. An authorised claim's own area named before it ("For your nervous
    system: magnesium contributes to its normal functioning", "Spieren 👉 ...") is its heading."""
    lex, text = reader.lex, reader.text
    covered = {area for claim in authorised for area in claim.areas}
    first = min((claim.start for claim in authorised if claim.areas), default=0)
    candidates: list[tuple[str, Span]] = []
    if reader.denied:
        return candidates
    mentions = []
    for topic in lex.topics:
        strong = [
            Span(h.start, h.end, text[h.start : h.end])
            for h in (
                topic.strong_words.find(reader.toks) if topic.strong_words.present(text) else ()
            )
            if not lex.medication_nouns.fullmatch(h.token.text)
        ]
        strong += spans(topic.strong_phrases, text)
        mentions.append((topic, [m for m in strong if _claims_something(reader, m)]))
    # "Sleep tight! See you in the next newsletter", "slaapproblemen kunnen op andere
    # aandoeningen wijzen", "Shop by goal: Sleep & Relaxation": there a topic word claims
    # something only with an effect, and a topic word ("relaxation") is no effect.
    plain = (
        reader.shop_talk
        or bool(reader.lifestyle)
        or (bool(_EDUCATIONAL.search(text)) and not reader.tied)
        or (reader.occurrence and not reader.strong)
    )
    names = [m for _t, strong in mentions for m in strong] if plain else []
    for topic, strong in mentions:
        if plain:
            strong = [m for m in strong if _has_effect(reader, m, names)]
        weak = [
            Span(h.start, h.end, text[h.start : h.end])
            for h in (topic.weak_words.find(reader.toks) if topic.weak_words.present(text) else ())
            if not lex.medication_nouns.fullmatch(h.token.text)
        ]
        weak += spans(topic.weak_phrases, text)
        # in a marketplace keyword title ("| Spieren | Energie |") every topic word is a claim
        weak = [w for w in weak if reader.keyword_title or _has_effect(reader, w)]
        candidates += [(topic.slug, span) for span in strong + weak]
        candidates += [(topic.slug, tag) for tag in _hashtags(text) if _names(topic, tag.text[1:])]
    # The longest mention wins where two overlap: "blood pressure" is not "pressure" (stress).
    taken: list[tuple[str, Span]] = []
    for slug, span in sorted(candidates, key=lambda c: c[1].start - c[1].end):
        if any(t.start < span.end and span.start < t.end for _s, t in taken):
            continue
        taken.append((slug, span))
    found: list[tuple[str, Span]] = []
    for slug, mention in sorted(taken, key=lambda c: c[1].start):
        if any(slug == s for s, _m in found):
            continue  # one issue per topic and unit
        if reader.in_trap(mention.start, mention.end) or reader.inside_medication(mention):
            continue
        if reader.measured(mention):
            continue  # "laat gratis uw bloeddruk meten"
        if slug in covered and mention.start < first:
            continue
        if any(b.start <= mention.start < b.end for b in blocked):
            continue
        if reader.advice_rescues(mention.start):
            continue
        found.append((slug, mention))
    return found


# The reader, or the speaker of a testimonial ("mijn concentratie is next level").
_YOU = re.compile(r"(?<![\w-])(?:je|jij|jouw|u|uw|you|your|ik|mijn|m'n|i|my|i'm|i've)(?![\w-])")
# Verbs that make the words before them the subject of a plain statement.
_STATEMENT_VERBS = frozenset(
    {
        *("is", "zijn", "was", "waren", "hangt", "hangen", "wordt", "worden", "komt", "komen"),
        *("heeft", "hebben", "verschilt", "varieert", "ontstaat", "betekent", "bestaat"),
        *("are", "were", "depends", "depend", "varies", "vary", "becomes", "become", "means"),
        *("has", "have", "occurs", "differs", "comes"),
    }
)


_HASHTAG = re.compile(r"#[a-z][\w-]*")


def _hashtags(text: str) -> list[Span]:
    return spans(_HASHTAG, text) if "#" in text else []


def _names(topic: Topic, tag: str) -> bool:
    """Whether a hashtag names the topic: "#sleepbetter", "#stressless", "#slaapbeter"."""
    words = (topic.strong_words, topic.weak_words)
    if any(w.matches(tag) for w in words):
        return True
    return any(
        w.matches(tag[:i]) or w.matches(tag[i:]) for i in range(3, len(tag) - 1) for w in words
    )


def _claims_something(reader: UnitReader, mention: Span) -> bool:
    """A strong topic word makes a claim unless the sentence is a plain statement about the
    topic itself, naming neither an effect nor the product: "Een goede nachtrust hangt af van
    veel factoren" is none; "Diepe slaap en ontspanning", "Good sleep starts with magnesium"
    and "Helps you fall asleep" are claims."""
    if _has_effect(reader, mention) or reader.product or _YOU.search(reader.text):
        return (
            True  # an effect, the product, or a promise to the reader ("je wordt uitgerust wakker")
        )
    return not any(
        t.text in _STATEMENT_VERBS and not mention.start <= t.start < mention.end
        for t in reader.toks
    )


# "Did you know stress can increase how much magnesium you use?": a fact, not a promise.
_EDUCATIONAL = re.compile(
    r"(?<![\w-])(?:did you know|wist je dat(?:je)?|fun fact|(?:leuk )?weetje|feitje|research shows|studies show|"
    r"onderzoek (?:toont|laat zien))(?![\w-])"
)
_MAGNESIUM = re.compile(r"magnesium\w*")


def _acts_on_magnesium(reader: UnitReader, effect: Span, mention: Span) -> bool:
    """The effect's object is magnesium, not the topic: "stress can increase how much
    magnesium you use", "dat stress je magnesiumverbruik kan verhogen"."""
    at = token_at(reader.toks, effect.start)
    near = range(at + 1, at + 5) if reader.lex.lang == "en" else range(max(0, at - 3), at)
    for i in near:
        if i < len(reader.toks) and _MAGNESIUM.fullmatch(reader.toks[i].text):
            lo, hi = sorted((reader.toks[i].start, effect.start))
            return not lo <= mention.start < hi
    return False


def _has_effect(reader: UnitReader, mention: Span, names: list[Span] | None = None) -> bool:
    """An effect word in the mention's clause (not one of the topic words `names`), an effect
    adjective before it ("sterke botten") or a comparative after it ("sleep better")."""
    lex = reader.lex
    clause = reader.clause(mention.start)
    for effect in reader.effects:
        if any(effect.start < m.end and m.start < effect.end for m in (mention, *(names or ()))):
            continue
        if names is not None and _acts_on_magnesium(reader, effect, mention):
            continue
        if reader.clause(effect.start) == clause:
            return True
    at = token_at(reader.toks, mention.start)
    before = [t.text for t in reader.toks[max(0, at - 2) : at]]
    if any(lex.effect_adjectives.fullmatch(w) for w in before):
        return True  # "sterke botten", "more energy", "een rustig hoofd"
    after = [t.text for t in reader.toks[token_at(reader.toks, mention.end) :][:2]]
    if after[:1] and after[0] in _COMPARATIVES:
        return True  # "sleep better", "slaap dieper"
    if after[:1] and after[0] in _CLAIM_NAMES:
        return True  # "our sleep formula", "onze stresskuur": a product named for its effect
    if after == ["of", "steel"] or after == ["of", "iron"] or after == ["van", "staal"]:
        return True  # "Nerves of steel"
    before = [t.text for t in reader.toks[max(0, at - ADJACENT_TOKENS) : at]]
    return any(w in lex.effect_before for w in before)


def misquotes(reader: UnitReader, topics: list[tuple[str, Span]]) -> list[Span]:
    frames = spans(reader.lex.claim_frames, reader.text)
    if not frames:
        return []
    about_claims = "magnesium" in reader.text or "normal" in reader.text or topics
    return frames[:1] if about_claims else []
