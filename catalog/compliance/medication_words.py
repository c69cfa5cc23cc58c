"""The words medication matching reads besides the names table: doses, list separators, forms not swallowed, salts.

Pure data and small patterns for `medications`; folded text (lower case, no accents).
"""

from __future__ import annotations

import re

TOKEN = re.compile(r"[a-z0-9]+")
DOSE = re.compile(
    r"\d+(?:[.,]\d+)?(?:mg|mcg|ug|g|ml|ie|iu|eh|x|dd|mmol)?|\d*(?:mg|mcg|ug|ml|ie|iu|mmol)"
)
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
