"""Storefront pages: status, key content, both languages."""

import json
import re

import pytest
from django.urls import reverse
from django.utils import translation

pytestmark = pytest.mark.django_db


def url(name: str, lang: str, **kwargs: str) -> str:
    with translation.override(lang):
        return reverse(name, kwargs=kwargs or None)


def jsonld_blocks(html: str) -> list[dict]:
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return [json.loads(b) for b in blocks]


def types_in(blocks: list[dict]) -> set[str]:
    found = set()
    for block in blocks:
        for node in block.get("@graph", [block]):
            found.add(node["@type"])
    return found


@pytest.mark.parametrize(
    ("lang", "path"),
    [
        ("nl", "/nl/producten/"),
        ("en", "/en/products/"),
        ("nl", "/nl/producten/vitaflux-citrate-400/"),
        ("en", "/en/products/vitaflux-citrate-400/"),
        ("nl", "/nl/doelen/muscles-cramps/"),
        ("en", "/en/goals/muscles-cramps/"),
        ("nl", "/nl/vormen/citrate/"),
        ("en", "/en/forms/citrate/"),
        ("nl", "/nl/artikelen/magnesium-forms-compared/"),
        ("en", "/en/articles/magnesium-forms-compared/"),
        ("nl", "/nl/interactiecheck/"),
        ("en", "/en/interaction-check/"),
        ("nl", "/nl/vormen-vergelijken/"),
        ("en", "/en/compare-forms/"),
        ("nl", "/nl/zoeken/"),
        ("en", "/en/search/"),
    ],
)
def test_translated_page_urls_follow_the_contract(client, shop, lang, path):
    response = client.get(path)
    assert response.status_code == 200
    assert f'<html lang="{lang}">' in response.content.decode()


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize(
    ("name", "kwargs"),
    [
        ("catalog:home", {}),
        ("catalog:product-list", {}),
        ("catalog:goal-list", {}),
        ("catalog:form-list", {}),
        ("catalog:article-list", {}),
    ],
)
def test_index_pages_render_in_both_languages(client, shop, lang, name, kwargs):
    response = client.get(url(name, lang, **kwargs))
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{lang}">' in html
    assert "BreadcrumbList" in types_in(jsonld_blocks(html))


def test_home_links_goals_forms_articles_and_search(client, shop):
    html = client.get("/en/").content.decode()
    assert "Muscles and cramps" in html
    assert "/en/goals/muscles-cramps/" in html
    assert "/en/forms/citrate/" in html
    assert "Which form should you choose?" in html
    assert 'action="/en/search/"' in html


def test_home_in_dutch_uses_dutch_names_and_ui(client, shop):
    html = client.get("/nl/").content.decode()
    assert "Spieren en kramp" in html
    assert "/nl/doelen/muscles-cramps/" in html
    assert "Naar de inhoud" in html  # skip link, translated


class TestProductPage:
    def test_shows_packs_dose_label_and_claims(self, client, shop):
        html = client.get("/en/products/vitaflux-citrate-400/").content.decode()
        assert "Vitaflux Magnesium Citrate 400" in html
        assert "VF-CIT-60" in html and "VF-CIT-120" in html
        assert "12.95" in html and "19.95" in html
        assert "Vitamin B6" in html
        assert "107%" in html  # 400 mg of 375 mg NRV
        assert "Food supplement." in html
        assert "Keep out of the reach of young children." in html
        assert "Magnesium contributes to normal muscle function" in html
        assert "Take 3 capsules a day." in html

    def test_dutch_label_texts(self, client, shop):
        html = client.get("/nl/producten/vitaflux-citrate-400/").content.decode()
        assert "Voedingssupplement." in html
        assert "Vitaflux Magnesiumcitraat 400" in html

    def test_ul_notice_with_splitting_advice_when_above_the_eu_level(self, client, shop):
        html = client.get("/en/products/vitaflux-citrate-400/").content.decode()
        assert 'id="ul-title"' in html
        assert "250 mg" in html
        assert "at least two intakes" in html

    def test_no_ul_notice_within_the_level(self, client, shop):
        html = client.get("/en/products/nordmag-bisglycinate-200/").content.decode()
        assert 'id="ul-title"' not in html

    def test_market_changes_the_upper_level(self, client, shop):
        html = client.get("/en/products/nordmag-oxide-300/?market=US").content.decode()
        assert 'id="ul-title"' not in html
        html = client.get("/en/products/nordmag-oxide-300/?market=EU").content.decode()
        assert 'id="ul-title"' in html

    def test_bad_market_shows_an_error_not_a_500(self, client, shop):
        response = client.get("/en/products/nordmag-oxide-300/?market=XX")
        assert response.status_code == 400
        assert 'role="alert"' in response.content.decode()

    def test_interaction_warnings_with_advice(self, client, shop):
        html = client.get("/en/products/vitaflux-citrate-400/").content.decode()
        assert "Bisphosphonates" in html
        assert "Take magnesium at least 2 hours apart." in html
        assert "Kidney impairment" in html

    def test_one_summary_line_per_interaction_details_folded_relevant_first(self, client, shop):
        from catalog import services
        from catalog.models import Interaction

        services.interaction_upsert(
            slug="citrate-laxatives",
            kind=Interaction.Kind.MEDICATION,
            name_nl="Laxeermiddelen",
            name_en="Laxatives",
            examples_en="macrogol",
            severity=Interaction.Severity.MINOR,
            mechanism_en="Citrate adds to the effect.",
            advice_en="Do not combine them. Ask your pharmacist first.",
            forms=[shop.citrate],
        )
        services.interaction_upsert(
            slug="potassium-sparing-diuretics",
            kind=Interaction.Kind.MEDICATION,
            name_nl="Kaliumsparende diuretica",
            name_en="Potassium-sparing diuretics",
            severity=Interaction.Severity.MODERATE,
            advice_en="Ask your doctor first.",
        )

        def warnings(path: str) -> list[tuple[str, str, str]]:
            html = client.get(path).content.decode()
            section = html[html.index('id="int-title"') :]
            items = re.findall(
                r'<li class="warning ([^"]+)">\s*<details>\s*<summary>(.*?)</summary>',
                section,
                re.S,
            )
            return [
                (classes, *" ".join(re.sub(r"<[^>]+>", " ", body).split()).split(" ", 1))
                for classes, body in items
            ]

        # 400 mg a day (above 250 mg): the citrate's own warning, then what builds up, then
        # the rest most severe first; a summary names the class, the severity, why it is
        # relevant and what to do in one sentence, the details stay folded.
        high = warnings("/en/products/vitaflux-citrate-400/")
        assert [w[1] for w in high] == [
            "Laxatives",
            "Kidney",
            "Potassium-sparing",
            "Bisphosphonates",
            "Tetracycline",
        ]
        assert high[0] == (
            "sev-minor relevant",
            "Laxatives",
            "minor concerns this form Do not combine them.",
        )
        assert high[2][0] == "sev-moderate relevant"
        assert "matters at this dose" in high[2][2]
        assert high[3] == (
            "sev-major",
            "Bisphosphonates",
            "major Take magnesium at least 2 hours apart.",
        )
        # The oxide tablet (300 mg, no citrate) has no citrate warning.
        assert "Laxatives" not in [w[1] for w in warnings("/en/products/nordmag-oxide-300/")]
        # Within the level and no citrate: severity order only.
        assert [w[1] for w in warnings("/en/products/nordmag-bisglycinate-200/")] == [
            "Kidney",
            "Bisphosphonates",
            "Tetracycline",
            "Potassium-sparing",
        ]
        html = client.get("/en/products/vitaflux-citrate-400/").content.decode()
        assert "Ask your pharmacist first." in html  # the whole advice, in the details
        assert "<details open" not in html[html.index('id="int-title"') :]

    def test_linked_articles_and_related_products(self, client, shop):
        html = client.get("/en/products/vitaflux-citrate-400/").content.decode()
        assert "/en/articles/magnesium-forms-compared/" in html
        # same goal (cramps), another form (bisglycinate)
        assert "/en/products/nordmag-bisglycinate-200/" in html

    def test_no_claims_below_15_percent_nrv(self, client, shop):
        from tests.factories import make_product

        make_product(
            slug="tiny",
            goals=[shop.cramps],
            servings_per_day=1,
            ingredients=[{"form": shop.citrate, "elemental_mg": "50"}],
        )
        html = client.get("/en/products/tiny/").content.decode()
        assert "Magnesium contributes to normal muscle function" not in html

    def test_jsonld_product_offers_and_dietary_supplement(self, client, shop):
        html = client.get("/en/products/vitaflux-citrate-400/").content.decode()
        blocks = jsonld_blocks(html)
        assert {"Product", "DietarySupplement", "BreadcrumbList"} <= types_in(blocks)
        graph = next(b for b in blocks if "@graph" in b)["@graph"]
        product = next(n for n in graph if n["@type"] == "Product")
        offers = {o["sku"]: o for o in product["offers"]}
        assert offers["VF-CIT-60"]["price"] == "12.95"
        assert offers["VF-CIT-60"]["priceCurrency"] == "EUR"
        assert offers["VF-CIT-60"]["availability"] == "https://schema.org/InStock"
        assert offers["VF-CIT-60"]["gtin13"] == "8719327000014"
        assert offers["VF-CIT-120"]["availability"] == "https://schema.org/OutOfStock"
        supplement = next(n for n in graph if n["@type"] == "DietarySupplement")
        assert supplement["maximumIntake"]["doseValue"] == 250.0
        assert supplement["recommendedIntake"]["doseValue"] == 400.0
        assert "activeIngredient" in supplement and "targetPopulation" in supplement
        assert "Bisphosphonates" in supplement["safetyConsideration"]

    def test_unpublished_and_unknown_products_are_404(self, client, shop):
        assert client.get("/en/products/hidden-draft/").status_code == 404
        assert client.get("/en/products/no-such-thing/").status_code == 404


class TestGoalAndFormPages:
    def test_goal_page(self, client, shop):
        html = client.get("/en/goals/muscles-cramps/").content.decode()
        assert "Muscles and cramps" in html
        assert "Magnesium contributes to normal muscle function" in html
        assert "/en/forms/bisglycinate/" in html  # recommended form
        assert "/en/products/vitaflux-citrate-400/" in html
        assert "/en/products/nordmag-oxide-300/" not in html  # other goal
        assert "/en/products/?goal=muscles-cramps" in html

    def test_form_page(self, client, shop):
        html = client.get("/nl/vormen/bisglycinate/").content.decode()
        assert "Magnesiumbisglycinaat" in html
        assert "14.1%" in html or "14,1%" in html
        assert "/nl/producten/nordmag-bisglycinate-200/" in html
        assert "/nl/producten/vitaflux-duo-150/" in html
        assert "/nl/producten/nordmag-oxide-300/" not in html

    def test_form_comparison_table(self, client, shop):
        html = client.get("/en/compare-forms/").content.decode()
        assert "<table" in html
        assert "60.3%" in html
        assert "well absorbed" in html
        # cheapest price per 100 mg among citrate products; oxide: 7.95 / (300 * 100) * 100
        assert "€ 0.03" in html
        assert "/en/products/?form=oxide" in html

    @pytest.mark.parametrize("path", ["/en/goals/nope/", "/en/forms/nope/", "/en/articles/nope/"])
    def test_unknown_slugs_are_404(self, client, shop, path):
        assert client.get(path).status_code == 404


class TestArticles:
    def test_article_page_has_summary_toc_sections_takeaways_faq_products(self, client, shop):
        html = client.get("/en/articles/magnesium-forms-compared/").content.decode()
        assert "Which form should you choose?" in html
        assert "Form counts." in html
        assert 'href="#section-1"' in html and 'id="section-2"' in html
        assert "Look at mg a day." in html
        assert "<details>" in html and "Is oxide bad?" in html
        assert "/en/products/nordmag-bisglycinate-200/" in html
        assert "EFSA NDA Panel (2015)." in html

    def test_article_jsonld(self, client, shop):
        html = client.get("/nl/artikelen/magnesium-forms-compared/").content.decode()
        blocks = jsonld_blocks(html)
        assert {"Article", "FAQPage", "BreadcrumbList"} <= types_in(blocks)
        article = next(b for b in blocks if b.get("@type") == "Article")
        assert article["headline"] == "Welke magnesiumvorm kies je?"
        assert article["inLanguage"] == "nl"

    def test_article_list_filters_by_goal_and_form(self, client, shop):
        html = client.get("/en/articles/?goal=muscles-cramps").content.decode()
        assert "Which form should you choose?" in html
        html = client.get("/en/articles/?goal=energy-fatigue").content.decode()
        assert "Which form should you choose?" not in html
        html = client.get("/en/articles/?form=oxide").content.decode()
        assert "Which form should you choose?" not in html

    def test_article_list_unknown_goal_is_an_error(self, client, shop):
        response = client.get("/en/articles/?goal=bogus")
        assert response.status_code == 400
        assert 'role="alert"' in response.content.decode()


class TestSearch:
    def test_finds_products_and_articles(self, client, shop):
        html = client.get("/en/search/?q=bisglycinate").content.decode()
        assert "/en/products/nordmag-bisglycinate-200/" in html
        assert "/en/products/nordmag-oxide-300/" not in html
        html = client.get("/en/search/?q=form").content.decode()
        assert "Which form should you choose?" in html

    def test_empty_search_shows_the_form(self, client, shop):
        response = client.get("/nl/zoeken/")
        assert response.status_code == 200

    def test_too_long_query_is_an_error(self, client, shop):
        response = client.get("/en/search/?q=" + "x" * 500)
        assert response.status_code == 400


class TestInteractionChecker:
    def test_empty_form(self, client, shop):
        html = client.get("/en/interaction-check/").content.decode()
        assert 'name="medication"' in html
        assert 'name="zoek"' in html
        assert "Vitaflux Magnesium Citrate 400" not in html  # no product until searched
        assert '<select name="product"' not in html
        assert "Kidney impairment" in html

    def test_search_without_javascript_offers_checkboxes_and_keeps_the_chosen(self, client, shop):
        html = client.get("/en/interaction-check/?zoek=nordmag").content.decode()
        assert 'type="checkbox" name="product" value="nordmag-bisglycinate-200"' in html
        assert 'value="vitaflux-citrate-400"' not in html
        html = client.get(
            "/en/interaction-check/?product=nordmag-bisglycinate-200&zoek=citrate"
        ).content.decode()
        chosen = html.split('value="nordmag-bisglycinate-200"')[1].split(">")[0]
        assert "checked" in chosen  # kept, ticked
        found = html.split('value="vitaflux-citrate-400"')[1].split(">")[0]
        assert "checked" not in found  # offered, not ticked
        html = client.get("/en/interaction-check/?zoek=zzzz-nothing").content.decode()
        assert "No product found" in html

    def test_more_than_ten_products_is_a_form_error(self, client, shop):
        query = "&".join(f"product=p{i}" for i in range(11))
        response = client.get(f"/en/interaction-check/?{query}")
        assert response.status_code == 400
        assert "At most 10 products." in response.content.decode()

    def test_combined_dose_above_ul_and_medication_warning(self, client, shop):
        response = client.get(
            "/en/interaction-check/?product=vitaflux-citrate-400&product=nordmag-bisglycinate-200"
            "&medication=Doxycycline+100mg&market=EU"
        )
        assert response.status_code == 200
        html = response.content.decode()
        assert "600 mg" in html
        assert "Above the upper level." in html
        assert "Tetracycline antibiotics" in html
        assert "Take the antibiotic 2 hours before." in html

    def test_condition_in_dutch(self, client, shop):
        html = client.get(
            "/nl/interactiecheck/?product=nordmag-bisglycinate-200&condition=kidney-impairment"
        ).content.decode()
        assert "Verminderde nierfunctie" in html
        assert "Niet gebruiken zonder arts." in html

    def test_unknown_product_is_a_form_error(self, client, shop):
        response = client.get("/en/interaction-check/?product=nope")
        assert response.status_code == 400
        assert 'role="alert"' in response.content.decode()


class TestSeo:
    def test_hreflang_and_canonical(self, client, shop):
        html = client.get("/nl/producten/vitaflux-citrate-400/").content.decode()
        assert (
            '<link rel="canonical" href="http://testserver/nl/producten/vitaflux-citrate-400/">'
            in html
        )
        assert 'hreflang="en" href="http://testserver/en/products/vitaflux-citrate-400/"' in html
        assert 'hreflang="nl" href="http://testserver/nl/producten/vitaflux-citrate-400/"' in html
        assert 'hreflang="x-default"' in html

    def test_language_switcher_keeps_the_page_and_query(self, client, shop):
        html = client.get("/nl/producten/?form=citrate").content.decode()
        assert 'href="/en/products/?form=citrate"' in html
        html = client.get("/en/goals/muscles-cramps/").content.decode()
        assert 'href="/nl/doelen/muscles-cramps/"' in html

    def test_sitemap_lists_both_languages(self, client, shop):
        response = client.get("/sitemap.xml")
        assert response.status_code == 200
        index = response.content.decode()
        assert "<sitemapindex" in index
        children = re.findall(r"<loc>http://testserver(/[^<]+)</loc>", index)
        assert "/sitemap-pages.xml" in children
        xml = "".join(client.get(child).content.decode() for child in children)
        assert "http://testserver/nl/producten/vitaflux-citrate-400/" in xml
        assert "http://testserver/en/products/vitaflux-citrate-400/" in xml
        assert "http://testserver/en/articles/magnesium-forms-compared/" in xml
        assert "http://testserver/nl/vormen/citrate/" in xml
        assert 'hreflang="en"' in xml
        assert "hidden-draft" not in xml

    def test_robots_txt_points_to_the_sitemap(self, client, shop):
        response = client.get("/robots.txt")
        assert response.status_code == 200
        assert response["Content-Type"].startswith("text/plain")
        text = response.content.decode()
        assert "Sitemap: http://testserver/sitemap.xml" in text
        assert "Disallow: /admin/" in text

    def test_friendly_404_in_the_language_of_the_url(self, client, shop):
        response = client.get("/en/no-such-page/")
        assert response.status_code == 404
        html = response.content.decode()
        assert "Page not found" in html
        assert '<html lang="en">' in html
        response = client.get("/nl/bestaat-niet/")
        assert "Pagina niet gevonden" in response.content.decode()

    def test_500_template_is_self_contained(self):
        from django.template.loader import render_to_string

        html = render_to_string("500.html")
        assert "Something went wrong" in html
