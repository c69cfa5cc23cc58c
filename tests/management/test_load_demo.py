"""The demo catalog `make run` loads: complete, true to its own dose math, free of banned
claims, and loadable twice without change."""

import io

import pytest
from django.core.management import CommandError, call_command
from django.db.models import Count

from catalog import compliance
from catalog.models import (
    Article,
    Brand,
    Form,
    Goal,
    HealthClaim,
    Interaction,
    Pack,
    Product,
    ReferenceValue,
)
from catalog.models.products import DoseForm

pytestmark = pytest.mark.django_db

GOALS = {
    "muscles-cramps",
    "energy-fatigue",
    "sleep-relaxation",
    "nervous-system-mood",
    "bones-teeth",
    "heart-circulation",
    "digestion",
    "sport-recovery",
    "pregnancy",
    "women",
    "men",
    "seniors",
}


def test_reference_data_is_complete(demo_catalog):
    assert Form.objects.count() == 16
    assert set(Goal.objects.values_list("slug", flat=True)) == GOALS
    assert HealthClaim.objects.count() >= 10
    assert Interaction.objects.filter(kind=Interaction.Kind.CONDITION).exists()
    assert Interaction.objects.count() >= 10
    uls = {
        (r.market, r.age_min_years): r.amount_mg for r in ReferenceValue.objects.filter(kind="ul")
    }
    assert uls[("EU", 4)] == 250 and uls[("US", 9)] == 350 and uls[("NO", 18)] == 350


def test_products_cover_every_dose_form_and_case(demo_catalog):
    assert Brand.objects.count() >= 12
    assert Product.objects.count() >= 40
    assert set(Product.objects.values_list("dose_form", flat=True)) == set(DoseForm.values)
    assert Form.objects.filter(ingredient_lines__isnull=False).distinct().count() == 16
    multi = Product.objects.annotate(n=Count("ingredients__form", distinct=True)).filter(n__gt=1)
    assert multi.exists()
    assert Product.objects.filter(elemental_mg_per_day__gt=250).exists()
    assert Product.objects.filter(elemental_mg_per_day__lte=250).exists()
    assert Pack.objects.filter(stock=0).exists()
    assert Product.objects.annotate(n=Count("packs")).filter(n__gt=1).exists()
    assert not Product.objects.filter(packs__isnull=True).exists()


def test_stored_dose_figures_agree_with_a_fresh_computation(demo_catalog):
    out = io.StringIO()
    call_command("check_catalog", stdout=out)
    assert f"All {Product.objects.count()} product(s) agree" in out.getvalue()


def test_no_product_copy_carries_a_banned_claim(demo_catalog):
    for product in Product.objects.all():
        fields = {
            f"{name}_{lang}": getattr(product, f"{name}_{lang}") or ""
            for name in ("name", "description", "directions")
            for lang in ("nl", "en")
        }
        problems = compliance.lint_fields(fields)
        assert not problems, (product.slug, problems)


def test_articles_in_both_languages_and_the_full_deficiency_article(demo_catalog):
    assert Article.objects.count() >= 6
    for article in Article.objects.all():
        assert article.title_nl and article.title_en and article.summary_nl and article.summary_en
        assert article.sections.exists()
    # A full article in its own structure: not the shop's source outline (7 sections, 10 FAQ)
    deficiency = Article.objects.get(slug="magnesium-deficiency-symptoms")
    assert deficiency.sections.count() >= 5
    assert deficiency.faq.count() >= 5
    assert deficiency.key_takeaways_nl and deficiency.key_takeaways_en
    assert deficiency.products.exists() and deficiency.goals.exists()


def test_loading_twice_changes_nothing(demo_catalog):
    before = list(Product.objects.order_by("slug").values("slug", "updated_at", "price_eur"))
    packs = Pack.objects.count()
    call_command("load_demo", verbosity=0)
    after = list(Product.objects.order_by("slug").values("slug", "updated_at", "price_eur"))
    assert [(b["slug"], b["price_eur"]) for b in before] == [
        (a["slug"], a["price_eur"]) for a in after
    ]
    assert Pack.objects.count() == packs


def test_check_catalog_reports_a_drifted_product_and_fixes_it(demo_catalog):
    product = Product.objects.order_by("slug").first()
    Product.objects.filter(pk=product.pk).update(elemental_mg_per_day=1)
    out = io.StringIO()
    with pytest.raises(CommandError, match="1 of"):
        call_command("check_catalog", stdout=out)
    assert product.slug in out.getvalue()
    call_command("check_catalog", "--fix", stdout=io.StringIO())
    product.refresh_from_db()
    assert product.elemental_mg_per_day > 1
