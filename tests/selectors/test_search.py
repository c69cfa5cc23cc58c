"""Search as a shopper meets it (issue 18): stop words, several words, typos, ranking, the
search page's sections, on the demo catalog through the API and the pages."""

from __future__ import annotations

import pytest

URL = "/api/v1/products/"
pytestmark = pytest.mark.django_db


def search(api, q, **params):
    response = api.get(URL, {"q": q, **params})
    assert response.status_code == 200, response.content
    return response.json()


def test_stop_words_are_left_out_and_said_so(api, demo_catalog):
    body = search(api, "magnesium voor de nacht")
    assert body["count"] > 0
    assert body["search"]["words"] == ["magnesium", "nacht"]
    assert body["search"]["ignored"] == ["voor", "de"]
    assert body["search"]["partial"] is False and body["search"]["message"] is None
    assert all("sleep-relaxation" in {g["slug"] for g in p["goals"]} for p in body["results"][:3])


def test_a_word_no_product_has_gives_the_best_partial_matches_and_a_line(api, demo_catalog):
    body = search(api, "magnesium tegen kramp in de kuiten xyzq", lang="en")
    assert body["count"] > 0
    assert body["search"]["not_found"] == ["xyzq"]
    assert body["search"]["partial"] is True
    assert "xyzq" in body["search"]["message"]
    assert "muscles-cramps" in {g["slug"] for g in body["results"][0]["goals"]}


def test_words_no_product_has_together_give_products_with_most_of_them(api, demo_catalog):
    body = search(api, "threonaat poeder", lang="nl")
    first = body["results"][0]
    assert body["search"]["not_found"] == [] and body["search"]["partial"] is True
    assert body["search"]["message"].startswith("Geen product bevat al je zoekwoorden")
    assert first["dose_form"] == "powder" or "threonate" in {f["slug"] for f in first["forms"]}


def test_a_typo_is_corrected_against_the_catalog_and_its_results_shown(api, demo_catalog):
    body = search(api, "citraad", lang="nl")
    assert body["search"]["did_you_mean"] == "citraat"
    assert body["search"]["corrections"] == [{"typed": "citraad", "searched": "citraat"}]
    assert body["search"]["message"].startswith("Bedoelde je “citraat”?")
    assert body["count"] > 0
    assert all(
        {f["slug"] for f in p["forms"]} & {"citrate", "citrate-1-1"} for p in body["results"]
    )


def test_the_correction_speaks_the_language_asked(api, demo_catalog):
    body = search(api, "citrat", lang="en")  # a substring of "citrate": found, no correction
    assert body["search"]["did_you_mean"] is None
    body = search(api, "efervescent", lang="en")
    assert body["search"]["did_you_mean"] == "effervescent"
    assert body["search"]["message"].startswith("Did you mean “effervescent”?")


def test_a_word_far_from_every_catalog_word_is_not_corrected(api, demo_catalog):
    body = search(api, "paracetamol")
    assert body["count"] == 0
    assert body["search"]["did_you_mean"] is None and body["search"]["not_found"] == ["paracetamol"]


def test_without_q_the_page_has_no_search_field(api, demo_catalog):
    assert "search" not in api.get(URL).json()


def test_dose_form_words_find_the_dose_form_not_names_that_hold_the_word(api, demo_catalog):
    body = search(api, "tabletten")
    assert [p["dose_form"] for p in body["results"][:5]] == ["tablet"] * 5


def test_the_search_page_shows_products_and_articles_in_their_own_sections(client, demo_catalog):
    html = client.get("/nl/zoeken/?q=slaap").content.decode()
    products = html.index('id="sp-h"')
    articles = html.index('id="sa-h"')
    assert products < articles
    assert "Magnesium Bisglycinaat 200 mg" in html[products:articles]
    assert "/nl/artikelen/magnesium-sleep-research/" in html[articles:]


def test_the_search_page_offers_the_correction_as_a_link(client, demo_catalog):
    html = client.get("/nl/zoeken/?q=citraad").content.decode()
    assert 'Bedoelde je <a href="/nl/zoeken/?q=citraat">citraat</a>?' in html
    html = client.get("/en/search/?q=citraad").content.decode()
    assert 'Did you mean <a href="/en/search/?q=citraat">citraat</a>?' in html


def test_the_listing_says_which_words_were_not_found(client, demo_catalog):
    html = client.get("/en/products/?q=magnesium+cramps+xyzq").content.decode()
    assert "No product matches “xyzq”; showing products that match the other words." in html


def test_the_header_search_box_is_a_plain_form_that_a_script_enhances(client, demo_catalog):
    html = client.get("/nl/").content.decode()
    form = html[
        html.index('<form class="site-search"') : html.index(
            "</form>", html.index('<form class="site-search"')
        )
    ]
    assert 'action="/nl/zoeken/"' in form and 'name="q"' in form
    assert 'data-suggest-url="/api/v1/suggest/"' in form
    assert "/static/catalog/js/suggest.js" in html
    assert "<script>" not in html  # no inline script (CSP)
