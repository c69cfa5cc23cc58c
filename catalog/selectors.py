"""Read side of the catalog: reference figures, annotated querysets, facets and search.

Selectors never write. Cached reads are keyed on a catalog version number that every write
in `services` bumps (`invalidate_catalog_cache`), so a saved product is visible at once.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from decimal import Decimal
from types import SimpleNamespace
from typing import Any

from django.core.cache import cache
from django.db import connections, router, transaction
from django.db.models import (
    BooleanField,
    Case,
    Count,
    Exists,
    Expression,
    FloatField,
    IntegerField,
    Max,
    Min,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Value,
    When,
)
from django.db.models.expressions import RawSQL
from django.utils.translation import gettext as _
from django.utils.translation import pgettext_lazy

from . import compliance
from .conf import catalog_settings
from .models import Market, ReferenceValue
from .models.products import DIET_FIELDS

VERSION_KEY = "catalog:version"

SERVING_UNIT_PLURALS = {
    "capsule": pgettext_lazy("plural", "capsules"),
    "tablet": pgettext_lazy("plural", "tablets"),
    "softgel": pgettext_lazy("plural", "softgels"),
    "gummy": pgettext_lazy("plural", "gummies"),
    "sachet": pgettext_lazy("plural", "sachets"),
    "scoop": pgettext_lazy("plural", "scoops"),
    "ml": pgettext_lazy("plural", "ml"),
    "spray": pgettext_lazy("plural", "sprays"),
    "g": pgettext_lazy("plural", "grams"),
}


# Within `one_read()` (a GET request, a feed) each cached read is fetched from the cache once
# and then served from this dict: a feed of 100,000 products asks the cache a handful of times,
# not a few times per product. Only for reads: a write inside the block would not be seen.
_memo: ContextVar[dict[str, Any] | None] = ContextVar("catalog_read_memo", default=None)


# The reference reads nearly every request needs, fetched together in one cache round trip.
READ_PRELOAD = ("reference", "interactions")


@contextmanager
def one_read(version: int | None = None, preload: Iterable[str] = READ_PRELOAD) -> Iterator[None]:
    """Serve repeated cached catalog reads (and the version) from memory for the block.

    `version`, when the caller has just read it, spares that lookup; the `preload` keys are
    fetched with one `get_many` instead of a round trip each.
    """
    memo: dict[str, Any] = {}
    token = _memo.set(memo)
    try:
        if version is not None:
            memo[VERSION_KEY] = version
        keys = list(preload)
        if keys:
            prefix = f"catalog:{catalog_version()}:"
            found = cache.get_many([prefix + key for key in keys])
            for key in keys:
                if found.get(prefix + key) is not None:
                    memo[key] = found[prefix + key]
        yield
    finally:
        _memo.reset(token)


def catalog_version() -> int:
    memo = _memo.get()
    if memo is not None and VERSION_KEY in memo:
        return int(memo[VERSION_KEY])
    version = cache.get(VERSION_KEY)
    if version is None:
        version = 1
        cache.add(VERSION_KEY, version, timeout=None)
    if memo is not None:
        memo[VERSION_KEY] = version
    return int(version)


def _bump_version() -> None:
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, 2, timeout=None)


def invalidate_catalog_cache() -> None:
    """Make every cached catalog read stale (called by services after each write).

    The version moves at once (reads later in the same transaction see the write) and again
    when the transaction commits: a concurrent read between the two may have cached data from
    before the commit under the first new version; the second move makes that stale too.
    """
    _bump_version()
    transaction.on_commit(_bump_version)


def cached(key: str, compute: Any, timeout: int | None = None) -> Any:
    """Cache `compute()` under `key` for the current catalog version."""
    memo = _memo.get()
    if memo is not None and key in memo:
        return memo[key]
    full_key = f"catalog:{catalog_version()}:{key}"
    value = cache.get(full_key)
    if value is None:
        value = compute()
        cache.set(
            full_key,
            value,
            timeout if timeout is not None else catalog_settings.FACET_CACHE_SECONDS,
        )
    if memo is not None:
        memo[key] = value
    return value


# --- reference values -----------------------------------------------------------------------


@dataclass(frozen=True)
class Band:
    market: str
    kind: str
    age_min_years: int
    age_max_years: int | None
    amount_mg: Decimal

    def covers(self, age: int) -> bool:
        return self.age_min_years <= age and (
            self.age_max_years is None or age <= self.age_max_years
        )


def reference_bands() -> list[Band]:
    """Every NRV and UL band (cached with the rest of the reference data)."""
    return list(_reference()["band"])


def nrv_mg() -> Decimal:
    """The EU labelling NRV: from the database when a row exists, else from settings."""
    for band in reference_bands():
        if band.kind == ReferenceValue.Kind.NRV and band.market == Market.EU:
            return band.amount_mg
    return Decimal(catalog_settings.NRV_MG)


def ul_mg(market: str, age_years: int = 18) -> Decimal | None:
    """The supplemental upper level for `market` and an age; None if none is set for it.
    Within `one_read()` each (market, age) is worked out once (a page asks per product)."""
    memo = _memo.get()
    key = f"ul:{market}:{age_years}"
    if memo is not None and key in memo:
        return memo[key]  # type: ignore[no-any-return]
    ul = _ul_mg(market, age_years)
    if memo is not None:
        memo[key] = ul
    return ul


def _ul_mg(market: str, age_years: int) -> Decimal | None:
    bands = [
        b
        for b in reference_bands()
        if b.kind == ReferenceValue.Kind.UL and b.market == market and b.covers(age_years)
    ]
    if bands:
        # The most specific band (the one starting latest) applies.
        return max(bands, key=lambda b: b.age_min_years).amount_mg
    if not any(b.kind == ReferenceValue.Kind.UL and b.market == market for b in reference_bands()):
        fallback = catalog_settings.FALLBACK_UL_MG.get(market)
        return Decimal(fallback) if fallback is not None and age_years >= 18 else None
    return None


def default_market() -> str:
    return str(catalog_settings.DEFAULT_MARKET)


# --- reference data for filters and labels --------------------------------------------------


def _fetch(using: str, sql: str, params: list[Any]) -> list[tuple[Any, ...]]:
    """The rows of a plain SQL read (for the few reads the ORM makes slower than they run)."""
    with connections[using].cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def _decimal(value: Any, places: int) -> Decimal | None:
    """A numeric column read by raw SQL as the ORM gives it (SQLite returns floats)."""
    return None if value is None else Decimal(str(value)).quantize(Decimal(1).scaleb(-places))


def _reference_snapshot() -> dict[str, list[Any]]:
    """Forms, goals, brands and reference values, read in one query (UNION ALL).

    Nearly every request needs all four small tables; as four ORM queries they cost more
    Python time than the rest of an uncached listing, as one they cost one round trip.
    """
    from .models import Brand, Form, Goal, Interaction, ReferenceValue

    using = router.db_for_read(Form)
    quote = connections[using].ops.quote_name

    def table(model: Any, *columns: str) -> str:
        # Field names in lower case; literals (NULL, numbers) as they are.
        names = [quote(model._meta.get_field(c).column) if c.islower() else c for c in columns]
        return f"SELECT {', '.join(names)} FROM {quote(model._meta.db_table)}"

    sql = " UNION ALL ".join(
        [
            table(
                Form, "0", "id", "slug", "name_nl", "name_en", "elemental_fraction", "sort_order"
            ),
            table(Goal, "1", "id", "slug", "name_nl", "name_en", "NULL", "sort_order"),
            table(Brand, "2", "id", "slug", "name", "NULL", "NULL", "0"),
            table(
                ReferenceValue,
                "3",
                "age_min_years",
                "market",
                "kind",
                "NULL",
                "amount_mg",
                "age_max_years",
            ),
        ]
    )
    # Interactions without their texts (a list needs which classes concern a product, not
    # what to say): a row per concerned form, NULL when one concerns every form.
    links = Interaction.forms.through._meta
    sql += (
        f" UNION ALL SELECT 4, i.{quote('id')}, i.{quote('slug')}, i.{quote('severity')},"
        f" i.{quote('kind')}, NULL, f.{quote(links.get_field('form').column)}"
        f" FROM {quote(Interaction._meta.db_table)} i LEFT JOIN {quote(links.db_table)} f"
        f" ON f.{quote(links.get_field('interaction').column)} = i.{quote('id')}"
    )
    fraction_places = Form._meta.get_field("elemental_fraction").decimal_places
    amount_places = ReferenceValue._meta.get_field("amount_mg").decimal_places
    snapshot: dict[str, list[Any]] = {"form": [], "goal": [], "brand": [], "band": []}
    interaction_rows: dict[int, tuple[str, str, str]] = {}
    interaction_forms: dict[int, set[int]] = {}
    for part, key, slug, text, text_en, number, extra in _fetch(
        using, sql + " ORDER BY 1, 7, 3", []
    ):
        if part == 0:
            fraction = _decimal(number, fraction_places)
            snapshot["form"].append((key, slug, text, text_en, fraction))
        elif part == 1:
            snapshot["goal"].append((key, slug, text, text_en))
        elif part == 2:
            snapshot["brand"].append((key, slug, text))
        elif part == 3:
            amount = _decimal(number, amount_places)
            snapshot["band"].append(Band(slug, text, key, extra, amount))  # type: ignore[arg-type]
        else:  # slug, severity, kind; a concerned form id in the last column
            interaction_rows[key] = (slug, text, text_en)
            if extra is not None:
                interaction_forms.setdefault(key, set()).add(extra)
    snapshot["band"].sort(key=lambda b: (b.market, b.kind, b.age_min_years))
    snapshot["interaction"] = sorted(
        (
            InteractionClass(pk, slug, kind, severity, frozenset(interaction_forms.get(pk, ())))
            for pk, (slug, severity, kind) in interaction_rows.items()
        ),
        key=_by_severity,
    )
    return snapshot


def _reference() -> dict[str, list[Any]]:
    return cached("reference", _reference_snapshot, timeout=3600)  # type: ignore[no-any-return]


def facet_reference() -> dict[str, list[tuple[Any, ...]]]:
    """Forms (id, slug, name_nl, name_en, elemental_fraction), goals (id, slug, name_nl,
    name_en) and brands (id, slug, name), in display order; cached until the next write.
    Filter validation, facet labels and product summaries all read it."""
    reference = _reference()
    return {name: reference[name] for name in ("form", "goal", "brand")}


def reference_slugs() -> dict[str, list[str]]:
    """Valid slugs of each facet, for validating filter values (cached, invalidated on writes)."""
    return {name: [row[1] for row in rows] for name, rows in facet_reference().items()}


def facet_labels(lang: str) -> dict[str, dict[Any, tuple[str, str]]]:
    """id -> (slug, label in `lang`) for forms, goals and brands."""
    reference = facet_reference()
    labels: dict[str, dict[Any, tuple[str, str]]] = {
        name: {
            row[0]: (row[1], (row[3] if lang == "en" else row[2]) or row[2] or row[1])
            for row in reference[name]
        }
        for name in ("form", "goal")
    }
    labels["brand"] = {row[0]: (row[1], row[2]) for row in reference["brand"]}
    return labels


def _ul_age_groups(market: str) -> list[tuple[int, int, Decimal | None]]:
    """(first age, last age, UL) for ages 0-18 of `market`, consecutive ages with the same UL
    grouped so that the conditions built from them stay small; 18 stands for every adult."""
    groups: list[tuple[int, int, Decimal | None]] = []
    for age in range(0, compliance.ADULT_AGE + 1):
        ul = ul_mg(market, age)
        if groups and groups[-1][2] == ul:
            groups[-1] = (groups[-1][0], age, ul)
        else:
            groups.append((age, age, ul))
    return groups


def children_q(market: str) -> Q:
    """What a children's listing may offer (`compliance.offered_in_children_context`): products
    meant for children (youngest user under 18) whose daily dose stays within the children's
    upper level for that age; ages with no level set are left out, and adult products always."""
    condition = Q(pk__in=[])
    for first, last, ul in _ul_age_groups(market):
        last = min(last, compliance.ADULT_AGE - 1)
        if ul is not None and first <= last:
            condition |= Q(
                min_age_years__gte=first, min_age_years__lte=last, elemental_mg_per_day__lte=ul
            )
    return condition


def within_ul_q(market: str) -> Q:
    """Products whose daily dose stays within the UL for their youngest intended user.

    Ages with the same UL are grouped into one condition, so the query stays small; ages with
    no UL set count as within (there is no level to exceed).
    """
    condition = Q(pk__in=[])
    for first, last, ul in _ul_age_groups(market):
        ages = (
            Q(min_age_years__gte=first)
            if last == 18
            else Q(min_age_years__gte=first, min_age_years__lte=last)
        )
        condition |= ages if ul is None else ages & Q(elemental_mg_per_day__lte=ul)
    return condition


def product_ul_mg(product: Any, market: str) -> Decimal | None:
    return ul_mg(market, min(int(product.min_age_years), 18))


# --- facet keys ------------------------------------------------------------------------------

# Forms and goals are few (16 and 12 in the reference data). A product stores the ids it has as
# bits of a 63-bit integer, so one scan of a covering index counts every facet. Ids from
# FACET_BITS up cannot be stored: then facets are counted with a query per facet instead.
FACET_BITS = 63


def facet_mask(ids: Iterable[int]) -> int:
    """Bit n set for each id n below FACET_BITS (stored as Product.form_mask / goal_mask)."""
    mask = 0
    for n in ids:
        if 0 <= n < FACET_BITS:
            mask |= 1 << n
    return mask


# --- search ---------------------------------------------------------------------------------


def search_document(product: Any) -> str:
    """The folded text a product is found by: names, brand, forms (both languages), copy."""
    return search_text_of(
        slug=product.slug,
        name_nl=product.name_nl,
        name_en=product.name_en,
        brand_name=product.brand.name,
        description_nl=product.description_nl,
        description_en=product.description_en,
        forms=[line.form for line in product.ingredients.all()],
    )


def search_text_of(
    *,
    slug: str,
    name_nl: str | None,
    name_en: str | None,
    brand_name: str,
    description_nl: str | None,
    description_en: str | None,
    forms: Iterable[Any],
) -> str:
    """`search_document` from plain values (bulk writers that hold no saved relations)."""
    from .compliance import fold

    parts = [slug, name_nl, name_en, brand_name, description_nl, description_en]
    for form in forms:
        parts += [form.slug, form.name_nl, form.name_en]
    return " ".join(fold(p) for p in parts if p)


def search_terms(text: str) -> list[str]:
    from .compliance import fold

    return [t for t in fold(text).split() if t][:10]


class _ProductColumn(Expression):
    """A column of the product table that Django does not model (PostgreSQL's generated
    `search_vector`), qualified with whatever alias the product table has in this query."""

    def __init__(self, column: str, output_field: Any) -> None:
        super().__init__(output_field=output_field)
        self.column = column

    def as_sql(self, compiler: Any, connection: Any, **extra: Any) -> tuple[str, list[Any]]:
        alias = compiler.query.base_table
        return (
            f"{compiler.quote_name_unless_alias(alias)}.{connection.ops.quote_name(self.column)}",
            [],
        )


class _FullTextMatch(Expression):
    """`search_vector @@ query`, the query being the prefix terms in Dutch OR English."""

    conditional = True
    output_field: Any = BooleanField()

    def __init__(self, tsquery: str) -> None:
        super().__init__()
        self.tsquery = tsquery
        self.vector = _ProductColumn("search_vector", BooleanField())

    def as_sql(self, compiler: Any, connection: Any, **extra: Any) -> tuple[str, list[Any]]:
        vector, _params = compiler.compile(self.vector)
        return f"{vector} @@ ({_TSQUERY})", [self.tsquery, self.tsquery]


class _FullTextRank(_FullTextMatch):
    conditional = False
    output_field: Any = FloatField()

    def as_sql(self, compiler: Any, connection: Any, **extra: Any) -> tuple[str, list[Any]]:
        vector, _params = compiler.compile(self.vector)
        return f"ts_rank({vector}, {_TSQUERY})", [self.tsquery, self.tsquery]


_TSQUERY = "to_tsquery('dutch'::regconfig, %s) || to_tsquery('english'::regconfig, %s)"


def _tsquery(term: str) -> str | None:
    """`term` as a prefix query for to_tsquery ('co-q10' -> 'co:* & q10:*'); None if no word."""
    words = re.findall(r"\w+", term)
    return " & ".join(f"{w}:*" for w in words) if words else None


def _full_text(queryset: QuerySet[Any]) -> bool:
    return bool(connections[queryset.db].vendor == "postgresql")


def product_search(queryset: QuerySet[Any], text: str) -> QuerySet[Any]:
    """Every word must be found: as a substring of the folded search text (accent- and
    case-insensitive), or, on PostgreSQL, also as a word prefix after Dutch or English
    stemming ("tabletten" finds "tablet", "capsules" finds "capsule").

    On PostgreSQL the substring test uses the trigram GIN index on `search_text` and the
    word test the GIN index on the generated `search_vector` (migration 0003); SQLite scans.
    So results are the same on both databases, PostgreSQL adding stemmed matches.
    """
    full_text = _full_text(queryset)
    for term in search_terms(text):
        match = Q(search_text__contains=term)
        tsquery = _tsquery(term) if full_text else None
        if tsquery:
            match |= Q(_FullTextMatch(tsquery))
        queryset = queryset.filter(match)
    return queryset


def order_by_relevance(queryset: QuerySet[Any], text: str) -> QuerySet[Any]:
    """Exact name first, then names holding every word, then the rest; within each group
    by full-text rank on PostgreSQL (names weigh most), then by name."""
    from .compliance import fold

    terms = search_terms(text)
    if not terms:
        return queryset.order_by("name", "id")
    name_hits = Q()
    for term in terms:
        name_hits &= Q(name_nl__icontains=term) | Q(name_en__icontains=term)
    folded = fold(text).strip()
    queryset = queryset.annotate(
        _relevance=Case(
            When(Q(name_nl__iexact=folded) | Q(name_en__iexact=folded), then=Value(0)),
            When(name_hits, then=Value(1)),
            default=Value(2),
            output_field=IntegerField(),
        )
    )
    words = [q for q in (_tsquery(t) for t in terms) if q]
    if _full_text(queryset) and words:
        queryset = queryset.annotate(_rank=_FullTextRank(" & ".join(words)))
        return queryset.order_by("_relevance", "-_rank", "name", "id")
    return queryset.order_by("_relevance", "name", "id")


# --- listings and facets --------------------------------------------------------------------


def listing_queryset(queryset: QuerySet[Any]) -> QuerySet[Any]:
    """What a page of products needs, in a constant number of queries."""
    from .models import IngredientLine

    return queryset.select_related("brand").prefetch_related(
        Prefetch("ingredients", queryset=IngredientLine.objects.select_related("form")),
        "goals",
    )


# --- product summaries without model instances ------------------------------------------------

SUMMARY_FIELDS = (
    "id",
    "slug",
    "brand_id",
    "name_nl",
    "name_en",
    "dose_form",
    "serving_unit",
    "serving_size",
    "servings_per_day",
    "servings_per_container",
    "elemental_mg_per_serving",
    "elemental_mg_per_day",
    "percent_nrv",
    "price_eur",
    "price_per_100mg",
    "days_supply",
    "in_stock",
    "min_age_years",
    "image",
    "updated_at",
    *DIET_FIELDS,
)


class _Related(list[Any]):
    """A prefetched relation: `.all()` like a related manager, without creating one."""

    def all(self) -> _Related:
        return self


class _Image:
    def __init__(self, name: str) -> None:
        self.name = name

    def __bool__(self) -> bool:
        return bool(self.name)

    @property
    def url(self) -> str:
        from .models import Product

        return str(Product._meta.get_field("image").storage.url(self.name))  # type: ignore[attr-defined]


class ProductRow(SimpleNamespace):
    """What a product summary reads (the PRODUCT shape), from plain rows: `slug`, `name_nl`,
    `brand.slug`, `ingredients.all()` with `form`, `goals.all()`, `diet`, ... as on Product."""


def product_rows(queryset: QuerySet[Any]) -> list[ProductRow]:
    """Summaries of the products of `queryset` (ordered, sliced), in its order: two queries
    of plain values (products, then their ingredient lines).

    Building model instances (a product, its lines with their forms, its goals) costs more
    than the rest of a summary together; forms, goals and brands come from the cached
    reference data instead, one shared object each, and goals from the stored `goal_mask`
    (kept by the services with the other derived fields; a third query reads the links
    when a goal id is too large for the mask). The list API and the JSON Lines feed read
    through here, so 100,000 products stream at thousands a second.
    """
    from .models import Product

    reference = facet_reference()
    goals = [
        SimpleNamespace(id=r[0], slug=r[1], name_nl=r[2], name_en=r[3]) for r in reference["goal"]
    ]
    goals_by_mask = all(0 <= g.id < FACET_BITS for g in goals)
    brands = {r[0]: r for r in reference["brand"]}
    rows: dict[int, ProductRow] = {}
    for values in queryset.values(*SUMMARY_FIELDS, "goal_mask"):
        row = ProductRow(**values)
        row.pk = row.id
        brand = brands.get(row.brand_id)
        row.brand = SimpleNamespace(slug=brand[1], name=brand[2]) if brand else _NO_BRAND
        row.diet = [flag for flag in DIET_FIELDS if values[flag]]
        row.image = _Image(values["image"] or "")
        row.ingredients = _Related()
        row.goals = _Related(g for g in goals if goals_by_mask and row.goal_mask & (1 << g.id))
        rows[row.id] = row
    if not rows:
        return []
    forms = {
        r[0]: SimpleNamespace(
            id=r[0], slug=r[1], name_nl=r[2], name_en=r[3], elemental_fraction=r[4]
        )
        for r in reference["form"]
    }
    for product_id, form_id, compound_mg, elemental_mg, assayed_fraction in _lines_of(
        queryset.db, list(rows)
    ):
        rows[product_id].ingredients.append(
            SimpleNamespace(
                form_id=form_id,
                form=forms[form_id],
                compound_mg=compound_mg,
                elemental_mg=elemental_mg,
                assayed_fraction=assayed_fraction,
            )
        )
    if not goals_by_mask:
        goal_of = {g.id: g for g in goals}
        rank = {g.id: i for i, g in enumerate(goals)}
        links = (
            Product.goals.through.objects.filter(product_id__in=list(rows))
            .order_by()
            .values_list("product_id", "goal_id")
        )
        for product_id, goal_id in links:
            rows[product_id].goals.append(goal_of[goal_id])
        for row in rows.values():
            row.goals.sort(key=lambda g: rank[g.id])
    return list(rows.values())


_NO_BRAND = SimpleNamespace(slug="", name="")


LINE_FIELDS = ("product_id", "form_id", "compound_mg", "elemental_mg", "assayed_fraction")


def _lines_of(using: str, product_ids: list[int]) -> list[tuple[Any, ...]]:
    """(product_id, form_id, compound_mg, elemental_mg, assayed_fraction) of the products'
    ingredient lines, in label order, as Decimals on every database.

    One plain SQL read: through the ORM, building and compiling this query cost more than
    running it (measured: 0.7 against 0.3 ms for a page of 24 products).
    """
    from .models import IngredientLine

    meta: Any = IngredientLine._meta
    connection = connections[using]
    quote = connection.ops.quote_name
    fields = [meta.get_field(f) for f in LINE_FIELDS]
    columns = [quote(f.column) for f in fields]
    decimals = [
        (i, f.decimal_places)
        for i, f in enumerate(fields)
        if f.get_internal_type() == "DecimalField"
    ]
    sql = (
        f"SELECT {', '.join(columns)} FROM {quote(meta.db_table)}"
        f" WHERE {columns[0]} IN ({', '.join(['%s'] * len(product_ids))})"
        f" ORDER BY {quote(meta.get_field('position').column)}, {quote(meta.pk.column)}"
    )
    found = _fetch(using, sql, product_ids)
    if connection.vendor == "postgresql":
        return found  # numeric columns arrive as Decimal
    # SQLite hands decimals back as int or float: as the ORM would, to the field's places.
    rows = []
    for row in found:
        values = list(row)
        for i, places in decimals:
            values[i] = _decimal(values[i], places)
        rows.append(tuple(values))
    return rows


def product_rows_of(queryset: QuerySet[Any], chunk_size: int) -> Iterator[ProductRow]:
    """`product_rows` for a whole queryset in id order, a chunk at a time: constant memory,
    keyset pagination on the primary key (no server-side cursor, no OFFSET)."""
    last = 0
    while True:
        rows = product_rows(queryset.filter(pk__gt=last).order_by("pk")[:chunk_size])
        yield from rows
        if len(rows) < chunk_size:
            return
        last = rows[-1].id


def _counts(rows: Iterable[dict[str, Any]], key: str) -> dict[Any, int]:
    return {row[key]: row["n"] for row in rows}


def _facet_list(
    counts: dict[Any, int],
    labels: dict[Any, tuple[str, str]] | None,
    selected: list[str],
    choices: dict[str, str] | None = None,
) -> list[dict[str, Any]]:
    items: dict[str, dict[str, Any]] = {}
    if labels is not None:
        for key, n in counts.items():
            if key in labels and n:
                slug, label = labels[key]
                items[slug] = {"value": slug, "label": label, "count": n}
        by_slug = {slug: label for slug, label in labels.values()}
    else:
        by_slug = choices or {}
        for key, n in counts.items():
            if n:
                items[key] = {"value": key, "label": str(by_slug.get(key, key)), "count": n}
    for slug in selected:
        if slug not in items:
            items[slug] = {"value": slug, "label": str(by_slug.get(slug, slug)), "count": 0}
    return sorted(items.values(), key=lambda i: (-i["count"], i["label"].lower()))


def _number(value: Decimal | None) -> float | None:
    return None if value is None else float(value)


@dataclass
class Listing:
    count: int
    facets: dict[str, Any]


def product_facets(filterset: Any, base: QuerySet[Any], lang: str) -> Listing:
    """Disjunctive facet counts and ranges, plus the total count.

    Each facet is counted over the products that match every active filter except that
    facet's own; price and dose ranges likewise leave out their own range. Normally one
    query does it all (`_facets_in_one_scan`); with a form or goal id too large for the
    stored bit masks, one query per facet (`_facets_by_queries`).
    """
    reference = facet_reference()
    ids = [row[0] for row in reference["form"]] + [row[0] for row in reference["goal"]]
    if all(0 <= i < FACET_BITS for i in ids):
        return _facets_in_one_scan(filterset, base, lang, reference)
    return _facets_by_queries(filterset, base, lang)


def _range_conditions(data: dict[str, Any]) -> tuple[Q | None, Q | None]:
    price_q = mg_q = None
    for low, high, field, name in (
        ("min_price", "max_price", "price_eur", "price"),
        ("min_elemental_mg", "max_elemental_mg", "elemental_mg_per_day", "mg"),
    ):
        condition = Q()
        if data.get(low) is not None:
            condition &= Q(**{f"{field}__gte": data[low]})
        if data.get(high) is not None:
            condition &= Q(**{f"{field}__lte": data[high]})
        if condition:
            if name == "price":
                price_q = condition
            else:
                mg_q = condition
    return price_q, mg_q


SqlCondition = tuple[str, list[Any]]


def _sql_bit(column: str, mask: int) -> SqlCondition:
    return f"({column} & %s) <> 0", [mask]


def _sql_range(column: str, low: Any, high: Any) -> SqlCondition | None:
    parts, params = [], []
    if low is not None:
        parts.append(f"{column} >= %s")
        params.append(low)
    if high is not None:
        parts.append(f"{column} <= %s")
        params.append(high)
    return (" AND ".join(parts), params) if parts else None


def _sql_aggregate(function: str, column: str, *conditions: SqlCondition | None) -> SqlCondition:
    """`COUNT(brand_id) FILTER (WHERE a AND b)` (PostgreSQL, SQLite 3.30+) with its params."""
    present = [c for c in conditions if c is not None]
    if not present:
        return f"{function}({column})", []
    where = " AND ".join(f"({c[0]})" for c in present)
    return f"{function}({column}) FILTER (WHERE {where})", [p for c in present for p in c[1]]


def _sql_all(conditions: list[SqlCondition]) -> SqlCondition:
    """The conditions AND-ed ("" when there are none)."""
    return (
        " AND ".join(f"({c[0]})" for c in conditions),
        [p for c in conditions for p in c[1]],
    )


def _facets_in_one_scan(
    filterset: Any, base: QuerySet[Any], lang: str, reference: dict[str, list[tuple[Any, ...]]]
) -> Listing:
    """Every facet, range and the total in one scan, grouped by brand.

    Products carry their forms and goals as bit masks (`form_mask`, `goal_mask`), so "has
    one of the selected forms" is a bit test on the row. Filters that belong to no facet
    (in stock, diet, within UL, search) go to WHERE; each facet's own filter is left out
    of that facet's conditional counts (`COUNT(*) FILTER (WHERE ...)`). The brand filter
    needs no condition: rows come per brand and Python adds up the selected brands (with
    brands selected, a second, narrow query counts the brand facet).
    On PostgreSQL this is an index-only scan of `product_facet_scan` (it holds every column
    read here; hence counting the non-null brand_id, not the id) unless `q` is given.
    """
    from .filters import FACET_FILTERS
    from .models import DoseForm

    data = filterset.form.cleaned_data
    every_facet_filter = [name for names in FACET_FILTERS.values() for name in names]
    rows_qs = filterset.filter_queryset_except(base, every_facet_filter).order_by()

    form_ids = {row[1]: row[0] for row in reference["form"]}
    goal_ids = {row[1]: row[0] for row in reference["goal"]}
    brand_ids = {row[1]: row[0] for row in reference["brand"]}
    selected_forms = [form_ids[s] for s in data.get("form") or [] if s in form_ids]
    selected_goals = [goal_ids[s] for s in data.get("goal") or [] if s in goal_ids]
    selected_brands = {brand_ids[s] for s in data.get("brand") or [] if s in brand_ids}
    selected_doses = list(data.get("dose_form") or [])

    # The conditions are written as SQL: built as ORM expressions (~40 conditional
    # aggregates) they cost more Python time than the scan itself on a small catalog.
    form_sql = _sql_bit("form_mask", facet_mask(selected_forms)) if data.get("form") else None
    goal_sql = _sql_bit("goal_mask", facet_mask(selected_goals)) if data.get("goal") else None
    dose_sql = (
        ("dose_form IN (" + ", ".join(["%s"] * len(selected_doses)) + ")", selected_doses)
        if selected_doses
        else None
    )
    price_sql = _sql_range("price_eur", data.get("min_price"), data.get("max_price"))
    mg_sql = _sql_range(
        "elemental_mg_per_day", data.get("min_elemental_mg"), data.get("max_elemental_mg")
    )
    active = [c for c in (form_sql, goal_sql, dose_sql, price_sql, mg_sql) if c is not None]
    using = rows_qs.db
    # Every column a facet condition or an aggregate reads.
    columns_read = (
        "brand_id",
        "dose_form",
        "form_mask",
        "goal_mask",
        "price_eur",
        "elemental_mg_per_day",
    )

    # With brands selected, other brands only feed the brand facet: one narrow GROUP BY
    # counts it (every other facet filter applied), and the wide scan below reads the
    # selected brands only.
    brand_counts: dict[Any, int] = {}
    if selected_brands:
        inner_sql, inner_params = rows_qs.values(*columns_read).query.sql_with_params()
        where = _sql_all(active)
        brand_counts = dict(
            _fetch(
                using,
                f"SELECT brand_id, COUNT(brand_id) FROM ({inner_sql}) facet_rows"
                f"{' WHERE ' + where[0] if where[0] else ''} GROUP BY brand_id",
                [*inner_params, *where[1]],
            )
        )
        rows_qs = rows_qs.filter(brand_id__in=selected_brands)

    # With two or more facet filters active, each is evaluated once per row, as a boolean
    # column of the inner query, not again in each of the ~40 aggregates that test it (half
    # the time of this query on a small catalog), and a row that misses two of them counts
    # nowhere, so it is left out before aggregating. OFFSET 0 stops PostgreSQL from inlining
    # the columns back, but also from scanning in parallel: with one filter (or none) the
    # parallel scan of a large catalog saves more (measured: 38 vs 58 ms at 100,000).
    flags = {
        name: condition
        for name, condition in (
            ("f_form", form_sql),
            ("f_goal", goal_sql),
            ("f_dose", dose_sql),
            ("f_price", price_sql),
            ("f_mg", mg_sql),
        )
        if condition is not None
    }
    if len(flags) < 2:
        flags = {}
    rows_qs = rows_qs.annotate(
        **{
            name: RawSQL(f"({sql})", tuple(params), output_field=BooleanField())
            for name, (sql, params) in flags.items()
        }
    )
    if flags:
        form_sql, goal_sql, dose_sql, price_sql, mg_sql = (
            (name, []) if name in flags else None
            for name in ("f_form", "f_goal", "f_dose", "f_price", "f_mg")
        )
    dose_values = list(DoseForm.values)
    columns = [
        _sql_aggregate("COUNT", "brand_id", form_sql, goal_sql, dose_sql, price_sql, mg_sql),
        _sql_aggregate("MIN", "price_eur", form_sql, goal_sql, dose_sql, mg_sql),
        _sql_aggregate("MAX", "price_eur", form_sql, goal_sql, dose_sql, mg_sql),
        _sql_aggregate("MIN", "elemental_mg_per_day", form_sql, goal_sql, dose_sql, price_sql),
        _sql_aggregate("MAX", "elemental_mg_per_day", form_sql, goal_sql, dose_sql, price_sql),
        *(
            _sql_aggregate(
                "COUNT", "brand_id", form_sql, goal_sql, price_sql, mg_sql, ("dose_form = %s", [v])
            )
            for v in dose_values
        ),
        *(
            _sql_aggregate(
                "COUNT",
                "brand_id",
                goal_sql,
                dose_sql,
                price_sql,
                mg_sql,
                _sql_bit("form_mask", 1 << i),
            )
            for i in form_ids.values()
        ),
        *(
            _sql_aggregate(
                "COUNT",
                "brand_id",
                form_sql,
                dose_sql,
                price_sql,
                mg_sql,
                _sql_bit("goal_mask", 1 << i),
            )
            for i in goal_ids.values()
        ),
    ]
    inner_sql, inner_params = rows_qs.values(*columns_read, *flags).query.sql_with_params()
    misses = ""
    if flags:
        if connections[using].vendor == "postgresql":
            inner_sql += " OFFSET 0"
        misses = (
            " WHERE " + " + ".join(f"CASE WHEN {name} THEN 0 ELSE 1 END" for name in flags)
        ) + " <= 1"
    result = _fetch(
        using,
        f"SELECT brand_id, {', '.join(c[0] for c in columns)} "
        f"FROM ({inner_sql}) facet_rows{misses} GROUP BY brand_id",
        [p for c in columns for p in c[1]] + list(inner_params),
    )

    count = 0
    dose_counts = dict.fromkeys(dose_values, 0)
    form_counts = dict.fromkeys(form_ids.values(), 0)
    goal_counts = dict.fromkeys(goal_ids.values(), 0)
    ranges: dict[str, list[Decimal]] = {"price": [], "mg": []}
    n_doses, n_forms = len(dose_values), len(form_counts)
    for brand_id, n, price_min, price_max, mg_min, mg_max, *counts in result:
        if not selected_brands:
            brand_counts[brand_id] = n
        count += n
        for value, c in zip(dose_values, counts[:n_doses], strict=True):
            dose_counts[value] += c
        for form_id, c in zip(form_counts, counts[n_doses : n_doses + n_forms], strict=True):
            form_counts[form_id] += c
        for goal_id, c in zip(goal_counts, counts[n_doses + n_forms :], strict=True):
            goal_counts[goal_id] += c
        ranges["price"] += [Decimal(str(v)) for v in (price_min, price_max) if v is not None]
        ranges["mg"] += [Decimal(str(v)) for v in (mg_min, mg_max) if v is not None]

    labels = facet_labels(lang)
    facets = {
        "form": _facet_list(form_counts, labels["form"], filterset.selected("form")),
        "goal": _facet_list(goal_counts, labels["goal"], filterset.selected("goal")),
        "brand": _facet_list(brand_counts, labels["brand"], filterset.selected("brand")),
        "dose_form": _facet_list(
            dose_counts,
            None,
            filterset.selected("dose_form"),
            choices={k: str(v) for k, v in DoseForm.choices},
        ),
        "price": {
            "min": _number(min(ranges["price"], default=None)),
            "max": _number(max(ranges["price"], default=None)),
        },
        "elemental_mg": {
            "min": _number(min(ranges["mg"], default=None)),
            "max": _number(max(ranges["mg"], default=None)),
        },
    }
    return Listing(count=count, facets=facets)


def _facets_by_queries(filterset: Any, base: QuerySet[Any], lang: str) -> Listing:
    """The same figures as `_facets_in_one_scan` in six queries (joins instead of masks)."""
    from .filters import FACET_FILTERS
    from .models import DoseForm, IngredientLine, Product

    def except_(facet: str) -> QuerySet[Any]:
        return filterset.filter_queryset_except(base, FACET_FILTERS[facet]).order_by()

    labels = facet_labels(lang)
    form_rows = (
        IngredientLine.objects.filter(product__in=except_("form").values("pk"))
        .values("form_id")
        .annotate(n=Count("product_id", distinct=True))
        .order_by()
    )
    goal_rows = (
        Product.goals.through.objects.filter(product__in=except_("goal").values("pk"))
        .values("goal_id")
        .annotate(n=Count("product_id"))
        .order_by()
    )
    brand_rows = except_("brand").values("brand_id").annotate(n=Count("id")).order_by()
    dose_rows = except_("dose_form").values("dose_form").annotate(n=Count("id")).order_by()

    price_q, mg_q = (c or Q() for c in _range_conditions(filterset.form.cleaned_data))
    ranges_base = filterset.filter_queryset_except(
        base, FACET_FILTERS["price"] + FACET_FILTERS["elemental_mg"]
    )
    ranges = ranges_base.order_by().aggregate(
        count=Count("id", filter=price_q & mg_q),
        price_min=Min("price_eur", filter=mg_q),
        price_max=Max("price_eur", filter=mg_q),
        mg_min=Min("elemental_mg_per_day", filter=price_q),
        mg_max=Max("elemental_mg_per_day", filter=price_q),
    )
    facets = {
        "form": _facet_list(
            _counts(form_rows, "form_id"), labels["form"], filterset.selected("form")
        ),
        "goal": _facet_list(
            _counts(goal_rows, "goal_id"), labels["goal"], filterset.selected("goal")
        ),
        "brand": _facet_list(
            _counts(brand_rows, "brand_id"), labels["brand"], filterset.selected("brand")
        ),
        "dose_form": _facet_list(
            _counts(dose_rows, "dose_form"),
            None,
            filterset.selected("dose_form"),
            choices={k: str(v) for k, v in DoseForm.choices},
        ),
        "price": {"min": _number(ranges["price_min"]), "max": _number(ranges["price_max"])},
        "elemental_mg": {"min": _number(ranges["mg_min"]), "max": _number(ranges["mg_max"])},
    }
    return Listing(count=int(ranges["count"] or 0), facets=facets)


def product_listing_facets(filterset: Any, base: QuerySet[Any], lang: str) -> Listing:
    """`product_facets`, cached per catalog version, language, market and filter values."""
    params = sorted(
        (k, str(v))
        for k, v in filterset.form.cleaned_data.items()
        if v not in (None, "", []) and k != "ordering"
    )
    key = "facets:" + lang + ":" + hashlib.sha256(repr(params).encode()).hexdigest()
    return cached(key, lambda: product_facets(filterset, base, lang))  # type: ignore[no-any-return]


# --- interactions ---------------------------------------------------------------------------

SEVERITY_RANK = {"contraindication": 0, "major": 1, "moderate": 2, "minor": 3}


@dataclass(frozen=True)
class InteractionClass:
    """A substance class and the forms it concerns, without its texts."""

    id: int
    slug: str
    kind: str
    severity: str
    form_ids: frozenset[int]  # empty: every form

    def concerns(self, form_ids: Iterable[int]) -> bool:
        return not self.form_ids or bool(self.form_ids & set(form_ids))


@dataclass(frozen=True)
class InteractionInfo(InteractionClass):
    texts: dict[str, dict[str, Any]]  # lang -> name, examples, mechanism, advice
    terms: tuple[str, ...]


def _by_severity(interaction: InteractionClass) -> tuple[int, str]:
    """Most severe first, then by substance class."""
    return SEVERITY_RANK.get(interaction.severity, 9), interaction.slug


def translated(obj: Any, name: str, lang: str) -> str:
    """A translated field in `lang`, falling back to Dutch, the shop's first language."""
    return getattr(obj, f"{name}_{lang}", "") or getattr(obj, f"{name}_nl", "") or ""


INTERACTION_TEXTS = ("name", "mechanism", "advice", "examples")


def interactions() -> list[InteractionInfo]:
    """Every interaction with its texts in both languages (cached; tiny table)."""
    from .models import Interaction
    from .models.content import lines

    def compute() -> list[InteractionInfo]:
        # One query of plain values: a row per (interaction, concerned form), form NULL when
        # it concerns every form. Model instances and a prefetch cost several times more.
        texts_of = [f"{name}_{lang}" for name in INTERACTION_TEXTS for lang in ("nl", "en")]
        rows = Interaction.objects.order_by("id").values_list(
            "id", "slug", "kind", "severity", "match_terms", *texts_of, "forms"
        )
        by_id: dict[int, tuple[Any, ...]] = {}
        form_ids: dict[int, set[int]] = {}
        for row in rows:
            by_id.setdefault(row[0], row)
            if row[-1] is not None:
                form_ids.setdefault(row[0], set()).add(row[-1])
        result = []
        for pk, (_pk, slug, kind, severity, match_terms, *values, _form) in by_id.items():
            # Untranslated modeltranslation columns are NULL: texts fall back to Dutch, or "".
            text = dict(zip(texts_of, values, strict=True))
            texts = {
                lang: {
                    name: text[f"{name}_{lang}"] or text[f"{name}_nl"] or ""
                    for name in ("name", "mechanism", "advice")
                }
                | {"examples": lines(text[f"examples_{lang}"] or text["examples_nl"])}
                for lang in ("nl", "en")
            }
            terms = (
                slug.replace("-", " "),
                *(text[f"name_{lang}"] or "" for lang in ("nl", "en")),
                *(term for lang in ("nl", "en") for term in lines(text[f"examples_{lang}"])),
                *lines(match_terms),
            )
            result.append(
                InteractionInfo(
                    pk,
                    slug,
                    kind,
                    severity,
                    frozenset(form_ids.get(pk, ())),
                    texts,
                    tuple(t for t in terms if t),
                )
            )
        return sorted(result, key=_by_severity)

    return list(cached("interactions", compute, timeout=3600))


def product_interactions(product: Any) -> list[InteractionInfo]:
    """The interactions that concern a product, most severe first (no query when cached)."""
    form_ids = [line.form_id for line in product.ingredients.all()]
    return [it for it in interactions() if it.concerns(form_ids)]


def product_interaction_classes(product: Any) -> list[InteractionClass]:
    """`product_interactions` without the texts, from the reference data (product summaries)."""
    form_ids = [line.form_id for line in product.ingredients.all()]
    return [it for it in _reference()["interaction"] if it.concerns(form_ids)]


# --- single objects -------------------------------------------------------------------------


def product_detail_queryset(*, include_unpublished: bool = False) -> QuerySet[Any]:
    """Published products for the detail page and API; drafts too for the answer to a write."""
    from .models import Article, Product

    products = Product.objects.all() if include_unpublished else Product.objects.published()
    return listing_queryset(products).prefetch_related(
        "packs",
        "co_ingredients",
        Prefetch(
            "articles",
            queryset=Article.objects.filter(published=True).only(
                "id", "slug", "title_nl", "title_en", "title"
            ),
        ),
        "goals__claims",
    )


def related_products(product: Any, limit: int = 6) -> QuerySet[Any]:
    """Published products for the same goal that bring a form this product does not have,
    best value first. Pages wrap it in `listing_queryset`; the API reads `product_rows`."""
    from .models import IngredientLine, Product

    goal_ids = [g.id for g in product.goals.all()]
    form_ids = [line.form_id for line in product.ingredients.all()]
    other_form = IngredientLine.objects.filter(product=OuterRef("pk")).exclude(form_id__in=form_ids)
    shares_goal = Product.goals.through.objects.filter(product=OuterRef("pk"), goal_id__in=goal_ids)
    return (
        Product.objects.published()
        .exclude(pk=product.pk)
        .filter(Exists(shares_goal), Exists(other_form))
        .order_by("price_per_100mg", "id")[:limit]
    )


def product_claims(product: Any) -> list[Any]:
    """Authorised claims the product may carry: its goals' claims, only at >= 15 % NRV."""
    from .compliance import may_carry_claims

    if not may_carry_claims(product.elemental_mg_per_day, nrv_mg()):
        return []
    claims: dict[int, Any] = {}
    for goal in product.goals.all():
        for claim in goal.claims.all():
            claims.setdefault(claim.id, claim)
    return sorted(claims.values(), key=lambda c: c.slug)


# --- what a product page and the detail API show --------------------------------------------


@dataclass(frozen=True)
class DoseRow:
    """One row of a product's dose table: a magnesium form or a co-ingredient."""

    kind: str  # "magnesium" or "co_ingredient"
    form_slug: str | None
    name: str
    compound_mg: Decimal | None
    elemental_mg_per_serving: Decimal | None
    amount_per_day: Decimal
    unit: str
    percent_nrv: int | None


def product_dose_rows(product: Any) -> list[DoseRow]:
    """Magnesium per form (per serving and per day, % NRV), then co-ingredients."""
    from . import dosing

    nrv = nrv_mg()
    rows = []
    for line in product.ingredients.all():
        per_serving = dosing.elemental_mg_for_line(dosing.IngredientAmount.of(line))
        per_day = dosing.elemental_mg_per_day(per_serving, product.servings_per_day)
        rows.append(
            DoseRow(
                "magnesium",
                line.form.slug,
                line.form.name,
                line.compound_mg,
                dosing.round_mg(per_serving),
                per_day,
                "mg",
                dosing.percent_nrv(per_day, nrv),
            )
        )
    for co in product.co_ingredients.all():
        percent = dosing.percent_nrv(co.amount, co.nrv_amount) if co.nrv_amount else None
        rows.append(
            DoseRow("co_ingredient", None, co.name, None, None, co.amount, co.unit, percent)
        )
    return rows


def product_label(product: Any, lang: str) -> list[Any]:
    """The mandatory EU label texts with the product's numbers (compliance.label_texts)."""
    from django.utils import translation

    from . import compliance
    from .models import ServingUnit

    with translation.override(lang):
        unit = ServingUnit(product.serving_unit)
        singular = str(unit.label)
        plural = str(SERVING_UNIT_PLURALS.get(product.serving_unit, unit.label))
        nutrients = [
            compliance.Nutrient(
                name=(_("Magnesium") if row.kind == "magnesium" else row.name)
                + (f" ({row.name})" if row.kind == "magnesium" else ""),
                amount=row.amount_per_day,
                unit=row.unit,
                percent_nrv=row.percent_nrv,
            )
            for row in product_dose_rows(product)
        ]
        if len(product.ingredients.all()) > 1:
            nutrients.insert(
                0,
                compliance.Nutrient(
                    name=str(_("Magnesium, total")),
                    amount=product.elemental_mg_per_day,
                    unit="mg",
                    percent_nrv=product.percent_nrv,
                ),
            )
    return compliance.label_texts(
        compliance.LabelInput(
            serving_size=product.serving_size,
            serving_unit_label=singular,
            serving_unit_label_plural=plural,
            servings_per_day=product.servings_per_day,
            nutrients=nutrients,
            children_product=compliance.is_children_product(product.min_age_years),
        ),
        lang,
    )


# --- interaction check (API and storefront) -------------------------------------------------


def interaction_check(
    *,
    product_slugs: list[str],
    medications: list[str],
    conditions: list[str],
    market: str,
    lang: str,
) -> dict[str, Any]:
    """The interaction checker's answer in `lang`; unknown product slugs are left out
    (callers validate them first and answer 400)."""
    from django.utils import translation

    from . import compliance
    from .models import IngredientLine, Product

    products = list(
        Product.objects.published()
        .filter(slug__in=product_slugs)
        .prefetch_related(
            Prefetch(
                "ingredients", queryset=IngredientLine.objects.only("id", "product_id", "form_id")
            )
        )
    )
    checked = [
        compliance.CheckedProduct(
            p.slug, p.elemental_mg_per_day, tuple(line.form_id for line in p.ingredients.all())
        )
        for p in products
    ]
    ul = ul_mg(market, 18)
    infos = interactions()
    result = compliance.check_interactions(
        products=checked,
        medications=medications,
        conditions=conditions,
        interactions=infos,
        ul_mg=ul,
    )
    by_slug = {i.slug: i for i in infos}
    with translation.override(lang):
        return {
            "products": [
                {
                    "slug": p.slug,
                    "name": getattr(p, f"name_{lang}") or p.name_nl,
                    "elemental_mg_per_day": float(p.elemental_mg_per_day),
                }
                for p in products
            ],
            "total_elemental_mg_per_day": float(result.total_elemental_mg_per_day),
            "ul_mg": _int_or_float(ul),
            "market": market,
            "exceeds_ul": result.exceeds_ul,
            "warnings": [
                {
                    "substance_class": w.slug,
                    "name": by_slug[w.slug].texts[lang]["name"],
                    "kind": by_slug[w.slug].kind,
                    "matched": w.matched,
                    "severity": w.severity,
                    "mechanism": by_slug[w.slug].texts[lang]["mechanism"],
                    "advice": by_slug[w.slug].texts[lang]["advice"],
                    "products": list(w.products),
                }
                for w in result.warnings
            ],
            "advice": [
                compliance.advice_text(code, ul_mg=ul, total_mg=result.total_elemental_mg_per_day)
                for code in result.advice_codes
            ],
        }


def _int_or_float(value: Decimal | None) -> int | float | None:
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


def condition_slugs() -> list[str]:
    return [i.slug for i in interactions() if i.kind == "condition"]
