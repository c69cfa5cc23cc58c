"""Scores `compliance.lint_copy` on a labelled corpus: recall and precision per class and language.

A sentence labelled `disease` must be blocked, `unauthorised` flagged (warn or block),
`authorised` and `innocent` left alone. Run `python -m tests.compliance.claims_eval FILE...`
for the table and the misjudged sentences.
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

DATA = Path(__file__).parent / "data"
LABELS = ("disease", "unauthorised", "authorised", "innocent")
EXPECTED = {"disease": "block", "unauthorised": "warn", "authorised": "clean", "innocent": "clean"}


def read(path: Path) -> list[dict[str, str]]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


def verdict(text: str, lang: str) -> str:
    from catalog import compliance

    issues = compliance.lint_copy(text, lang)
    if any(i.blocking for i in issues):
        return "block"
    return "warn" if issues else "clean"


def right(label: str, got: str) -> bool:
    """The targets' sense of right: unauthorised claims may also be blocked."""
    if label == "unauthorised":
        return got in ("warn", "block")
    return got == EXPECTED[label]


@dataclass
class Score:
    n: int = 0
    right: int = 0
    predicted: int = 0  # sentences given this class's verdict
    predicted_right: int = 0
    wrong: list[tuple[str, str]] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.right / self.n if self.n else 1.0

    @property
    def precision(self) -> float:
        return self.predicted_right / self.predicted if self.predicted else 1.0


def evaluate(rows: list[dict[str, str]]) -> dict[tuple[str, str], Score]:
    scores: dict[tuple[str, str], Score] = defaultdict(Score)
    verdicts = [(row, verdict(row["text"], row["lang"])) for row in rows]
    for row, got in verdicts:
        score = scores[(row["lang"], row["label"])]
        score.n += 1
        if right(row["label"], got):
            score.right += 1
        else:
            score.wrong.append((got, row["text"]))
    # Precision: of the sentences given a class's verdict, how many carry that label.
    for lang in {row["lang"] for row in rows}:
        for label in LABELS:
            want = EXPECTED[label]
            given = [(row, got) for row, got in verdicts if row["lang"] == lang and got == want]
            score = scores[(lang, label)]
            score.predicted = len(given)
            score.predicted_right = sum(
                1
                for row, _g in given
                if row["label"] == label
                or (want == "clean" and row["label"] in ("authorised", "innocent"))
            )
    return scores


def table(scores: dict[tuple[str, str], Score], title: str) -> str:
    lines = [title, f"{'lang':4} {'class':13} {'n':>4} {'recall':>7} {'precision':>9}  target"]
    targets = {
        "disease": "blocked >= 95%",
        "unauthorised": "flagged >= 90%",
        "authorised": "flagged <= 3%",
        "innocent": "flagged <= 3%",
    }
    for lang in ("nl", "en"):
        for label in LABELS:
            s = scores.get((lang, label))
            if s and s.n:
                lines.append(
                    f"{lang:4} {label:13} {s.n:>4} {s.recall:>7.1%} {s.precision:>9.1%}  {targets[label]}"
                )
        clean = [
            scores[(lang, label)] for label in ("authorised", "innocent") if (lang, label) in scores
        ]
        n = sum(s.n for s in clean)
        if n:
            flagged = sum(s.n - s.right for s in clean)
            lines.append(f"{lang:4} {'not a claim':13} {n:>4} flagged {flagged / n:.1%}")
    return "\n".join(lines)


def main(paths: list[str]) -> None:
    for path in paths:
        scores = evaluate(read(Path(path)))
        print(table(scores, path))
        for (lang, label), s in sorted(scores.items()):
            for got, text in s.wrong:
                print(f"  {lang} {label:12} got {got:5}  {text}")


if __name__ == "__main__":
    import os

    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "shop_mg.settings")
    django.setup()
    main(sys.argv[1:] or [str(DATA / "claims_dev.jsonl")])
