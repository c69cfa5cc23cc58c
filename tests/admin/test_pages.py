"""Every registered model's admin pages load for a superuser on the demo catalog."""

import pytest
from django.contrib import admin
from django.urls import reverse

pytestmark = pytest.mark.django_db

REGISTERED = sorted(
    (model._meta.app_label, model._meta.model_name) for model in admin.site._registry
)


@pytest.mark.parametrize("app_label, model_name", REGISTERED, ids=[m for _, m in REGISTERED])
def test_changelist_add_and_change_pages_load(demo_catalog, admin_client, app_label, model_name):
    model = next(m for m in admin.site._registry if m._meta.model_name == model_name)
    model_admin = admin.site._registry[model]

    changelist = admin_client.get(reverse(f"admin:{app_label}_{model_name}_changelist"))
    assert changelist.status_code == 200

    # Read-only logs (django-axes' login attempts) offer no add page; all others must load.
    if model_admin.has_add_permission(changelist.wsgi_request):
        add = admin_client.get(reverse(f"admin:{app_label}_{model_name}_add"))
        assert add.status_code == 200

    obj = model_admin.get_queryset(changelist.wsgi_request).order_by("pk").first()
    if obj is not None:
        change = admin_client.get(reverse(f"admin:{app_label}_{model_name}_change", args=[obj.pk]))
        assert change.status_code == 200
        history = admin_client.get(
            reverse(f"admin:{app_label}_{model_name}_history", args=[obj.pk])
        )
        assert history.status_code == 200


def test_the_demo_catalog_has_objects_for_every_catalog_model(demo_catalog):
    """Guards the test above: a change page is only checked when an object exists."""
    empty = [
        model._meta.model_name
        for model in admin.site._registry
        if model._meta.app_label == "catalog" and not model._default_manager.exists()
    ]
    assert empty == []


@pytest.mark.parametrize(
    "params",
    [
        {"q": "citrate"},
        {"q": "8712345678906"},
        {"form": "citrate"},
        {"exceeds_ul": "yes"},
        {"exceeds_ul": "no"},
        {"copy_issues": "any"},
        {"copy_issues": "blocking"},
        {"copy_issues": "none"},
        {"published__exact": "1"},
        {"in_stock__exact": "0"},
        {"dose_form__exact": "capsule"},
        {"o": "9"},
    ],
    ids=lambda p: "-".join(f"{k}={v}" for k, v in p.items()),
)
def test_product_changelist_filters_and_search_load(demo_catalog, admin_client, params):
    response = admin_client.get(reverse("admin:catalog_product_changelist"), params)

    assert response.status_code == 200
    assert "errornote" not in response.content.decode()
