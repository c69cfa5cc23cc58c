"""The product change page as a catalog manager uses it: inlines, tabs, derived figures and the
checks that refuse a bad save."""

import re
from decimal import Decimal

import pytest
from django.contrib.admin.models import LogEntry
from django.contrib.messages import get_messages
from django.urls import reverse

from catalog.models import Article, Pack, Product
from tests.factories import FormFactory, GoalFactory, make_product

from .conftest import form_data

pytestmark = pytest.mark.django_db


def change_url(product):
    return reverse("admin:catalog_product_change", args=[product.pk])


@pytest.fixture
def product(refs):
    """Citrate, 133.3 mg elemental x 3 a day = 400 mg/day; one pack of 120 at 19.95."""
    return make_product(
        name_nl="Magnesiumcitraat 400",
        name_en="Magnesium Citrate 400",
        packs=[
            {
                "sku": "CIT-120",
                "gtin": "8712345678906",
                "servings_per_container": 120,
                "price_eur": Decimal("19.95"),
                "stock": 5,
            }
        ],
    )


def edit(admin_client, product, **changes):
    """GET the change page, apply `changes` to the form data and POST it back."""
    data = form_data(admin_client.get(change_url(product)))
    data.update(changes)
    return admin_client.post(change_url(product), data)


def field_errors(response, name):
    form = response.context["adminform"].form
    return [str(e) for e in form.errors.get(name, [])]


def inline_errors(response, prefix):
    for inline in response.context["inline_admin_formsets"]:
        if inline.formset.prefix == prefix:
            return [
                (i, name, str(e))
                for i, f in enumerate(inline.formset.forms)
                for name, errors in f.errors.items()
                for e in errors
            ]
    raise AssertionError(prefix)


# --- what the page shows -------------------------------------------------------------------


def test_change_page_has_the_pack_ingredient_and_co_ingredient_inlines(admin_client, product):
    response = admin_client.get(change_url(product))

    prefixes = [i.formset.prefix for i in response.context["inline_admin_formsets"]]
    assert prefixes == ["packs", "ingredients", "co_ingredients"]
    page = response.content.decode()
    assert 'name="packs-0-sku" value="CIT-120"' in page
    assert 'name="ingredients-0-elemental_mg"' in page
    assert 'name="co_ingredients-TOTAL_FORMS"' in page


def test_translated_fields_have_a_tab_per_language_served_without_a_cdn(admin_client, product):
    page = admin_client.get(change_url(product)).content.decode()

    for name in ("name", "description", "directions"):
        assert f'name="{name}_nl"' in page and f'name="{name}_en"' in page
    assert "modeltranslation/js/tabbed_translation_fields.js" in page
    assert "catalog/vendor/jquery-ui/jquery-ui.min.js" in page
    assert "googleapis" not in page


def test_derived_figures_are_shown_read_only(admin_client, product):
    response = admin_client.get(change_url(product))

    form = response.context["adminform"].form
    for name in ("elemental_mg_per_day", "percent_nrv", "price_per_100mg", "days_supply"):
        assert name not in form.fields  # read-only: not editable, not posted
    page = response.content.decode()
    readonly = dict(
        re.findall(r'field-(\w+)">.*?<div class="readonly">(.*?)</div>', page, flags=re.S)
    )
    # The admin speaks Dutch by default: decimal commas.
    assert readonly["elemental_mg_per_day"] == "400,0"
    assert readonly["percent_nrv"] == "107"
    assert readonly["days_supply"] == "40"
    assert readonly["price_per_100mg"] == "0,12"  # 19.95 / (400 x 40) x 100
    assert readonly["ul_status"].startswith("400,0 mg/")
    assert "250,0" in readonly["ul_status"]


def test_goal_and_article_fields_are_autocompletes_that_answer(admin_client, product):
    article = Article.objects.create(slug="dose", title_nl="Hoeveel magnesium", title_en="How")
    goal = GoalFactory(slug="sleep", name_nl="Slaap")
    page = admin_client.get(change_url(product)).content.decode()

    for name, term, expected in (("goals", "Slaap", goal), ("articles", "Hoeveel", article)):
        tag = re.search(rf'<select[^>]*name="{name}"[^>]*>', page).group(0)
        assert "admin-autocomplete" in tag
        params = dict(re.findall(r'data-(app-label|model-name|field-name)="([^"]+)"', tag))
        response = admin_client.get(
            reverse("admin:autocomplete"),
            {
                "app_label": params["app-label"],
                "model_name": params["model-name"],
                "field_name": params["field-name"],
                "term": term,
            },
        )
        assert response.status_code == 200, name
        assert [r["id"] for r in response.json()["results"]] == [str(expected.pk)], name


# --- saving --------------------------------------------------------------------------------


def test_an_unchanged_save_succeeds_and_keeps_the_figures(admin_client, product):
    response = edit(admin_client, product)

    assert response.status_code == 302
    product.refresh_from_db()
    assert product.elemental_mg_per_day == Decimal("400.0")


def test_a_pack_price_change_recomputes_the_products_figures(admin_client, product):
    response = edit(admin_client, product, **{"packs-0-price_eur": "9.95"})

    assert response.status_code == 302
    product.refresh_from_db()
    assert product.price_eur == Decimal("9.95")
    assert product.price_per_100mg == Decimal("0.06")  # 9.95 / (400 x 40) x 100


def test_servings_and_ingredient_changes_recompute_the_dose(admin_client, product):
    response = edit(
        admin_client, product, servings_per_day="2", **{"ingredients-0-elemental_mg": "100"}
    )

    assert response.status_code == 302
    product.refresh_from_db()
    assert product.elemental_mg_per_day == Decimal("200.0")
    assert product.percent_nrv == 53


def test_articles_chosen_on_the_product_are_linked(admin_client, product):
    article = Article.objects.create(slug="dose", title_nl="Hoeveel", title_en="How much")

    edit(admin_client, product, articles=[str(article.pk)])

    assert list(product.articles.all()) == [article]


def test_a_product_can_be_added_with_its_pack_and_ingredient(admin_client, refs):
    form = FormFactory(slug="bisglycinate", elemental_fraction=Decimal("0.141"))
    add_url = reverse("admin:catalog_product_add")
    data = form_data(admin_client.get(add_url))
    brand = make_product().brand
    data.update(
        {
            "name_nl": "Magnesiumbisglycinaat",
            "name_en": "Magnesium Bisglycinate",
            "slug": "bisglycinate-test",
            "brand": str(brand.pk),
            "dose_form": "capsule",
            "serving_unit": "capsule",
            "servings_per_day": "2",
            "packs-TOTAL_FORMS": "1",
            "packs-0-sku": "BIS-60",
            "packs-0-gtin": "",
            "packs-0-servings_per_container": "60",
            "packs-0-price_eur": "14.95",
            "packs-0-stock": "3",
            "ingredients-TOTAL_FORMS": "1",
            "ingredients-0-form": str(form.pk),
            "ingredients-0-compound_mg": "1000",
            "ingredients-0-position": "0",
        }
    )

    response = admin_client.post(add_url, data)

    assert response.status_code == 302, response.context["errors"]
    product = Product.objects.get(slug="bisglycinate-test")
    assert product.elemental_mg_per_day == Decimal("282.0")  # 1000 x 0.141 x 2
    assert product.price_eur == Decimal("14.95")
    assert product.days_supply == 30


def test_a_pack_keeps_its_identity_and_history_when_its_sku_is_edited(admin_client, product):
    pack = product.packs.get()

    response = edit(admin_client, product, **{"packs-0-sku": "CIT-120-NEW"})

    assert response.status_code == 302
    assert list(Pack.objects.values_list("pk", "sku")) == [(pack.pk, "CIT-120-NEW")]
    entry = LogEntry.objects.get()
    assert "CIT-120-NEW" in entry.get_change_message()


def test_a_co_ingredient_without_an_nrv_gets_the_known_eu_nrv(admin_client, product):
    response = edit(
        admin_client,
        product,
        **{
            "co_ingredients-TOTAL_FORMS": "1",
            "co_ingredients-0-name_nl": "Vitamine B6",
            "co_ingredients-0-name_en": "Vitamin B6",
            "co_ingredients-0-amount": "1.4",
            "co_ingredients-0-unit": "mg",
            "co_ingredients-0-position": "0",
        },
    )

    assert response.status_code == 302
    assert product.co_ingredients.get().nrv_amount == Decimal("1.4")


def test_a_removed_pack_is_deleted_and_named_in_the_history(admin_client, product):
    data = form_data(admin_client.get(change_url(product)))
    data.update(
        {
            "packs-TOTAL_FORMS": "2",
            "packs-1-sku": "CIT-60",
            "packs-1-servings_per_container": "60",
            "packs-1-price_eur": "11.95",
            "packs-1-stock": "2",
        }
    )
    assert admin_client.post(change_url(product), data).status_code == 302
    data = form_data(admin_client.get(change_url(product)))
    data["packs-1-DELETE"] = "on"  # packs are listed by size: 60 then 120

    assert admin_client.post(change_url(product), data).status_code == 302

    assert list(Pack.objects.values_list("sku", flat=True)) == ["CIT-60"]
    product.refresh_from_db()
    assert product.price_eur == Decimal("11.95")
    messages = [e.get_change_message() for e in LogEntry.objects.order_by("pk")]
    assert "CIT-60" in messages[0] and "CIT-120" in messages[1]


# --- checks that refuse a save -------------------------------------------------------------


def test_an_elemental_amount_above_the_compound_amount_is_refused(admin_client, product):
    response = edit(
        admin_client,
        product,
        **{"ingredients-0-compound_mg": "100", "ingredients-0-elemental_mg": "133.3333"},
    )

    assert response.status_code == 200
    assert [(i, name) for i, name, _ in inline_errors(response, "ingredients")] == [
        (0, "elemental_mg")
    ]
    assert product.ingredients.get().compound_mg is None


def test_a_daily_dose_over_2000_mg_is_refused(admin_client, product):
    response = edit(admin_client, product, **{"ingredients-0-elemental_mg": "700"})  # x 3

    assert response.status_code == 200
    errors = inline_errors(response, "ingredients")
    assert [(i, name) for i, name, _ in errors] == [(0, "elemental_mg")]
    assert "2100" in errors[0][2]
    product.refresh_from_db()
    assert product.elemental_mg_per_day == Decimal("400.0")


def test_a_daily_dose_over_2000_mg_through_servings_per_day_is_refused(admin_client, product):
    response = edit(admin_client, product, servings_per_day="16")  # 133.3 x 16 = 2133 mg

    assert response.status_code == 200
    assert inline_errors(response, "ingredients")
    product.refresh_from_db()
    assert product.servings_per_day == 3


def test_a_gtin_with_a_wrong_check_digit_is_refused(admin_client, product):
    response = edit(admin_client, product, **{"packs-0-gtin": "8712345678907"})

    assert response.status_code == 200
    assert [(i, name) for i, name, _ in inline_errors(response, "packs")] == [(0, "gtin")]
    assert Pack.objects.get().gtin == "8712345678906"


@pytest.mark.parametrize(
    "field, text",
    [
        ("name_nl", "Magnesium tegen migraine"),
        ("name_en", "Magnesium that cures migraine"),
        ("description_nl", "Dit product voorkomt migraine."),
        ("description_en", "Magnesium prevents migraine."),
        ("directions_nl", "Neem 1 capsule per dag om migraine te behandelen."),
        ("directions_en", "Take 1 capsule a day to treat migraine."),
    ],
)
def test_a_banned_disease_claim_blocks_the_save_on_its_field(admin_client, product, field, text):
    response = edit(admin_client, product, **{field: text})

    assert response.status_code == 200
    assert list(response.context["adminform"].form.errors) == [field]
    assert "migraine" in field_errors(response, field)[0]
    product.refresh_from_db()
    assert getattr(product, field) != text


def test_other_unauthorised_wording_saves_with_a_warning(admin_client, product):
    response = edit(admin_client, product, description_en="Helps you sleep better.")

    assert response.status_code == 302
    product.refresh_from_db()
    assert product.description_en == "Helps you sleep better."
    warnings = [str(m) for m in get_messages(response.wsgi_request) if m.level_tag == "warning"]
    assert len(warnings) == 1
    assert "sleep" in warnings[0]


# --- history --------------------------------------------------------------------------------


def test_the_history_shows_changes_to_the_product_and_its_packs(admin_client, product):
    edit(admin_client, product, name_en="Magnesium Citrate 400 mg")
    pack = product.packs.get()
    pack_url = reverse("admin:catalog_pack_change", args=[pack.pk])
    data = form_data(admin_client.get(pack_url))
    data["price_eur"] = "17.95"
    assert admin_client.post(pack_url, data).status_code == 302

    response = admin_client.get(reverse("admin:catalog_product_history", args=[product.pk]))

    entries = list(response.context["action_list"])
    assert [e.content_type.model for e in entries] == ["product", "pack"]
    page = response.content.decode()
    assert "CIT-120" in page  # the pack's entry names the pack
    assert LogEntry.objects.count() == 2
