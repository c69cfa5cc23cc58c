"""Generate a large synthetic catalog for load tests and benchmarks (bulk inserts).

    python manage.py generate_catalog --products 100000 [--seed 7] [--brands 300]

Products are variations of the demo catalog (fixtures/demo/products.json): every form, dose
form and goal, one to three packs each, multi-form mixes, and the demo's spread of doses and
prices. Reference data (forms, claims, goals, interactions, NRV/UL) must be there: when the
database has no forms the command loads fixtures/demo/reference.json first, through the same
services `load_demo` uses. Rows are written by `services.products_bulk_insert`, 2,000
products a transaction (PostgreSQL COPY, else bulk_create), which computes their derived
fields with the functions every other write uses, so `check_catalog` finds no drift; running
the command again with another `--seed` adds more products.
"""

from __future__ import annotations

import json
import random
from datetime import timedelta
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from catalog import dosing, selectors, services
from catalog.demo import demo_fixtures_dir
from catalog.models import Article, Brand, Form, Goal, Pack, Product
from catalog.models.products import DIET_FIELDS, diet_flags

DEMO = demo_fixtures_dir()

DOSE_FORM_WORDS = {
    "capsule": ("Capsules", "Capsules"),
    "tablet": ("Tabletten", "Tablets"),
    "softgel": ("Softgels", "Softgels"),
    "powder": ("Poeder", "Powder"),
    "liquid": ("Vloeibaar", "Liquid"),
    "effervescent": ("Bruistabletten", "Effervescent"),
    "gummy": ("Gummies", "Gummies"),
    "spray": ("Spray", "Spray"),
    "flakes": ("Vlokken", "Flakes"),
}
VARIANTS = (
    "",
    "Forte",
    "Plus",
    "Pure",
    "Complex",
    "Daily",
    "Active",
    "Balance",
    "Premium",
    "Basic",
)
FLAVOURS = (("", ""), ("Citroen", "Lemon"), ("Sinaasappel", "Orange"), ("Framboos", "Raspberry"))
SYLLABLES = (
    "vita", "nor", "flux", "aur", "ora", "mag", "sol", "vel", "ter", "lin", "den", "kor",
    "bio", "pura", "nat", "ur", "ela", "san", "tis", "vor", "max", "eco", "zen", "lux",
)  # fmt: skip
COUNTRIES = ("NL", "BE", "DE", "FR", "DK", "SE", "NO", "GB", "US", "IT")
BATCH = 2000


def _dec(value: Any) -> Decimal | None:
    return None if value is None or value == "" else Decimal(str(value))


def _amount(value: Decimal, factor: float) -> Decimal:
    """A label-like amount: scaled, then rounded to a round-ish figure."""
    scaled = value * Decimal(str(round(factor, 2)))
    step = Decimal(5) if scaled >= 50 else Decimal("0.5")
    return max(step, (scaled / step).quantize(Decimal(1), ROUND_HALF_UP) * step)


def _price(value: float) -> Decimal:
    """A shelf price ending in .95, at least 2.95."""
    return max(Decimal("2.95"), Decimal(int(value)) + Decimal("0.95"))


def gtin13(number: int) -> str:
    """A valid GTIN-13 in the in-store range (prefix 2), from a running number."""
    body = f"2{number:011d}"
    total = sum(int(d) * (3 if i % 2 else 1) for i, d in enumerate(body))
    return body + str((10 - total % 10) % 10)


Row = services.bulk.Row


class Command(BaseCommand):
    help = "Generate N synthetic products (variations of the demo catalog) with bulk inserts."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--products", type=int, default=1000, help="How many products.")
        parser.add_argument(
            "--seed", type=int, default=1, help="Random seed (same seed, same data)."
        )
        parser.add_argument(
            "--brands", type=int, default=None, help="How many brands (default: N/300, 12-400)."
        )
        parser.add_argument(
            "--no-progress", action="store_true", help="No progress bar (logs, CI)."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        count = options["products"]
        if count < 1:
            raise CommandError("--products must be at least 1.")
        seed = options["seed"]
        rng = random.Random(seed)
        self.ensure_reference_data()
        templates = json.loads((DEMO / "products.json").read_text("utf-8"))["products"]
        self.forms = {f.slug: f for f in Form.objects.all()}
        self.forms_by_id = {f.id: f for f in self.forms.values()}
        self.form_list = list(self.forms.values())
        self.product_defaults = {
            f.attname: f.get_default() for f in Product._meta.concrete_fields if not f.primary_key
        }
        self.goals = {g.slug: g.id for g in Goal.objects.all()}
        self.article_ids = list(Article.objects.filter(published=True).values_list("id", flat=True))
        self.nrv = selectors.reference.nrv_mg()
        brand_count = options["brands"] or max(12, min(400, count // 300))
        self.brands = self.ensure_brands(rng, brand_count, seed)
        self.now = timezone.now()
        self.gtin_base = Pack.objects.count() + 1 + seed * 10_000_000
        if Product.objects.filter(slug__endswith=f"-s{seed}-1").exists():
            raise CommandError(f"Products of seed {seed} exist already; pass another --seed.")

        progress = self.progress(count, options)
        for start in range(0, count, BATCH):
            batch = [
                self.generate(rng, templates, seed, i)
                for i in range(start, min(count, start + BATCH))
            ]
            services.products_bulk_insert(batch=batch, nrv_mg=self.nrv)
            progress.update(len(batch))
        progress.close()
        services.products_tables_analyze()
        self.stdout.write(
            self.style.SUCCESS(
                f"Generated {count} products ({len(self.brands)} brands); "
                f"catalog now holds {Product.objects.count()} products."
            )
        )

    # -- setup ---------------------------------------------------------------------------------
    def progress(self, total: int, options: dict[str, Any]) -> Any:
        from tqdm import tqdm

        return tqdm(
            total=total,
            unit="product",
            desc="generate_catalog",
            disable=options["no_progress"] or options["verbosity"] == 0,
        )

    def ensure_reference_data(self) -> None:
        if Form.objects.exists():
            return
        from .load_demo import Command as LoadDemo

        self.stdout.write("No reference data yet: loading fixtures/demo/reference.json.")
        with transaction.atomic():
            LoadDemo().load_reference(json.loads((DEMO / "reference.json").read_text("utf-8")))

    def ensure_brands(self, rng: random.Random, n: int, seed: int) -> list[Brand]:
        wanted: list[Brand] = []
        names: set[str] = set()
        while len(wanted) < n:
            name = "".join(rng.choice(SYLLABLES) for _ in range(rng.choice((2, 2, 3)))).title()
            if rng.random() < 0.3:
                name += rng.choice((" Nutrition", " Health", " Labs", " Natural", " Vital"))
            if name in names:
                continue
            names.add(name)
            wanted.append(
                Brand(slug=f"{slugify(name)}-g{seed}", name=name, country=rng.choice(COUNTRIES))
            )
        return services.brands_bulk_create(brands=wanted)

    # -- one product ---------------------------------------------------------------------------
    def generate(
        self, rng: random.Random, templates: list[dict[str, Any]], seed: int, i: int
    ) -> services.ProductRows:
        t = rng.choice(templates)
        brand = rng.choice(self.brands)
        factor = rng.uniform(0.5, 1.6)

        lines: list[Row] = []
        used: set[str] = set()
        specs = list(t["ingredients"])
        if rng.random() < 0.15 and len(specs) < 3:  # a mix: one more form
            specs.append({"form": rng.choice(self.form_list).slug, "compound_mg": "300"})
        for spec in specs:
            slug = spec["form"]
            swapped = rng.random() < 0.3
            if swapped:
                slug = rng.choice(self.form_list).slug
            if slug in used:
                continue
            used.add(slug)
            elemental = _dec(spec.get("elemental_mg"))
            compound = _dec(spec.get("compound_mg"))
            lines.append(
                {
                    "form_id": self.forms[slug].id,
                    "elemental_mg": _amount(elemental, factor) if elemental else None,
                    "compound_mg": _amount(compound, factor) if compound else None,
                    "assayed_fraction": None if swapped else _dec(spec.get("assayed_fraction")),
                    "position": len(lines),
                }
            )
        forms = [self.forms_by_id[line["form_id"]] for line in lines]

        servings_per_day = int(t["servings_per_day"])
        if rng.random() < 0.2:
            servings_per_day = rng.choice((1, 2, 3))
        dose_lines = [
            dosing.IngredientAmount(
                default_fraction=form.elemental_fraction,
                compound_mg=line["compound_mg"],
                elemental_mg=line["elemental_mg"],
                assayed_fraction=line["assayed_fraction"],
            )
            for form, line in zip(forms, lines, strict=True)
        ]

        # Pack sizes around the template's, priced like it (bigger packs a little cheaper).
        template_pack = t["packs"][0]
        base_servings = int(template_pack["servings_per_container"])
        price_per_serving = (
            float(template_pack["price_eur"]) / base_servings * rng.uniform(0.6, 1.6)
        )
        multipliers = sorted(rng.sample((0.5, 1, 2, 3), rng.choice((1, 2, 2, 2, 3))))
        created = self.now - timedelta(seconds=rng.randint(0, 3 * 365 * 86400))
        updated = created + timedelta(seconds=rng.randint(0, 90 * 86400))
        packs: list[Row] = []
        for k, multiplier in enumerate(multipliers):
            servings = max(10, int(base_servings * multiplier))
            packs.append(
                {
                    "sku": f"GEN{seed}-{i:07d}-{k}",
                    "gtin": gtin13(self.gtin_base + i * 3 + k) if rng.random() < 0.7 else "",
                    "servings_per_container": servings,
                    "price_eur": _price(price_per_serving * servings * (1.1 - 0.1 * multiplier)),
                    "stock": 0 if rng.random() < 0.15 else rng.randint(1, 250),
                    "updated_at": updated,
                }
            )
        # For the label copy only; the stored figures are computed by products_bulk_insert.
        mg_per_day = dosing.elemental_mg_per_day(
            dosing.elemental_mg_per_serving(dose_lines), servings_per_day
        )
        nrv_percent = dosing.percent_nrv(mg_per_day, self.nrv)

        goal_slugs = list(t.get("goals", []))
        if rng.random() < 0.35:
            goal_slugs.append(rng.choice(list(self.goals)))
        if rng.random() < 0.2 and len(goal_slugs) > 1:
            goal_slugs.pop(0)
        goal_ids = list(dict.fromkeys(self.goals[s] for s in goal_slugs if s in self.goals))

        diet = set(t.get("diet", []))
        if rng.random() < 0.1:
            diet.discard(rng.choice(DIET_FIELDS))

        forms_nl = " + ".join(self.short_name(form, "nl") for form in forms)
        forms_en = " + ".join(self.short_name(form, "en") for form in forms)
        variant = rng.choice(VARIANTS)
        flavoured = t["dose_form"] in ("powder", "effervescent", "gummy", "liquid")
        flavour_nl, flavour_en = rng.choice(FLAVOURS) if flavoured else ("", "")
        word_nl, word_en = DOSE_FORM_WORDS[t["dose_form"]]
        mg = f"{mg_per_day.quantize(Decimal(1))}"
        name_nl = " ".join(
            w for w in ("Magnesium", forms_nl, variant, f"{mg} mg", word_nl, flavour_nl) if w
        )
        name_en = " ".join(
            w for w in ("Magnesium", forms_en, variant, f"{mg} mg", word_en, flavour_en) if w
        )
        size = _dec(t.get("serving_size", 1)) or Decimal(1)
        unit = t["serving_unit"]
        description_nl = (
            f"{word_nl} van {brand.name} met {forms_nl.lower()}. {servings_per_day} x {size:f} "
            f"{unit} per dag levert {mg} mg elementair magnesium ({nrv_percent}% RI)."
        )
        description_en = (
            f"{word_en} by {brand.name} with {forms_en.lower()}. {servings_per_day} x {size:f} "
            f"{unit} a day provide {mg} mg of elemental magnesium ({nrv_percent}% NRV)."
        )
        slug = slugify(f"{brand.name} {name_en}")[:90] + f"-s{seed}-{i + 1}"
        directions_nl = f"Neem {servings_per_day} x per dag {size:f} {unit} bij een maaltijd."
        product: Row = {
            **self.product_defaults,
            "slug": slug,
            "brand_id": brand.id,
            "name": name_nl,  # the untranslated column holds the default language
            "name_nl": name_nl,
            "name_en": name_en,
            "description": description_nl,
            "description_nl": description_nl,
            "description_en": description_en,
            "directions": directions_nl,
            "directions_nl": directions_nl,
            "directions_en": f"Take {size:f} {unit} {servings_per_day} times a day with a meal.",
            "dose_form": t["dose_form"],
            "serving_unit": unit,
            "serving_size": size,
            "servings_per_day": servings_per_day,
            "min_age_years": int(t.get("min_age_years", 18)),
            "published": rng.random() < 0.96,
            "created_at": created,
            "updated_at": updated,
            **diet_flags(diet),
        }
        co_ingredients = [
            {
                "name": c["name_nl"],
                "name_nl": c["name_nl"],
                "name_en": c["name_en"],
                "amount": Decimal(c["amount"]),
                "unit": c.get("unit", "mg"),
                # None: `products_bulk_insert` stores the known EU NRV, as `product_save` does.
                "nrv_amount": _dec(c.get("nrv_amount")),
                "position": n,
            }
            for n, c in enumerate(t.get("co_ingredients", []))
        ]
        articles = (
            rng.sample(self.article_ids, min(2, len(self.article_ids)))
            if self.article_ids and rng.random() < 0.3
            else []
        )
        return services.ProductRows(product, lines, co_ingredients, packs, goal_ids, articles)

    @staticmethod
    def short_name(form: Form, lang: str) -> str:
        name = str(getattr(form, f"name_{lang}") or form.slug)
        if name.startswith("Magnesium") and len(name) > len("Magnesium"):
            name = name[len("Magnesium") :].lstrip(" -")
        return name[:1].upper() + name[1:]
