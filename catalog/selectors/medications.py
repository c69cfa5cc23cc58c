"""The medication names table as the checker matches it: read from the database (edited in
the admin), cached under the catalog version, built into a `compliance.MedicationLexicon`
once per version in each process.

The table's rows come from `MedicationName`; the words whose class their context decides
(`ambiguous`: "plaspil", "levo") and the dose-dependent classes (zinc, calcium) are rules with
cues and thresholds, shipped with the app in `compliance/data/medication_names.json`.
"""

from __future__ import annotations

import hashlib
import json
import threading
from functools import cache
from typing import Any

from .. import compliance
from ..cache import cached, memoised
from ..compliance import medications as medication_rules
from ..models import MedicationName

NAME_FIELDS = ("name", "substance_class", "substance", "kind", "note", "note_nl", "note_en")

# Lexicons built in this process, by the rows they were built from (the newest few): building
# one takes tens of milliseconds, reading the rows (cached per catalog version) a fraction of
# that. Every write gives a new version, so every process reads the rows again on its next
# check; only an edit of the names themselves builds a new lexicon.
_built: dict[str, compliance.MedicationLexicon] = {}
_built_lock = threading.Lock()
KEEP_VERSIONS = 4


def _read_names() -> list[tuple[Any, ...]]:
    return list(MedicationName.objects.order_by("id").values_list(*NAME_FIELDS))


def medication_name_rows() -> list[tuple[Any, ...]]:
    """Every row of the names table as plain values (cached until the next write)."""
    return cached("medication_names", _read_names, timeout=3600)


@cache
def _shipped_rules() -> dict[str, Any]:
    """The ambiguous words and dose-dependent classes shipped with the app."""
    data = json.loads(medication_rules.DATA.read_text("utf-8"))
    return {
        "ambiguous": data.get("ambiguous", []),
        "dose_dependent": data.get("dose_dependent", []),
    }


def build_lexicon(rows: list[tuple[Any, ...]]) -> compliance.MedicationLexicon:
    """A lexicon of the table's rows and the shipped rules for ambiguous words and doses."""
    names = [dict(zip(NAME_FIELDS, row, strict=True)) for row in rows]
    for name in names:
        name["class"] = name.pop("substance_class")
    return compliance.MedicationLexicon.from_data({"names": names, **_shipped_rules()})


def medication_lexicon() -> compliance.MedicationLexicon:
    """The lexicon of the current catalog version (what the checker matches with)."""
    return memoised("medication_lexicon", _lexicon_now)


def _names_digest() -> str:
    return hashlib.sha256(repr(_read_names()).encode()).hexdigest()


def _lexicon_now() -> compliance.MedicationLexicon:
    # A warm check fetches only the digest from the cache, not the 600-odd rows.
    key = cached("medication_names_digest", _names_digest, timeout=3600)
    lexicon = _built.get(key)
    if lexicon is None:
        lexicon = build_lexicon(medication_name_rows())
        with _built_lock:
            _built[key] = lexicon
            while len(_built) > KEEP_VERSIONS:
                _built.pop(next(iter(_built)))
    return lexicon
