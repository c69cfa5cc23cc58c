"""Load the demo catalog (fixtures/demo, carried in the package too) through the services."""

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction

from catalog import services
from catalog.compliance import suggest_route
from catalog.demo import demo_fixtures_dir
from catalog.models import Article, Brand, Form, Goal, HealthClaim, Product
from catalog.models.products import diet_flags


def _dec(value: Any) -> Decimal | None:
    return None if value is None or value == "" else Decimal(str(value))


def _pair(data: dict[str, Any], name: str, join: bool = False) -> dict[str, Any]:
    out = {}
    for lang in ("nl", "en"):
        value = data.get(f"{name}_{lang}", "")
        out[f"{name}_{lang}"] = "\n".join(value) if join and isinstance(value, list) else value
    return out


class Command(BaseCommand):
    help = "Load the demo catalog (reference data, brands, products, articles) from fixtures/demo."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--path",
            default=None,
            help=(
                "Folder holding reference.json, products.json and articles/ (default: the demo "
                "catalog that comes with the catalog package)."
            ),
        )

    def handle(self, *args: Any, **options: Any) -> None:
        root = Path(options["path"]) if options["path"] else demo_fixtures_dir()
        if not (root / "reference.json").exists():
            raise CommandError(f"No reference.json in {root} (give the folder with --path).")
        with transaction.atomic():
            self.load_reference(json.loads((root / "reference.json").read_text("utf-8")))
            articles = sorted((root / "articles").glob("*.json"))
            for path in articles:
                self.load_article(json.loads(path.read_text("utf-8")))
            products_path = root / "products.json"
            if products_path.exists():
                self.load_products(json.loads(products_path.read_text("utf-8")))
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo catalog: {Form.objects.count()} forms, {Goal.objects.count()} goals, "
                f"{Brand.objects.count()} brands, {Product.objects.count()} products, "
                f"{Article.objects.count()} articles."
            )
        )

    def load_reference(self, data: dict[str, Any]) -> None:
        for i, f in enumerate(data["forms"]):
            services.form_upsert(
                slug=f["slug"],
                elemental_fraction=Decimal(f["elemental_fraction"]),
                sort_order=i,
                **_pair(f, "name"),
                **_pair(f, "summary"),
                **_pair(f, "absorption_note"),
                **_pair(f, "typical_use"),
                **_pair(f, "synonyms", join=True),
            )
        for c in data["claims"]:
            services.claim_upsert(slug=c["slug"], **_pair(c, "text"))
        for i, g in enumerate(data["goals"]):
            services.goal_upsert(
                slug=g["slug"],
                sort_order=i,
                claims=list(HealthClaim.objects.filter(slug__in=g.get("claims", []))),
                recommended_forms=list(
                    Form.objects.filter(slug__in=g.get("recommended_forms", []))
                ),
                **_pair(g, "name"),
                **_pair(g, "summary"),
                **_pair(g, "synonyms", join=True),
                body_html_nl=g.get("body_nl", ""),
                body_html_en=g.get("body_en", ""),
            )
        for it in data["interactions"]:
            services.interaction_upsert(
                slug=it["slug"],
                kind=it["kind"],
                severity=it["severity"],
                match_terms="\n".join(it.get("match_terms", [])),
                forms=list(Form.objects.filter(slug__in=it.get("forms", []))),
                **_pair(it, "name"),
                **_pair(it, "examples", join=True),
                **_pair(it, "mechanism"),
                **_pair(it, "advice"),
            )
        for rv in data["reference_values"]:
            services.reference_value_upsert(
                market=rv["market"],
                kind=rv["kind"],
                age_min_years=rv.get("age_min") or 0,
                age_max_years=rv.get("age_max"),
                amount_mg=Decimal(str(rv["amount_mg"])),
                source=rv.get("source", ""),
            )

    def load_article(self, a: dict[str, Any]) -> None:
        services.article_save(
            slug=a["slug"],
            fields={
                "author": a.get("author", ""),
                "published_at": a.get("published_at"),
                "sources": "\n".join(a.get("sources", [])),
                **_pair(a, "title"),
                **_pair(a, "summary", join=True),
                **_pair(a, "intro_html"),
                **_pair(a, "key_takeaways", join=True),
                **_pair(a, "keywords", join=True),
            },
            sections=[services.SectionInput(**s) for s in a.get("sections", [])],
            faq=[services.FaqInput(**q) for q in a.get("faq", [])],
            goals=list(Goal.objects.filter(slug__in=a.get("goals", []))),
            forms=list(Form.objects.filter(slug__in=a.get("forms", []))),
        )

    def load_products(self, data: dict[str, Any]) -> None:
        for b in data["brands"]:
            services.brand_upsert(slug=b["slug"], name=b["name"], country=b.get("country", ""))
        brands = {b.slug: b for b in Brand.objects.all()}
        forms = {f.slug: f for f in Form.objects.all()}
        goals = {g.slug: g for g in Goal.objects.all()}
        articles = {a.slug: a for a in Article.objects.all()}
        for p in data["products"]:
            try:
                services.product_save(
                    product=Product.objects.filter(slug=p["slug"]).first(),
                    data=services.ProductInput(
                        fields={
                            "slug": p["slug"],
                            "brand": brands[p["brand"]],
                            **_pair(p, "name"),
                            **_pair(p, "description"),
                            **_pair(p, "directions"),
                            "dose_form": p["dose_form"],
                            "serving_unit": p["serving_unit"],
                            "serving_size": _dec(p.get("serving_size", 1)),
                            "servings_per_day": p["servings_per_day"],
                            "min_age_years": p.get("min_age_years", 18),
                            "route": p.get("route")
                            or suggest_route(
                                p["dose_form"], [p.get("name_en", ""), p.get("directions_en", "")]
                            ),
                            "sweeteners": ", ".join(p.get("sweeteners", [])),
                            "published": p.get("published", True),
                            **diet_flags(p.get("diet", [])),
                        },
                        goals=[goals[s] for s in p.get("goals", [])],
                        articles=[articles[s] for s in p.get("articles", []) if s in articles],
                        ingredients=[
                            services.IngredientInput(
                                form=forms[i["form"]],
                                compound_mg=_dec(i.get("compound_mg")),
                                elemental_mg=_dec(i.get("elemental_mg")),
                                assayed_fraction=_dec(i.get("assayed_fraction")),
                            )
                            for i in p["ingredients"]
                        ],
                        co_ingredients=[
                            services.CoIngredientInput(
                                name_nl=c["name_nl"],
                                name_en=c["name_en"],
                                amount=Decimal(c["amount"]),
                                unit=c.get("unit", "mg"),
                                nrv_amount=_dec(c.get("nrv_amount")),
                            )
                            for c in p.get("co_ingredients", [])
                        ],
                        packs=[
                            services.PackInput(
                                sku=k["sku"],
                                gtin=k.get("gtin", ""),
                                servings_per_container=k["servings_per_container"],
                                price_eur=Decimal(k["price_eur"]),
                                stock=k.get("stock", 0),
                            )
                            for k in p["packs"]
                        ],
                    ),
                )
            except Exception as exc:
                raise CommandError(f"Product {p.get('slug')!r}: {exc}") from exc
