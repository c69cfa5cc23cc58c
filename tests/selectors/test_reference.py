"""The reference data every listing needs is read in one query and agrees with the ORM; product
summaries take their goals from the stored mask (or the links, for large goal ids) and their
interaction classes from the same reference read."""

from decimal import Decimal as D

import pytest

from catalog import selectors
from catalog.derived import FACET_BITS
from catalog.models import Brand, Form, Goal, Interaction, Product, ReferenceValue
from tests.factories import make_product

pytestmark = pytest.mark.django_db


def test_reference_snapshot_is_one_query_and_equals_the_orm(
    demo_catalog, django_assert_num_queries
):
    from catalog import services

    citrate, oxide = Form.objects.filter(slug__in=["citrate", "oxide"])
    services.interaction_upsert(
        slug="zz-two-forms",
        kind="medication",
        name_nl="Twee",
        severity="minor",
        forms=[citrate, oxide],
    )
    with django_assert_num_queries(1):
        snapshot = selectors.reference._snapshot()

    forms = list(
        Form.objects.order_by("sort_order", "slug").values_list(
            "id", "slug", "name_nl", "name_en", "elemental_fraction"
        )
    )
    assert snapshot["form"] == forms
    # The same Decimal as the ORM gives, to the digit (SQLite hands raw SQL a float).
    assert [str(row[4]) for row in snapshot["form"]] == [str(row[4]) for row in forms]
    assert snapshot["goal"] == list(
        Goal.objects.order_by("sort_order", "slug").values_list("id", "slug", "name_nl", "name_en")
    )
    assert snapshot["brand"] == list(
        Brand.objects.order_by("slug").values_list("id", "slug", "name")
    )
    bands = [
        (rv.market, rv.kind, rv.age_min_years, rv.age_max_years, str(rv.amount_mg))
        for rv in ReferenceValue.objects.all()
    ]
    assert [
        (b.market, b.kind, b.age_min_years, b.age_max_years, str(b.amount_mg))
        for b in snapshot["band"]
    ] == bands
    assert len(bands) >= 4

    classes = {c.slug: c for c in snapshot["interaction"]}
    assert set(classes) == set(Interaction.objects.values_list("slug", flat=True))
    for interaction in Interaction.objects.prefetch_related("forms"):
        found = classes[interaction.slug]
        assert (found.severity, found.kind) == (interaction.severity, interaction.kind)
        assert found.form_ids == {f.id for f in interaction.forms.all()}
    assert any(not c.form_ids for c in classes.values())  # one concerns every form
    assert any(c.form_ids for c in classes.values())


def test_interaction_classes_agree_with_the_full_interactions(demo_catalog):
    products = Product.objects.prefetch_related("ingredients")
    assert products.count() > 40
    for product in products:
        full = selectors.interactions.product_interactions(product)
        light = selectors.interactions.product_interaction_classes(product)
        assert [(i.slug, i.severity) for i in light] == [(i.slug, i.severity) for i in full]


def test_a_write_to_reference_data_shows_in_the_next_read(demo_catalog):
    from catalog import services

    assert "zz-new-brand" not in selectors.reference.reference_slugs()["brand"]
    services.brand_upsert(slug="zz-new-brand", name="ZZ New")
    assert (("zz-new-brand", "ZZ New")) in [
        (r[1], r[2]) for r in selectors.reference.facet_reference()["brand"]
    ]
    services.reference_value_upsert(
        market="EU", kind="ul", age_min_years=4, amount_mg=D("260"), age_max_years=None
    )
    assert selectors.reference.ul_mg("EU") == D("260")


def _goal_slugs(product_slug):
    return [
        g.slug for g in Product.objects.get(slug=product_slug).goals.order_by("sort_order", "slug")
    ]


def test_summary_goals_follow_goal_order(demo_catalog, api):
    """From the mask (small ids) or the links (ids past the mask, as on a long-lived
    PostgreSQL test database): the same goals, in the same order."""
    data = api.get("/api/v1/products/?page_size=100").json()
    assert data["count"] > 40
    with_goals = [p for p in data["results"] if len(p["goals"]) >= 2]
    assert with_goals
    for item in data["results"]:
        assert [g["slug"] for g in item["goals"]] == _goal_slugs(item["slug"])


def test_summary_goals_read_the_links_when_a_goal_id_is_too_large_for_the_mask(refs, api):
    free = [i for i in range(40, 999) if not Goal.objects.filter(id=i).exists()]
    small = Goal.objects.create(
        id=free[0], slug="g-small", name_nl="Klein", name_en="Small", sort_order=2
    )
    large = Goal.objects.create(
        id=next(i for i in free if i >= FACET_BITS),
        slug="g-large",
        name_nl="Groot",
        name_en="Large",
        sort_order=1,
    )
    form = Form.objects.create(
        slug="g-citrate", name_nl="Citraat", name_en="Citrate", elemental_fraction=D("0.162")
    )
    product = make_product(
        slug="g-product",
        ingredients=[{"form": form, "elemental_mg": D("100")}],
        goals=[small, large],
    )
    assert product.goal_mask == 1 << small.id  # the large id has no bit
    rows = selectors.rows.product_rows(Product.objects.filter(pk=product.pk))
    assert [g.slug for g in rows[0].goals] == ["g-large", "g-small"]  # goal order
    data = api.get("/api/v1/products/?goal=g-small").json()
    assert [p["slug"] for p in data["results"]] == ["g-product"]
    assert [g["slug"] for g in data["results"][0]["goals"]] == ["g-large", "g-small"]
