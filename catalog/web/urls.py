"""Storefront URLs; the path words are translated (/nl/producten/, /en/products/), slugs are not."""

from django.urls import path
from django.utils.translation import gettext_lazy as _

from . import views

app_name = "catalog"

urlpatterns = [
    path("", views.home, name="home"),
    path(_("products/"), views.product_list, name="product-list"),
    path(_("products/<slug:slug>/"), views.product_detail, name="product-detail"),
    path(_("forms/"), views.form_list, name="form-list"),
    path(_("compare-forms/"), views.form_compare, name="form-compare"),
    path(_("forms/<slug:slug>/"), views.form_detail, name="form-detail"),
    path(_("goals/"), views.goal_list, name="goal-list"),
    path(_("goals/<slug:slug>/"), views.goal_detail, name="goal-detail"),
    path(_("articles/"), views.article_list, name="article-list"),
    path(_("articles/<slug:slug>/"), views.article_detail, name="article-detail"),
    path(_("interaction-check/"), views.interaction_check, name="interaction-check"),
    path(_("search/"), views.search, name="search"),
]
