"""Plain-dict representations of catalog objects for the API and the feeds.

Built by hand rather than through nested DRF serializers because the JSON Lines feed streams
the whole catalog: this path does no query per product (everything is prefetched or cached)
and is fast enough for 100,000 products. The shapes are declared for the OpenAPI schema in
`schemas.py`, which tests hold against these functions.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC
from decimal import Decimal
from typing import Any

from django.urls import reverse
from django.utils import translation

from .. import dosing, selectors
from ..conf import catalog_settings
from ..models import Article, Form, Goal, Product
from ..sanitize import clean_html


def num(value: Decimal | None) -> float | None:
    return None if value is None else float(value)


def int_or_float(value: Decimal | None) -> int | float | None:
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


def iso(dt: Any) -> str | None:
    if dt is None:
        return None
    return dt.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


@dataclass
class Context:
    """What every representation needs, computed once per request or feed."""

    lang: str
    market: str
    base_url: str = ""  # scheme://host for absolute image URLs
    currency: str = field(default_factory=lambda: str(catalog_settings.CURRENCY))
    _url_prefix: dict[str, str] = field(default_factory=dict)

    def money(self, value: Decimal | None) -> dict[str, str] | None:
        if value is None:
            return None
        return {"amount": f"{value:.2f}", "currency": self.currency}

    def page_url(self, name: str, slug: str) -> str:
        """Page URL in the context's language; reversed once per kind, then filled in."""
        if name not in self._url_prefix:
            with translation.override(self.lang):
                self._url_prefix[name] = reverse(f"catalog:{name}", kwargs={"slug": "--slug--"})
        return self._url_prefix[name].replace("--slug--", slug)

    def tr(self, obj: Any, name: str) -> str:
        value = getattr(obj, f"{name}_{self.lang}", None)
        return value or getattr(obj, f"{name}_nl", None) or ""

    def html(self, obj: Any, name: str) -> str:
        """Rich text, sanitised again on the way out (services sanitise it on the way in)."""
        return clean_html(self.tr(obj, name))


def form_lines(product: Any, ctx: Context) -> list[dict[str, Any]]:
    """Forms of a product with their elemental mg per serving (lines of one form summed)."""
    per_form: dict[str, dict[str, Any]] = {}
    for line in product.ingredients.all():
        mg = dosing.elemental_mg_for_line(dosing.IngredientAmount.of(line))
        entry = per_form.setdefault(
            line.form.slug,
            {"slug": line.form.slug, "name": ctx.tr(line.form, "name"), "_mg": Decimal(0)},
        )
        entry["_mg"] += mg
    return [
        {
            "slug": e["slug"],
            "name": e["name"],
            "elemental_mg_per_serving": num(dosing.round_mg(e["_mg"])),
        }
        for e in per_form.values()
    ]


def product_summary(product: Any, ctx: Context) -> dict[str, Any]:
    """PRODUCT of the contract (list, feed, related): from a Product with its brand, lines
    and goals loaded, or a `selectors.ProductRow` (the list and the JSON Lines feed)."""
    ul = selectors.product_ul_mg(product, ctx.market)
    warnings = selectors.product_interaction_classes(product)
    return {
        "slug": product.slug,
        "url": ctx.page_url("product-detail", product.slug),
        "name": ctx.tr(product, "name"),
        "brand": {"slug": product.brand.slug, "name": product.brand.name},
        "dose_form": product.dose_form,
        "forms": form_lines(product, ctx),
        "goals": [{"slug": g.slug, "name": ctx.tr(g, "name")} for g in product.goals.all()],
        "serving": {
            "unit": product.serving_unit,
            "size": int_or_float(product.serving_size),
            "servings_per_day": product.servings_per_day,
            "servings_per_container": product.servings_per_container,
        },
        "elemental_mg_per_serving": num(product.elemental_mg_per_serving),
        "elemental_mg_per_day": num(product.elemental_mg_per_day),
        "percent_nrv": product.percent_nrv,
        "exceeds_ul": dosing.exceeds_ul(product.elemental_mg_per_day, ul),
        "ul_mg": int_or_float(ul),
        "price": ctx.money(product.price_eur),
        "price_per_100mg": num(product.price_per_100mg),
        "days_supply": product.days_supply,
        "in_stock": product.in_stock,
        "diet": product.diet,
        "interaction_warnings": [
            {"substance_class": w.slug, "severity": w.severity} for w in warnings
        ],
        "image": f"{ctx.base_url}{product.image.url}" if product.image else None,
        "updated_at": iso(product.updated_at),
    }


def article_link(article: Article, ctx: Context) -> dict[str, Any]:
    return {
        "slug": article.slug,
        "title": ctx.tr(article, "title"),
        "url": ctx.page_url("article-detail", article.slug),
    }


def product_detail(product: Product, ctx: Context) -> dict[str, Any]:
    """PRODUCT plus description, directions, packs, ingredients, claims, label, warnings..."""
    data = product_summary(product, ctx)
    nrv = selectors.nrv_mg()
    with translation.override(ctx.lang):
        rows = selectors.product_dose_rows(product)
        label = selectors.product_label(product, ctx.lang)
    ul = selectors.product_ul_mg(product, ctx.market)
    data.update(
        {
            "description": ctx.tr(product, "description"),
            "directions": ctx.tr(product, "directions"),
            "min_age_years": product.min_age_years,
            "nrv_mg": int_or_float(nrv),
            "split_dose_advised": dosing.split_doses_advised(product.elemental_mg_per_day),
            "market": ctx.market,
            "packs": [
                {
                    "sku": pack.sku,
                    "gtin": pack.gtin or None,
                    "servings_per_container": pack.servings_per_container,
                    "price": ctx.money(pack.price_eur),
                    "in_stock": pack.stock > 0,
                    "days_supply": dosing.days_supply(
                        pack.servings_per_container, product.servings_per_day
                    ),
                }
                for pack in product.packs.all()
            ],
            "ingredients": [
                {
                    "kind": row.kind,
                    "form": row.form_slug,
                    "name": row.name,
                    "compound_mg": num(row.compound_mg),
                    "elemental_mg": num(row.elemental_mg_per_serving),
                    "elemental_mg_per_day": num(row.amount_per_day)
                    if row.kind == "magnesium"
                    else None,
                    "amount": num(row.amount_per_day),
                    "unit": row.unit,
                    "percent_nrv": row.percent_nrv,
                }
                for row in rows
            ],
            "claims": [
                {"slug": c.slug, "text": ctx.tr(c, "text")}
                for c in selectors.product_claims(product)
            ],
            "label": [{"code": t.code, "text": t.text} for t in label],
            "interaction_warnings": [
                {
                    "substance_class": w.slug,
                    "name": w.texts[ctx.lang]["name"],
                    "kind": w.kind,
                    "examples": w.texts[ctx.lang]["examples"],
                    "severity": w.severity,
                    "mechanism": w.texts[ctx.lang]["mechanism"],
                    "advice": w.texts[ctx.lang]["advice"],
                }
                for w in selectors.product_interactions(product)
            ],
            "articles": [article_link(a, ctx) for a in product.articles.all()],
            "related": [
                product_summary(p, ctx)
                for p in selectors.product_rows(selectors.related_products(product))
            ],
        }
    )
    data["exceeds_ul"] = dosing.exceeds_ul(product.elemental_mg_per_day, ul)
    return data


def form_representation(form: Form, ctx: Context, *, product_count: int) -> dict[str, Any]:
    return {
        "slug": form.slug,
        "url": ctx.page_url("form-detail", form.slug),
        "name": ctx.tr(form, "name"),
        "elemental_fraction": float(form.elemental_fraction),
        "elemental_percent": float(form.elemental_percent),
        "summary": ctx.tr(form, "summary"),
        "absorption_note": ctx.tr(form, "absorption_note"),
        "typical_use": ctx.tr(form, "typical_use"),
        "product_count": product_count,
        "articles": [article_link(a, ctx) for a in form.articles.all() if a.published],
    }


def goal_representation(goal: Goal, ctx: Context, *, product_count: int) -> dict[str, Any]:
    return {
        "slug": goal.slug,
        "url": ctx.page_url("goal-detail", goal.slug),
        "name": ctx.tr(goal, "name"),
        "summary": ctx.tr(goal, "summary"),
        "body_html": ctx.html(goal, "body_html"),
        "authorised_claims": [
            {"slug": c.slug, "text": ctx.tr(c, "text")} for c in goal.claims.all()
        ],
        "recommended_forms": [
            {"slug": f.slug, "name": ctx.tr(f, "name")} for f in goal.recommended_forms.all()
        ],
        "product_count": product_count,
        "articles": [article_link(a, ctx) for a in goal.articles.all() if a.published],
    }


def _lines(text: str) -> list[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def article_representation(article: Article, ctx: Context) -> dict[str, Any]:
    return {
        "slug": article.slug,
        "url": ctx.page_url("article-detail", article.slug),
        "title": ctx.tr(article, "title"),
        "author": article.author,
        "published_at": article.published_at.isoformat() if article.published_at else None,
        "summary": _lines(ctx.tr(article, "summary")),
        "intro_html": ctx.html(article, "intro_html"),
        "sections": [
            {"heading": ctx.tr(s, "heading"), "body_html": ctx.html(s, "body_html")}
            for s in article.sections.all()
        ],
        "faq": [
            {"question": ctx.tr(q, "question"), "answer_html": ctx.html(q, "answer_html")}
            for q in article.faq.all()
        ],
        "key_takeaways": _lines(ctx.tr(article, "key_takeaways")),
        "keywords": _lines(ctx.tr(article, "keywords")),
        "sources": _lines(article.sources),
        "goals": [{"slug": g.slug, "name": ctx.tr(g, "name")} for g in article.goals.all()],
        "forms": [{"slug": f.slug, "name": ctx.tr(f, "name")} for f in article.forms.all()],
        "products": [
            {
                "slug": p.slug,
                "name": ctx.tr(p, "name"),
                "url": ctx.page_url("product-detail", p.slug),
            }
            for p in article.products.all()
            if p.published
        ],
        "updated_at": iso(article.updated_at),
    }


def interaction_representation(info: selectors.InteractionInfo, ctx: Context) -> dict[str, Any]:
    texts = info.texts[ctx.lang]
    return {
        "substance_class": info.slug,
        "name": texts["name"],
        "kind": info.kind,
        "examples": texts["examples"],
        "severity": info.severity,
        "mechanism": texts["mechanism"],
        "advice": texts["advice"],
        "all_forms": not info.form_ids,
    }
