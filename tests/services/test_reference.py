"""catalog.services.reference: each entity's save holds its rules, whichever path calls it."""

from decimal import Decimal

import pytest

from catalog import services
from catalog.cache import catalog_version
from catalog.models import Form, Goal, Product, ReferenceValue
from tests.factories import BrandFactory, FormFactory, GoalFactory, make_product

pytestmark = pytest.mark.django_db


def stored(product):
    return Product.objects.get(pk=product.pk)


def test_renaming_a_brand_by_upsert_recomputes_its_products_search_text(refs):
    product = make_product(brand=BrandFactory(slug="acme", name="Acme"))

    services.brand_upsert(slug="acme", name="Zenith")

    assert "zenith" in stored(product).search_text
    assert "acme " not in stored(product).search_text.replace("acme-", "")


def test_saving_a_brand_with_the_same_name_leaves_its_products_alone(refs):
    brand = BrandFactory(slug="acme", name="Acme")
    product = make_product(brand=brand)
    Product.objects.filter(pk=product.pk).update(search_text="untouched")
    brand.country = "NL"

    services.brand_save(brand=brand)

    assert stored(product).search_text == "untouched"


def test_renaming_a_form_recomputes_the_search_text_of_its_products(refs):
    product = make_product(ingredients=[{"form": FormFactory(), "elemental_mg": Decimal("100")}])
    form = Form.objects.get(slug="citrate")
    form.name_en = "Magnesium citrate zwx"

    services.form_save(form=form)

    assert "zwx" in stored(product).search_text


def test_a_form_renamed_by_upsert_with_its_instance_recomputes_the_search_text(refs):
    product = make_product(ingredients=[{"form": FormFactory(), "elemental_mg": Decimal("100")}])
    form = Form.objects.get(slug="citrate")

    services.form_upsert(slug="citrate-zwx", instance=form, elemental_fraction=Decimal("0.162"))

    assert list(Form.objects.values_list("slug", flat=True)) == ["citrate-zwx"]
    assert "citrate-zwx" in stored(product).search_text


def test_a_new_form_fraction_recomputes_the_dose_of_its_products(refs):
    product = make_product(ingredients=[{"form": FormFactory(), "compound_mg": Decimal("1000")}])

    services.form_upsert(slug="citrate", elemental_fraction=Decimal("0.1"))

    assert stored(product).elemental_mg_per_serving == Decimal("100.0")


def test_a_goal_text_is_sanitised_whoever_saves_it(db):
    goal = GoalFactory(slug="sleep")
    goal.body_html_en = '<p onclick="x()">Rust<script>alert(1)</script></p>'

    services.goal_save(goal=goal)

    assert Goal.objects.get(pk=goal.pk).body_html_en == "<p>Rust</p>"


def test_a_new_nrv_recomputes_every_products_percentage(refs):
    product = make_product()  # 400 mg/day: 107 % of 375 mg

    services.reference_value_upsert(
        market="EU", kind="nrv", age_min_years=4, amount_mg=Decimal("400")
    )

    assert stored(product).percent_nrv == 100


def test_a_reference_value_turned_from_nrv_into_ul_recomputes_too(refs, settings):
    product = make_product()
    value = ReferenceValue.objects.get(market="EU", kind="nrv")
    value.kind = ReferenceValue.Kind.UL
    value.age_min_years = 99

    services.reference_value_save(value=value)

    # No NRV row left: the settings' 375 mg, the same figure, is used.
    assert stored(product).percent_nrv == 107


def test_every_reference_save_makes_cached_reads_stale(refs):
    before = catalog_version()

    services.claim_upsert(slug="muscle-function", text_nl="Spieren", text_en="Muscles")
    services.interaction_upsert(slug="x", kind="medication", severity="minor", name_en="X")

    assert catalog_version() != before


def test_a_new_search_word_of_a_goal_is_found_in_its_products_at_once(refs, api):
    sleep = GoalFactory(slug="sleep-relaxation", name_nl="Slaap", name_en="Sleep")
    product = make_product(goals=[sleep])
    make_product()  # without the goal
    url = "/api/v1/products/"
    assert api.get(url, {"q": "nachtrust"}).json()["count"] == 0

    sleep.synonyms_nl = "inslapen\nnachtrust"
    services.goal_save(goal=sleep)

    found = api.get(url, {"q": "nachtrust"}).json()
    assert [p["slug"] for p in found["results"]] == [product.slug]
    assert "nachtrust" in stored(product).search_keywords.split()


def test_renaming_a_goal_by_upsert_recomputes_its_products_search_keywords(refs):
    goal = GoalFactory(slug="energy-fatigue", name_nl="Energie", name_en="Energy")
    product = make_product(goals=[goal])

    services.goal_upsert(slug="energy-fatigue", name_nl="Energie & vermoeidheid")

    assert "vermoeidheid" in stored(product).search_keywords.split()


def test_saving_a_goal_with_the_same_words_leaves_its_products_alone(refs):
    goal = GoalFactory(slug="men", name_nl="Mannen", name_en="Men")
    product = make_product(goals=[goal])
    Product.objects.filter(pk=product.pk).update(search_keywords="untouched")
    goal.summary_nl = "Nieuwe samenvatting"

    services.goal_save(goal=goal)

    assert stored(product).search_keywords == "untouched"


def test_an_everyday_name_of_a_form_finds_its_products(refs, api):
    form = FormFactory(
        slug="bisglycinate", name_nl="Magnesiumbisglycinaat", name_en="Magnesium bisglycinate"
    )
    product = make_product(ingredients=[{"form": form, "elemental_mg": Decimal("100")}])
    form.synonyms_nl = "chelaat, glycinaat"

    services.form_save(form=form)

    found = api.get("/api/v1/products/", {"q": "chelaat"}).json()
    assert [p["slug"] for p in found["results"]] == [product.slug]
