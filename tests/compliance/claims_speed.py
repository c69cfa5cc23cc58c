"""Times `compliance.lint_copy` per text, uncached, on every labelled corpus (prints figures).

Run `python -m tests.compliance.claims_speed`. The lexicons are compiled first (once per
process, like the server); every text is then linted with the result cache cleared, three
rounds, and the best round per text counts (the machine is shared). "cold words" also
forgets the word matchers' memory of words seen before (a text of words never seen). Product
copy is longer than a corpus sentence, so a three-sentence text and every copy field of the
demo catalog (fixtures/demo/products.json, 170 characters on average) are timed too.
"""

from __future__ import annotations

import json
import statistics
import time
from pathlib import Path

from .claims_eval import DATA, read

ROUNDS = 3


def main() -> None:
    from catalog.compliance import claims
    from catalog.compliance.lexicon import lexicon

    matchers = [
        m
        for lang in ("nl", "en")
        for lex in [lexicon(lang)]
        for m in (
            lex.disease_words,
            *(w for t in lex.topics for w in (t.strong_words, t.weak_words)),
        )
    ]

    rows = [row for path in sorted(DATA.glob("claims_*.jsonl")) for row in read(path)]
    claims.lint_copy("warm up", "nl")
    claims.lint_copy("warm up", "en")
    texts = [(row["text"], row["lang"]) for row in rows]
    longer = [
        (" ".join(t for t, _l in texts[i : i + 3]), texts[i][1]) for i in range(0, len(texts), 3)
    ]
    demo = Path(__file__).resolve().parents[2] / "fixtures" / "demo" / "products.json"
    copy = [
        (text, name.rsplit("_", 1)[1])
        for product in json.loads(demo.read_text("utf-8"))["products"]
        for name, text in product.items()
        if name in claims.PRODUCT_COPY_FIELDS and text
    ]
    for label, batch, cold in (
        ("sentence", texts, False),
        ("3 sentences", longer, False),
        ("demo copy", copy, False),
        ("cold words", texts, True),
    ):
        best = [float("inf")] * len(batch)
        for _ in range(ROUNDS):
            for i, (text, lang) in enumerate(batch):
                claims._lint.cache_clear()
                if cold:
                    for matcher in matchers:
                        matcher._memo.clear()
                start = time.perf_counter()
                claims.lint_copy(text, lang)
                best[i] = min(best[i], time.perf_counter() - start)
        ms = sorted(b * 1000 for b in best)
        print(
            f"{label:12} n={len(ms):5}  mean {statistics.fmean(ms):.3f} ms  "
            f"median {ms[len(ms) // 2]:.3f} ms  p95 {ms[int(len(ms) * 0.95)]:.3f} ms  "
            f"max {ms[-1]:.3f} ms"
        )


if __name__ == "__main__":
    import os

    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "shop_mg.settings")
    django.setup()
    main()
