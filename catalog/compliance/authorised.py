"""The authorised magnesium health claims and where a text makes one, word for word or in the same words' meaning.

Source: Commission Regulation (EU) No 432/2012, Annex (the EU Register of nutrition and health
claims), the ten magnesium entries, English and Dutch language versions; condition of use: at
least a "source of" magnesium, 15 % of the NRV per daily portion (Reg. (EU) 1169/2011 Annex
XIII part A point 2). The Dutch register says "speelt een rol bij het celdelingsproces" and
spells "electrolytenbalans"; the catalog's seeded wordings (fixtures/demo/reference.json) are
accepted too.

Wording: the register wording, or one that says the same to a consumer (Reg. (EC) 1924/2006
art. 13 and the Commission's and member states' guidance on flexibility of wording; in the
Netherlands the Keuringsraad's code applies it): "supports", "helps (to) maintain/reduce",
"is involved in", "draagt bij aan", "behoud van", "a normally functioning nervous system",
two claims joined. Never with a word that says more ("strong", "optimal", "boost", "energie
geven", "uitputting" for fatigue): what a frame ("contributes to", "draagt bij") leaves
unmatched is a misquote and warns (`claims.lint_copy`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# (slug, English, Dutch) register wordings: "Magnesium contributes to <English>".
CONTRIBUTES_TO: tuple[tuple[str, str, str], ...] = (
    (
        "tiredness-fatigue",
        "a reduction of tiredness and fatigue",
        "de vermindering van vermoeidheid en moeheid",
    ),
    ("electrolyte-balance", "electrolyte balance", "de elektrolytenbalans"),
    (
        "energy-metabolism",
        "normal energy-yielding metabolism",
        "een normaal energieleverend metabolisme",
    ),
    (
        "nervous-system",
        "normal functioning of the nervous system",
        "een normale werking van het zenuwstelsel",
    ),
    ("muscle-function", "normal muscle function", "een normale werking van de spieren"),
    ("protein-synthesis", "normal protein synthesis", "een normale eiwitsynthese"),
    (
        "psychological-function",
        "normal psychological function",
        "een normale psychologische functie",
    ),
    ("bones", "the maintenance of normal bones", "de instandhouding van normale botten"),
    ("teeth", "the maintenance of normal teeth", "de instandhouding van normale tanden"),
)
CELL_DIVISION = {
    "en": "Magnesium has a role in the process of cell division",
    "nl": "Magnesium speelt een rol bij het celdelingsproces",
}


def authorised_wordings(lang: str) -> list[str]:
    """Every authorised magnesium claim in `lang`, as the register words it."""
    frame = "Magnesium contributes to " if lang == "en" else "Magnesium draagt bij tot "
    index = 1 if lang == "en" else 2
    return [frame + row[index] for row in CONTRIBUTES_TO] + [CELL_DIVISION[lang]]


# --- reading a claim: subject, frame, complements ------------------------------------------

_ART = {"en": r"(?:(?:a|the|your) )?", "nl": r"(?:(?:een|de|het|je) )?"}
_NORMAL = {"en": r"normal(?:ly)? ", "nl": r"normaa?le? "}
# What each authorised claim is about, in the words shops use for it. A claim needs the
# register's qualifier ("normal", "maintenance", "reduction") where the register has one.
_CONCEPTS = {
    "en": {
        "tiredness-fatigue": r"(?:(?:reduction|reducing|reduce|decrease) (?:of |in )?)?(?:tiredness|fatigue)"
        r"(?: (?:and|or|&) (?:tiredness|fatigue))?",
        "electrolyte-balance": r"(?:normal )?electrolyte balance",
        "energy-metabolism": r"normal energy(?:-| )(?:yielding |releasing )?metabolism",
        "nervous-system": r"normal(?:ly)? (?:function(?:ing)?|working) (?:of )?(?:the )?nervous system"
        r"|normal(?:ly)? function(?:ing)? nervous system|normal nervous system function(?:ing)?",
        "muscle-function": r"normal(?:ly)? (?:muscle function(?:ing)?|functioning muscles|muscle contraction)",
        "muscles-nerves": r"normal function(?:ing)? of (?:the )?(?:muscles|nervous system)(?: and (?:of )?(?:the )?"
        r"(?:muscles|nervous system))?",
        "protein-synthesis": r"normal protein synthesis",
        "psychological-function": r"normal psychological function(?:ing)?",
        "bones-teeth": r"(?:(?:maintenance|maintaining|maintain) of )?normal (?:bones|teeth)(?: and (?:normal )?"
        r"(?:bones|teeth))?",
        "cell-division": r"(?:the )?(?:process of )?cell division(?: process)?",
        "its-function": r"its normal function(?:ing)?",
    },
    "nl": {
        "tiredness-fatigue": r"(?:(?:vermindering|verminderen) van )?(?:vermoeidheid|moeheid)"
        r"(?: (?:en|of) (?:vermoeidheid|moeheid))?(?: te verminderen)?",
        "electrolyte-balance": r"(?:normale )?(?:elektrolyten|electrolyten)(?:balans|evenwicht)",
        "energy-metabolism": r"normaa?le? (?:energieleverende? (?:metabolisme|stofwisseling)|energiestofwisseling|"
        r"energiemetabolisme)",
        "nervous-system": r"normale (?:werking|functie) van het zenuwstelsel|normaal (?:werkend|functionerend) "
        r"zenuwstelsel|normale zenuwfunctie|normaal functioneren van het zenuwstelsel",
        "muscle-function": r"normale (?:werking|functie) van de spieren|normale spier(?:functie|werking)|normaal "
        r"(?:functioneren van de spieren|werkende spieren|functionerende spieren)",
        "muscles-nerves": r"normale (?:werking|functie) van de spieren en (?:van )?het zenuwstelsel|normale "
        r"(?:werking|functie) van het zenuwstelsel en (?:van )?de spieren",
        "protein-synthesis": r"normale eiwitsynthese",
        "psychological-function": r"normale psychologische functie|normaal psychologisch functioneren",
        "bones-teeth": r"(?:(?:instandhouding|behoud|in stand houden) van )?normale (?:botten|tanden|gebit)"
        r"(?: en (?:normale )?(?:botten|tanden))?",
        "cell-division": r"(?:het )?(?:proces van )?(?:de )?celdeling(?:sproces)?",
        "its-function": r"(?:zijn|de) normale werking",
    },
}
_NEEDS = {  # a concept only counts with its qualifier somewhere in the claim
    "tiredness-fatigue": r"reduc|decreas|verminder",
    "bones-teeth": r"mainten|maintain|behoud|instandhouding|in stand",
}
_FRAMES = {
    "en": r"(?:contribut(?:es|e|ing) to|helps? (?:to )?(?:maintain|reduce|support|keep)?|supports?|plays? a (?:role|part)"
    r" in|has a (?:role|part) in|is involved in|is needed for)",
    "nl": r"(?:draagt (?:ook )?bij (?:tot|aan)|(?:ook )?bijdraagt (?:tot|aan)|bijdragen (?:tot|aan)|levert een bijdrage"
    r" (?:aan|tot)|helpt(?: bij)?|ondersteunt|speelt (?:ook )?een rol (?:bij|in)|heeft een rol (?:bij|in)|is betrokken"
    r" bij|is nodig voor|een rol speelt (?:bij|in))",
}
# Words a claim may carry around its complements without saying more.
_FILLERS = {
    "en": {
        "and",
        "to",
        "in",
        "your",
        "the",
        "a",
        "body",
        "also",
        "of",
        "its",
        "as",
        "well",
        "part",
        "varied",
        "diet",
        "maintain",
        "maintenance",
        "reduce",
        "reduction",
        "help",
        "helps",
    },
    "nl": {
        "en",
        "tot",
        "aan",
        "in",
        "je",
        "jouw",
        "uw",
        "het",
        "de",
        "een",
        "lichaam",
        "ook",
        "van",
        "bij",
        "mede",
        "te",
        "verminderen",
        "behoud",
        "instandhouding",
        "als",
        "onderdeel",
        "gevarieerd",
        "gevarieerde",
        "voeding",
        "om",
    },
}
# "Magnesium", "Het magnesium in deze tablet", "250 mg magnesium (67% NRV), which".
_SUBJECT = re.compile(r"magnesium\b[^.;!?]{0,40}?(?:,? (?:which|that|dat|die|wat))?\s*$")
_STOP = re.compile(r"[.;!?:]")


@dataclass(frozen=True)
class _Compiled:
    frame: re.Pattern[str]
    concepts: list[tuple[str, re.Pattern[str]]]
    fillers: set[str]


def _compile(lang: str) -> _Compiled:
    art = _ART[lang]
    concepts = [
        (slug, re.compile(art + "(?:" + rx + r")(?![\w-])")) for slug, rx in _CONCEPTS[lang].items()
    ]
    return _Compiled(
        re.compile(r"(?<![\w-])" + _FRAMES[lang] + r"(?![\w-])"), concepts, _FILLERS[lang]
    )


_COMPILED = {lang: _compile(lang) for lang in ("nl", "en")}
_WORD = re.compile(r"[\w'-]+|,")


def _read_complements(text: str, pos: int, lang: str) -> tuple[int, list[str]]:
    """From `pos`, the end of the longest run of concepts and filler words, and the concepts."""
    compiled = _COMPILED[lang]
    found: list[str] = []
    end = pos
    while True:
        while pos < len(text) and text[pos] == " ":
            pos += 1
        if pos >= len(text):
            break
        matches = [
            (m.end(), slug) for slug, regex in compiled.concepts if (m := regex.match(text, pos))
        ]
        if matches:  # the longest: "de spieren en het zenuwstelsel" is one complement
            longest, slug = max(matches)
            found.append(slug)
            pos = end = longest
        else:
            word = _WORD.match(text, pos)
            if not word or (word.group(0) not in compiled.fillers and word.group(0) != ","):
                break
            pos = word.end()
            if word.group(0) != ",":
                end = pos
    return end, found


def authorised_spans(folded: str, lang: str) -> list[tuple[int, int]]:
    """Spans of `folded` (lower-case, accent-free text) that make an authorised claim."""
    text = re.sub(r"\s", " ", folded)  # one for one: offsets stay
    compiled = _COMPILED[lang]
    spans: list[tuple[int, int]] = []
    for frame in compiled.frame.finditer(text):
        if spans and re.fullmatch(
            r"[ ,]*(?:and|en|,)?[ ,]*(?:also |ook )?", text[spans[-1][1] : frame.start()]
        ):
            start = spans[-1][0]  # "... en speelt een rol bij het celdelingsproces": same subject
        else:
            before = text[max(0, frame.start() - 60) : frame.start()]
            subject = _SUBJECT.search(before)
            if not subject:
                continue
            start = frame.start() - len(before) + subject.start()
        end, concepts = _read_complements(text, frame.end(), lang)
        if not concepts:
            continue
        claim = text[frame.start() : end]
        if any(slug in _NEEDS and not re.search(_NEEDS[slug], claim) for slug in concepts):
            continue
        rest = text[end:]
        if rest.strip(" ") and not _STOP.match(rest.lstrip(" ")) and not rest.startswith(","):
            following = compiled.frame.match(
                rest.lstrip(" ,").removeprefix("and ").removeprefix("en ")
            )
            if not following:
                continue  # the complement goes on with words no claim has: "... and recovery"
        if spans and spans[-1][0] == start:
            spans[-1] = (start, end)
        else:
            spans.append((start, end))
    return spans
