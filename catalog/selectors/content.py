"""Goals, forms and articles as their pages and the API show them (with product counts and
published articles), and the small reads of the home page and the checker."""

from __future__ import annotations

import copy
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from django.db.models import Count, Exists, Min, Model, OuterRef, Prefetch, Q, QuerySet

from ..cache import cached
from ..models import Article, Form, Goal, IngredientLine, Product
from ._sql import id_list, ids_of_list, quote
from .facets import catalog_counts
from .search import order_by_relevance, product_search, search_terms

M = TypeVar("M", bound=Model)


def every(model: type[M]) -> QuerySet[M]:
    """Every object of a catalog model, drafts included: what a write looks its target up in
    (and what the API's permission check reads the model from)."""
    return model._default_manager.all()


def published_articles() -> QuerySet[Article]:
    return Article.objects.filter(published=True)


# --- goals ------------------------------------------------------------------------------------


def goals() -> list[Goal]:
    """Every goal, in order (from `linked_content`: no query between writes)."""
    return list(linked_content().goals.values())


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


@dataclass(frozen=True)
class Linked:
    """Every goal (with its authorised claims), form and published article (id, slug, title),
    each in its own order: what product, article and form pages link to."""

    goals: dict[int, Goal]
    forms: dict[int, Form]
    articles: dict[int, Article]


def linked_content() -> Linked:
    """`Linked`, kept per catalog version in this process (a few dozen rows), so a page reads
    only the ids of its links (`with_link_ids`, `attach_links`)."""

    def compute() -> Linked:
        goals = {g.id: g for g in Goal.objects.prefetch_related("claims")}
        forms = {f.id: f for f in Form.objects.all()}
        articles = published_articles().only("id", "slug", "title_nl", "title_en", "title")
        return Linked(goals, forms, {a.id: a for a in articles})

    return cached("linked_content", compute, local=True)


def _m2m_columns(model: type[Model], name: str) -> tuple[str, str, str]:
    """(through table, column of `model`'s id, column of the linked id) of a many-to-many."""
    field: Any = model._meta.get_field(name)
    if field.auto_created:  # the reverse side: the relation is declared on the other model
        forward = field.field
        table = forward.remote_field.through._meta.db_table
        return table, forward.m2m_reverse_name(), forward.m2m_column_name()
    return (
        field.remote_field.through._meta.db_table,
        field.m2m_column_name(),
        field.m2m_reverse_name(),
    )


def with_link_ids(queryset: QuerySet[M], *names: str) -> QuerySet[M]:
    """`queryset` with the ids of each many-to-many `names` as a column of its own query."""
    model = queryset.model
    using = queryset.db
    q = quote(using)
    outer = f"{q(model._meta.db_table)}.{q(model._meta.pk.column)}"  # type: ignore[union-attr]
    return queryset.annotate(
        **{f"_ids_{name}": _link_column(using, model, name, outer) for name in names}
    )


def _link_column(using: str, model: type[Model], name: str, outer: str) -> Any:
    table, owner, target = _m2m_columns(model, name)
    return id_list(using, table, target, owner, outer)


def attach_links(obj: Any, name: str, by_id: dict[int, Any]) -> None:
    """Give `obj.<name>.all()` the objects of `by_id` whose ids `with_link_ids` read, in
    `by_id`'s order, as `prefetch_related` would have (ids not in it, such as a draft
    article, are left out)."""
    ids = set(ids_of_list(getattr(obj, f"_ids_{name}")))
    queryset = getattr(obj, name).get_queryset()
    queryset._result_cache = [item for pk, item in by_id.items() if pk in ids]
    queryset._prefetch_done = True
    if not hasattr(obj, "_prefetched_objects_cache"):
        obj._prefetched_objects_cache = {}
    obj._prefetched_objects_cache[name] = queryset


def _counted(objects: Iterable[M], counts: dict[Any, int]) -> list[M]:
    """Copies of `objects` with `product_count` set (the cached originals stay as they are)."""
    found = []
    for obj in objects:
        item = copy.copy(obj)
        item.product_count = counts.get(obj.pk, 0)  # type: ignore[attr-defined]
        found.append(item)
    return found


def goal_cards() -> list[Goal]:
    """Every goal with its published products counted (`product_count`), for the goal list
    page: the counts of `facets.catalog_counts`, no query between writes."""
    return _counted(linked_content().goals.values(), catalog_counts().goal)


def form_cards() -> list[Form]:
    """Every form with its published products counted (`product_count`), for the form list
    page, as `goal_cards`."""
    return _counted(linked_content().forms.values(), catalog_counts().form)


def goal(slug: str) -> Goal | None:
    """A goal for its page, with its claims, recommended forms and published articles (its
    product count comes from `facets.catalog_counts`)."""
    articles: Any = Prefetch("articles", queryset=published_articles())
    return (
        Goal.objects.prefetch_related("claims", "recommended_forms", articles)
        .filter(slug=slug)
        .first()
    )


def goal_products(goal: Goal) -> QuerySet[Product]:
    return Product.objects.published().filter(goals=goal)


# --- forms ------------------------------------------------------------------------------------


def forms() -> list[Form]:
    """Every form, in order (from `linked_content`: no query between writes)."""
    return list(linked_content().forms.values())


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
    """A form for its page, with its goals and published articles (its product count comes
    from `facets.catalog_counts`)."""
    articles: Any = Prefetch("articles", queryset=published_articles())
    return Form.objects.prefetch_related("goals", articles).filter(slug=slug).first()


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


def article_cards() -> QuerySet[Article]:
    """Published articles as the article list page shows them (title and summary): nothing
    prefetched (the API's `articles()` brings every linked product)."""
    return published_articles()


def latest_articles(limit: int) -> list[Article]:
    return list(published_articles()[:limit])


def article(slug: str, *, include_unpublished: bool = False) -> Article | None:
    """An article for its page: its products are read a page at a time (`article_products`),
    never all prefetched (thousands of them in a large catalog)."""
    found = articles(include_unpublished=include_unpublished).prefetch_related(None)
    found = with_link_ids(found.prefetch_related("sections", "faq"), "goals", "forms")
    page = found.filter(slug=slug).first()
    if page is not None:
        linked = linked_content()
        attach_links(page, "goals", linked.goals)
        attach_links(page, "forms", linked.forms)
    return page


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
