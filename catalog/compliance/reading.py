"""Reads one claim unit (a sentence; a question and its answer): which mentions make claims.

The rules are the steps 2-4 `claims` describes; the word lists are in `lexicon_nl` and
`lexicon_en`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import contexts
from .lexicon import Lexicon
from .text import Token, clause_index, tokens

ADJACENT_TOKENS = 3  # "bij nachtelijke kuitkrampen": a cue this close governs the disease
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


_ONLY = frozenset({"alleen", "enkel", "only", "just", "merely"})
_NAVIGATION = re.compile(
    r"(?<![\w-])(?:categor\w*|shop (?:by|per|op)|menu|filter\w*|browse|rubriek\w*|navigat\w*)(?![\w-])"
)
# Asking whether the product is safe with a condition, or may be taken if one has it.
_SAFETY = re.compile(
    r"(?<![\w-])(?:veilig|safe|is it ok|is het ok|samen met|together with|combine\w*|combiner\w*|(?:mag|kan) ik"
    r"\b.{0,40}\b(?:als|wanneer) ik|(?:can|may|should) i\b.{0,40}\b(?:if|when) i)(?![\w-])"
)
_ABSORPTION = re.compile(r"(?<![\w-])(?:absorb\w*|absorption|opname|opgenomen|bind\w*)(?![\w-])")
_SWALLOWING = re.compile(r"(?<![\w-])(?:swallow\w*|(?:door)?slikken)(?![\w-])")
# "but" turns a denial or disclaimer round only when what follows claims something ("didn't
# help at first, but then it did"; not "maar misschien moet ik langer volhouden").
_CONTRAST = re.compile(
    r"(?<![\w-])(?:but|until|unlike|maar|tot ik|in tegenstelling)(?![\w-])(?=.*(?<![\w-])(?:wel|did|does|"
    r"works?|worked|helps?|helped|werkt|helpt|hielp|gone|weg|verdwenen|now|nu|this one|deze|dit|verlicht\w*|"
    r"relie\w*|eas\w*|stop\w*|geneest|cures?)(?![\w-]))"
)
_KEYWORD_TITLE = re.compile(r"\|[^|]+\||(?:\s[-\u2013]\s[^-\u2013]+){3}")
# The product, named or pointed at ("our formula", "deze capsules").
PRODUCT = re.compile(
    r"(?<![\w-])(?:magnesium\w*|supplement\w*|capsul\w*|tablet\w*|gumm\w*|poeder|powder|formul\w*|"
    r"product\w*|sachet\w*|zakje\w*|scoops?|schepje\w*|dit|deze|this|these|ons|onze|our)(?![\w-])"
)
_STAFF = re.compile(
    r"(?<![\w-])(?:ons|onze|our) (?:\w+ )?(?:\w*coach\w*|\w*trainers?|team|experts?|dietist\w*|dietitians?|"
    r"apothekers?|pharmacists?|drogist\w*|medewerkers?|staff|founders?|oprichters?|ambassad\w*)(?![\w-])"
)
_LABEL = re.compile(r"\s*[\w'-]+(?: [\w'-]+){0,2} ?[:|]")
_CHANNEL = re.compile(r"podcast\w*")  # an ad read, unlike a blog or newsletter
_NOT_MEASURED = frozenset({"in", "onder", "under"})  # "in check", "onder controle": an effect
_EFFECT_NEGATIONS = frozenset(
    {"not", "no", "never", "isn't", "don't", "doesn't", "aren't", "geen", "niet", "nooit"}
)


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    text: str


def spans(regex: re.Pattern[str] | None, text: str) -> list[Span]:
    return (
        []
        if regex is None
        else [Span(m.start(), m.end(), m.group(0)) for m in regex.finditer(text)]
    )


def token_at(toks: list[Token], position: int) -> int:
    for i, tok in enumerate(toks):
        if tok.end > position:
            return i
    return len(toks)


class UnitReader:
    """Everything `lint_copy` needs to know about one unit, worked out once."""

    def __init__(self, text: str, lex: Lexicon, masked: str, tied_after: bool = False) -> None:
        self.text = masked  # authorised wordings blanked out
        self.lex = lex
        self.toks = tokens(masked)
        self.traps = spans(lex.traps, masked)
        # "onze hardloopcoach", "our team": the shop's people, not the product
        self.product = bool(PRODUCT.search(_STAFF.sub(" ", masked)))
        # "De drogist raadt dit aan bij...": a professional recommending it is no advice to
        # see one, and the recommendation says what the product is for.
        recommending = spans(lex.recommending, masked)
        self.advice = [
            a for a in spans(lex.advice, masked) if not self._recommends(a, recommending)
        ]
        # A complaint answered with a break, a walk or tea, the product not named: advice.
        self.lifestyle = spans(lex.lifestyle, masked) if not self.product else []
        service = spans(lex.service, masked)  # "Our pharmacists are happy to help"
        # "niet bedoeld om te genezen", unless it goes on "maar verlicht migraine"
        self.disclaimed = any(
            not _CONTRAST.search(masked, d.end) for d in spans(lex.disclaimers, masked)
        )
        # "acid reducers", "onder behandeling": words for the shopper's medicines and care
        medications = spans(lex.medication_nouns, masked) + spans(lex.patient_context, masked)
        self.medications = medications
        # Effect words, not those of the staff's help, a medicine's name or denied ones
        self.effects = [
            e
            for e in spans(lex.effect, masked)
            if not self.within(e, service + medications) and not self._denied_effect(e)
        ]
        self.side_effect = bool(spans(lex.side_effect, masked))
        self.occurrence = bool(spans(lex.occurrence, masked))
        # "Did nothing for my cramps", "Helpt bij mij niet tegen de kramp" (unless "but this did")
        self.denied = bool(spans(lex.denials, masked)) and not _CONTRAST.search(masked)
        # "Ook te gebruiken als je diabetes hebt" next to "geen toegevoegde suikers"
        self.suitable = (
            {self.clause(s.start) for s in spans(lex.suitability, masked)}
            if spans(lex.dietary, masked)
            else set()
        )
        # A newsletter, order or menu line; a keyword title ("| SLAAP | ONTSPANNING |") is none.
        # a shop menu ("Categories: Sleep | Stress | Kids") is no title
        self.keyword_title = bool(_KEYWORD_TITLE.search(masked)) and not _NAVIGATION.search(masked)
        # "Podcast:", "Blog -": a channel label says where the copy runs, not that it is shop talk
        label = _LABEL.match(masked)
        talk = [
            s
            for s in spans(lex.shop_talk, masked)
            if not (label and s.end <= label.end() and _CHANNEL.fullmatch(s.text))
        ]
        self.shop_talk = bool(talk or service) and not self.keyword_title

        def claim_word(span: Span) -> bool:
            # "acid reducers", "bloeddrukverlagers" name medicines, not what the product does
            inside_medicine = any(m.start <= span.start and span.end <= m.end for m in medications)
            return not inside_medicine and not self._negated(span)

        self.strong = [s for s in spans(lex.strong_cues, masked) if claim_word(s)]
        self.cues = [s for s in spans(lex.cues, masked) + recommending if claim_word(s)]
        if lex.lang == "nl":
            for tok in self.toks:
                if _VOORKOMEN.fullmatch(tok.text):
                    if self._voorkomen_prevents(tok):
                        span = Span(tok.start, tok.end, tok.text)
                        self.strong.append(span)
                        self.cues.append(span)
                    else:
                        self.occurrence = True  # "kan voorkomen bij ouderen"
        # Research or a risk fact tied to the product ("studies show fewer cramps with
        # magnesium; that's why our formula has extra") is a claim, not education.
        self.tied = self.product and (tied_after or bool(spans(lex.ties, masked)))
        self.researched = self.occurrence and self.tied
        if self.tied:
            self.occurrence = False

    def clause(self, position: int) -> int:
        return clause_index(self.text, position)

    def _recommends(self, advice: Span, recommending: list[Span]) -> bool:
        """The professional of an advice phrase is the subject of a recommending verb."""
        at = token_at(self.toks, advice.end)
        while at < len(self.toks) and self.toks[at].text in contexts.RECOMMENDING_BETWEEN:
            at += 1
        return at < len(self.toks) and any(r.start == self.toks[at].start for r in recommending)

    def _denied_effect(self, effect: Span) -> bool:
        """ "geen directe oppepper", "not an instant boost": the effect is denied ("not only"
        denies nothing)."""
        i = token_at(self.toks, effect.start)
        clause = self.clause(effect.start)
        for j in range(max(0, i - 4), i):
            tok = self.toks[j]
            if tok.text in _EFFECT_NEGATIONS and self.clause(tok.start) == clause:
                nxt = self.toks[j + 1].text
                return nxt not in _ONLY
        return False

    @staticmethod
    def within(span: Span, others: list[Span]) -> bool:
        return any(o.start <= span.start and span.end <= o.end for o in others)

    def inside_medication(self, span: Span) -> bool:
        return self.within(span, self.medications)

    def measured(self, span: Span) -> bool:
        """ "laat gratis uw bloeddruk meten", "free cholesterol checks", "cholesterolmeting":
        the value is measured, a service, unless a strong claim word is in the unit."""
        lex, toks = self.lex, self.toks
        if lex.measuring is None or self.strong:
            return False
        at = token_at(toks, span.start)
        end = token_at(toks, max(span.start, span.end - 1))
        if end >= len(toks):
            return False
        rest = toks[end].text[span.end - toks[end].start :].lstrip("-")
        if rest and lex.measuring.fullmatch(rest):
            return True
        clause = self.clause(span.start)
        for j in range(max(0, at - 3), min(len(toks), end + 3)):
            if at <= j <= end or self.clause(toks[j].start) != clause:
                continue
            if lex.measuring.fullmatch(toks[j].text) and (
                j == 0 or toks[j - 1].text not in _NOT_MEASURED
            ):
                return True
        return False

    def in_trap(self, start: int, end: int) -> bool:
        return any(t.start <= start and end <= t.end for t in self.traps)

    def _negated(self, span: Span) -> bool:
        """ "geneest niet", "does not cure", "not intended": the cue is denied."""
        words = span.text.split()
        if words and words[0] in self.lex.negations:
            return False  # the cue is itself a negative form: "nooit meer", "no more"
        i = token_at(self.toks, span.start)
        texts = [t.text for t in self.toks]
        clause = self.clause(span.start)
        before = [  # "not only", "niet alleen" deny nothing; nor does another clause's "niet"
            j
            for j in range(max(0, i - 2), i)
            if texts[j] in self.lex.negations and self.clause(self.toks[j].start) == clause
        ]
        if any(j + 1 >= len(texts) or texts[j + 1] not in _ONLY for j in before):
            after = texts[i + len(words) : i + len(words) + 1]
            return not (after and after[0] in _ONLY)
        after = texts[i + len(words) : i + len(words) + 2]
        return bool(self.lex.lang == "nl" and after[:1] and after[0] in ("niet", "geen")) and after[
            1:2
        ] != ["alleen"]

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

    def medication_governs(self, cue: Span) -> bool:
        """ "medicijnen tegen diabetes", "bisphosphonates for osteoporosis": not the product."""
        i = token_at(self.toks, cue.start)
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

    def advice_rescues(self, start: int, claim: Span | None = None) -> bool:
        """Advice in the unit rescues a mention in its own clause, or in a clause without a
        strong claim word; advice inside the `claim` itself ("stop met je maagzuurremmers")
        rescues nothing."""
        if self.disclaimed:
            return True
        advice = [
            a
            for a in self.advice
            if claim is None or not (a.start < claim.end and claim.start < a.end)
        ]
        if not advice:
            return False
        clause = self.clause(start)
        if any(self.clause(a.start) == clause for a in advice):
            return True
        # "Migrainepatient? Overleg met je neuroloog": the compound holding the mention is no
        # claim word of its own
        return not any(
            self.clause(s.start) == clause and not s.start <= start < s.end for s in self.strong
        )


def disease_claims(reader: UnitReader) -> list[Span]:
    lex, text = reader.lex, reader.text
    mentions = [
        Span(h.start, h.end, text[h.start : h.end])
        for h in lex.disease_words.find(reader.toks, text)
        if not lex.medication_nouns.fullmatch(h.token.text)
    ]
    mentions += spans(lex.disease_phrases, text)
    claims: list[Span] = []
    if reader.denied:
        return claims
    for mention in mentions:
        if reader.in_trap(mention.start, mention.end) or reader.inside_medication(mention):
            continue
        if reader.clause(mention.start) in reader.suitable:
            continue
        at = token_at(reader.toks, mention.start)
        # The mention with its neighbours: "stomach cramps", "dunne ontlasting", "buikkrampen".
        window = " ".join(t.text for t in reader.toks[max(0, at - 1) : at + 2])
        if reader.side_effect and any(g in window for g in lex.gut_words):
            continue
        following = reader.toks[
            token_at(reader.toks, mention.end) : token_at(reader.toks, mention.end) + 1
        ]
        if following and lex.medication_nouns.fullmatch(following[0].text):
            continue  # "osteoporosis medication"
        if reader.advice_rescues(mention.start) or reader.measured(mention):
            continue
        if reader.lifestyle and not _has_cue(reader, mention, reader.lifestyle):
            continue  # "Hoofdpijn van het scherm? Maak een wandeling.": no other claim word
        if reader.occurrence and not reader.strong:
            continue
        if reader.researched:
            claims.append(mention)  # research tied to the product: "daarom bevat onze formule"
            continue
        if not reader.strong and "?" in text and _SAFETY.search(text):
            continue  # "Can I take it if I have diabetes?": a question about safety
        # A complaint in a marketplace keyword title ("| hartkloppingen | hoge bloeddruk |")
        # says what the product is for.
        if reader.keyword_title or _has_cue(reader, mention) or _asked(reader, mention):
            claims.append(mention)
    for substitute in spans(lex.medicine_substitutes, text):
        if _ABSORPTION.search(text):
            break  # "so that you absorb less of the medicine": an interaction, not a promise
        if not reader.advice_rescues(substitute.start, substitute) and not any(
            c.start < substitute.end and substitute.start < c.end for c in claims
        ):
            claims.append(substitute)  # "a natural alternative to painkillers"
    return claims


def _has_cue(reader: UnitReader, mention: Span, skip: list[Span] | None = None) -> bool:
    """A claim word governs the mention. Only "with"/"met" naming who someone is, in a unit
    about swallowing the tablets ("my grandma with Parkinson's can still swallow them"), does
    not."""
    lex = reader.lex
    about_swallowing = bool(_SWALLOWING.search(reader.text))
    at = token_at(reader.toks, mention.start)
    end_at = token_at(reader.toks, max(mention.start, mention.end - 1))
    for cue in reader.cues:
        if mention.start <= cue.start and cue.end <= mention.end:
            continue  # the mention itself, not a cue for it
        if skip and reader.within(cue, skip):
            continue  # "take a break": the other remedy's own words
        if cue.text in lex.adjacent_cues:
            cue_at = token_at(reader.toks, cue.start)
            if not 0 < at - cue_at <= ADJACENT_TOKENS:
                continue
        if cue.text in lex.adjacent_after:
            cue_at = token_at(reader.toks, cue.start)
            if not 0 < cue_at - end_at <= ADJACENT_TOKENS:
                continue
        if reader.medication_governs(cue):
            continue
        if _disease_is_subject(reader, mention, cue):
            continue
        if about_swallowing and cue.text in ("with", "met"):
            continue
        return True
    return False


_PASSIVE = frozenset({"be", "is", "are", "was", "were", "been", "being", "get", "gets", "got"})


_OBJECT_START = frozenset(
    {"je", "jouw", "uw", "de", "het", "een", "hun", "zijn", "haar", "ons", "onze"}
)


def _disease_is_subject(reader: UnitReader, mention: Span, cue: Span) -> bool:
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
    i = token_at(reader.toks, cue.start)
    if lex.lang == "nl":
        return i + 1 < len(reader.toks) and reader.toks[i + 1].text in _OBJECT_START
    return not (i > 0 and reader.toks[i - 1].text in _PASSIVE)


def _asked(reader: UnitReader, mention: Span) -> bool:
    """ "Last van krampen?", "Migraine? ...": a complaint asked about is a claim to answer it;
    asking whether the product is safe with it ("Is magnesium veilig als ik nierproblemen
    heb?") is not."""
    question = reader.text[: reader.text.find("?", mention.end) + 1]
    return "?" in reader.text[mention.end :] and not reader.advice and not _SAFETY.search(question)
