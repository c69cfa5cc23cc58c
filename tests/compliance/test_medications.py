"""Medication names as shoppers type them: the names table, look-alikes, typos, ambiguity."""

import json

import pytest

from catalog.compliance import InteractionTerms, match_medications
from catalog.compliance.medications import DATA, MedicationLexicon, MedicationName, default_lexicon

from .medications_eval import DATA as EVAL_DATA
from .medications_eval import interactions, read, score

LT, KS = "loop-thiazide-diuretics", "potassium-sparing-diuretics"


def classes(text):
    return sorted(m.slug for m in match_medications([text], interactions()))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Nexium", ["proton-pump-inhibitors"]),
        ("Pantozol 40 mg", ["proton-pump-inhibitors"]),
        ("Losec", ["proton-pump-inhibitors"]),
        ("Fosamax", ["bisphosphonates"]),
        ("Thyrax", ["levothyroxine"]),
        ("Euthyrox 75", ["levothyroxine"]),
        ("Ciproxin 500", ["quinolone-antibiotics"]),
        ("Lasix", [LT]),
        ("Burinex", [LT]),
        ("Aldactone", [KS]),
        ("Calci-Chew D3", ["high-dose-calcium"]),
        ("maagbeschermer", ["proton-pump-inhibitors"]),
        ("doxy", ["tetracycline-antibiotics"]),
        ("Losartan/HCT 50/12,5", [LT]),  # hydrochlorothiazide, by its abbreviation
        ("Pantoprazol-natrium 40 mg", ["proton-pump-inhibitors"]),  # hyphenated salt
        ("Esomeprazol-magnesium 20 mg", ["proton-pump-inhibitors"]),
        ("Dytenzide", [LT, KS]),  # a combination carries both classes
    ],
)
def test_brands_salts_and_lay_words_match_their_class(text, expected):
    assert classes(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "calcium antagonist amlodipine",  # a blood-pressure medicine, not calcium
        "kaliumcitraat",  # potassium, not calcium
        "zinc oxide cream",  # on the skin, not swallowed
        "zinkzalf",
        "atorvastatine calcium 20 mg",  # the calcium salt of a statin
        "famotidine (maagzuurremmer)",  # the named H2 blocker says what the lay word means
        "ciprofloxacine oordruppels",  # ear drops
        "Lyrica 75 mg",  # pregabalin is not gabapentin
    ],
)
def test_look_alikes_and_creams_match_nothing(text):
    assert classes(text) == []


def test_a_typo_is_forgiven_within_one_substance():
    assert classes("doxycylcine") == ["tetracycline-antibiotics"]
    assert classes("cirpofloxacine") == ["quinolone-antibiotics"]


def test_plaspil_gives_both_diuretic_classes_marked_ambiguous_with_the_difference():
    matches = match_medications(["plaspil"], interactions())
    assert sorted(m.slug for m in matches) == [LT, KS]
    for match in matches:
        assert match.ambiguous and match.alternatives
        assert "spironolacton" in match.note("nl") and "furosemide" in match.note("nl")
        assert "opposite" in match.note("en")


def test_a_named_substance_decides_what_plaspil_means():
    matches = match_medications(["plaspil (furosemide)"], interactions())
    assert [(m.slug, m.ambiguous) for m in matches] == [(LT, False)]


def test_only_the_classes_of_the_given_interactions_are_reported():
    only_ppi = [InteractionTerms("proton-pump-inhibitors", ("omeprazol",))]
    assert [m.slug for m in match_medications(["Nexium en Lasix"], only_ppi)] == [
        "proton-pump-inhibitors"
    ]


def test_the_matcher_takes_its_table_as_input():
    table = MedicationLexicon(
        [MedicationName("Fantasol", "proton-pump-inhibitors", "fantasolprazole", "brand")]
    )
    ppi = [InteractionTerms("proton-pump-inhibitors", ("omeprazol",))]
    assert [m.slug for m in match_medications(["Fantasol 20 mg"], ppi, table)] == [
        "proton-pump-inhibitors"
    ]
    assert match_medications(["Nexium"], ppi, table) == []  # not in this table


def test_the_shipped_table_names_its_sources_and_only_known_classes():
    data = json.loads(DATA.read_text("utf-8"))
    assert data["sources"] and data["names"]
    slugs = {
        it["slug"]
        for it in json.loads((EVAL_DATA.parents[2] / "fixtures/demo/reference.json").read_text())[
            "interactions"
        ]
    }
    assert {row["class"] for row in data["names"]} - {""} <= slugs
    assert default_lexicon().names


@pytest.mark.parametrize(
    "name", ["medications_dev.jsonl", "medications_dev2.jsonl", "medications_blind.jsonl"]
)
def test_test_sets_score_at_least_95_percent(name):
    rows = read(EVAL_DATA / name)
    right, total, wrong = score(rows)
    print(f"\n{name}: {right}/{total} right ({right / total:.1%})")
    assert right / total >= 0.95, [(r["text"], sorted(got)) for r, got, _a in wrong]


def test_test_sets_hold_at_least_150_texts():
    assert (
        sum(
            len(read(EVAL_DATA / n))
            for n in ("medications_dev.jsonl", "medications_dev2.jsonl", "medications_blind.jsonl")
        )
        >= 150
    )
