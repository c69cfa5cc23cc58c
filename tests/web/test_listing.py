"""The product listing: facets with disjunctive counts, chips, sort, pagination, bad input."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from catalog.models import Product
from tests.factories import make_product

pytestmark = pytest.mark.django_db


def facet_counts(html: str, facet: str) -> dict[str, int]:
    pattern = rf'name="{facet}" value="([^"]+)"[^>]*>\s*<label[^>]*>[^<]*<span class="count"[^>]*>\((\d+)\)'
    return {value: int(n) for value, n in re.findall(pattern, html)}


def result_slugs(html: str) -> list[str]:
    return re.findall(r'<h3 class="card-title"><a href="/\w\w/[^/]+/([^/]+)/"', html)


def brute_force(**filters) -> set[str]:
    """Published products matching the filters, computed in Python, not SQL."""
    result = set()
    for p in Product.objects.published().prefetch_related("ingredients__form", "goals"):
        forms = {line.form.slug for line in p.ingredients.all()}
        goals = {g.slug for g in p.goals.all()}
        if "form" in filters and not forms & set(filters["form"]):
            continue
        if "goal" in filters and not goals & set(filters["goal"]):
            continue
        if "brand" in filters and p.brand.slug not in filters["brand"]:
            continue
        if "dose_form" in filters and p.dose_form not in filters["dose_form"]:
            continue
        if "in_stock" in filters and p.in_stock != filters["in_stock"]:
            continue
        result.add(p.slug)
    return result


def test_lists_published_products_only(client, shop):
    html = client.get("/en/products/").content.decode()
    assert set(result_slugs(html)) == brute_force()
    assert "hidden-draft" not in html
    assert "4 products" in html


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"form": ["citrate"]},
        {"form": ["citrate", "oxide"]},
        {"goal": ["energy-fatigue"]},
        {"brand": ["nordmag"], "form": ["bisglycinate"]},
        {"dose_form": ["tablet"], "goal": ["muscles-cramps"]},
        {"in_stock": True, "form": ["bisglycinate", "oxide"]},
    ],
)
def test_results_and_disjunctive_counts_match_a_brute_force_count(client, shop, params):
    query = []
    for key, value in params.items():
        if isinstance(value, list):
            query += [(key, v) for v in value]
        else:
            query.append((key, "true" if value else "false"))
    qs = "&".join(f"{k}={v}" for k, v in query)
    html = client.get(f"/en/products/?{qs}").content.decode()
    assert set(result_slugs(html)) == brute_force(**params)
    for facet, values in (
        ("form", ["citrate", "bisglycinate", "oxide"]),
        ("goal", ["muscles-cramps", "energy-fatigue"]),
        ("brand", ["vitaflux", "nordmag"]),
        ("dose_form", ["capsule", "tablet", "powder"]),
    ):
        others = {k: v for k, v in params.items() if k != facet}
        expected = {v: len(brute_force(**others, **{facet: [v]})) for v in values}
        expected = {v: n for v, n in expected.items() if n or v in params.get(facet, [])}
        assert facet_counts(html, facet) == expected, facet


def test_comma_list_equals_repeated_parameter(client, shop):
    a = client.get("/en/products/?form=citrate,oxide").content.decode()
    b = client.get("/en/products/?form=citrate&form=oxide").content.decode()
    assert sorted(result_slugs(a)) == sorted(result_slugs(b))


def test_ranges_diet_and_within_ul(client, shop):
    html = client.get("/en/products/?min_elemental_mg=250").content.decode()
    assert set(result_slugs(html)) == {"vitaflux-citrate-400", "nordmag-oxide-300"}
    html = client.get("/en/products/?max_price=13").content.decode()
    assert set(result_slugs(html)) == {"vitaflux-citrate-400", "nordmag-oxide-300"}
    html = client.get("/en/products/?diet=vegan").content.decode()
    assert set(result_slugs(html)) == {"vitaflux-citrate-400"}
    html = client.get("/en/products/?within_ul=true").content.decode()
    assert set(result_slugs(html)) == {"nordmag-bisglycinate-200", "vitaflux-duo-150"}
    html = client.get("/en/products/?within_ul=true&market=US").content.decode()
    assert set(result_slugs(html)) == {
        "nordmag-bisglycinate-200",
        "vitaflux-duo-150",
        "nordmag-oxide-300",
    }


def test_active_filters_are_removable_chips(client, shop):
    html = client.get("/en/products/?form=citrate&form=oxide&in_stock=true").content.decode()
    chips = dict(
        (label.strip(), href.replace("&amp;", "&"))
        for href, label in re.findall(r'<a class="chip" href="([^"]+)">([^<]+)<', html)
    )
    assert chips["Magnesium citrate"] == "/en/products/?form=oxide&in_stock=true"
    assert chips["Magnesium oxide"] == "/en/products/?form=citrate&in_stock=true"
    assert chips["In stock: yes"] == "/en/products/?form=citrate&form=oxide"


def _disclosure(html: str) -> tuple[str, str]:
    """The filters' disclosure: its opening tag and the text of its summary."""
    found = re.search(
        r"(<details[^>]*data-filters-disclosure[^>]*>)\s*<summary[^>]*>(.*?)</summary>", html, re.S
    )
    assert found, "the filters are not in a disclosure"
    return found.group(1), " ".join(re.sub(r"<[^>]+>", "", found.group(2)).split())


def test_the_filters_fold_into_a_disclosure_that_counts_the_active_ones(client, shop):
    html = client.get("/en/products/").content.decode()
    tag, summary = _disclosure(html)
    assert summary == "Filters"  # no count without an active filter
    assert " open" not in tag  # folded: on a phone the results come first
    # The whole filter form is inside it, and the results follow it.
    assert html.index("data-filters-disclosure") < html.index('<form class="filters"')
    assert html.index("</form>") < html.index("</details>") < html.index('id="results-title"')

    html = client.get("/en/products/?form=citrate&form=oxide&in_stock=true").content.decode()
    assert _disclosure(html)[1] == "Filters (3 active)"
    html = client.get("/nl/producten/?form=citrate").content.decode()
    assert _disclosure(html)[1] == "Filters (1 actief)"


def test_the_filters_are_unfolded_when_they_hold_an_error(client, shop):
    response = client.get("/en/products/?min_price=abc")
    assert response.status_code == 400
    tag, _summary = _disclosure(response.content.decode())
    assert " open" in tag


def test_sorting(client, shop):
    html = client.get("/en/products/?ordering=price").content.decode()
    assert result_slugs(html)[0] == "nordmag-oxide-300"
    html = client.get("/en/products/?ordering=-elemental_mg_per_day").content.decode()
    assert result_slugs(html)[0] == "vitaflux-citrate-400"


def test_pagination_24_a_page(client, shop):
    for i in range(25):
        make_product(slug=f"bulk-{i:02d}", brand=shop.vitaflux)
    html = client.get("/en/products/").content.decode()
    assert len(result_slugs(html)) == 24
    assert 'rel="next"' in html
    html = client.get("/en/products/?page=2").content.decode()
    assert len(result_slugs(html)) == 29 - 24


def test_query_count_does_not_grow_with_products(client, shop):
    def count_queries() -> int:
        from django.core.cache import cache

        cache.clear()
        with CaptureQueriesContext(connection) as ctx:
            assert client.get("/en/products/?form=citrate,bisglycinate").status_code == 200
        return len(ctx.captured_queries)

    before = count_queries()
    for i in range(8):
        make_product(slug=f"more-{i}", brand=shop.nordmag, goals=[shop.cramps])
    assert count_queries() == before


@pytest.mark.parametrize(
    "query",
    [
        "form=citrte",
        "min_price=abc",
        "min_price=20&max_price=5",
        "max_elemental_mg=-1",
        "min_price=NaN",
        "min_price=1e309",
        "in_stock=maybe",
        "ordering=cheapest",
        "market=XX",
        "diet=carnivore",
        "q=%00",
        "form=" + ",".join(["citrate"] * 3) + ",x" * 60,
    ],
)
def test_bad_filters_show_an_error_not_a_500(client, shop, query):
    response = client.get(f"/en/products/?{query}")
    assert response.status_code == 400
    html = response.content.decode()
    assert 'role="alert"' in html
    assert result_slugs(html) == []  # not a silently unfiltered list


def test_error_names_the_parameter_in_dutch(client, shop):
    html = client.get("/nl/producten/?form=citrte").content.decode()
    assert "Onbekende waarde" in html
    assert "Vorm" in html


@pytest.mark.parametrize("page", ["abc", "0", "-3", "99999999999999999999", "1" * 5000])
def test_bad_page_numbers_fall_back_to_the_first_page(client, shop, page):
    response = client.get(f"/en/products/?page={page}")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'role="status"' in html
    assert len(result_slugs(html)) == 4


def test_unknown_parameters_are_ignored(client, shop):
    response = client.get("/en/products/?utm_source=mail&foo=bar")
    assert response.status_code == 200


def test_price_and_dose_shown_on_cards(client, shop):
    html = client.get("/en/products/?form=oxide").content.decode()
    assert "300 mg (80% NRV)" in html
    assert "€ 7.95" in html
    assert "Above the upper level" in html


def test_decimal_amounts_accepted(client, shop):
    response = client.get("/en/products/?min_price=7.5&max_price=13.5")
    assert response.status_code == 200
    assert set(result_slugs(response.content.decode())) == {
        "vitaflux-citrate-400",
        "nordmag-oxide-300",
    }
