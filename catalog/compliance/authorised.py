"""The authorised magnesium health claims, word for word, and where a text quotes them exactly.

Source: Commission Regulation (EU) No 432/2012, Annex (the EU Register of nutrition and health
claims), entries for magnesium, in English and in the Dutch language version; conditions of
use: a "source of" magnesium, at least 15 % of the NRV per daily portion (Reg. (EU)
1169/2011 Annex XIII part A point 2). The Dutch wordings are the catalog's reference wordings
(fixtures/demo/reference.json "claims"), which the HealthClaim rows are seeded from.

A sentence that is an authorised claim is not flagged; a claim frame ("draagt bij tot",
"contributes to", "speelt een rol") left over after the exact wordings are taken out is a
misquote and warns (`claims.lint_copy`).
"""

from __future__ import annotations

import re

# (slug, English complement, Dutch complement): "Magnesium contributes to <complement>".
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
# "Magnesium has a role in the process of cell division."
CELL_DIVISION = {
    "en": "magnesium has a role in the process of cell division",
    "nl": "magnesium speelt een rol in het celdelingsproces",
}

# Two claims about the same structure said once, as shops do and the register's wordings
# allow without changing a word of either: "the maintenance of normal bones and teeth".
_COMBINED = {
    "en": (
        "the maintenance of normal bones and teeth",
        "the maintenance of normal teeth and bones",
    ),
    "nl": (
        "de instandhouding van normale botten en tanden",
        "de instandhouding van normale tanden en botten",
    ),
}


def _complements(lang: str) -> list[str]:
    index = 1 if lang == "en" else 2
    return [row[index] for row in CONTRIBUTES_TO] + list(_COMBINED[lang])


def _claim_regex(lang: str) -> re.Pattern[str]:
    complement = (
        "(?:"
        + "|".join(re.escape(c) for c in sorted(_complements(lang), key=len, reverse=True))
        + ")"
    )
    if lang == "en":
        link = r"(?:,? and (?:to )?|, (?:to )?|,? as well as (?:to )?)"
        frame = r"magnesium(?:,? (?:which|that|also))? (?:also )?contributes to "
        cell = (
            re.escape(CELL_DIVISION["en"])
            + r"|magnesium(?:,? which)? (?:also )?has a role in the process of cell division"
        )
    else:
        link = r"(?:,? en (?:tot )?|, (?:tot )?|,? evenals (?:tot )?|,? alsook (?:tot )?)"
        frame = (
            r"magnesium(?:,? (?:dat|die|wat))? (?:draagt (?:ook )?bij tot |(?:ook )?bijdraagt tot )"
        )
        cell = (
            re.escape(CELL_DIVISION["nl"])
            + r"|magnesium(?:,? dat)? (?:ook )?een rol speelt in het celdelingsproces"
        )
    # "... en speelt een rol in het celdelingsproces": the cell-division claim joined on.
    cell_tail = (
        r"(?:,? and (?:also )?has a role in the process of cell division)"
        if lang == "en"
        else r"(?:,? en speelt (?:ook )?een rol in het celdelingsproces)"
    )
    body = frame + complement + "(?:" + link + complement + ")*" + cell_tail + "?"
    pattern = r"(?<![\w-])(?:" + body + "|" + cell + r")(?![\w-])"
    # Any run of spaces or line breaks between the words (the text keeps its offsets).
    return re.compile(pattern.replace("\\ ", " ").replace(" ", r"\s+"))


_CLAIMS = {lang: _claim_regex(lang) for lang in ("nl", "en")}


def authorised_spans(folded: str, lang: str) -> list[tuple[int, int]]:
    """Spans of `folded` (lower-case, accent-free text) that quote authorised claims exactly."""
    return [m.span() for m in _CLAIMS[lang].finditer(folded)]


def authorised_wordings(lang: str) -> list[str]:
    """Every authorised magnesium claim in `lang`, as the register words it (with "Magnesium")."""
    frame = "Magnesium contributes to " if lang == "en" else "Magnesium draagt bij tot "
    index = 1 if lang == "en" else 2
    wordings = [frame + row[index] for row in CONTRIBUTES_TO]
    return wordings + [CELL_DIVISION[lang][0].upper() + CELL_DIVISION[lang][1:]]
