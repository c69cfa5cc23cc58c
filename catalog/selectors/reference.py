"""Reference data every read needs: forms, goals, brands, NRV and upper levels, interaction
classes; read in one query and cached until the next write."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db import router
from django.db.models import Q

from .. import compliance
from ..cache import cached, memoised
from ..conf import catalog_settings
from ..models import Brand, Form, Goal, Interaction, Market, ReferenceValue
from ._sql import decimal, fetch, quote

SEVERITY_RANK = {"contraindication": 0, "major": 1, "moderate": 2, "minor": 3}


@dataclass(frozen=True)
class Band:
    """An NRV or upper level of one market for ages `age_min_years` to `age_max_years`."""

    market: str
    kind: str
    age_min_years: int
    age_max_years: int | None
    amount_mg: Decimal

    def covers(self, age: int) -> bool:
        return self.age_min_years <= age and (
            self.age_max_years is None or age <= self.age_max_years
        )


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


def by_severity(interaction: InteractionClass) -> tuple[int, str]:
    """Most severe first, then by substance class."""
    return SEVERITY_RANK.get(interaction.severity, 9), interaction.slug


def _snapshot() -> dict[str, list[Any]]:
    """Forms, goals, brands, reference values and interaction classes in one query (UNION ALL).

    Nearly every request needs all of these small tables; as five ORM queries they cost more
    Python time than the rest of an uncached listing, as one they cost one round trip.
    """
    using = router.db_for_read(Form)
    q = quote(using)

    def table(model: Any, *columns: str) -> str:
        # Field names in lower case; literals (NULL, numbers) as they are.
        names = [q(model._meta.get_field(c).column) if c.islower() else c for c in columns]
        return f"SELECT {', '.join(names)} FROM {q(model._meta.db_table)}"

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
        f" UNION ALL SELECT 4, i.{q('id')}, i.{q('slug')}, i.{q('severity')},"
        f" i.{q('kind')}, NULL, f.{q(links.get_field('form').column)}"
        f" FROM {q(Interaction._meta.db_table)} i LEFT JOIN {q(links.db_table)} f"
        f" ON f.{q(links.get_field('interaction').column)} = i.{q('id')}"
    )
    fraction_places = Form._meta.get_field("elemental_fraction").decimal_places  # type: ignore[union-attr]
    amount_places = ReferenceValue._meta.get_field("amount_mg").decimal_places  # type: ignore[union-attr]
    snapshot: dict[str, list[Any]] = {"form": [], "goal": [], "brand": [], "band": []}
    interaction_rows: dict[int, tuple[str, str, str]] = {}
    interaction_forms: dict[int, set[int]] = {}
    for part, key, slug, text, text_en, number, extra in fetch(
        using, sql + " ORDER BY 1, 7, 3", []
    ):
        if part == 0:
            fraction = decimal(number, fraction_places)  # type: ignore[arg-type]
            snapshot["form"].append((key, slug, text, text_en, fraction))
        elif part == 1:
            snapshot["goal"].append((key, slug, text, text_en))
        elif part == 2:
            snapshot["brand"].append((key, slug, text))
        elif part == 3:
            amount = decimal(number, amount_places)  # type: ignore[arg-type]
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
        key=by_severity,
    )
    return snapshot


def reference() -> dict[str, list[Any]]:
    """The reference snapshot (cached until the next write)."""
    return cached("reference", _snapshot, timeout=3600)


def facet_reference() -> dict[str, list[tuple[Any, ...]]]:
    """Forms (id, slug, name_nl, name_en, elemental_fraction), goals (id, slug, name_nl,
    name_en) and brands (id, slug, name), in display order; cached until the next write.
    Filter validation, facet labels and product summaries all read it."""
    snapshot = reference()
    return {name: snapshot[name] for name in ("form", "goal", "brand")}


def reference_slugs() -> dict[str, list[str]]:
    """Valid slugs of each facet, for validating filter values."""
    return {name: [row[1] for row in rows] for name, rows in facet_reference().items()}


def ids_of(facet: str, slugs: Iterable[str]) -> list[int]:
    """Ids of known slugs of `facet` ("form", "goal", "brand"), from the cached reference
    data: filters then probe the (product, form) / (product, goal) indexes by id, with no join
    to the form, goal or brand table."""
    wanted = set(slugs)
    return [row[0] for row in facet_reference()[facet] if row[1] in wanted]


def facet_labels(lang: str) -> dict[str, dict[Any, tuple[str, str]]]:
    """id -> (slug, label in `lang`) for forms, goals and brands."""
    snapshot = facet_reference()
    labels: dict[str, dict[Any, tuple[str, str]]] = {
        name: {
            row[0]: (row[1], (row[3] if lang == "en" else row[2]) or row[2] or row[1])
            for row in snapshot[name]
        }
        for name in ("form", "goal")
    }
    labels["brand"] = {row[0]: (row[1], row[2]) for row in snapshot["brand"]}
    return labels


def interaction_classes() -> list[InteractionClass]:
    """Every interaction class and the forms it concerns, most severe first (no texts)."""
    return list(reference()["interaction"])


# --- reference values -------------------------------------------------------------------------


def reference_bands() -> list[Band]:
    """Every NRV and UL band."""
    return list(reference()["band"])


def markets() -> list[str]:
    """The markets the catalog knows (their upper levels differ)."""
    return list(Market.values)


def default_market() -> str:
    return str(catalog_settings.DEFAULT_MARKET)


def nrv_mg() -> Decimal:
    """The EU labelling NRV: from the database when a row exists, else from settings."""
    for band in reference_bands():
        if band.kind == ReferenceValue.Kind.NRV and band.market == Market.EU:
            return band.amount_mg
    return Decimal(catalog_settings.NRV_MG)


def ul_mg(market: str, age_years: int = 18) -> Decimal | None:
    """The supplemental upper level for `market` and an age; None if none is set for it.
    Within `one_read()` each (market, age) is worked out once (a page asks per product)."""
    return memoised(f"ul:{market}:{age_years}", lambda: _ul_mg(market, age_years))


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


def product_ul_mg(product: Any, market: str) -> Decimal | None:
    """The upper level for a product's youngest intended user (`min_age_years`)."""
    return ul_mg(market, min(int(product.min_age_years), compliance.ADULT_AGE))


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
    no UL set count as within (there is no level to exceed), and so do products for external
    use (the upper level concerns magnesium taken by mouth: `compliance.routes`).
    """
    condition = Q(route=compliance.Route.TOPICAL)
    for first, last, ul in _ul_age_groups(market):
        ages = (
            Q(min_age_years__gte=first)
            if last == compliance.ADULT_AGE
            else Q(min_age_years__gte=first, min_age_years__lte=last)
        )
        condition |= ages if ul is None else ages & Q(elemental_mg_per_day__lte=ul)
    return condition
