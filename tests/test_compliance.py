"""Claims, label texts, population rules and medication matching, from tables."""

from decimal import Decimal as D

import pytest

from catalog import compliance
from catalog.compliance import InteractionTerms, Severity

BLOCKED = [
    ("en", "Prevents migraine attacks."),
    ("en", "This supplement treats diabetes naturally."),
    ("en", "Cures depression in four weeks."),
    ("en", "Helps against muscle cramps at night."),
    ("en", "Reduces the risk of osteoporosis."),
    ("en", "Relief from headaches, fast."),
    ("en", "Fights arthritis and joint pain."),
    ("en", "Heals constipation overnight."),
    ("nl", "Voorkomt migraine."),
    ("nl", "Geneest diabetes op natuurlijke wijze."),
    ("nl", "Helpt tegen spierkrampen."),
    ("nl", "Behandelt depressie zonder bijwerkingen."),
    ("nl", "Beschermt tegen osteoporose."),
    ("nl", "Verlicht hoofdpijn binnen een uur."),
    ("nl", "Een krachtig middel tegen hoge bloeddruk en hypertensie."),
]

WARNED = [
    ("en", "For a good night's sleep.", "sleep"),
    ("en", "Helps you fall asleep faster.", "sleep"),
    ("en", "Eases anxiety.", "anxiety"),
    ("en", "Your anti-stress formula.", "stress"),
    ("en", "Supports healthy blood pressure.", "blood-pressure"),
    ("en", "Keeps blood sugar in balance.", "blood-sugar"),
    ("en", "Boosts your immune system.", "immunity"),
    ("en", "For heart health.", "heart"),
    ("en", "A gentle detox for body and mind.", "detox"),
    ("en", "Calming evening formula.", "calm"),
    ("nl", "Voor een goede nachtrust.", "sleep"),
    ("nl", "Helpt bij inslapen.", "sleep"),
    ("nl", "Minder angst en onrust.", "anxiety"),
    ("nl", "Vermindert stress.", "stress"),
    ("nl", "Goed voor je bloeddruk.", "blood-pressure"),
    ("nl", "Houdt de bloedsuikerspiegel stabiel.", "blood-sugar"),
    ("nl", "Versterkt je weerstand.", "immunity"),
    ("nl", "Voor een gezond hart.", "heart"),
    ("nl", "Ontgift je lichaam.", "detox"),
    ("nl", "Rustgevende formule voor de avond.", "calm"),
]

CLEAN = [
    ("en", "Magnesium contributes to normal muscle function."),
    ("en", "Magnesium contributes to a reduction of tiredness and fatigue."),
    ("en", "Magnesium citrate in vegan capsules, 133 mg per capsule."),
    ("en", "Pack it in your sleeping bag for the hiking trip."),  # not a sleep claim
    ("en", "Take one capsule with a meal; spread higher doses over the day."),
    ("en", "Made with stress-free packaging in the Netherlands."),
    ("en", "Bisglycinate is magnesium bound to the amino acid glycine."),
    ("en", "At the heart of our range: pure citrate."),  # "heart" without a claim
    ("en", "Food supplement. Do not exceed the recommended daily portion."),
    ("en", "Free from gluten, lactose and added sugar."),
    ("nl", "Magnesium draagt bij tot een normale werking van de spieren."),
    ("nl", "Magnesium draagt bij tot de vermindering van vermoeidheid en moeheid."),
    ("nl", "Bewaar het potje buiten de slaapkamer, koel en droog."),  # bedroom, not sleep
    ("nl", "Hartelijk dank voor je bestelling."),  # "hartelijk" is not "hart"
    ("nl", "Neem 2 capsules per dag bij de maaltijd."),
    ("nl", "Magnesiumcitraat in plantaardige capsules, zonder toevoegingen."),
    ("nl", "Gebruik een weerstandsband bij je training."),  # resistance band
    ("nl", "Vegan, glutenvrij en lactosevrij."),
    ("nl", "Voedingssupplement. Overschrijd de aanbevolen dagdosis niet."),
    ("nl", "Zuivere magnesium uit Nederlandse zoutlagen."),
]


@pytest.mark.parametrize(("lang", "text"), BLOCKED)
def test_disease_claims_block(lang, text):
    issues = compliance.lint_copy(text, lang)
    assert any(i.severity == Severity.BLOCK for i in issues), issues


@pytest.mark.parametrize(("lang", "text", "topic"), WARNED)
def test_unauthorised_wording_warns(lang, text, topic):
    issues = compliance.lint_copy(text, lang)
    assert [i.topic for i in issues if i.severity == Severity.WARN] == [topic]
    assert not any(i.blocking for i in issues)


@pytest.mark.parametrize(("lang", "text"), CLEAN)
def test_authorised_and_neutral_copy_is_clean(lang, text):
    assert compliance.lint_copy(text, lang) == []


def test_lint_is_accent_and_case_insensitive():
    assert compliance.lint_copy("VOORKOMT MIGRAINE", "nl")[0].blocking
    assert compliance.lint_copy("Détox", "en")[0].topic == "detox"


def test_lint_fields_reads_the_language_from_the_field_name():
    problems = compliance.lint_fields(
        {"name_nl": "Slaap Formule", "name_en": "Magnesium", "description_en": "Cures migraine."}
    )
    assert set(problems) == {"name_nl", "description_en"}
    assert problems["description_en"][0].blocking


def test_unknown_language_is_refused():
    with pytest.raises(ValueError):
        compliance.lint_copy("text", "de")


@pytest.mark.parametrize(
    ("mg", "allowed"),
    [(D("56.25"), True), (D("56.2"), False), (D("56.0"), False), (D("400"), True), (D("0"), False)],
)
def test_claims_need_15_percent_nrv(mg, allowed):
    # 56.0 mg rounds to "15 %" but is below 56.25 mg: no claim
    assert compliance.may_carry_claims(mg, D("375")) is allowed


@pytest.mark.parametrize(
    ("min_age", "per_day", "child_ul", "offered"),
    [
        (18, D("50"), D("250"), False),  # an adult product is never offered to children
        (4, D("100"), D("110"), True),
        (4, D("120"), D("110"), False),  # over the 4-8 y UL (US)
        (1, D("60"), D("65"), True),
        (1, D("60"), None, False),  # no UL set for that age: nothing to check against
    ],
)
def test_children_context(min_age, per_day, child_ul, offered):
    assert (
        compliance.offered_in_children_context(
            min_age_years=min_age, per_day_mg=per_day, child_ul_mg=child_ul
        )
        is offered
    )


def test_ul_status():
    status = compliance.ul_status(D("400"), D("250"))
    assert status.exceeds and status.split_advised and status.percent_of_ul == 160
    assert not compliance.ul_status(D("200"), D("250")).exceeds


def _label(lang, servings=3, size=D("1")):
    return compliance.label_texts(
        compliance.LabelInput(
            serving_size=size,
            serving_unit_label="capsule",
            serving_unit_label_plural="capsules",
            servings_per_day=servings,
            nutrients=[
                compliance.Nutrient("Magnesium", D("400.0"), "mg", 107),
                compliance.Nutrient("Taurine", D("100"), "mg", None),
            ],
        ),
        lang,
    )


def test_label_texts_carry_the_real_numbers():
    texts = {t.code: t.text for t in _label("en")}
    assert set(texts) >= {
        "food_supplement",
        "daily_portion",
        "do_not_exceed",
        "varied_diet",
        "children",
        "nutrient",
    }
    assert "3 capsules" in texts["daily_portion"] and "3 intakes" in texts["daily_portion"]
    nutrients = [t.text for t in _label("en") if t.code == "nutrient"]
    assert "400" in nutrients[0] and "107% NRV" in nutrients[0]
    assert "no NRV" in nutrients[1]


def test_label_texts_in_dutch():
    texts = {t.code: t.text for t in _label("nl")}
    assert texts["food_supplement"] == "Voedingssupplement."
    assert "buiten het bereik van jonge kinderen" in texts["children"]


INTERACTIONS = [
    InteractionTerms("tetracycline-antibiotics", ("doxycycline", "minocycline", "tetracycline")),
    InteractionTerms(
        "bisphosphonates", ("alendronate", "alendroninezuur", "risedronate", "bisfosfonaat")
    ),
    InteractionTerms(
        "proton-pump-inhibitors", ("omeprazole", "omeprazol", "pantoprazole", "maagzuurremmer")
    ),
    InteractionTerms(
        "loop-thiazide-diuretics", ("furosemide", "hydrochlorothiazide", "plaspil", "plastablet")
    ),
    InteractionTerms("quinolone-antibiotics", ("ciprofloxacin", "ciprofloxacine", "levofloxacin")),
]


@pytest.mark.parametrize(
    ("query", "slug", "matched"),
    [
        ("doxycycline", "tetracycline-antibiotics", "doxycycline"),
        ("Doxycycline 100mg", "tetracycline-antibiotics", "doxycycline"),
        ("DOXYCYCLINE", "tetracycline-antibiotics", "doxycycline"),
        ("alendroninezuur 70 mg", "bisphosphonates", "alendroninezuur"),
        ("Alendronaat", "bisphosphonates", "alendronaat"),
        ("omeprazol", "proton-pump-inhibitors", "omeprazol"),
        ("Omeprazole 20 mg once daily", "proton-pump-inhibitors", "omeprazole"),
        ("plastabletten", "loop-thiazide-diuretics", "plastabletten"),
        ("cíprofloxacíne 500", "quinolone-antibiotics", "ciprofloxacine"),
        ("doxycyclin", "tetracycline-antibiotics", "doxycyclin"),  # one letter short
        ("doxycylcine", "tetracycline-antibiotics", "doxycylcine"),  # a typo
    ],
)
def test_match_medications(query, slug, matched):
    matches = compliance.match_medications([query], INTERACTIONS)
    assert [(m.slug, m.matched) for m in matches] == [(slug, matched)]


@pytest.mark.parametrize(
    "query", ["paracetamol 500 mg", "vitamin C", "", "100 mg", "pil", "tablet"]
)
def test_unrelated_medications_do_not_match(query):
    assert compliance.match_medications([query], INTERACTIONS) == []


class _Info:
    def __init__(self, slug, kind, severity, terms, form_ids=()):
        self.slug, self.kind, self.severity, self.terms, self.form_ids = (
            slug,
            kind,
            severity,
            terms,
            frozenset(form_ids),
        )

    def concerns(self, form_ids):
        return not self.form_ids or bool(self.form_ids & set(form_ids))


def test_check_interactions_combines_products_medications_and_conditions():
    infos = [
        _Info("bisphosphonates", "medication", "major", ("alendronate",)),
        _Info("kidney-impairment", "condition", "contraindication", ("kidney failure",)),
        _Info("only-oxide", "medication", "minor", ("gabapentin",), form_ids=[1]),
    ]
    result = compliance.check_interactions(
        products=[
            compliance.CheckedProduct("a", D("400.0"), (1,)),
            compliance.CheckedProduct("b", D("250.0"), (2,)),
        ],
        medications=["Alendronate 70 mg", "gabapentin"],
        conditions=["kidney-impairment"],
        interactions=infos,
        ul_mg=D("250"),
    )
    assert result.total_elemental_mg_per_day == D("650.0")
    assert result.exceeds_ul and result.split_advised
    assert [w.slug for w in result.warnings] == [
        "kidney-impairment",
        "bisphosphonates",
        "only-oxide",
    ]
    assert result.warnings[2].products == ("a",)
    assert result.warnings[0].products == ("a", "b")
    assert "exceeds_ul" in result.advice_codes and "ask_doctor" in result.advice_codes
