"""The claim checker on labelled corpora, per class and language (run with -s for the tables).

Targets, in each language: >= 95 % of disease claims blocked, >= 90 % of unauthorised claims
flagged (warn or block), <= 3 % of sentences that make no claim (authorised wordings and
innocent sentences with trap words) flagged. `claims_blind.jsonl` was written by an
independent author without sight of the checker (its README: BLIND_CORPUS_README.md),
`claims_blind2.jsonl` by a second one in another style (BLIND2_CORPUS_README.md),
`claims_blind3.jsonl` by a third (a helper session; drugstore, marketplace bullets, influencer,
FAQ, coach, seniors/menopause, Belgian Dutch, mixed nl/en: BLIND3_CORPUS_README.md; after
tuning on it, it also keeps stricter minimums of its own, BLIND3_MINIMUMS below); the
dev sets are this project's own, dev2-dev8 each written as a fresh held-out set (their first
scores, before any tuning on them, are in data/scores/); claims_probes.jsonl holds varied
sentences written to find holes after dev7, claims_probes2.jsonl sentences of our own for the
failure classes the lead reported from a third blind set (both tuned on, not held out).
"""

import pytest

from .claims_eval import DATA, evaluate, read, table

CORPORA = [
    "claims_dev.jsonl",
    "claims_dev2.jsonl",
    "claims_dev3.jsonl",
    "claims_dev4.jsonl",
    "claims_blind.jsonl",
    "claims_blind2.jsonl",
    "claims_blind3.jsonl",
    "claims_dev5.jsonl",
    "claims_dev6.jsonl",
    "claims_dev7.jsonl",
    "claims_dev8.jsonl",
    "claims_probes.jsonl",
    "claims_probes2.jsonl",
]


@pytest.mark.parametrize("name", CORPORA)
def test_corpus_meets_the_targets_in_each_language(name):
    scores = evaluate(read(DATA / name))
    print("\n" + table(scores, name))
    for lang in ("nl", "en"):
        disease = scores[(lang, "disease")]
        unauthorised = scores[(lang, "unauthorised")]
        clean = [scores[(lang, label)] for label in ("authorised", "innocent")]
        flagged = sum(s.n - s.right for s in clean) / sum(s.n for s in clean)
        assert disease.recall >= 0.95, (lang, "disease", disease.wrong)
        assert unauthorised.recall >= 0.90, (lang, "unauthorised", unauthorised.wrong)
        assert flagged <= 0.03, (lang, "flagged", [w for s in clean for w in s.wrong])


# claims_blind3.jsonl after tuning on it (its first score: scores/claims_blind3_before_tuning.txt):
# one disease sentence left unblocked in English, none flagged of those that make no claim.
BLIND3_MINIMUMS = {"disease": 0.98, "unauthorised": 0.98, "flagged": 0.02}


def test_blind3_keeps_its_own_minimums():
    scores = evaluate(read(DATA / "claims_blind3.jsonl"))
    for lang in ("nl", "en"):
        disease = scores[(lang, "disease")]
        unauthorised = scores[(lang, "unauthorised")]
        clean = [scores[(lang, label)] for label in ("authorised", "innocent")]
        flagged = sum(s.n - s.right for s in clean) / sum(s.n for s in clean)
        assert disease.recall >= BLIND3_MINIMUMS["disease"], (lang, disease.wrong)
        assert unauthorised.recall >= BLIND3_MINIMUMS["unauthorised"], (lang, unauthorised.wrong)
        assert flagged <= BLIND3_MINIMUMS["flagged"], (lang, [w for s in clean for w in s.wrong])


def test_corpora_are_large_enough_and_cover_every_class():
    rows = [row for name in CORPORA for row in read(DATA / name)]
    assert len(rows) >= 300
    for lang in ("nl", "en"):
        for label in ("disease", "unauthorised", "authorised", "innocent"):
            assert sum(1 for r in rows if r["lang"] == lang and r["label"] == label) >= 20


def test_regressions_from_spot_checks_are_all_right():
    """Sentences found wrong in spot checks and fixed (not a held-out set)."""
    scores = evaluate(read(DATA / "claims_regressions.jsonl"))
    assert [(k, s.wrong) for k, s in scores.items() if s.wrong] == []


def test_ordinary_product_copy_is_never_flagged():
    """Plain product copy with trap words (labels, shipping, forms, facts), written as a
    precision check: every sentence must stay clean."""
    scores = evaluate(read(DATA / "claims_precision.jsonl"))
    assert [(k, s.wrong) for k, s in scores.items() if s.wrong] == []
