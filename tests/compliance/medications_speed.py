"""Times `compliance.match_medications` per text on every medication set (prints figures).

Run `python -m tests.compliance.medications_speed`. The names table is built and merged with
the demo's interaction terms first (once per process, like the server; that time is printed
too); every text is then matched three rounds and the best round per text counts (the
machine is shared).
"""

from __future__ import annotations

import statistics
import time

from .medications_eval import DATA, interactions, read

ROUNDS = 3


def main() -> None:
    from catalog.compliance import match_medications
    from catalog.compliance.medications import default_lexicon

    classes = interactions()
    start = time.perf_counter()
    default_lexicon.cache_clear()
    match_medications(["warm up"], classes)
    build = time.perf_counter() - start
    texts = [row["text"] for path in sorted(DATA.glob("medications_*.jsonl")) for row in read(path)]
    best = [float("inf")] * len(texts)
    for _ in range(ROUNDS):
        for i, text in enumerate(texts):
            t = time.perf_counter()
            match_medications([text], classes)
            best[i] = min(best[i], time.perf_counter() - t)
    ms = sorted(b * 1000 for b in best)
    print(
        f"medications: {len(texts)} texts; table build {build * 1000:.1f} ms; per text mean "
        f"{statistics.mean(ms):.3f} ms, p95 {ms[int(len(ms) * 0.95)]:.3f} ms, max {ms[-1]:.3f} ms"
    )


if __name__ == "__main__":
    import os

    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "shop_mg.settings")
    django.setup()
    main()
