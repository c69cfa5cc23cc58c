"""The listing page's state as a shopper sees it: shareable URLs, chips of active filters with
the URL that removes each, and facet groups with their checked values."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.http import HttpRequest
from django.utils.translation import gettext as _

from .. import selectors
from ..filters import ProductFilter
from ..models import Product, Route
from ..models.products import DIET_FIELDS

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
    "route",
    "market",
    "ordering",
)


def query_url(items: list[tuple[str, str]], path: str) -> str:
    return f"{path}?{urlencode(items)}" if items else path


def state_params(cleaned: dict[str, Any]) -> list[tuple[str, str]]:
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


def diet_label(flag: str) -> str:
    return str(Product._meta.get_field(flag).verbose_name)  # type: ignore[union-attr]


def listing_chips(
    request: HttpRequest, filterset: ProductFilter, facets: dict[str, Any]
) -> list[dict[str, str]]:
    """Active filters, each with the URL that removes it."""
    state = state_params(filterset.form.cleaned_data)
    labels: dict[tuple[str, str], str] = {}
    for facet in ("form", "goal", "brand", "dose_form"):
        for item in facets.get(facet, []):
            labels[(facet, item["value"])] = item["label"]
    for flag in DIET_FIELDS:
        labels[("diet", flag)] = diet_label(flag)
    for option in route_options(filterset):
        labels[("route", option["value"])] = option["label"]
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
        chips.append({"label": text, "url": query_url(rest, request.path)})
    return chips


def route_options(filterset: ProductFilter) -> list[dict[str, Any]]:
    """The route-of-use choices (swallowed, external use) with their checked state."""
    selected = set(filterset.selected("route"))
    return [
        {"value": value, "label": str(label), "checked": value in selected}
        for value, label in Route.choices
    ]


BRAND_TOP = 12
"""Brands shown in the listing's brand facet: the most frequent, plus any selected."""
BRAND_PAGE_SIZE = 60
"""Brands a page of "all brands" (`?brands=N`, alphabetical) shows, plus any selected."""


def brand_page_number(raw: str | None) -> int | None:
    """`?brands=N` as a page number of the alphabetical brand list; None for the top brands."""
    if not raw:
        return None
    try:
        number = int(raw)
    except ValueError:
        return None
    return number if number >= 1 else None


def _bounded_brands(
    request: HttpRequest, items: list[dict[str, Any]], page: int | None
) -> dict[str, Any]:
    """The brand facet bounded at any catalog size: the top brands by count (or one
    alphabetical page of them), the selected ones always, and links to the rest."""

    def url(number: int | None) -> str:
        query = request.GET.copy()
        query.pop("page", None)
        query.pop("brands", None)
        if number is not None:
            query["brands"] = str(number)
        encoded = query.urlencode()
        return f"{request.path}?{encoded}#f-brand" if encoded else f"{request.path}#f-brand"

    total = len(items)
    if page is None:
        shown = items[:BRAND_TOP]
        more = {"all_url": url(1), "total": total} if total > BRAND_TOP else {}
    else:
        alphabetical = sorted(items, key=lambda i: str(i["label"]).lower())
        pages = max(1, -(-total // BRAND_PAGE_SIZE))
        page = min(page, pages)
        shown = alphabetical[(page - 1) * BRAND_PAGE_SIZE : page * BRAND_PAGE_SIZE]
        more = {
            "top_url": url(None),
            "total": total,
            "page": page,
            "pages": pages,
            "prev_url": url(page - 1) if page > 1 else "",
            "next_url": url(page + 1) if page < pages else "",
        }
    values = {item["value"] for item in shown}
    selected = [item for item in items if item["checked"] and item["value"] not in values]
    return {"items": selected + shown, "more": more}


def facet_groups(
    filterset: ProductFilter, facets: dict[str, Any], request: HttpRequest | None = None
) -> list[dict[str, Any]]:
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
        group: dict[str, Any] = {"name": name, "legend": legend, "items": items, "more": {}}
        if name == "brand" and request is not None:
            group.update(
                _bounded_brands(request, items, brand_page_number(request.GET.get("brands")))
            )
        groups.append(group)
    return groups


def search_note(q: str, path: str) -> dict[str, Any] | None:
    """What a page says above the results of `q`: the corrected query with its link ("Did
    you mean ...?") and the sentences about words left out; None when there is nothing."""
    if not q.strip():
        return None
    plan = selectors.search.search_plan(q)
    suggestion = plan.suggestion
    notes = selectors.search.search_notes(plan)
    if not suggestion and not notes:
        return None
    return {
        "suggestion": suggestion,
        "suggestion_url": query_url([("q", suggestion)], path) if suggestion else "",
        "notes": notes,
    }
