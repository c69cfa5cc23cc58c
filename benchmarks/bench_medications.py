"""The medication names table read from the database (issue 16) against the shipped table.

Run with the demo catalog loaded (`python manage.py load_demo`):

    python benchmarks/bench_medications.py

Prints, measured in the same run: matching a set of typed medicines with the shipped JSON
lexicon (the baseline: what the checker did before the table moved to the database), with
the database lexicon warm, what the first check after any other write costs (the rows are read
again, the index reused) and after an edit of the names (the index rebuilt).
"""

from __future__ import annotations

import time

from _common import p50, setup_django

TEXTS = [
    "Nexium 40 mg",
    "plaspil",
    "Losartan/HCT 50/12,5",
    "Pantoprazol-natrium 40mg",
    "calcium antagonist amlodipine",
    "zinc oxide cream",
    "levo 100 mcg",
    "doxy",
    "Fosamax weektablet",
    "maagbeschermer",
]


def timed(fn, rounds: int) -> float:
    samples = []
    for _ in range(rounds):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    return p50(samples)


def main() -> None:
    setup_django()
    from catalog import compliance
    from catalog.cache import one_read
    from catalog.selectors import interactions, medications

    terms = [compliance.InteractionTerms(i.slug, i.terms) for i in interactions.interactions()]
    shipped = compliance.default_lexicon()

    def with_shipped() -> None:
        compliance.match_medications(TEXTS, terms, shipped)

    def with_database() -> None:
        with one_read():
            compliance.match_medications(TEXTS, terms, medications.medication_lexicon())

    def reread() -> None:
        with one_read():
            # a write elsewhere: the rows are read again for their digest; the index is reused
            medications._built.get(medications._names_digest())

    def rebuild() -> None:
        medications.build_lexicon(medications._read_names())

    with_shipped()
    with_database()
    base = timed(with_shipped, 200)
    warm = timed(with_database, 200)
    read = timed(reread, 50)
    build = timed(rebuild, 20)
    print(f"match {len(TEXTS)} texts, shipped lexicon (baseline): {base:.2f} ms (p50)")
    print(
        f"match {len(TEXTS)} texts, database lexicon warm:      {warm:.2f} ms  x{warm / base:.2f}"
    )
    print(f"after another write (rows re-read, reused):    {read:.2f} ms  x{read / base:.2f}")
    print(f"after a names edit (rows read, rebuilt):       {build:.2f} ms  x{build / base:.2f}")


if __name__ == "__main__":
    main()
