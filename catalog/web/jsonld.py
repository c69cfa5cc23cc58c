"""schema.org JSON-LD for the storefront: Product + DietarySupplement, Article, BreadcrumbList.

Built from what the views already read (no queries of their own); rendered by `script_tag`,
which escapes `<`, `>` and `&` so that no text can close the script element.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from django.http import HttpRequest
from django.urls import reverse
from django.utils.html import strip_tags
from django.utils.safestring import SafeString, mark_safe

from ..compliance import rules_for
from ..conf import catalog_settings
from ..selectors.images import image_url

_ESCAPES = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026"}


def _default(value: Any) -> Any:
    if isinstance(value, Decimal):
        return float(value)
    return str(value)


def script_tag(data: dict[str, Any]) -> SafeString:
    text = json.dumps(data, ensure_ascii=False, default=_default).translate(_ESCAPES)
    return mark_safe(f'<script type="application/ld+json">{text}</script>')  # noqa: S308


def website(request: HttpRequest) -> dict[str, Any]:
    """The shop as a `WebSite` with its search box (a SearchAction)."""
    return {
        "@context": "https://schema.org",
        "@type": "WebSite",
        "url": request.build_absolute_uri(reverse("catalog:home")),
        "potentialAction": {
            "@type": "SearchAction",
            "target": request.build_absolute_uri(reverse("catalog:search")) + "?q={q}",
            "query-input": "required name=q",
        },
    }


def breadcrumb_list(request: HttpRequest, crumbs: Iterable[tuple[str, str]]) -> dict[str, Any]:
    return {
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": [
            {
                "@type": "ListItem",
                "position": i,
                "name": str(name),
                "item": request.build_absolute_uri(url),
            }
            for i, (name, url) in enumerate(crumbs, start=1)
        ],
    }


def product_graph(
    request: HttpRequest,
    *,
    product: Any,
    packs: list[Any],
    dose_rows: list[Any],
    label: list[Any],
    interactions: list[Any],
    ul_mg: Decimal | None,
    lang: str,
) -> dict[str, Any]:
    """A `Product` with one `Offer` per pack, and a `DietarySupplement` node for the dose."""
    url = request.build_absolute_uri(product.get_absolute_url())
    availability = "https://schema.org/{}"
    offers = []
    for pack in packs:
        offer: dict[str, Any] = {
            "@type": "Offer",
            "sku": pack.sku,
            "price": f"{pack.price_eur:.2f}",
            "priceCurrency": catalog_settings.CURRENCY,
            "availability": availability.format("InStock" if pack.in_stock else "OutOfStock"),
            "url": url,
        }
        if pack.gtin:
            offer[f"gtin{len(pack.gtin)}" if len(pack.gtin) in (8, 12, 13, 14) else "gtin"] = (
                pack.gtin
            )
        offers.append(offer)
    warnings = [f"{it.name}: {it.advice}" for it in interactions]
    if ul_mg is not None:
        warnings.insert(0, f"UL {ul_mg:g} mg/day (supplemental magnesium)")
    supplement: dict[str, Any] = {
        "@type": "DietarySupplement",
        "@id": url + "#supplement",
        "name": product.name,
        "activeIngredient": [f"{row.name} {row.amount_per_day:g} {row.unit}" for row in dose_rows],
        "recommendedIntake": {
            "@type": "RecommendedDoseSchedule",
            "doseValue": float(product.elemental_mg_per_day),
            "doseUnit": "mg",
            "frequency": f"{product.servings_per_day}x/day",
        },
        "safetyConsideration": " ".join(warnings) or None,
        "targetPopulation": (
            f"{product.min_age_years}+ years" if product.min_age_years else "all ages"
        ),
        "legalStatus": next((t.text for t in label if t.code == "food_supplement"), None),
    }
    if ul_mg is not None:
        supplement["maximumIntake"] = {
            "@type": "MaximumDoseSchedule",
            "doseValue": float(ul_mg),
            "doseUnit": "mg",
            "frequency": "1/day",
        }
    product_node: dict[str, Any] = {
        "@type": "Product",
        "@id": url,
        "name": product.name,
        "url": url,
        "inLanguage": lang,
        "brand": {"@type": "Brand", "name": product.brand.name},
        "description": product.description or None,
        "category": "Dietary supplement",
        "offers": offers,
        "sku": packs[0].sku if packs else None,
        "isRelatedTo": {"@id": url + "#supplement"},
    }
    image = image_url(product)
    if image:
        product_node["image"] = request.build_absolute_uri(image)
    if not rules_for(product.route).daily_oral_dose:
        # Bath flakes, a skin spray: not a dietary supplement, no intake to describe.
        product_node["category"] = "External use (skin or bath)"
        del product_node["isRelatedTo"]
        return {"@context": "https://schema.org", "@graph": [_compact(product_node)]}
    return {
        "@context": "https://schema.org",
        "@graph": [_compact(product_node), _compact(supplement)],
    }


def article_graph(request: HttpRequest, *, article: Any, lang: str) -> dict[str, Any]:
    url = request.build_absolute_uri(article.get_absolute_url())
    node: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Article",
        "@id": url,
        "headline": article.title,
        "url": url,
        "inLanguage": lang,
        "description": " ".join(article.summary_points) or None,
        "author": {"@type": "Organization", "name": article.author} if article.author else None,
        "datePublished": article.published_at.isoformat() if article.published_at else None,
        "dateModified": article.updated_at.isoformat() if article.updated_at else None,
        "keywords": ", ".join(article.keyword_list) or None,
        "mainEntityOfPage": url,
    }
    return _compact(node)


def faq_page(questions: list[Any]) -> dict[str, Any]:
    return {
        "@context": "https://schema.org",
        "@type": "FAQPage",
        "mainEntity": [
            {
                "@type": "Question",
                "name": q.question,
                "acceptedAnswer": {"@type": "Answer", "text": strip_tags(q.answer_html)},
            }
            for q in questions
        ],
    }


def _compact(node: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in node.items() if v not in (None, "", [])}
