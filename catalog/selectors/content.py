"""Goals, forms and articles as their pages and the API show them (with product counts and
published articles), and the small reads of the home page and the checker."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TypeVar

from django.db.models import Count, Exists, Min, Model, OuterRef, Prefetch, Q, QuerySet

from ..models import Article, Form, Goal, IngredientLine, Product
from .search import order_by_relevance, product_search, search_terms

M = TypeVar("M", bound=Model)


def every(model: type[M]) -> QuerySet[M]:
    """Every object of a catalog model, drafts included: what a write looks its target up in
    (and what the API's permission check reads the model from)."""
    return model._default_manager.all()


def published_articles() -> QuerySet[Article]:
    return Article.objects.filter(published=True)


# --- goals ------------------------------------------------------------------------------------


def goals() -> QuerySet[Goal]:
    return Goal.objects.all()


def goals_with_counts() -> QuerySet[Goal]:
    """Every goal with its published products counted (`product_count`), claims, recommended
    forms and published articles."""
    return Goal.objects.annotate(
        product_count=Count("products", filter=Q(products__published=True), distinct=True)
    ).prefetch_related(
        "claims",
        "recommended_forms",
        Prefetch("articles", queryset=published_articles()),
    )


def goal(slug: str) -> Goal | None:
    return goals_with_counts().filter(slug=slug).first()


def goal_products(goal: Goal) -> QuerySet[Product]:
    return Product.objects.published().filter(goals=goal)


# --- forms ------------------------------------------------------------------------------------


def forms() -> QuerySet[Form]:
    return Form.objects.all()


def forms_with_counts() -> QuerySet[Form]:
    """Every form with its published products counted (`product_count`), the cheapest price per
    100 mg among them (`cheapest_price_per_100mg`) and its published articles."""
    published = Q(ingredient_lines__product__published=True)
    return (
        Form.objects.annotate(
            product_count=Count("ingredient_lines__product", filter=published, distinct=True),
            cheapest_price_per_100mg=Min(
                "ingredient_lines__product__price_per_100mg", filter=published
            ),
        )
        .prefetch_related(Prefetch("articles", queryset=published_articles()))
        .order_by("sort_order", "slug")
    )


def form(slug: str) -> Form | None:
    return forms_with_counts().prefetch_related("goals").filter(slug=slug).first()


def form_products(form: Form) -> QuerySet[Product]:
    has_form = IngredientLine.objects.filter(product=OuterRef("pk"), form=form)
    return Product.objects.published().filter(Exists(has_form))


# --- articles ---------------------------------------------------------------------------------


def articles(
    *,
    goals: Sequence[str] = (),
    forms: Sequence[str] = (),
    include_unpublished: bool = False,
) -> QuerySet[Article]:
    """Articles with everything their page and the API show, linked to any of the given goal
    slugs and any of the given form slugs (both when both are given)."""
    found = Article.objects.all() if include_unpublished else published_articles()
    if goals:
        found = found.filter(goals__slug__in=list(goals)).distinct()
    if forms:
        found = found.filter(forms__slug__in=list(forms)).distinct()
    return found.prefetch_related(
        "sections",
        "faq",
        "goals",
        "forms",
        Prefetch("products", queryset=Product.objects.published()),
    )


def latest_articles(limit: int) -> list[Article]:
    return list(published_articles()[:limit])


def article(slug: str, *, include_unpublished: bool = False) -> Article | None:
    """An article for its page: its products are read a page at a time (`article_products`),
    never all prefetched (thousands of them in a large catalog)."""
    found = articles(include_unpublished=include_unpublished).prefetch_related(None)
    return found.prefetch_related("sections", "faq", "goals", "forms").filter(slug=slug).first()


def article_products(article: Article) -> QuerySet[Product]:
    return Product.objects.published().filter(articles=article)


# --- home and checker ---------------------------------------------------------------------------


def featured_products() -> QuerySet[Product]:
    """Products the home page features: in stock (best value first, by the caller)."""
    return Product.objects.published().filter(in_stock=True)


CHECKER_SEARCH_LIMIT = 20


def _labelled(rows: Iterable[tuple[str, str, str, str]], lang: str) -> list[tuple[str, str]]:
    return [
        (slug, f"{(name_en if lang == 'en' else '') or name_nl} ({brand})")
        for slug, name_nl, name_en, brand in rows
    ]


def checker_search(
    text: str, lang: str, *, exclude: Sequence[str] = (), limit: int = CHECKER_SEARCH_LIMIT
) -> list[tuple[str, str]]:
    """(slug, "name (brand)") of at most `limit` published products matching `text` by name,
    brand or form (the listing's search, best match first): the checker's product picker."""
    if not search_terms(text):
        return []
    found = product_search(Product.objects.published(), text).exclude(slug__in=list(exclude))
    # Ranked among the first matches the indexes give (no sort of every match: a word such
    # as "citrate" matches most of a large catalog), not among all of them.
    candidates = list(found.order_by().values_list("id", flat=True)[: limit * 5])
    ranked = order_by_relevance(Product.objects.filter(id__in=candidates), text)
    rows = ranked.values_list("slug", "name_nl", "name_en", "brand__name")[:limit]
    return _labelled(rows, lang)


def checker_chosen(slugs: Sequence[str], lang: str) -> list[tuple[str, str]]:
    """(slug, "name (brand)") of the published products among `slugs`, in the order given."""
    wanted = [s for s in dict.fromkeys(slugs) if "\x00" not in s and len(s) <= 200]
    if not wanted:
        return []
    found = dict(
        (slug, label)
        for slug, label in _labelled(
            Product.objects.published()
            .filter(slug__in=wanted)
            .values_list("slug", "name_nl", "name_en", "brand__name"),
            lang,
        )
    )
    return [(slug, found[slug]) for slug in wanted if slug in found]


def published_slugs(slugs: Sequence[str]) -> set[str]:
    """Which of `slugs` name published products."""
    return set(
        Product.objects.published().filter(slug__in=list(slugs)).values_list("slug", flat=True)
    )
