"""The words of search that are not catalog data: stop words, the everyday words for each dose
form and diet, and the tokenising and spelling distance every search step shares.

Pure Python (no models): `derived` puts the dose-form and diet words into a product's search
document, `selectors.search` drops stop words and corrects typos with `edit_distance`. The
words shoppers use for goals and forms are data (Goal.synonyms, Form.synonyms, editable in the
admin); these here belong to the code's own choices (DoseForm, the diet flags).
"""

from __future__ import annotations

import re

from .compliance import fold

# Words that carry no meaning in a product search, Dutch and English ("iets voor beter
# slapen", "magnesium for the night"). A query made of stop words only keeps them.
_STOP_WORDS = """
    de het een en of van voor met zonder in op aan bij na om te tot tegen door over uit als
    is zijn ik mijn me mij je jij u iets wat welke welk die dat dit deze hoe waar wanneer
    beter goed goede beste best echt heel erg veel meer minder snel graag kopen zoeken
    last hebben heb heeft help helpt hulp
    the a an and or of for with without in on at to by from into against about as
    is are be my me i you your something some what which that this these how where when
    better good best really very more less buy find help helps get
"""
STOP_WORDS = frozenset(_STOP_WORDS.split())

# The words shoppers use for each dose form (DoseForm values), both languages.
DOSE_FORM_WORDS: dict[str, str] = {
    "capsule": "capsule capsules caps vegicaps",
    "tablet": "tablet tabletten tabletjes pil pillen tablets pills",
    "softgel": "softgel softgels gelcaps",
    "powder": "poeder poedervorm sachet sachets zakjes drankpoeder powder",
    "liquid": "vloeibaar vloeistof druppels ampul ampullen drankje liquid drops fluid",
    "effervescent": "bruistablet bruistabletten bruis oplosbaar effervescent fizzy",
    "gummy": "gummy gummies snoepjes kauwsnoepjes kauwtabletten chewable",
    "spray": "spray mondspray sprays",
    "flakes": "vlokken badvlokken badzout bad flakes bath salt salts",
}

# The words for each diet flag a product carries.
DIET_WORDS: dict[str, str] = {
    "vegan": "vegan veganistisch plantaardig plant based",
    "vegetarian": "vegetarisch vegetarian",
    "gluten_free": "glutenvrij glutenfree gluten free",
    "lactose_free": "lactosevrij lactosefree lactose free",
    "sugar_free": "suikervrij sugarfree sugar free",
}

_WORD = re.compile(r"[a-z0-9]+(?:[-'][a-z0-9]+)*")
_DIGITS_LETTERS = re.compile(r"(?<=\d)(?=[a-z])|(?<=[a-z])(?=\d)")


def words_of(text: str) -> list[str]:
    """The folded words of a text, numbers split from units ("200mg" -> "200", "mg")."""
    folded = _DIGITS_LETTERS.sub(" ", fold(text or ""))
    return _WORD.findall(folded)


def keyword_text(*parts: str | None) -> str:
    """Folded words joined by single spaces (`selectors.search` pads it with a space at
    either end when it looks for " word " and a word's start " wor")."""
    words: list[str] = []
    for part in parts:
        if part:
            words += words_of(part)
    return " ".join(words)


def synonym_list(text: str | None) -> list[str]:
    """The entries of a synonyms field: one per line or comma, trimmed, empty ones dropped."""
    return [w.strip() for w in re.split(r"[\n,;]", text or "") if w.strip()]


def edit_distance(a: str, b: str, limit: int = 2) -> int:
    """Damerau-Levenshtein distance (adjacent transpositions count one), or `limit + 1` as
    soon as it must exceed `limit` (a typo corrector compares against many words)."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, start=1):
        current = [i] + [0] * len(b)
        for j, cb in enumerate(b, start=1):
            cost = 0 if ca == cb else 1
            value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                value = min(value, previous2[j - 2] + 1)
            current[j] = value
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return previous[-1]
