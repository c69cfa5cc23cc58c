"""The claim checker on the examples issue 16 names, one behaviour each."""

import pytest

from catalog import compliance
from catalog.compliance import Severity


def verdict(text, lang):
    issues = compliance.lint_copy(text, lang)
    if any(i.blocking for i in issues):
        return "block"
    return "warn" if issues else "clean"


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("nl", "Voorkomt nachtelijke kuitkrampen."),  # a symptom inside a compound
        ("nl", "Minder migraineaanvallen dankzij magnesium."),
        ("nl", "Ideaal bij botontkalking."),
        ("en", "Reduces migraine attacks."),
        ("en", "Alleviates PMS symptoms."),
        ("nl", "Last van krampen? Dit helpt!"),  # the question and its answer are one claim
        ("nl", "Nooit meer krampjes in je benen."),  # a diminutive
        ("nl", "Minder hoofdpijnklachten in de winter."),
        ("nl", "Vermindert PMS-klachten."),
        ("nl", "Verlaagt een te hoge bloeddruk."),
        ("nl", "Speciaal voor mensen met diabetes."),
        ("nl", "Genezing van depressieve klachten."),
        ("nl", "Verhelpt verstopping."),
        ("en", "Eases arthritis pain."),
        ("en", "Stops muscle spasms."),
        ("en", "Say goodbye to tension headaches."),
        ("nl", "Magnesium kan migraine helpen voorkomen."),  # voorkómen: to prevent
        ("en", "A natural alternative to painkillers."),
    ],
)
def test_disease_claims_are_blocked(lang, text):
    assert verdict(text, lang) == "block"


@pytest.mark.parametrize(
    ("lang", "text", "topic"),
    [
        ("en", "Improves memory and concentration.", "cognition"),
        ("nl", "Verbetert je geheugen en concentratie.", "cognition"),
        ("en", "Speeds up muscle recovery after training.", "recovery"),
        ("nl", "Bevordert spierherstel na het sporten.", "recovery"),
        ("en", "Boosts testosterone naturally.", "hormones"),
        ("en", "Supports healthy circulation.", "circulation"),
        ("nl", "Voor een gezonde bloedsomloop.", "circulation"),
        (
            "nl",
            "Magnesium draagt bij tot de vermindering van vermoeidheid en uitputting.",
            "claim-wording",
        ),
        ("nl", "Magnesium geeft je energie.", "energy"),
    ],
)
def test_unauthorised_topics_and_misquotes_warn(lang, text, topic):
    issues = compliance.lint_copy(text, lang)
    assert issues and not any(i.blocking for i in issues)
    assert topic in {i.topic for i in issues}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("nl", "Een tekort kan voorkomen bij ouderen."),  # vóórkomen: to occur
        ("nl", "Het kan voorkomen dat je in het begin wat buikkrampen hebt."),
        ("nl", "Gebruik je medicijnen tegen diabetes, overleg dan eerst met je arts."),
        ("en", "Part of a healthy routine: one capsule with breakfast."),  # not "heal"
        ("nl", "Met hart en ziel gemaakt."),
        ("nl", "Ideaal na je cardiotraining."),
        ("nl", "Bewaar de pot niet in de slaapkamer."),
        ("en", "Consult your doctor if you have diabetes."),
        ("nl", "Overleg met je arts als je medicijnen gebruikt voor hoge bloeddruk."),
        ("en", "This product is not intended to diagnose, treat, cure or prevent any disease."),
        ("en", "Stop using if you experience diarrhoea."),
        ("nl", "Niet gebruiken bij een nierziekte."),
        ("en", "A high dose may cause loose stools."),  # a side effect, not a claim
        ("en", "Magnesium deficiency is more common in older adults."),
    ],
)
def test_advice_side_effects_and_trap_words_are_clean(lang, text):
    assert compliance.lint_copy(text, lang) == []


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("nl", "Magnesium draagt bij tot een normale werking van de spieren."),
        ("nl", "Magnesium draagt bij tot de vermindering van vermoeidheid en moeheid."),
        ("nl", "Magnesium speelt een rol bij het celdelingsproces."),  # the Dutch register wording
        ("en", "Magnesium has a role in the process of cell division."),
        (
            "en",
            "Magnesium contributes to normal muscle function and to a reduction of tiredness and fatigue.",
        ),
        ("en", "High in magnesium, which contributes to the maintenance of normal bones."),
        (
            "en",
            "Magnesium supports normal psychological function.",
        ),  # same meaning, flexible wording
        ("nl", "Magnesium draagt bij aan een normale spierwerking."),
    ],
)
def test_authorised_claims_are_not_flagged(lang, text):
    assert compliance.lint_copy(text, lang) == []


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Magnesium does its bit for normal nervous system function"),
        ("en", "Normal psychological function is one of the things magnesium contributes to"),
        ("en", "MUSCLES: magnesium contributes to their normal function"),
        ("en", "Supports normal nervous system function (magnesium)"),
        ("nl", "Vermoeidheid en moeheid verminderen: daar draagt magnesium aan bij"),
        (
            "nl",
            "Door het hoge magnesiumgehalte draagt Forte bij aan de normale werking van het zenuwstelsel",
        ),
        ("nl", "MAGNESIUM ✔ normale spierfunctie ✔ normaal zenuwstelsel ✔ minder vermoeidheid"),
    ],
)
def test_the_register_meaning_is_authorised_whatever_the_syntax(lang, text):
    assert compliance.lint_copy(text, lang) == []


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Magnesium does its bit for normal blood clotting"),  # vitamin K's claim
        ("en", "Supports normal heart function"),
        ("nl", "✔ normale vruchtbaarheid ✔ normale spierfunctie"),  # zinc's claim
        ("nl", "Magnesium zorgt voor een normale werking van je spieren."),  # says more
        ("en", "Magnesium helps reduce tiredness and fatigue within 20 minutes"),
    ],
)
def test_look_alikes_and_overstatements_of_the_register_warn(lang, text):
    assert verdict(text, lang) == "warn"


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Magnesium contributes to strong bones."),  # says more than "normal bones"
        ("en", "Magnesium contributes to normal muscle performance."),
        ("nl", "Magnesium draagt bij tot een normale spierwerking en sneller herstel."),
    ],
)
def test_overstated_authorised_claims_warn(lang, text):
    assert verdict(text, lang) == "warn"


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Sleep tight! See you in the next newsletter"),  # shop talk
        ("en", "Shop by goal: Sleep & Relaxation, Bones & Teeth, Sport"),  # a menu
        ("nl", "Retourneren? Zonder gedoe en zonder stress, 30 dagen bedenktijd."),
        ("en", "Did nothing for my cramps tbh, 2 stars"),  # a review denying an effect
        ("nl", "Helpt bij mij niet tegen de kramp, helaas."),
        ("en", "Will it fix my insomnia? Honestly, we're not allowed to promise that."),
        ("nl", "Wij beloven niet dat je hoofdpijn hiermee verdwijnt."),
        ("en", "Upset stomach? Take it with food or lower the dose."),  # side-effect advice
        (
            "nl",
            "Gezoet met stevia: geen toegevoegde suikers, ook te gebruiken als je diabetes hebt",
        ),
    ],
)
def test_shop_talk_denials_refusals_and_suitability_claim_nothing(lang, text):
    assert compliance.lint_copy(text, lang) == []


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "Order now and sleep better tonight", "warn"),
        ("en", "Didn't help my cramps at first, but after two weeks they were gone", "block"),
        ("nl", "Werkt niet alleen tegen kramp", "block"),
        ("nl", "Geneest niet, maar verlicht migraine", "block"),
        ("en", "Still have cramps?", "block"),
    ],
)
def test_claims_next_to_shop_talk_or_a_denial_still_count(lang, text, expected):
    assert verdict(text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "I used to get migraines every week, now maybe once a month"),  # before/after
        ("en", "Chronic insomniac here, first full night in years"),
        ("nl", "Voorheen moest ik twee keer per week een triptan nemen, nu bijna nooit meer"),
        ("en", "Tossing and turning till 4 am? Not anymore: insomnia, sorted."),
        ("en", "Quiets the ringing in your ears"),  # a condition by its symptom
        ("en", "After 8 weeks my HbA1c went down from 58 to 49"),  # a disease marker
        ("en", "Ditch the SSRIs, nature has your back"),  # a medicine class replaced
        ("nl", "Stop met die maagzuurremmers"),
        ("en", "Feel an aura coming on? Chew 3 tablets straight away."),  # a dosing line
        ("nl", "Magnesiumolie: spray op je kuiten bij de eerste tekenen van kramp"),
        ("nl", "MAGNESIUM TAURAAT | hartkloppingen | hoge bloeddruk | 90 caps"),  # keyword title
        ("nl", "tegen spierkrmap, super spul"),  # a typo: two letters swapped
        ("en", "Overcome anxiety naturally"),
    ],
)
def test_testimonials_markers_medicines_dosing_lines_and_titles_are_disease_claims(lang, text):
    assert verdict(text, lang) == "block"


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "If cramps persist after 2 weeks, see your doctor."),
        ("nl", "Zodra je diarree krijgt, stop dan met het gebruik."),
        ("en", "Deficiency symptoms can appear after a few weeks of low intake."),
        ("nl", "Onze verloskundige-proof verpakking"),
    ],
)
def test_advice_and_occurrence_still_rescue_time_words(lang, text):
    assert compliance.lint_copy(text, lang) == []


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "#sleepbetter #stressless #magnesiummagic"),  # hashtags
        ("nl", "Magnesium | Spieren | Energie | 120 tabletten"),  # a keyword title
        ("en", "Nerves of steel"),  # an overstatement without a verb
        ("en", "Mood-boosting magnesium gummies"),  # an effect inside a hyphenated word
        ("en", "Heart-healthy magnesium"),
        ("en", "Swap your third espresso for this"),  # energy by what it replaces
        ("nl", "Nooit meer dat middagdipje"),
        ("nl", "Anti-aging van binnenuit"),
        ("en", "Supports healthy liver function"),
        ("nl", "Next level recovery voor crossfitters"),  # an English word in Dutch copy
        ("nl", "Wakker worden als herboren"),
    ],
)
def test_unauthorised_claims_without_a_claim_verb_warn(lang, text):
    assert verdict(text, lang) == "warn"


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "#vegan #glutenfree #magnesium"),
        ("nl", "#nieuw #actie #gratisverzending"),
        (
            "en",
            "Bought these for my grandma with Parkinson's: the tablets are tiny, easy to swallow",
        ),
    ],
)
def test_plain_hashtags_and_a_disease_named_about_swallowing_are_clean(lang, text):
    assert compliance.lint_copy(text, lang) == []


def test_the_issue_points_at_the_words_that_make_the_claim():
    text = "Vegan capsules. Voorkomt nachtelijke kuitkrampen."
    (issue,) = compliance.lint_copy(text, "nl")
    assert issue.severity == Severity.BLOCK
    assert text[issue.start : issue.end] == issue.term
    assert "kramp" in issue.term.lower()


def test_authorised_wordings_are_the_register_texts():
    from catalog.compliance.authorised import authorised_wordings

    assert len(authorised_wordings("en")) == len(authorised_wordings("nl")) == 10
    for lang in ("en", "nl"):
        for wording in authorised_wordings(lang):
            assert compliance.lint_copy(wording + ".", lang) == []


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # research tied to the product, in the same sentence or the next
        (
            "nl",
            "Studies zien minder migraine met genoeg magnesium; daarom bevat onze formule extra.",
        ),
        (
            "en",
            "Trials saw fewer night cramps on magnesium. That's why our tablets are double dose.",
        ),
        # a professional recommending it for a complaint
        ("nl", "De huisarts raadt magnesium aan bij kuitkrampen."),
        ("en", "The pharmacist recommends it for night cramps."),
        # the product called a medicine
        ("nl", "Het natuurlijke kalmeringsmiddel voor je zenuwen."),
        ("en", "Nature's own beta blocker."),
        # conditions in pharmacy, obstetric and Belgian-French words
        ("nl", "Bij spasmofilie en tetanie: 2 tabletten per dag."),
        ("nl", "Verkleint de kans op vroeggeboorte."),
        ("en", "Relief for spasmophilia."),
        # a Dutch compound written apart
        ("nl", "Helpt een nieuwe nier steen te voorkomen."),
    ],
)
def test_research_recommendations_medicine_names_and_rarer_conditions_are_disease_claims(
    lang, text
):
    assert verdict(text, lang) == "block"


@pytest.mark.parametrize(
    ("lang", "text", "topic"),
    [
        ("en", "Limitless energy from morning to night.", "energy"),
        ("nl", "Helpt je lichaam sneller vet te verbranden.", "weight"),
        ("en", "Hydrates better than plain water.", "hydration"),
        ("en", "Your period survival kit.", "hormones"),
    ],
)
def test_boundless_energy_fat_burning_hydration_and_periods_warn(lang, text, topic):
    assert [i.topic for i in compliance.lint_copy(text, lang)] == [topic]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # a complaint answered with another remedy, the product not named
        ("nl", "Stijve schouders van het fietsen? Tijd om even te rekken."),
        ("en", "Headache after a long meeting? Step outside for some fresh air."),
        # sleeping in, a measuring service, the staff's help
        ("nl", "Tijdens de feestdagen slapen we even uit."),
        ("nl", "Laat gratis uw bloeddruk meten aan de balie."),
        ("en", "Free blood pressure checks at the counter every Thursday."),
        ("en", "Worried about which form to pick? Our pharmacists are happy to help."),
        # a risk fact naming the shopper's medicines
        ("en", "Low magnesium is more common among users of acid-reducing drugs."),
        # advice to see a professional who may recommend something else
        ("en", "Your pharmacist may recommend another form if you have kidney disease."),
        # plain advice to drink water is no hydration claim
        ("en", "Take with a glass of water and stay hydrated."),
    ],
)
def test_other_remedies_services_and_risk_facts_claim_nothing(lang, text):
    assert verdict(text, lang) == "clean"


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("nl", "Magnesium draagt bij tot een normale spier functie."),  # a compound written apart
        (
            "en",
            "Not an instant boost like coffee, but magnesium contributes to normal energy-yielding metabolism.",
        ),
        (
            "nl",
            "Magnesium draagt bij tot een normaal energieleverend metabolisme. Het is geen oppepper die direct werkt.",
        ),
    ],
)
def test_authorised_claims_with_a_split_compound_or_a_denied_promise_are_clean(lang, text):
    assert verdict(text, lang) == "clean"


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("nl", "Podcast: 'Ik val nu binnen tien minuten in slaap.'"),  # an ad read is no shop talk
        ("nl", "Mijn concentratie is echt next level."),  # a testimonial of one's own body
        ("en", "My focus has never been sharper."),
        ("nl", "Hydrateert en verfrist na het sporten."),  # the product hydrates
    ],
)
def test_ad_reads_testimonials_and_hydrating_warn(lang, text):
    assert verdict(text, lang) == "warn"


def test_a_medicine_taken_before_and_not_now_is_a_disease_claim():
    text = "Mijn vader slikte jarenlang slaappillen, nu alleen nog magnesium."
    assert verdict(text, "nl") == "block"


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("nl", "Podcast: in deze aflevering praten we over slaap."),
        ("en", "My order hasn't arrived and I'm stressed."),
        ("nl", "Hydratatie: drink 2 liter water per dag."),
    ],
)
def test_episode_talk_order_chatter_and_drinking_advice_are_clean(lang, text):
    assert verdict(text, lang) == "clean"
