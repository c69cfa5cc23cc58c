"""The "Catalog editor" and "Catalog viewer" groups and what their members may do."""

from decimal import Decimal

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse

from catalog.management.commands.create_catalog_groups import EDITOR, VIEWER
from catalog.models import Article, Pack, Product, ReferenceValue
from tests.factories import make_product, make_user

from .conftest import form_data

pytestmark = pytest.mark.django_db


def member(group_name, username):
    user = make_user(username=username)
    user.is_staff = True
    user.save()
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def editor(client, groups):
    client.force_login(member(EDITOR, "editor"))
    return client


@pytest.fixture
def viewer(client, groups):
    client.force_login(member(VIEWER, "viewer"))
    return client


@pytest.fixture
def product(refs):
    return make_product(slug="cit", name_en="Magnesium Citrate")


@pytest.fixture
def article(db):
    return Article.objects.create(slug="dose", title_nl="Hoeveel", title_en="How much")


def codenames(name):
    return set(Group.objects.get(name=name).permissions.values_list("codename", flat=True))


def test_the_command_is_idempotent(db):
    call_command("create_catalog_groups", verbosity=0)
    first = {name: codenames(name) for name in (EDITOR, VIEWER)}

    call_command("create_catalog_groups", verbosity=0)

    assert Group.objects.filter(name__in=[EDITOR, VIEWER]).count() == 2
    assert {name: codenames(name) for name in (EDITOR, VIEWER)} == first


def test_the_command_restores_permissions_removed_by_hand(groups):
    Group.objects.get(name=EDITOR).permissions.clear()

    call_command("create_catalog_groups", verbosity=0)

    assert "change_product" in codenames(EDITOR)


def test_editors_manage_products_and_content_and_only_view_reference_data(groups):
    perms = codenames(EDITOR)
    for model in (
        "product",
        "pack",
        "ingredientline",
        "coingredient",
        "article",
        "articlesection",
        "faqitem",
        "brand",
    ):
        assert {f"{a}_{model}" for a in ("add", "change", "delete", "view")} <= perms
    for model in ("form", "goal", "healthclaim", "interaction", "referencevalue"):
        assert f"view_{model}" in perms
        assert not {f"{a}_{model}" for a in ("add", "change", "delete")} & perms
    assert not any(p.endswith(("_user", "_group", "_permission")) for p in perms)


def test_viewers_only_view(groups):
    perms = codenames(VIEWER)
    assert perms and all(p.startswith("view_") for p in perms)
    assert {"view_product", "view_pack", "view_article", "view_referencevalue"} <= perms


# --- an editor -----------------------------------------------------------------------------


def test_an_editor_can_change_a_product(editor, product):
    url = reverse("admin:catalog_product_change", args=[product.pk])
    data = form_data(editor.get(url))
    data["name_en"] = "Magnesium Citrate 400"
    data["packs-0-price_eur"] = "12.50"

    response = editor.post(url, data)

    assert response.status_code == 302
    product.refresh_from_db()
    assert product.name_en == "Magnesium Citrate 400"
    assert product.price_eur == Decimal("12.50")


def test_an_editor_can_change_an_article(editor, article):
    url = reverse("admin:catalog_article_change", args=[article.pk])
    data = form_data(editor.get(url))
    data["title_en"] = "How much magnesium a day?"

    response = editor.post(url, data)

    assert response.status_code == 302
    article.refresh_from_db()
    assert article.title_en == "How much magnesium a day?"


def test_an_editor_can_use_the_actions_and_the_import_page(editor, product):
    response = editor.post(
        reverse("admin:catalog_product_changelist"),
        {"action": "unpublish", ACTION_CHECKBOX_NAME: [str(product.pk)]},
    )

    assert response.status_code == 302
    assert not Product.objects.get(pk=product.pk).published
    assert editor.get(reverse("admin:catalog_product_import")).status_code == 200


def test_an_editor_cannot_manage_users_or_groups(editor):
    assert editor.get(reverse("admin:auth_user_changelist")).status_code == 403
    assert editor.get(reverse("admin:auth_group_changelist")).status_code == 403


def test_an_editor_can_view_but_not_change_reference_values(editor, refs):
    value = ReferenceValue.objects.get(market="EU", kind="ul")
    url = reverse("admin:catalog_referencevalue_change", args=[value.pk])
    assert editor.get(url).status_code == 200

    response = editor.post(
        url,
        {"market": "EU", "kind": "ul", "age_min_years": "4", "amount_mg": "9999", "source": ""},
    )

    assert response.status_code == 403
    assert ReferenceValue.objects.get(pk=value.pk).amount_mg == Decimal("250")
    assert editor.get(reverse("admin:catalog_referencevalue_add")).status_code == 403


# --- a viewer ------------------------------------------------------------------------------


def test_a_viewer_sees_the_changelist_and_the_change_page(viewer, product, article):
    assert viewer.get(reverse("admin:catalog_product_changelist")).status_code == 200
    page = viewer.get(reverse("admin:catalog_product_change", args=[product.pk]))
    assert page.status_code == 200
    assert 'name="name_en"' not in page.content.decode()  # read-only
    assert viewer.get(reverse("admin:catalog_article_change", args=[article.pk])).status_code == 200


def test_a_viewer_gets_403_on_a_change_post(viewer, product):
    url = reverse("admin:catalog_product_change", args=[product.pk])

    response = viewer.post(url, {"name_nl": "Gehackt", "name_en": "Hacked"})

    assert response.status_code == 403
    assert Product.objects.get(pk=product.pk).name_en == "Magnesium Citrate"


def test_a_viewer_gets_403_on_add_and_delete(viewer, product):
    assert viewer.get(reverse("admin:catalog_product_add")).status_code == 403
    assert viewer.post(reverse("admin:catalog_product_add"), {}).status_code == 403
    delete = reverse("admin:catalog_product_delete", args=[product.pk])
    assert viewer.post(delete, {"post": "yes"}).status_code == 403
    assert viewer.post(reverse("admin:catalog_article_add"), {}).status_code == 403
    assert Product.objects.filter(pk=product.pk).exists()


def test_a_viewer_cannot_run_write_actions_or_import(viewer, product):
    changelist = reverse("admin:catalog_product_changelist")
    offered = [
        name for name, _ in viewer.get(changelist).context["action_form"].fields["action"].choices
    ]
    assert "publish" not in offered and "change_price" not in offered
    assert "export_selected" in offered

    viewer.post(changelist, {"action": "unpublish", ACTION_CHECKBOX_NAME: [str(product.pk)]})
    assert Product.objects.get(pk=product.pk).published
    assert viewer.get(reverse("admin:catalog_product_import")).status_code == 403
    assert viewer.post(reverse("admin:catalog_product_import"), {}).status_code == 403


def test_a_viewer_may_export(viewer, product):
    response = viewer.get(reverse("admin:catalog_product_export"))

    assert response.status_code == 200
    assert Pack.objects.get().sku in response.content.decode()
