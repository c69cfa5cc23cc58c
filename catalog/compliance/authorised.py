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


# --- where a text makes an authorised claim ------------------------------------------------
#
# Read by meaning, not by sentence shape: a claim is made where one of the register's
# concepts appears with its qualifier ("normal muscle function", "normale spierwerking", "the
# reduction of tiredness and fatigue", "minder vermoeidheid"), whatever frame carries it
# ("supports", "does its bit for", "draagt dit poeder bij aan", "... : daar draagt magnesium
# aan bij", a ✔ list). It is not authorised when a word that says more governs it ("zorgt
# voor", "boosts", "optimale"), when the claim goes on with something no register entry
# says ("normale spierwerking en sneller herstel"), or with a time promise ("within 20
# minutes"). A look-alike with another nutrient's function ("normal blood clotting",
# "normale vruchtbaarheid", "normal cognitive function") is no concept at all, so its frame
# is left over and warns as a misquote.


@dataclass(frozen=True)
class AuthorisedClaim:
    start: int
    end: int
    areas: frozenset[str]  # the topics (`lexicon` slugs) the claim speaks about


_B = r"(?<![\w-])"
_CONCEPTS_RX = {
    "en": (
        r"normal(?:ly)? (?:functioning |working )?(?:muscles?|nerves?|nervous system)(?: (?:and|&) "
        r"(?:the )?(?:muscles?|nerves?|nervous system))? (?:function(?:ing|s)?|contraction|work(?:ing)?)",
        r"normal(?:ly)? (?:functioning|working) (?:muscles|nerves|nervous system)(?: and (?:a )?(?:normal(?:ly)? "
        r"(?:functioning|working) )?(?:muscles|nerves|nervous system))?",
        r"normal(?:ly)? (?:function(?:ing)?|working) of (?:the |your )?(?:muscles|nerves|nervous system)"
        r"(?: (?:and|&) (?:of )?(?:the |your )?(?:muscles|nerves|nervous system))?",
        r"normal psychological function(?:ing)?",
        r"normal energy(?:-| )?(?:yielding |releasing |producing )?metabolism",
        r"normal protein synthesis",
        r"(?:normal )?electrolyte balance|(?:your )?electrolytes in balance",
        r"(?:(?:the )?(?:maintenance|maintaining) of |maintain(?:ing)? )?normal (?:bones|teeth)(?: (?:and|&) "
        r"(?:normal )?(?:bones|teeth))?",
        r"(?:the )?(?:process of )?cell division(?: process)?|when (?:your |the )?cells divide",
        r"(?:the )?(?:reduction|reducing|reduce|decrease|decreasing|lowering|less|cut(?:ting)? down(?: on)?)"
        r"(?: (?:of|in))? (?:tiredness|fatigue)(?: (?:and|or|&) (?:tiredness|fatigue))?",
        r"(?:(?:the |your )?(?:muscles|nerves|nervous system)(?: (?:and|&) (?:the |your )?(?:muscles|nerves|"
        r"nervous system))? (?:in|with) )?(?:its|their) normal function(?:ing)?",
        r"(?:your |the )?(?:muscles|nerves|nervous system) (?:working|functioning|to work|to function|work|function)"
        r" normally",
    ),
    "nl": (
        r"normale? (?:spier|zenuw)(?:- en (?:spier|zenuw))?[ -]?(?:functie|werking|contractie)s?",
        r"normaa?le? (?:werking|functie|functioneren) van (?:de |je |jouw |het )?(?:spieren|zenuw[ -]?stelsel|zenuwen)"
        r"(?: en (?:van )?(?:de |je |het )?(?:spieren|zenuw[ -]?stelsel|zenuwen))?",
        r"normaa?le? (?:werkende?|functionerende?) (?:spieren|zenuw[ -]?stelsel)(?: en (?:een )?(?:normaa?le? "
        r"(?:werkende?|functionerende?) )?(?:spieren|zenuw[ -]?stelsel))?",
        r"normaa?le? (?:spieren|zenuw[ -]?stelsel)",
        r"normaa?le? psychologische? (?:functie|functioneren|werking)",
        r"normaa?le? (?:energieleverende? (?:metabolisme|stofwisseling)|energie-? ?(?:stofwisseling|metabolisme))",
        r"normale (?:eiwit[ -]?synthese|aanmaak van eiwitten)",
        r"(?:normale )?ele[ck]trolyten[ -]?(?:balans|evenwicht|huishouding)",
        r"(?:(?:de |het )?(?:instandhouding|behoud|in stand houden) van )?normale (?:botten|tanden|gebit)"
        r"(?: en (?:normale )?(?:botten|tanden|gebit))?(?: (?:te behouden|in stand te houden))?",
        r"(?:het )?(?:proces van (?:de )?)?cel[ -]?deling(?:s[ -]?proces)?",
        r"(?:de )?(?:vermindering|verminderen|minder) (?:van )?(?:vermoeidheid|moeheid)(?: (?:en|of|&) "
        r"(?:vermoeidheid|moeheid))?|(?:vermoeidheid|moeheid)(?: (?:en|of|&) (?:vermoeidheid|moeheid))? "
        r"(?:te )?verminderen",
        r"(?:(?:de |je )?(?:spieren|zenuw[ -]?stelsel|zenuwen)(?: en (?:het |de |je )?(?:spieren|zenuw[ -]?stelsel|"
        r"zenuwen))? in )?(?:zijn|hun|haar) normale (?:werking|functie)|de normale (?:werking|functie) "
        r"(?:ervan|daarvan)",
        r"(?:je |de )?(?:spieren|zenuw[ -]?stelsel|zenuwen) normaal (?:te )?(?:laten )?(?:werken|functioneren)",
    ),
}
# "Tiredness and fatigue? Magnesium contributes to reducing both": the register concept with a
# pointer back to tiredness named earlier in the unit.
_REDUCING_IT = {
    "en": r"(?:the )?(?:reduction|reducing|reduce|lessening)(?: of)? (?:both|them|it)",
    "nl": r"(?:de )?(?:vermindering|verminderen) (?:ervan|daarvan|van beide)|(?:beide|ze) (?:te )?verminderen",
}
_TIREDNESS = re.compile(_B + r"(?:tiredness|fatigue|vermoeidheid|moeheid)(?![\w-])")

# Another nutrient's register claim with that nutrient named as its subject, in a combination
# product ("vitamin D contributes to the normal absorption of calcium", Reg. 432/2012): the
# nutrient's own claim, not magnesium's look-alike. Vitamin D, B6, zinc and calcium are the
# usual partners of magnesium; their entries are listed by their distinctive words.
_OTHER_NUTRIENTS: dict[str, tuple[tuple[str, str], ...]] = {
    "en": (
        (
            r"vit(?:amin|\.)? ?d3?",
            r"(?:the )?normal (?:absorption|utili[sz]ation)(?: (?:and|/) utili[sz]ation)? of calcium"
            r"(?: and phosphorus)?|normal blood calcium levels|(?:the )?normal function(?:ing)? of the immune system",
        ),
        (
            r"vit(?:amin|\.)? ?b6",
            r"normal red blood cell formation|(?:the )?normal function(?:ing)? of the immune system|(?:the )?"
            r"regulation of hormonal activity|normal (?:homocysteine|protein and glycogen) metabolism|normal cysteine synthesis",
        ),
        (
            r"zinc",
            r"normal cognitive function|normal fertility and reproduction|normal testosterone levels in the blood|"
            r"(?:the )?normal function(?:ing)? of the immune system|(?:the )?protection of cells from oxidative stress|"
            r"(?:the )?maintenance of normal (?:hair|nails|skin|vision)|normal dna synthesis|normal (?:acid-base|"
            r"carbohydrate|macronutrient) metabolism|normal metabolism of (?:fatty acids|vitamin a)",
        ),
        (
            r"calcium",
            r"normal blood clotting|normal neurotransmission|(?:the )?normal function of digestive enzymes",
        ),
    ),
    "nl": (
        (
            r"vit(?:amine|\.)? ?d3?",
            r"(?:de )?normale (?:opname|benutting)(?: en benutting)? van calcium(?: en fosfor)?|normale "
            r"calciumgehalten? in het bloed|(?:de )?normale werking van het immuunsysteem",
        ),
        (
            r"vit(?:amine|\.)? ?b6",
            r"(?:de )?normale vorming van rode bloedcellen|(?:de )?normale werking van het immuunsysteem|(?:de )?"
            r"regul(?:ering|atie) van (?:de )?hormonale activiteit|(?:een )?normaal (?:homocysteine|eiwit- en glycogeen)"
            r"metabolisme|(?:een )?normale cysteinesynthese",
        ),
        (
            r"zink",
            r"(?:een )?normale cognitieve functie|(?:een )?normale vruchtbaarheid en voortplanting|(?:een )?normaal "
            r"testosterongehalte in het bloed|(?:de )?normale werking van het immuunsysteem|(?:de )?bescherming van "
            r"cellen tegen oxidatieve stress|(?:de )?(?:instandhouding|behoud) van (?:een )?normale? (?:haren|nagels|huid|"
            r"gezichtsvermogen)|(?:een )?normale dna-synthese|(?:een )?normaal (?:zuur-base|koolhydraat|macronutrienten)"
            r"(?:-| )?metabolisme",
        ),
        (
            r"calcium",
            r"(?:een )?normale bloedstolling|(?:een )?normale neurotransmissie|(?:de )?normale werking van "
            r"spijsverteringsenzymen",
        ),
    ),
}
_OTHER_FRAMES = {
    "en": r"(?:also )?(?:contributes to|helps (?:to )?maintain|supports|is needed for|(?:has|plays) a role in)",
    "nl": r"(?:draagt (?:ook )?bij (?:aan|tot)|ondersteunt|speelt een rol bij|is nodig voor)",
}
_OTHER_RX = {
    lang: re.compile(
        "|".join(
            _B + "(?:" + nutrient + ") " + _OTHER_FRAMES[lang] + " (?:" + concept + r")(?![\w-])"
            for nutrient, concept in rows
        )
    )
    for lang, rows in _OTHER_NUTRIENTS.items()
}

# The topics a concept speaks about, from its words ("spier" -> muscles).
_AREAS = (
    ("muscles", r"muscle|spier"),
    ("nerves", r"nerv|zenuw"),
    ("psychological", r"psycholog"),
    ("energy", r"energ|metabol|stofwissel"),
    ("bones-teeth", r"bone|teeth|bot|tand|gebit"),
    ("fatigue", r"tired|fatigue|vermoeid|moeheid"),
    ("cell-division", r"cel"),
)
# "its/their/hun normal function" needs what "its" is, earlier in the unit.
_ANTECEDENT = re.compile(
    _B
    + r"(?:muscles?|nervous system|nerves|psychological function|spier\w*|zenuw\w*|psychologische "
    r"functie)(?![\w-])"
)
_POSSESSIVE = re.compile(
    r"(?:its|their|zijn|hun|haar) normale? |normale (?:werking|functie) (?:ervan|daarvan)"
)
# A word governing the concept that says more than the register ("zorgt voor", "boosts").
_OVERSTATED = frozenset(
    {
        *("boost", "boosts", "boosting", "improve", "improves", "improving", "enhance", "enhances"),
        *("optimise", "optimises", "optimize", "optimizes", "strengthen", "strengthens"),
        *("maximise", "maximises", "ensure", "ensures", "guarantee", "guarantees", "restore"),
        *("restores", "promote", "promotes", "stimulate", "stimulates", "optimal", "strong"),
        *("healthy", "better", "perfect", "peak", "verbetert", "verbeteren", "versterkt"),
        *("versterken", "boosten", "optimaliseert", "optimaliseren", "garandeert", "zorgt"),
        *("zorgen", "herstelt", "herstellen", "bevordert", "bevorderen", "stimuleert"),
        *("stimuleren", "optimale", "optimaal", "sterke", "gezonde", "betere", "perfecte"),
        *("proven", "clinically", "scientifically", "bewezen", "klinisch", "wetenschappelijk"),
    }
)
_GOVERNING_SKIP = frozenset(
    {
        "a",
        "an",
        "the",
        "your",
        "to",
        "for",
        "een",
        "de",
        "het",
        "je",
        "jouw",
        "uw",
        "tot",
        "aan",
        "voor",
    }
)
_TIMING = re.compile(
    _B + r"(?:(?:(?:with)?in|binnen|na) (?:\d+|a|one|two|three|a few|een|twee|drie|enkele|paar) "
    r"(?:minut\w*|hours?|uur|days?|dagen|weeks?|weken)|instant\w*|immediately|right away|directe?|meteen|"
    r"onmiddellijke?)(?![\w-])"
)
# "geen directe oppepper", "not an instant boost": a time promise denied is none.
_DENIED = re.compile(
    r"(?<![\w-])(?:not|no|never|isn'?t|don'?t|doesn'?t|geen|niet|nooit)(?: [\w'-]+){0,3} ?$"
)


def _promises_timing(text: str) -> bool:
    return any(
        not _DENIED.search(text[max(0, m.start() - 40) : m.start()]) for m in _TIMING.finditer(text)
    )


# What carries a claim: when its object is a concept, or it points back to one ("daar draagt
# magnesium aan bij", "is one of the things magnesium contributes to"), it is part of the claim.
_FRAMES_RX = {
    "en": r"contribut(?:es|e|ing|ion)?(?: (?:to|towards))?|helps?(?: (?:to|you))?(?: (?:maintain|keep|reduce|"
    r"cut|support))?|support(?:s|ing)?|maintain(?:s|ing)?|(?:plays?|has|having) (?:a|an|its|their) (?:\w+ )?"
    r"(?:role|part)(?: in)?|is involved in|(?:is|are) needed for|does its bit(?: for)?",
    "nl": r"(?:draagt|dragen)(?: \S+){0,4}? bij(?: (?:aan|tot))?|bij(?:draagt|dragen) (?:aan|tot)|levert (?:\S+ )?"
    r"een bijdrage(?: (?:aan|tot))?|helpt(?: (?:mee|je|om))*(?: (?:aan|bij|om))?|ondersteun\w*|(?:speelt|heeft)"
    r" (?:\S+ )?een (?:\S+ )?(?:rol|functie)(?: (?:bij|in))?|(?:is|zijn) (?:betrokken bij|nodig voor)|een rol "
    r"speelt (?:bij|in)",
}
_FILLERS = {
    "en": frozenset(
        {
            *("to", "towards", "the", "a", "an", "your", "its", "in", "of", "also", "through"),
            *("via", "thanks", "with", "this", "product", "it", "body", "body's", "that", "these"),
            *("and", "does", "do"),
        }
    ),
    "nl": frozenset(
        {
            *("tot", "aan", "de", "het", "een", "je", "jouw", "uw", "in", "van", "ook", "dankzij"),
            *(
                "door",
                "via",
                "met",
                "mee",
                "om",
                "bij",
                "lichaam",
                "dit",
                "deze",
                "daar",
                "daaraan",
            ),
            *("eraan", "ervan", "er", "en", "wel"),
        }
    ),
}
_WORD = re.compile(r"[\w'-]+")


@dataclass(frozen=True)
class _Compiled:
    concepts: re.Pattern[str]
    frames: re.Pattern[str]
    fillers: frozenset[str]


def _compile(lang: str) -> _Compiled:
    return _Compiled(
        re.compile(
            _B + "(?:" + "|".join((*_CONCEPTS_RX[lang], _REDUCING_IT[lang])) + r")(?![\w-])"
        ),
        re.compile(_B + "(?:" + _FRAMES_RX[lang] + r")(?![\w-])"),
        _FILLERS[lang],
    )


_COMPILED = {lang: _compile(lang) for lang in ("nl", "en")}


def _skip_fillers(text: str, pos: int, fillers: frozenset[str]) -> int:
    """From `pos`, past spaces and filler words ("through the magnesium to a")."""
    while True:
        while pos < len(text) and text[pos] == " ":
            pos += 1
        word = _WORD.match(text, pos)
        if not word or not (word.group(0) in fillers or word.group(0).startswith("magnesium")):
            return pos
        pos = word.end()


def _governed_by_more(text: str, start: int) -> bool:
    words = _WORD.findall(text[max(0, start - 40) : start])
    while words and words[-1] in _GOVERNING_SKIP:
        words.pop()
    return bool(words) and words[-1] in _OVERSTATED


def _within(pos: int, spans: list[tuple[int, int]]) -> bool:
    return any(start <= pos < end for start, end in spans)


def _goes_on(text: str, end: int, compiled: _Compiled, concepts: list[tuple[int, int]]) -> bool:
    """ "... normale spierwerking en sneller herstel": the claim says more than the concept."""
    rest = re.match(r" *,? *(?:and|en|&|\+) ", text[end:])
    if not rest:
        return False
    pos = _skip_fillers(text, end + rest.end(), compiled.fillers)
    return not _within(pos, concepts) and not compiled.frames.match(text, pos)


def authorised_claims(folded: str, lang: str) -> list[AuthorisedClaim]:
    """Where `folded` (lower-case, accent-free) makes an authorised claim: the concept and the
    frame words that carry it, each with the topics it speaks about."""
    text = re.sub(r"\s", " ", folded)  # one for one: offsets stay
    compiled = _COMPILED[lang]
    matches = list(compiled.concepts.finditer(text))
    others = [
        AuthorisedClaim(m.start(), m.end(), frozenset()) for m in _OTHER_RX[lang].finditer(text)
    ]
    if not (matches or others) or _promises_timing(text):
        return []
    concepts = [m.span() for m in matches]
    claims: list[AuthorisedClaim] = []
    for match in matches:
        words = match.group(0)
        if _within(match.start(), [(c.start, c.end) for c in others]):
            continue
        areas = {slug for slug, rx in _AREAS if re.search(rx, words)}
        if re.fullmatch(_REDUCING_IT[lang], words):
            if not _TIREDNESS.search(text, 0, match.start()):
                continue  # "reducing them": cramps? only tiredness has a claim
            areas = {"fatigue"}
        if _POSSESSIVE.search(words) and not areas:
            antecedents = [a.group(0) for a in _ANTECEDENT.finditer(text, 0, match.start())]
            areas = {slug for slug, rx in _AREAS for a in antecedents if re.search(rx, a)}
            if not areas:
                continue  # "its normal function", of what is not said: of the heart?
        if _governed_by_more(text, match.start()) or _goes_on(
            text, match.end(), compiled, concepts
        ):
            continue
        claims.append(AuthorisedClaim(match.start(), match.end(), frozenset(areas)))
    claims += others
    if not claims:
        return []
    kept = [(c.start, c.end) for c in claims]
    for frame in compiled.frames.finditer(text):
        pos = _skip_fillers(text, frame.end(), compiled.fillers)
        dangling = pos >= len(text) or not (text[pos].isalnum() or text[pos] in "'")
        if _within(frame.start(), kept) or _within(pos, kept) or dangling:
            claims.append(AuthorisedClaim(frame.start(), frame.end(), frozenset()))
    return sorted(claims, key=lambda c: c.start)
