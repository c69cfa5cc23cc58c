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


def facet_groups(filterset: ProductFilter, facets: dict[str, Any]) -> list[dict[str, Any]]:
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
