"""The words medication matching reads besides the names table: doses and intakes a day, list separators, forms not swallowed, salts.

Pure data and small patterns for `medications`; folded text (lower case, no accents).
"""

from __future__ import annotations

import re

TOKEN = re.compile(r"[a-z0-9]+")
DOSE = re.compile(
    r"\d+(?:[.,]\d+)?(?:mg|mcg|ug|g|ml|ie|iu|eh|x|dd|mmol)?|\d*(?:mg|mcg|ug|ml|ie|iu|mmol)"
)
# A dose typed against the name: "omeprazol20mg", "Euthyrox75" (never "t4", "d3", "b12").
GLUED_DOSE = re.compile(r"([a-z]{4,})(\d+(?:[.,]\d+)?(?:mg|mcg|ug|g|ml|ie|iu|mmol)?)")
# A medicine not taken (now): "geen omeprazol meer", "gestopt met Lasix", "no longer on PPIs",
# "Fosamax (gestopt)". A "no" word only right before the name ("geen idee welke, omeprazol"
# keeps it); the others within `NEGATION_REACH` words before or after it, never across a list
# separator ("gestopt met roken, omeprazol").
NOT_WORDS = frozenset({"geen", "no", "nooit", "never"})
STOPPED = (
    ("gestopt",),
    ("gestaakt",),
    ("stopped",),
    ("quit",),
    ("discontinued",),
    ("niet", "meer"),
    ("niet", "langer"),
    ("no", "longer"),
    ("not", "anymore"),
    ("anymore",),
)
NOT_STOPPED_AFTER = frozenset({"dan", "than"})  # "niet meer dan 40 mg": at most
# After a name a verb of stopping says it is not taken ("Fosamax (gestopt)"), the others only
# with a verb of taking between ("omeprazol gebruik ik niet meer"): "omeprazol werkt niet
# meer", "can't do without omeprazole anymore" are medicines still taken, and a warning
# missed is worse than one too many.
STOPPED_AFTER = frozenset({("gestopt",), ("gestaakt",), ("stopped",), ("quit",), ("discontinued",)})
TAKING = frozenset({"gebruik", "slik", "neem", "take", "use", "taking", "using"})
NEGATION_REACH = 3
# List separators: each piece is one medicine (a "/" joins the parts of a combination).
SEGMENTS = re.compile(r"(?<!\d),|,(?!\d)|[;\n+&]|\s(?:en|and|of|or|ook|also|daarnaast|verder)\s")
# Not swallowed: a zinc cream or antibiotic ear drops do not meet magnesium in the gut.
TOPICAL = frozenset(
    [
        "zalf",
        "zalfje",
        "creme",
        "cream",
        "ointment",
        "pasta",
        "paste",
        "lotion",
        "shampoo",
        "smeersel",
        "oogdruppels",
        "oordruppels",
        "neusspray",
        "huidcreme",
        "crème",
        "gel",
        "smeren",
        "uitwendig",
    ]
) | {"eye drops", "ear drops", "nasal spray", "op de huid", "on the skin", "for external use"}
DOSE_FORM_SUFFIXES = (
    "bruistabletten",
    "kauwtabletten",
    "tabletten",
    "tabletjes",
    "tabletje",
    "tablet",
    "capsules",
    "capsule",
    "pilletjes",
    "pilletje",
    "pillen",
    "pil",
    "druppels",
    "poeder",
    "zakjes",
    "siroop",
    "medicijnen",
    "medicijn",
    "medicatie",
    "middelen",
    "middel",
)
# Salt and hydrate words after a medicine's name belong to it: "atorvastatine calcium".
SALTS = frozenset(
    [
        "natrium",
        "sodium",
        "kalium",
        "potassium",
        "calcium",
        "magnesium",
        "hydrochloride",
        "hcl",
        "hyclaat",
        "hyclate",
        "monohydraat",
        "dihydraat",
        "besilaat",
        "besylate",
        "maleaat",
        "mesilaat",
        "fumaraat",
        "tartraat",
        "succinaat",
        "waterstofchloride",
    ]
)
MINERALS = ("calcium", "zink", "zinc", "kalium", "magnesium", "natrium", "ijzer")
ANIONS = (
    "carbonaat",
    "citraat",
    "lactaat",
    "gluconaat",
    "fosfaat",
    "chloride",
    "oxide",
    "sulfaat",
    "picolinaat",
    "bisglycinaat",
    "glycinaat",
    "acetaat",
    "orotaat",
    "aspartaat",
)
DRUG_ENDINGS = re.compile(
    r"(?:ine|ol|aat|ide|an|il|pril|sartan|statine|statin|azol|azole|mab|mycine|cilline|one|on|ate)$"
)
SPECIFIC = frozenset({"generic", "brand", "combination", "supplement", "look-alike"})
# Ointments and drops for the eye, ear or skin by their compound name ("oogzalf", "oordruppels").
TOPICAL_WORD = re.compile(
    r"\w*(?:zalf|zalfje|creme|cremes|smeersel|ointment|oculentum)|(?:oog|oor|neus|huid|lip|eye|ear|nose)"
    r"\w*(?:druppels|drops|gel|spray|zalf)"
)
# Words that say what a pill is for: "iets tegen botontkalking", "a pill for osteoporosis".
PURPOSE_WORDS = frozenset(
    {"tegen", "voor", "for", "against", "bij", "ivm", "vanwege", "wegens", "om", "minder", "less"}
)
PILL_WORDS = frozenset(
    {
        *("pil", "pillen", "pilletje", "tablet", "tabletten", "tabletje", "middel", "medicijn"),
        *("medicijnen", "medicatie", "pill", "pills", "tablets", "meds", "medication", "medicine"),
    }
)
# A dose ("50 mg", "1,25 g", "calcium 1000") or a strength word says how much is taken.
HAS_DOSE = re.compile(
    r"\d+(?:[.,]\d+)?\s*(?:mg|g|gr|gram|mcg|ug|µg|μg|microgram|milligram)\b|(?<![\w/])\d{2,4}\b(?!\s*(?:ie|iu|x\b))"
)
STRENGTH = re.compile(
    r"(?<![\w-])(?:hoog ?gedoseerd\w*|hoge dos\w*|high[- ]?dose|high[- ]strength|forte|extra sterk\w*|megados\w*)(?![\w-])"
)
_AMOUNT = re.compile(r"(\d+(?:[.,]\d+)?)\s*(mcg|ug|µg|μg|microgram|mg|milligram|g)?(?![\w])")
_UNITS = {"ug": "mcg", "µg": "mcg", "μg": "mcg", "microgram": "mcg", "milligram": "mg"}


def amounts(text: str) -> list[tuple[float, str]]:
    """Every amount in folded text with its unit ("mcg", "mg", "g", or "" for a bare number)."""
    return [
        (float(m.group(1).replace(",", ".")), _UNITS.get(m.group(2) or "", m.group(2) or ""))
        for m in _AMOUNT.finditer(text)
    ]


# --- a stated amount and how often a day it is taken ("zink 50 mg 3x per dag": 150 mg a day) ---
_MASS = re.compile(r"(\d+(?:[.,]\d+)?)\s*(mg|milligram|mcg|ug|µg|μg|microgram|g|gr|gram)(?![a-z])")
# A bare number right after the name is in mg ("zink 25"), unless it counts intakes ("2x").
_BARE = re.compile(r"[\s(:=-]*(\d+(?:[.,]\d+)?)(?![\w.,/%×]|\s*(?:x|keer|maal|dd|ie|iu|%)\b)")
_TO_MG = {"g": 1000.0, "gr": 1000.0, "gram": 1000.0, "mcg": 0.001, "ug": 0.001}
_TO_MG |= {"µg": 0.001, "μg": 0.001, "microgram": 0.001}
_TIMES = re.compile(
    r"(\d+)\s*(?:x|×|keer|maal)\s*(?:per\s+|a\s+|p\.?\s*|/\s*)?(?:dag|daags|day|daily|d)\b"
    r"|(\d+)\s*dd\s*(\d+(?:[.,]\d+)?)?"
    r"|(\d+)\s*(?:tabletten|tabletjes|capsules|tablets|caps|pillen|pills)\s*(?:per dag|daags|a day|per day|daily)"
    r"|\b(twee|twice|drie|three|vier|four)\s*(?:maal|keer|times)?\s*(?:per dag|daags|a day|per day|daily)"
)
_WORD_TIMES = {"twee": 2, "twice": 2, "drie": 3, "three": 3, "vier": 4, "four": 4}
_WEEKLY = re.compile(r"\b(?:per week|a week|weekly|wekelijks|weektablet)\b")
# A compound's weight is not the element's: "zinc gluconate 200 mg" is about 29 mg of zinc.
SALT_FORM = re.compile(
    r"(?:citra|glucona|picolina|glycina|sulfa|sulpha|aceta|orota|aspart|oxid|carbona|lacta"
    r"|methionin|carnosin)"
)


def per_day(segment: str) -> float:
    """How many times a day the segment says a dose is taken (1 when it does not say)."""
    factor = 1.0
    for m in _TIMES.finditer(segment):
        if m.group(1):
            factor = max(factor, float(m.group(1)))
        elif m.group(2):
            units = float((m.group(3) or "1").replace(",", "."))
            factor = max(factor, float(m.group(2)) * units)
        elif m.group(4):
            factor = max(factor, float(m.group(4)))
        else:
            factor = max(factor, float(_WORD_TIMES[m.group(5)]))
    if factor == 1.0 and _WEEKLY.search(segment):
        return 1 / 7
    return factor


def stated_mg(segment: str, start: int, end: int, before: int = 0, after: int = -1) -> float | None:
    """The amount in mg the segment states for the name at `start`-`end`: right after it
    ("zink 25 mg", "zinc picolinate 25mg", "zink 25"), else right before it ("15 mg zink");
    never across another name (`before`/`after` are where the neighbouring names end/begin)."""
    after = len(segment) if after < 0 else after
    for m in _MASS.finditer(segment, end, after):
        if m.start() - end <= 30:
            return float(m.group(1).replace(",", ".")) * _TO_MG.get(m.group(2), 1.0)
        break
    bare = _BARE.match(segment, end, after)
    if bare:
        return float(bare.group(1).replace(",", "."))
    found = None
    for m in _MASS.finditer(segment, before, start):
        if before and not segment[before : m.start()].strip(" (:-"):
            continue  # "calcium 500 mg zink": the amount right after a name is that name's
        if start - m.end() <= 12:
            found = float(m.group(1).replace(",", ".")) * _TO_MG.get(m.group(2), 1.0)
    return found
