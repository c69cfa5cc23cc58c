"""The medication names table as the checker reads it: from the database, per catalog version,
and the same with the cache gone (issue 16)."""

import pytest

from catalog import services
from catalog.cache import safe_cache
from catalog.selectors import interactions, medications

pytestmark = pytest.mark.django_db


def matched(text: str) -> list[str]:
    result = interactions.interaction_check(
        product_slugs=[], medications=[text], conditions=[], market="EU", lang="en"
    )
    return [w.interaction.slug for w in result.warnings]


def test_the_seeded_table_recognises_brands_and_lay_words(demo_catalog):
    assert matched("Nexium 40 mg") == ["proton-pump-inhibitors"]
    assert set(matched("plaspil")) == {"loop-thiazide-diuretics", "potassium-sparing-diuretics"}
    assert matched("amlodipine (calcium antagonist)") == []


def test_a_name_written_through_the_service_counts_on_the_next_check(demo_catalog):
    assert matched("Controloc 40 mg") == []

    services.medication_name_upsert(
        name="Controloc", substance_class="proton-pump-inhibitors", kind="brand"
    )

    assert matched("Controloc 40 mg") == ["proton-pump-inhibitors"]


def test_with_the_cache_down_the_table_is_read_from_the_database(demo_catalog, monkeypatch):
    assert matched("Nexium") == ["proton-pump-inhibitors"]  # builds and caches this version
    monkeypatch.setattr(safe_cache, "_down_until", float("inf"))

    services.medication_name_upsert(
        name="Controloc", substance_class="proton-pump-inhibitors", kind="brand"
    )

    assert matched("Controloc") == ["proton-pump-inhibitors"]
    assert medications.medication_name_rows()[-1][0] == "Controloc"


def test_an_unknown_class_is_refused_naming_the_field(demo_catalog):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as error:
        services.medication_name_upsert(name="Controloc", substance_class="antacids", kind="brand")

    assert "substance_class" in error.value.message_dict


def test_the_seeded_table_matches_every_test_text_as_the_shipped_data_does(db):
    """The table seeded by migration 0006 is the shipped data: on every medication test set
    (tests/compliance/data/medications_*.jsonl) the checker finds the same classes, ambiguity
    and notes as the pure engine's scores were measured with."""
    from catalog import compliance
    from tests.compliance.medications_eval import DATA, interactions, read

    terms = interactions()
    seeded = medications.build_lexicon(medications._read_names())
    texts = [row["text"] for path in sorted(DATA.glob("medications_*.jsonl")) for row in read(path)]
    assert len(texts) >= 150

    def found(lexicon, text):
        return sorted(
            (m.slug, m.ambiguous, m.note_nl, m.note_en)
            for m in compliance.match_medications([text], terms, lexicon)
        )

    shipped = compliance.default_lexicon()
    differing = [t for t in texts if found(seeded, t) != found(shipped, t)]
    assert differing == []
