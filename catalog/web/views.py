"""Storefront views: thin; reads come from selectors."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from ..models import Article, Form, Goal, Product


def home(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "catalog/home.html",
        {
            "goals": Goal.objects.all(),
            "forms": Form.objects.all(),
            "articles": Article.objects.filter(published=True)[:4],
        },
    )


def product_list(request: HttpRequest) -> HttpResponse:
    products = Product.objects.published().select_related("brand")[:24]
    return render(request, "catalog/product_list.html", {"products": products})


def product_detail(request: HttpRequest, slug: str) -> HttpResponse:
    product = get_object_or_404(Product.objects.published().select_related("brand"), slug=slug)
    return render(request, "catalog/product_detail.html", {"product": product})


def form_list(request: HttpRequest) -> HttpResponse:
    return render(request, "catalog/form_list.html", {"forms": Form.objects.all()})


def form_detail(request: HttpRequest, slug: str) -> HttpResponse:
    return render(request, "catalog/form_detail.html", {"form": get_object_or_404(Form, slug=slug)})


def goal_list(request: HttpRequest) -> HttpResponse:
    return render(request, "catalog/goal_list.html", {"goals": Goal.objects.all()})


def goal_detail(request: HttpRequest, slug: str) -> HttpResponse:
    return render(request, "catalog/goal_detail.html", {"goal": get_object_or_404(Goal, slug=slug)})


def article_list(request: HttpRequest) -> HttpResponse:
    return render(
        request, "catalog/article_list.html", {"articles": Article.objects.filter(published=True)}
    )


def article_detail(request: HttpRequest, slug: str) -> HttpResponse:
    article = get_object_or_404(Article.objects.filter(published=True), slug=slug)
    return render(request, "catalog/article_detail.html", {"article": article})
