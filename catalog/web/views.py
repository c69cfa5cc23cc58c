"""Storefront views: validate the query with `catalog.filters`, read through `catalog.selectors`,
render. No queries of their own.

Every query string is validated; a bad value is shown on the page as a form error (status 400)
rather than silently ignored, and never raises a 500.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from .. import compliance, selectors
from ..filters import (
    CHECK_MAX_PRODUCTS,
    ORDERINGS,
    ArticleFilter,
    InteractionCheckForm,
    MarketForm,
    ProductFilter,
    SearchForm,
)
from ..models import Market
from ..models.products import DIET_FIELDS
from ..selectors import content
from ..selectors.products import shelf
from . import jsonld
from .listing import (
    LIST_PARAMS,
    diet_label,
    facet_groups,
    listing_chips,
    query_url,
    route_options,
    search_note,
)
from .page_cache import page
from .paging import page_number, page_query, shelf_page

PAGE_SIZE = 24


def _lang() -> str:
    lang = (get_language() or "nl").split("-")[0]
    return lang if lang in ("nl", "en") else "nl"


def _render(
    request: HttpRequest,
    template: str,
    context: dict[str, Any],
    *,
    crumbs: list[tuple[str, str]],
    graphs: Iterable[dict[str, Any]] = (),
    status: int = 200,
) -> HttpResponse:
    """Render a page with its breadcrumbs and JSON-LD (a BreadcrumbList on every page)."""
    crumbs = [(_("Home"), reverse("catalog:home")), *crumbs]
    context["breadcrumbs"] = crumbs
    context["jsonld"] = [
        jsonld.script_tag(g) for g in (*graphs, jsonld.breadcrumb_list(request, crumbs))
    ]
    return render(request, template, context, status=status)


def _errors(form: Any) -> list[dict[str, str]]:
    """Form errors with the field's label, for an error summary at the top of a page."""
    result = []
    for name, messages in form.errors.items():
        field = form.fields.get(name)
        label = str(field.label) if field is not None and field.label else ""
        for message in messages:
            result.append({"field": name, "label": label, "message": str(message)})
    return result


def _markets() -> list[tuple[str, str]]:
    return [(str(v), str(label)) for v, label in Market.choices]


def _market(request: HttpRequest) -> str:
    return MarketForm(request.GET).market_or_default()


# --- home -----------------------------------------------------------------------------------


@page
def home(request: HttpRequest) -> HttpResponse:
    context = {
        "goals": content.goals(),
        "forms": content.forms(),
        "articles": content.latest_articles(4),
        "featured": selectors.products.best_value(
            content.featured_products(), market=_market(request), limit=4
        ),
    }
    graphs = [jsonld.website(request)]
    return _render(request, "catalog/home.html", context, crumbs=[], graphs=graphs)


# --- product listing ------------------------------------------------------------------------


@page
def product_list(request: HttpRequest) -> HttpResponse:
    lang = _lang()
    filterset = ProductFilter(request.GET)
    valid = filterset.is_valid()
    query = filterset.listing_query()
    listing = selectors.facets.listing_facets(query, lang)
    market = filterset.active_market
    page_error = None
    products: list[Any] = []
    page = None
    if valid:
        paginator = Paginator(query.ordered, PAGE_SIZE)  # type: ignore[arg-type]
        paginator.count = listing.count  # counted with the facets; spares a query
        number, page_error = page_number(request.GET.get("page"), paginator.num_pages)
        page = paginator.page(number)
        products = selectors.products.mark_upper_levels(
            selectors.rows.product_rows(page.object_list),  # type: ignore[arg-type]
            market,
        )
        page.object_list = products  # the pagination bar's len(page): the rows, not a query
    other = request.GET.copy()
    other.pop("page", None)
    cleaned = filterset.form.cleaned_data
    selected_diet = set(filterset.selected("diet"))
    context = {
        "filterset": filterset,
        "form_errors": _errors(filterset.form),
        "products": products,
        "page": page,
        "page_error": page_error,
        "page_query": other.urlencode(),
        "count": listing.count if valid else 0,
        "facet_groups": facet_groups(filterset, listing.facets, request),
        "price_range": listing.facets["price"],
        "mg_range": listing.facets["elemental_mg"],
        "diet_options": [
            {"value": flag, "label": diet_label(flag), "checked": flag in selected_diet}
            for flag in DIET_FIELDS
        ],
        "route_options": route_options(filterset),
        "sort_options": [(key, label) for key, (_fields, label) in ORDERINGS.items()],
        "ordering": cleaned.get("ordering") or "",
        "values": {name: request.GET.get(name, "")[:200] for name in LIST_PARAMS},
        "market": market,
        "markets": _markets(),
        "chips": listing_chips(request, filterset, listing.facets),
        "search_note": search_note(
            (cleaned.get("q") or "") if valid else "", reverse("catalog:product-list")
        ),
        "ul_mg": selectors.reference.ul_mg(market),
    }
    crumbs = [(_("Products"), reverse("catalog:product-list"))]
    return _render(
        request,
        "catalog/product_list.html",
        context,
        crumbs=crumbs,
        status=200 if valid else 400,
    )


# --- product page ---------------------------------------------------------------------------


@page
def product_detail(request: HttpRequest, slug: str) -> HttpResponse:
    lang = _lang()
    product = selectors.products.product_detail(slug)
    if product is None:
        raise Http404(_("No such product."))
    market_form = MarketForm(request.GET)
    market = market_form.market_or_default()
    rules = compliance.rules_for(product.route)
    ul = selectors.reference.product_ul_mg(product, market) if rules.upper_level_flags else None
    packs = list(product.packs.all())
    dose_rows = selectors.products.product_dose_rows(product)
    label = selectors.products.product_label(product, lang)
    rated = selectors.interactions.product_warnings(product, lang, ul_mg=ul)
    interactions = [item.warning for item in rated]
    context = {
        "product": product,
        "packs": packs,
        "dose_rows": dose_rows,
        "label": label,
        "claims": selectors.products.product_claims(product),
        "interactions": rated,
        "rules": rules,
        "ul": compliance.ul_status(
            product.elemental_mg_per_day if rules.daily_oral_dose else Decimal(0), ul
        ),
        "ul_mg": ul,
        "market": market,
        "markets": _markets(),
        "market_errors": _errors(market_form),
        "articles": list(product.articles.all()),
        "related": selectors.products.mark_upper_levels(
            selectors.products.related_rows(product), market
        ),
        "forms": [line.form for line in product.ingredients.all()],
        "goals": list(product.goals.all()),
    }
    graph = jsonld.product_graph(
        request,
        product=product,
        packs=packs,
        dose_rows=dose_rows,
        label=label,
        interactions=interactions,
        ul_mg=ul,
        lang=lang,
    )
    crumbs = [
        (_("Products"), reverse("catalog:product-list")),
        (product.name, product.get_absolute_url()),
    ]
    return _render(
        request,
        "catalog/product_detail.html",
        context,
        crumbs=crumbs,
        graphs=[graph],
        status=400 if market_form.errors else 200,
    )


# --- goals and forms ------------------------------------------------------------------------


@page
def goal_list(request: HttpRequest) -> HttpResponse:
    crumbs = [(_("Goals"), reverse("catalog:goal-list"))]
    context = {"goals": content.goal_cards()}
    return _render(request, "catalog/goal_list.html", context, crumbs=crumbs)


def _browse_page(
    request: HttpRequest, kind: str, obj: Any, products: Any, **context: Any
) -> HttpResponse:
    """A goal's or a form's page: what it is, its best-value products (a page of them) and
    its articles, with a link to the listing filtered by it."""
    counts = getattr(selectors.facets.catalog_counts(), kind)
    found, page, page_error = shelf_page(request, products, counts.get(obj.id, 0))
    context |= {
        kind: obj,
        "products": found.rows,
        "product_count": found.count,
        "page": page,
        "page_error": page_error,
        "page_query": page_query(request),
        "articles": obj.articles.all(),
        "listing_url": query_url([(kind, obj.slug)], reverse("catalog:product-list")),
    }
    parent = {"goal": (_("Goals"), "catalog:goal-list"), "form": (_("Forms"), "catalog:form-list")}
    label, url_name = parent[kind]
    crumbs = [(label, reverse(url_name)), (obj.name, obj.get_absolute_url())]
    return _render(request, f"catalog/{kind}_detail.html", context, crumbs=crumbs)


@page
def goal_detail(request: HttpRequest, slug: str) -> HttpResponse:
    goal = content.goal(slug)
    if goal is None:
        raise Http404(_("No such goal."))
    return _browse_page(request, "goal", goal, content.goal_products(goal))


@page
def form_list(request: HttpRequest) -> HttpResponse:
    crumbs = [(_("Forms"), reverse("catalog:form-list"))]
    context = {"forms": content.form_cards()}
    return _render(request, "catalog/form_list.html", context, crumbs=crumbs)


@page
def form_compare(request: HttpRequest) -> HttpResponse:
    crumbs = [
        (_("Forms"), reverse("catalog:form-list")),
        (_("Compare forms"), reverse("catalog:form-compare")),
    ]
    context = {"forms": content.forms_with_counts()}
    return _render(request, "catalog/form_compare.html", context, crumbs=crumbs)


@page
def form_detail(request: HttpRequest, slug: str) -> HttpResponse:
    form = content.form(slug)
    if form is None:
        raise Http404(_("No such form."))
    return _browse_page(request, "form", form, content.form_products(form), goals=form.goals.all())


# --- articles -------------------------------------------------------------------------------


@page
def article_list(request: HttpRequest) -> HttpResponse:
    filterset = ArticleFilter(request.GET, queryset=content.article_cards(), lang=_lang())
    valid = filterset.is_valid()
    context = {
        "articles": filterset.qs if valid else [],
        "filter_form": filterset.form,
        "form_errors": _errors(filterset.form),
    }
    crumbs = [(_("Articles"), reverse("catalog:article-list"))]
    return _render(
        request, "catalog/article_list.html", context, crumbs=crumbs, status=200 if valid else 400
    )


@page
def article_detail(request: HttpRequest, slug: str) -> HttpResponse:
    lang = _lang()
    article = content.article(slug)
    if article is None:
        raise Http404(_("No such article."))
    faq = list(article.faq.all())
    found, page, page_error = shelf_page(request, content.article_products(article))
    context = {
        "article": article,
        "sections": list(article.sections.all()),
        "faq": faq,
        "products": found.rows,
        "product_count": found.count,
        "page": page,
        "page_error": page_error,
        "page_query": page_query(request),
    }
    graphs = [jsonld.article_graph(request, article=article, lang=lang)]
    if faq:
        graphs.append(jsonld.faq_page(faq))
    crumbs = [
        (_("Articles"), reverse("catalog:article-list")),
        (article.title, article.get_absolute_url()),
    ]
    return _render(request, "catalog/article_detail.html", context, crumbs=crumbs, graphs=graphs)


# --- interaction checker --------------------------------------------------------------------


@page
def interaction_check(request: HttpRequest) -> HttpResponse:
    lang = _lang()
    bound = any(
        name in request.GET for name in ("product", "zoek", "medication", "condition", "market")
    )
    form = InteractionCheckForm(
        request.GET if bound else None,
        lang=lang,
        choices=True,
        initial={"market": selectors.reference.default_market()},
    )
    valid = form.is_valid() if form.is_bound else True
    result = None
    warnings: list[dict[str, Any]] = []
    market = (form.cleaned_data.get("market") if valid and form.is_bound else None) or (
        selectors.reference.default_market()
    )
    if form.submitted and valid:
        result = selectors.interactions.interaction_check(
            product_slugs=form.cleaned_data["product"],
            medications=form.cleaned_data["medication"],
            conditions=form.cleaned_data["condition"],
            market=market,
            lang=lang,
        )
        names = {p.slug: p.name for p in result.products}
        class_names = {i.slug: i.warning(lang).name for i in selectors.interactions.interactions()}
        warnings = [
            {
                "warning": w.interaction.warning(lang),
                "matched": w.matched,
                "product_names": [names.get(s, s) for s in w.products],
                "ambiguous": w.ambiguous,
                "alternatives": [class_names.get(s, s) for s in w.alternatives],
                "note": w.note,
            }
            for w in result.warnings
        ]
    context = {
        "form": form,
        "form_errors": _errors(form) if form.is_bound else [],
        "result": result,
        "warnings": warnings,
        "market": market,
        "searched": form.is_bound and bool(str(request.GET.get("zoek", "")).strip()),
        "found": form.found,
        "max_products": CHECK_MAX_PRODUCTS,
    }
    crumbs = [(_("Interaction check"), reverse("catalog:interaction-check"))]
    return _render(
        request,
        "catalog/interaction_check.html",
        context,
        crumbs=crumbs,
        status=200 if valid else 400,
    )


# --- search ---------------------------------------------------------------------------------


@page
def search(request: HttpRequest) -> HttpResponse:
    form = SearchForm(request.GET)
    valid = form.is_valid()
    q = form.cleaned_data.get("q", "") if valid else ""
    products: list[Any] = []
    articles: list[Any] = []
    count = 0
    if q:
        filterset = ProductFilter({"q": q})
        if filterset.is_valid():
            found = shelf(
                filterset.listing_query().ordered,  # type: ignore[arg-type]
                market=selectors.reference.default_market(),
                limit=PAGE_SIZE,
                best_value_first=False,
            )
            products, count = found.rows, found.count
        articles = selectors.search.article_search(q)
    context = {
        "search_form": form,
        "form_errors": _errors(form),
        "q": q,
        "products": products,
        "count": count,
        "articles": articles,
        "listing_url": query_url([("q", q)], reverse("catalog:product-list")),
        "search_note": search_note(q, reverse("catalog:search")),
    }
    crumbs = [(_("Search"), reverse("catalog:search"))]
    return _render(
        request, "catalog/search.html", context, crumbs=crumbs, status=200 if valid else 400
    )


# --- robots.txt -----------------------------------------------------------------------------


@page
def robots_txt(request: HttpRequest) -> HttpResponse:
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /i18n/",
        # Filtered listings are many URLs for the same products; the canonical link covers them.
        "Disallow: /*?*page=",
        "",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
