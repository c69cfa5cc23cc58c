"""URLconf of the benchmark process: the shop's URLs plus the baselines the API is held to.

- bare page: `Product.objects.filter(...).order_by(...).values(...)[:24]` + JsonResponse;
- naive facets: the bare page plus, over the filtered set, a count, one
  `values(field).annotate(Count("id"))` per facet group and one range aggregate;
- bare detail: `Product.objects.get(slug=...)` + JsonResponse;
- bare product page: `get()` of the product and its packs, rendered with a plain template.
The filters of each typical listing are written out by hand in `COMBOS` (no FilterSet).
"""

from __future__ import annotations

from typing import Any

from django.db.models import Count, Max, Min, Q
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.urls import path

from catalog.models import Product
from shop_mg import urls as shop_urls

PAGE_FIELDS = (
    "slug",
    "name_nl",
    "name_en",
    "brand_id",
    "dose_form",
    "price_eur",
    "price_per_100mg",
    "elemental_mg_per_day",
    "percent_nrv",
    "in_stock",
)

# name -> (API query string, hand-written filter, ordering); "{brand}" is filled in at run time.
COMBOS: dict[str, tuple[str, Any, tuple[str, ...]]] = {
    "default (name)": ("", lambda b: Q(), ("name_nl", "id")),
    "form + price order": (
        "form=citrate&ordering=price",
        lambda b: Q(ingredients__form__slug="citrate"),
        ("price_eur", "id"),
    ),
    "goal + dose forms + in stock": (
        "goal=sleep-relaxation&dose_form=capsule,tablet&in_stock=true",
        lambda b: Q(
            goals__slug="sleep-relaxation", dose_form__in=["capsule", "tablet"], in_stock=True
        ),
        ("name_nl", "id"),
    ),
    "brand + price range + mg order": (
        "brand={brand}&min_price=10&max_price=40&ordering=-elemental_mg_per_day",
        lambda b: Q(brand__slug=b, price_eur__gte=10, price_eur__lte=40),
        ("-elemental_mg_per_day", "-id"),
    ),
    "search + diet": (
        "q=bisglycinaat&diet=vegan",
        lambda b: Q(search_text__contains="bisglycinaat", vegan=True),
        ("name_nl", "id"),
    ),
}


def combo_queryset(name: str, brand: str) -> tuple[Any, tuple[str, ...]]:
    """The hand-written filtered queryset and ordering of a typical listing."""
    _query, condition, ordering = COMBOS[name]
    return Product.objects.filter(published=True).filter(condition(brand)), ordering


def _combo(request: HttpRequest) -> tuple[Any, tuple[str, ...]]:
    return combo_queryset(request.GET["combo"], request.GET.get("brand", ""))


def bare_page(request: HttpRequest) -> JsonResponse:
    qs, ordering = _combo(request)
    return JsonResponse({"results": list(qs.order_by(*ordering).values(*PAGE_FIELDS)[:24])})


def naive_facets(request: HttpRequest) -> JsonResponse:
    qs, ordering = _combo(request)
    page = list(qs.order_by(*ordering).values(*PAGE_FIELDS)[:24])
    return JsonResponse({"results": page, **naive_facet_counts(qs)})


def naive_facet_counts(qs: Any) -> dict[str, Any]:
    """The naive baseline's facets: a count, one plain GROUP BY per facet group, one range
    aggregate, over the filtered set (not disjunctive)."""
    facets = {
        name: list(qs.order_by().values(field).annotate(n=Count("id")))
        for name, field in (
            ("form", "ingredients__form"),
            ("goal", "goals"),
            ("brand", "brand"),
            ("dose_form", "dose_form"),
        )
    }
    ranges = qs.order_by().aggregate(
        price_min=Min("price_eur"),
        price_max=Max("price_eur"),
        mg_min=Min("elemental_mg_per_day"),
        mg_max=Max("elemental_mg_per_day"),
    )
    return {"count": qs.count(), "facets": facets, **ranges}


DETAIL_FIELDS = (*PAGE_FIELDS, "description_nl", "directions_nl", "serving_size", "updated_at")


def bare_detail(request: HttpRequest, slug: str) -> JsonResponse:
    product = Product.objects.get(slug=slug, published=True)
    return JsonResponse({name: getattr(product, name) for name in DETAIL_FIELDS})


BARE_TEMPLATE = """<!DOCTYPE html><html lang="nl"><head><meta charset="utf-8">
<title>{{ product.name }}</title></head><body><main><h1>{{ product.name }}</h1>
<p>{{ product.description }}</p><p>{{ product.directions }}</p>
<p>{{ product.elemental_mg_per_day }} mg, {{ product.percent_nrv }} % NRV</p>
<table>{% for pack in packs %}<tr><td>{{ pack.sku }}</td><td>{{ pack.servings_per_container }}</td>
<td>{{ pack.price_eur }}</td><td>{{ pack.stock }}</td></tr>{% endfor %}</table></main></body></html>"""


def bare_product_page(request: HttpRequest, slug: str) -> HttpResponse:
    """The product page's baseline: get() of the product and its packs, a plain template."""
    from django.template import engines

    product = Product.objects.get(slug=slug, published=True)
    packs = list(product.packs.all())
    template = engines["django"].from_string(BARE_TEMPLATE)
    return HttpResponse(template.render({"product": product, "packs": packs}, request))


# The shop's own patterns are appended, not included: i18n_patterns must stay at the root.
urlpatterns = [
    path("bench/bare/", bare_page),
    path("bench/naive/", naive_facets),
    path("bench/detail/<slug:slug>/", bare_detail),
    path("bench/page/<slug:slug>/", bare_product_page),
    *shop_urls.urlpatterns,
]
