"""Scores `compliance.match_medications` on texts with expected classes (and ambiguity).

A text is right when the classes found are exactly the expected ones and a text marked
ambiguous comes back marked ambiguous. Rows with a `candidate_class` (a class the catalog may
add) are scored as right when they give nothing or that class. Run
`python -m tests.compliance.medications_eval FILE...` for the score and the misses.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

DATA = Path(__file__).parent / "data"
REFERENCE = Path(__file__).parents[2] / "fixtures" / "demo" / "reference.json"


def interactions():
    """The demo's interaction classes with their terms, as the selectors build them."""
    from catalog.compliance import InteractionTerms

    rows = json.loads(REFERENCE.read_text("utf-8"))["interactions"]
    return [
        InteractionTerms(
            it["slug"],
            tuple(
                t
                for t in (
                    it["slug"].replace("-", " "),
                    it["name_nl"],
                    it["name_en"],
                    *it.get("examples_nl", []),
                    *it.get("examples_en", []),
                    *it.get("match_terms", []),
                )
                if t
            ),
        )
        for it in rows
        if it["kind"] != "condition"
    ]


def read(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


def judge(row: dict, classes) -> tuple[bool, set[str], bool]:
    from catalog.compliance import match_medications

    matches = match_medications([row["text"]], classes)
    got = {m.slug for m in matches}
    ambiguous = any(m.ambiguous for m in matches)
    expected = set(row["expected"])
    if row.get("candidate_class"):
        return got <= {row["candidate_class"]}, got, ambiguous
    return got == expected and ambiguous == bool(row.get("ambiguous")), got, ambiguous


def score(rows: list[dict]) -> tuple[int, int, list[tuple[dict, set[str], bool]]]:
    classes = interactions()
    wrong = []
    right = 0
    for row in rows:
        ok, got, ambiguous = judge(row, classes)
        if ok:
            right += 1
        else:
            wrong.append((row, got, ambiguous))
    return right, len(rows), wrong


def main(paths: list[str]) -> None:
    for path in paths:
        right, total, wrong = score(read(Path(path)))
        print(f"{path}: {right}/{total} right ({right / total:.1%})")
        for row, got, ambiguous in wrong:
            print(
                f"  {row['text']!r}: expected {sorted(row['expected'])}{' ambiguous' if row.get('ambiguous') else ''},"
                f" got {sorted(got)}{' ambiguous' if ambiguous else ''}"
            )


if __name__ == "__main__":
    import os

    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "shop_mg.settings")
    django.setup()
    main(sys.argv[1:] or [str(DATA / "medications_dev.jsonl")])
