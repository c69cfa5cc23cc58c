"""The medication names table as the checker matches it: read from the database (edited in
the admin), cached under the catalog version, built into a `compliance.MedicationLexicon`
once per version in each process.

The table's rows come from `MedicationName`; the words whose class their context decides
(`ambiguous`: "plaspil", "levo") and the dose-dependent classes (zinc, calcium) are rules with
cues and thresholds, shipped with the app in `compliance/data/medication_names.json`.
"""

from __future__ import annotations

import json
import threading
from functools import cache
from typing import Any

from .. import compliance
from ..cache import cached, catalog_version, memoised
from ..compliance import medications as medication_rules
from ..models import MedicationName

NAME_FIELDS = ("name", "substance_class", "substance", "kind", "note", "note_nl", "note_en")

# Lexicons built in this process, by catalog version (the newest few): building one takes a
# few milliseconds, so it is not rebuilt per request; a write gives a new version, and so
# a fresh lexicon on the next request in every process.
_built: dict[int, compliance.MedicationLexicon] = {}
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


def _lexicon_now() -> compliance.MedicationLexicon:
    version = catalog_version()
    lexicon = _built.get(version)
    if lexicon is None:
        lexicon = build_lexicon(medication_name_rows())
        with _built_lock:
            _built[version] = lexicon
            while len(_built) > KEEP_VERSIONS:
                _built.pop(next(iter(_built)))
    return lexicon
