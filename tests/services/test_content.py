"""catalog.services.content: articles with sections and FAQ; rich text sanitised here."""

import pytest

from catalog import services
from catalog.models import Article

pytestmark = pytest.mark.django_db

SCRIPT = '<p onclick="x()">Magnesium<script>alert(1)</script></p>'


def test_every_rich_text_field_is_sanitised(db):
    article = services.article_save(
        slug="dose",
        fields={"title_nl": "Dosis", "title_en": "Dose", "intro_html_en": SCRIPT},
        sections=[services.SectionInput("Kort", "Short", SCRIPT, "<p>ok</p>")],
        faq=[services.FaqInput("Vraag?", "Question?", "<p>ja</p>", SCRIPT)],
    )

    stored = Article.objects.get(pk=article.pk)
    assert stored.intro_html_en == "<p>Magnesium</p>"
    assert stored.sections.get().body_html_nl == "<p>Magnesium</p>"
    assert stored.faq.get().answer_html_en == "<p>Magnesium</p>"


def test_sections_replace_the_articles_and_keep_given_positions(db):
    services.article_save(
        slug="dose",
        fields={"title_nl": "Dosis", "title_en": "Dose"},
        sections=[services.SectionInput("A", "A", "", "")],
    )

    article = services.article_save(
        slug="dose",
        fields={},
        sections=[
            services.SectionInput("B", "B", "", "", position=7),
            services.SectionInput("C", "C", "", ""),
        ],
    )

    assert list(article.sections.values_list("heading_en", "position")) == [("C", 1), ("B", 7)]


def test_relations_left_out_are_kept(db):
    services.article_save(
        slug="dose",
        fields={"title_nl": "Dosis", "title_en": "Dose"},
        faq=[services.FaqInput("V", "Q", "", "")],
    )

    article = services.article_save(slug="dose", fields={"title_en": "Dose a day"})

    assert article.faq.count() == 1
    assert Article.objects.get(slug="dose").title_en == "Dose a day"
