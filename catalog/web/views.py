"""Storefront views: thin. Reads come from `catalog.selectors`, filters from the one FilterSet.

Every query string is validated; a bad value is shown on the page as a form error (status 400)
rather than silently ignored, and never raises a 500.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.db.models import Count, Exists, Min, OuterRef, Prefetch, Q, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from .. import compliance, dosing, selectors
from ..filters import ProductFilter
from ..models import Article, Form, Goal, IngredientLine, Interaction, Product
from ..models.products import DIET_FIELDS
from . import jsonld
from .forms import ArticleFilterForm, InteractionCheckForm, MarketForm, SearchForm

PAGE_SIZE = 24

SORT_OPTIONS = [
    ("name", gettext_lazy("Name (A-Z)")),
    ("-name", gettext_lazy("Name (Z-A)")),
    ("price", gettext_lazy("Price, low to high")),
    ("-price", gettext_lazy("Price, high to low")),
    ("price_per_100mg", gettext_lazy("Price per 100 mg, low to high")),
    ("-elemental_mg_per_day", gettext_lazy("Dose per day, high to low")),
    ("elemental_mg_per_day", gettext_lazy("Dose per day, low to high")),
    ("-created_at", gettext_lazy("Newest first")),
]

# The listing's parameters in the order they appear in shareable URLs.
LIST_PARAMS = (
    "q",
    "form",
    "goal",
    "brand",
    "dose_form",
    "diet",
    "min_elemental_mg",
    "max_elemental_mg",
    "min_price",
    "max_price",
    "in_stock",
    "within_ul",
    "for_children",
    "market",
    "ordering",
)


def _lang() -> str:
    lang = (get_language() or "nl").split("-")[0]
    return lang if lang in ("nl", "en") else "nl"


def _home_crumb() -> tuple[str, str]:
    return (_("Home"), reverse("catalog:home"))


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
    crumbs = [_home_crumb(), *crumbs]
    context["breadcrumbs"] = crumbs
    context["jsonld"] = [
        jsonld.script_tag(g) for g in (*graphs, jsonld.breadcrumb_list(request, crumbs))
    ]
    return render(request, template, context, status=status)


def _with_ul(products: Iterable[Any], market: str) -> list[Any]:
    """Mark each product whose daily dose is above its market's upper level (cached bands)."""
    result = []
    for product in products:
        product.ul_exceeded = dosing.exceeds_ul(
            product.elemental_mg_per_day, selectors.product_ul_mg(product, market)
        )
        result.append(product)
    return result


def _page_number(raw: str | None, num_pages: int) -> tuple[int, str | None]:
    if raw in (None, ""):
        return 1, None
    try:
        number = int(str(raw))
    except ValueError:
        return 1, _("The page number must be a whole number; showing the first page.")
    if number < 1 or number > num_pages:
        return 1, _("There is no page %(page)s; showing the first page.") % {"page": str(raw)[:12]}
    return number, None


# --- home -----------------------------------------------------------------------------------


@require_GET
def home(request: HttpRequest) -> HttpResponse:
    context = {
        "goals": Goal.objects.all(),
        "forms": Form.objects.all(),
        "articles": Article.objects.filter(published=True)[:4],
        "featured": _with_ul(
            selectors.listing_queryset(Product.objects.published().filter(in_stock=True)).order_by(
                "price_per_100mg", "id"
            )[:4],
            MarketForm(request.GET).market_or_default(),
        ),
    }
    site = {
        "@context": "https://schema.org",
        "@type": "WebSite",
        "url": request.build_absolute_uri(reverse("catalog:home")),
        "potentialAction": {
            "@type": "SearchAction",
            "target": request.build_absolute_uri(reverse("catalog:search")) + "?q={q}",
            "query-input": "required name=q",
        },
    }
    return _render(request, "catalog/home.html", context, crumbs=[], graphs=[site])


# --- product listing ------------------------------------------------------------------------


def _query(items: list[tuple[str, str]], path: str) -> str:
    return f"{path}?{urlencode(items)}" if items else path


def _state(cleaned: dict[str, Any]) -> list[tuple[str, str]]:
    """The valid filter state as URL parameters (lists repeated, booleans as true/false)."""
    items: list[tuple[str, str]] = []
    for name in LIST_PARAMS:
        value = cleaned.get(name)
        if value in (None, "", []):
            continue
        if isinstance(value, list):
            items += [(name, str(v)) for v in value]
        elif isinstance(value, bool):
            items.append((name, "true" if value else "false"))
        else:
            items.append((name, str(value)))
    return items


def _chips(
    request: HttpRequest, filterset: ProductFilter, facets: dict[str, Any]
) -> list[dict[str, str]]:
    """Active filters, each with the URL that removes it."""
    cleaned = filterset.form.cleaned_data
    state = _state(cleaned)
    labels: dict[tuple[str, str], str] = {}
    for facet in ("form", "goal", "brand", "dose_form"):
        for item in facets.get(facet, []):
            labels[(facet, item["value"])] = item["label"]
    for flag in DIET_FIELDS:
        labels[("diet", flag)] = str(Product._meta.get_field(flag).verbose_name)  # type: ignore[union-attr]
    fields = filterset.form.fields
    chips = []
    for name, value in state:
        if name in ("market", "ordering"):
            continue
        if name == "q":
            text = _("Search: “%(q)s”") % {"q": value}
        elif name in ("in_stock", "within_ul", "for_children"):
            text = str(fields[name].label) + (": " + (_("yes") if value == "true" else _("no")))
        elif name.startswith(("min_", "max_")):
            text = f"{fields[name].label}: {value}"
        else:
            text = labels.get((name, value), value)
        rest = [(n, v) for n, v in state if (n, v) != (name, value)]
        chips.append({"label": text, "url": _query(rest, request.path)})
    return chips


def _facet_groups(filterset: ProductFilter, facets: dict[str, Any]) -> list[dict[str, Any]]:
    legends = {
        "form": _("Form"),
        "goal": _("Goal"),
        "brand": _("Brand"),
        "dose_form": _("Dose form"),
    }
    groups = []
    for name, legend in legends.items():
        selected = set(filterset.selected(name))
        items = [{**item, "checked": item["value"] in selected} for item in facets.get(name, [])]
        groups.append({"name": name, "legend": legend, "items": items})
    return groups


@require_GET
def product_list(request: HttpRequest) -> HttpResponse:
    lang = _lang()
    base = Product.objects.published()
    filterset = ProductFilter(request.GET, queryset=base)
    valid = filterset.is_valid()
    listing = selectors.product_listing_facets(filterset, base, lang)
    market = filterset.active_market
    page_error = None
    products: list[Any] = []
    page = None
    if valid:
        queryset = selectors.listing_queryset(
            filterset.ordered(filterset.filter_queryset_except(base))
        )
        paginator = Paginator(queryset, PAGE_SIZE)
        paginator.count = listing.count  # counted with the facets; spares a query
        number, page_error = _page_number(request.GET.get("page"), paginator.num_pages)
        page = paginator.page(number)
        products = _with_ul(page.object_list, market)
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
        "facet_groups": _facet_groups(filterset, listing.facets),
        "price_range": listing.facets["price"],
        "mg_range": listing.facets["elemental_mg"],
        "diet_options": [
            {
                "value": flag,
                "label": Product._meta.get_field(flag).verbose_name,  # type: ignore[union-attr]
                "checked": flag in selected_diet,
            }
            for flag in DIET_FIELDS
        ],
        "sort_options": SORT_OPTIONS,
        "ordering": cleaned.get("ordering") or "",
        "values": {name: request.GET.get(name, "")[:200] for name in LIST_PARAMS},
        "market": market,
        "markets": _markets(),
        "chips": _chips(request, filterset, listing.facets),
        "ul_mg": selectors.ul_mg(market),
    }
    crumbs = [(_("Products"), reverse("catalog:product-list"))]
    return _render(
        request,
        "catalog/product_list.html",
        context,
        crumbs=crumbs,
        status=200 if valid else 400,
    )


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
    from ..models import Market

    return [(str(v), str(label)) for v, label in Market.choices]


# --- product page ---------------------------------------------------------------------------


@require_GET
def product_detail(request: HttpRequest, slug: str) -> HttpResponse:
    lang = _lang()
    product = selectors.product_detail_queryset().filter(slug=slug).first()
    if product is None:
        raise Http404(_("No such product."))
    market_form = MarketForm(request.GET)
    market = market_form.market_or_default()
    ul = selectors.product_ul_mg(product, market)
    status = compliance.ul_status(product.elemental_mg_per_day, ul)
    packs = list(product.packs.all())
    dose_rows = selectors.product_dose_rows(product)
    label = selectors.product_label(product, lang)
    interactions = [
        {
            "slug": it.slug,
            "kind": it.kind,
            "severity": it.severity,
            "severity_label": Interaction.Severity(it.severity).label,
            **it.texts[lang],
        }
        for it in selectors.product_interactions(product)
    ]
    context = {
        "product": product,
        "packs": packs,
        "dose_rows": dose_rows,
        "label": label,
        "claims": selectors.product_claims(product),
        "interactions": interactions,
        "ul": status,
        "ul_mg": ul,
        "market": market,
        "markets": _markets(),
        "market_errors": _errors(market_form),
        "articles": list(product.articles.all()),
        "related": _with_ul(
            selectors.listing_queryset(selectors.related_products(product)), market
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


def _published_articles() -> QuerySet[Article]:
    return Article.objects.filter(published=True)


@require_GET
def goal_list(request: HttpRequest) -> HttpResponse:
    goals = Goal.objects.annotate(
        product_count=Count("products", filter=Q(products__published=True), distinct=True)
    )
    crumbs = [(_("Goals"), reverse("catalog:goal-list"))]
    return _render(request, "catalog/goal_list.html", {"goals": goals}, crumbs=crumbs)


@require_GET
def goal_detail(request: HttpRequest, slug: str) -> HttpResponse:
    goal = Goal.objects.prefetch_related("claims", "recommended_forms").filter(slug=slug).first()
    if goal is None:
        raise Http404(_("No such goal."))
    market = MarketForm(request.GET).market_or_default()
    products = Product.objects.published().filter(goals=goal)
    context = {
        "goal": goal,
        "products": _with_ul(
            selectors.listing_queryset(products).order_by("price_per_100mg", "id")[:12], market
        ),
        "product_count": products.count(),
        "articles": _published_articles().filter(goals=goal),
        "listing_url": _query([("goal", goal.slug)], reverse("catalog:product-list")),
    }
    crumbs = [(_("Goals"), reverse("catalog:goal-list")), (goal.name, goal.get_absolute_url())]
    return _render(request, "catalog/goal_detail.html", context, crumbs=crumbs)


def form_comparison_rows() -> QuerySet[Form]:
    """Every form with its product count and cheapest price per 100 mg among published products.

    A read helper that belongs in `selectors` (move it there).
    """
    published = Q(ingredient_lines__product__published=True)
    return Form.objects.annotate(
        product_count=Count("ingredient_lines__product", filter=published, distinct=True),
        cheapest_price_per_100mg=Min(
            "ingredient_lines__product__price_per_100mg", filter=published
        ),
    ).order_by("sort_order", "slug")


@require_GET
def form_list(request: HttpRequest) -> HttpResponse:
    crumbs = [(_("Forms"), reverse("catalog:form-list"))]
    return _render(
        request, "catalog/form_list.html", {"forms": form_comparison_rows()}, crumbs=crumbs
    )


@require_GET
def form_compare(request: HttpRequest) -> HttpResponse:
    crumbs = [
        (_("Forms"), reverse("catalog:form-list")),
        (_("Compare forms"), reverse("catalog:form-compare")),
    ]
    return _render(
        request, "catalog/form_compare.html", {"forms": form_comparison_rows()}, crumbs=crumbs
    )


@require_GET
def form_detail(request: HttpRequest, slug: str) -> HttpResponse:
    form = Form.objects.filter(slug=slug).first()
    if form is None:
        raise Http404(_("No such form."))
    market = MarketForm(request.GET).market_or_default()
    has_form = IngredientLine.objects.filter(product=OuterRef("pk"), form=form)
    products = Product.objects.published().filter(Exists(has_form))
    context = {
        "form": form,
        "products": _with_ul(
            selectors.listing_queryset(products).order_by("price_per_100mg", "id")[:12], market
        ),
        "product_count": products.count(),
        "articles": _published_articles().filter(forms=form),
        "goals": form.goals.all(),
        "listing_url": _query([("form", form.slug)], reverse("catalog:product-list")),
    }
    crumbs = [(_("Forms"), reverse("catalog:form-list")), (form.name, form.get_absolute_url())]
    return _render(request, "catalog/form_detail.html", context, crumbs=crumbs)


# --- articles -------------------------------------------------------------------------------


@require_GET
def article_list(request: HttpRequest) -> HttpResponse:
    goals = [(g.slug, g.name) for g in Goal.objects.all()]
    forms = [(f.slug, f.name) for f in Form.objects.all()]
    filter_form = ArticleFilterForm(request.GET, goals=goals, forms_=forms)
    articles = _published_articles().prefetch_related("goals", "forms")
    valid = filter_form.is_valid()
    if valid:
        if filter_form.cleaned_data.get("goal"):
            articles = articles.filter(goals__slug=filter_form.cleaned_data["goal"])
        if filter_form.cleaned_data.get("form"):
            articles = articles.filter(forms__slug=filter_form.cleaned_data["form"])
    context = {
        "articles": articles if valid else Article.objects.none(),
        "filter_form": filter_form,
        "form_errors": _errors(filter_form),
    }
    crumbs = [(_("Articles"), reverse("catalog:article-list"))]
    return _render(
        request, "catalog/article_list.html", context, crumbs=crumbs, status=200 if valid else 400
    )


@require_GET
def article_detail(request: HttpRequest, slug: str) -> HttpResponse:
    lang = _lang()
    article = (
        _published_articles()
        .prefetch_related(
            "sections",
            "faq",
            "goals",
            "forms",
            Prefetch(
                "products",
                queryset=selectors.listing_queryset(Product.objects.published()).order_by(
                    "price_per_100mg", "id"
                ),
            ),
        )
        .filter(slug=slug)
        .first()
    )
    if article is None:
        raise Http404(_("No such article."))
    market = MarketForm(request.GET).market_or_default()
    faq = list(article.faq.all())
    context = {
        "article": article,
        "sections": list(article.sections.all()),
        "faq": faq,
        "products": _with_ul(article.products.all(), market),
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


CHECK_PARAMS = ("product", "medication", "condition")


@require_GET
def interaction_check(request: HttpRequest) -> HttpResponse:
    lang = _lang()
    # Both language columns by name: values_list("slug", "name_nl", "name_nl") would collapse
    # the repeated column and yield pairs.
    products = [
        (slug, (name_en if lang == "en" else "") or name_nl)
        for slug, name_nl, name_en in Product.objects.published()
        .order_by(f"name_{lang}", "id")
        .values_list("slug", "name_nl", "name_en")
    ]
    conditions = [
        (it.slug, it.texts[lang]["name"])
        for it in selectors.interactions()
        if it.kind == "condition"
    ]
    submitted = any(name in request.GET for name in CHECK_PARAMS)
    form = InteractionCheckForm(
        request.GET if submitted or "market" in request.GET else None,
        products=products,
        conditions=conditions,
        initial={"market": selectors.default_market()},
    )
    result = None
    valid = form.is_valid() if form.is_bound else True
    if submitted and valid:
        result = selectors.interaction_check(
            product_slugs=form.cleaned_data["product"],
            medications=form.cleaned_data["medication"],
            conditions=form.cleaned_data["condition"],
            market=form.cleaned_data.get("market") or selectors.default_market(),
            lang=lang,
        )
        names = dict(products)
        for warning in result["warnings"]:
            warning["severity_label"] = Interaction.Severity(warning["severity"]).label
            warning["product_names"] = [names.get(s, s) for s in warning["products"]]
    context = {
        "form": form,
        "form_errors": _errors(form) if form.is_bound else [],
        "result": result,
        "market": (form.cleaned_data.get("market") if valid and form.is_bound else None)
        or selectors.default_market(),
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


def article_search(text: str, lang: str, limit: int = 10) -> QuerySet[Article]:
    """Published articles whose title, summary or keywords hold every word (both languages).

    A read helper that belongs in `selectors` (move it there).
    """
    articles = _published_articles()
    for term in text.split()[:10]:
        match = Q()
        for field in ("title", "summary", "keywords"):
            for code in ("nl", "en"):
                match |= Q(**{f"{field}_{code}__icontains": term})
        articles = articles.filter(match)
    return articles[:limit]


@require_GET
def search(request: HttpRequest) -> HttpResponse:
    lang = _lang()
    form = SearchForm(request.GET)
    valid = form.is_valid()
    q = form.cleaned_data.get("q", "") if valid else ""
    products: list[Any] = []
    articles: list[Article] = []
    count = 0
    market = selectors.default_market()
    if q:
        filterset = ProductFilter({"q": q}, queryset=Product.objects.published())
        if filterset.is_valid():
            queryset = filterset.ordered(filterset.filter_queryset_except(filterset.queryset))
            count = queryset.count()
            products = _with_ul(selectors.listing_queryset(queryset)[:PAGE_SIZE], market)
        articles = list(article_search(q, lang))
    context = {
        "search_form": form,
        "form_errors": _errors(form),
        "q": q,
        "products": products,
        "count": count,
        "articles": articles,
        "listing_url": _query([("q", q)], reverse("catalog:product-list")),
    }
    crumbs = [(_("Search"), reverse("catalog:search"))]
    return _render(
        request, "catalog/search.html", context, crumbs=crumbs, status=200 if valid else 400
    )


# --- robots.txt -----------------------------------------------------------------------------


@require_GET
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
