"""Articles in the admin: sections and FAQ inline; rich text is sanitised with nh3 on save."""

import pytest
from django.urls import reverse

from catalog.models import Article, Goal

from .conftest import form_data

pytestmark = pytest.mark.django_db

SCRIPT = '<p onclick="steal()">Magnesium<script>alert("x")</script></p>'


@pytest.fixture
def article(db):
    article = Article.objects.create(slug="dose", title_nl="Hoeveel", title_en="How much")
    article.sections.create(
        position=0,
        heading_nl="Kort",
        heading_en="Short",
        body_html_nl="<p>Tekst</p>",
        body_html_en="<p>Text</p>",
    )
    article.faq.create(
        position=0,
        question_nl="Vraag?",
        question_en="Question?",
        answer_html_nl="<p>Ja</p>",
        answer_html_en="<p>Yes</p>",
    )
    return article


def test_the_article_page_has_section_and_faq_inlines(admin_client, article):
    response = admin_client.get(reverse("admin:catalog_article_change", args=[article.pk]))

    prefixes = [i.formset.prefix for i in response.context["inline_admin_formsets"]]
    assert prefixes == ["sections", "faq"]
    page = response.content.decode()
    assert 'name="sections-0-body_html_nl"' in page and 'name="faq-0-answer_html_en"' in page


def test_a_script_is_stripped_from_every_rich_text_field_on_save(admin_client, article):
    url = reverse("admin:catalog_article_change", args=[article.pk])
    data = form_data(admin_client.get(url))
    for name in ("intro_html_nl", "sections-0-body_html_en", "faq-0-answer_html_nl"):
        data[name] = SCRIPT

    response = admin_client.post(url, data)

    assert response.status_code == 302
    article.refresh_from_db()
    stored = [
        article.intro_html_nl,
        article.sections.get().body_html_en,
        article.faq.get().answer_html_nl,
    ]
    assert stored == ["<p>Magnesium</p>"] * 3


def test_a_new_section_added_inline_is_sanitised(admin_client, article):
    url = reverse("admin:catalog_article_change", args=[article.pk])
    data = form_data(admin_client.get(url))
    data.update(
        {
            "sections-TOTAL_FORMS": "2",
            "sections-1-position": "1",
            "sections-1-heading_nl": "Nieuw",
            "sections-1-heading_en": "New",
            "sections-1-body_html_nl": '<a href="javascript:alert(1)">link</a><b>vet</b>',
            "sections-1-body_html_en": "",
        }
    )

    assert admin_client.post(url, data).status_code == 302

    section = article.sections.get(position=1)
    assert "javascript" not in section.body_html_nl
    assert "<b>vet</b>" in section.body_html_nl


def test_a_goal_text_is_sanitised(admin_client, db):
    goal = Goal.objects.create(slug="sleep", name_nl="Slaap", name_en="Sleep")
    url = reverse("admin:catalog_goal_change", args=[goal.pk])
    data = form_data(admin_client.get(url))
    data["body_html_en"] = SCRIPT

    assert admin_client.post(url, data).status_code == 302

    goal.refresh_from_db()
    assert goal.body_html_en == "<p>Magnesium</p>"
