"""Checking the cells of one row against the contract and the reference data."""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.text import slugify
from django.utils.translation import gettext as _

from .. import compliance, dosing, services
from ..compliance import fold
from ..models import Brand, Form, Goal, IngredientLine, Pack, Product, Route
from ..models.products import DIET_FIELDS, diet_flags, split_sweeteners
from ..services.bulk import chunks
from ..validators import validate_plausible_dose, validate_sku
from .export import export_queryset, format_decimal, format_ingredients, pack_values, translated
from .files import BASIS_COMPOUND, BASIS_ELEMENTAL, RowError

# What managers write in a yes/no column, in Dutch and English (Excel's TRUE/WAAR arrive as 1/0).
TRUE_WORDS = frozenset({"true", "yes", "ja", "waar", "1", "y", "j"})
FALSE_WORDS = frozenset({"false", "no", "nee", "onwaar", "0", "n"})
BRAND_SLUG_LENGTH = 80
BRAND_NAME_LENGTH = 120
# What a new brand's name may hold besides letters, digits and spaces ("Dr. Mercola",
# "A.Vogel", "Nature's Plus", "Sonnentor®", "Lamberts / Pure"): no ; = < > " and the like.
BRAND_PUNCTUATION = frozenset(".,&'’-+®™/()!")


def _message(error: ValidationError) -> str:
    return " ".join(str(m) for m in error.messages)


def _clean(model: type[Any], name: str, value: Any) -> Any:
    return model._meta.get_field(name).clean(value, None)


def _decimal_text(value: str) -> str:
    # Accept a decimal comma ("19,95") as Dutch spreadsheets write it.
    return value.replace(",", ".") if "," in value and "." not in value else value


def parse_ingredients(
    text: str, forms: dict[str, Form]
) -> tuple[list[services.IngredientInput], list[str]]:
    """`citrate:400;bisglycinate:1000:compound` -> ingredient inputs, or reasons it is bad."""
    lines: list[services.IngredientInput] = []
    problems: list[str] = []
    for part in (p.strip() for p in text.split(";")):
        if not part:
            continue
        bits = [b.strip() for b in part.split(":")]
        if len(bits) not in (2, 3):
            problems.append(_("“%(part)s” is not form_slug:amount_mg[:basis].") % {"part": part})
            continue
        slug, amount_text = bits[0], bits[1]
        basis = bits[2].lower() if len(bits) == 3 else BASIS_ELEMENTAL
        form = forms.get(slug)
        if form is None:
            problems.append(_("Unknown form “%(slug)s”.") % {"slug": slug})
        if basis not in (BASIS_ELEMENTAL, BASIS_COMPOUND):
            problems.append(
                _("Unknown basis “%(basis)s” (elemental or compound).") % {"basis": bits[2]}
            )
        try:
            amount = Decimal(_decimal_text(amount_text))
            if not amount.is_finite() or amount <= 0:
                raise InvalidOperation
            _clean(IngredientLine, "elemental_mg", amount)
        except (InvalidOperation, ValueError):
            problems.append(
                _("“%(amount)s” is not a positive number of mg.") % {"amount": amount_text}
            )
            continue
        except ValidationError as error:
            problems.append(f"“{amount_text}”: {_message(error)}")
            continue
        if form is not None and basis in (BASIS_ELEMENTAL, BASIS_COMPOUND):
            lines.append(
                services.IngredientInput(
                    form=form,
                    elemental_mg=amount if basis == BASIS_ELEMENTAL else None,
                    compound_mg=amount if basis == BASIS_COMPOUND else None,
                )
            )
    if not lines and not problems:
        problems.append(_("At least one ingredient is required."))
    return lines, problems


def parse_bool(text: str) -> bool | None:
    """`ja`, `Yes`, `WAAR`, `1`... -> True; `nee`, `no`, `onwaar`, `0`... -> False; else None."""
    word = text.strip().casefold()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    return None


def brand_key(text: str) -> str:
    """How a brand cell is compared: case, accents and spacing do not count."""
    return " ".join(fold(text).split())


@dataclass(frozen=True)
class NewBrand:
    """A brand the file names that the catalog does not have yet: created by the import."""

    slug: str
    name: str
    line: int


class Brands:
    """Finds a brand by its slug or name, case- and accent-insensitively; notes new ones."""

    def __init__(self, brands: list[Brand]) -> None:
        self.by_slug = {b.slug: b for b in brands}
        self.by_key: dict[str, Brand] = {}
        # Names first, slugs last: a slug wins when a name folds to another brand's slug.
        for brand in brands:
            self.by_key.setdefault(brand_key(brand.name), brand)
        for brand in brands:
            self.by_key[brand_key(brand.slug)] = brand
        self.new: dict[str, NewBrand] = {}

    def find(self, text: str) -> Brand | None:
        """The existing brand a cell names (its slug or name, any case or accents), or None."""
        return self.by_key.get(brand_key(text)) or self.by_slug.get(slugify(text))

    def resolve(self, text: str, line: int) -> tuple[str, Brand | None]:
        """(slug, brand) for a cell; brand None for a new one. Raises ValidationError."""
        name = " ".join(text.split())
        brand = self.find(name)
        if brand is not None:
            return brand.slug, brand
        slug = slugify(name)[:BRAND_SLUG_LENGTH].strip("-")
        if not slug:
            raise ValidationError(
                _("“%(name)s” cannot be a brand name: it needs letters or digits.") % {"name": text}
            )
        if len(name) > BRAND_NAME_LENGTH:
            raise ValidationError(
                _("A brand name has at most %(max)s characters.") % {"max": BRAND_NAME_LENGTH}
            )
        _check_new_brand_name(name)
        self.new.setdefault(slug, NewBrand(slug=slug, name=name, line=line))
        return slug, None


def _check_new_brand_name(name: str) -> None:
    """A new brand is written in Latin letters, digits and a little punctuation.

    A Cyrillic "х" in "Vitafluх" looks like an existing brand's name but is not: it would make
    a look-alike brand. Accented letters (Élanvie, Pürblend) and ø, æ, ß are Latin and fine.
    """
    for char in fold(name):
        if char.isascii() and (char.isalnum() or char == " " or char in BRAND_PUNCTUATION):
            continue
        if char in BRAND_PUNCTUATION or (char.isalpha() and "LATIN" in unicodedata.name(char, "")):
            continue
        raise ValidationError(
            _(
                "“%(name)s” cannot be a new brand's name: “%(char)s” (%(unicode)s) is not a "
                "Latin letter, digit or usual punctuation."
            )
            % {"name": name, "char": char, "unicode": unicodedata.name(char, hex(ord(char)))}
        )


@dataclass
class Reference:
    """The reference data and existing products and packs a file's rows refer to."""

    brands: Brands
    forms: dict[str, Form]
    goals: dict[str, Goal]
    packs_by_sku: dict[str, Pack]
    skus_by_gtin: dict[str, str]
    products: dict[int, Product]
    products_by_key: dict[tuple[str, str], list[Product]]


def load_reference(
    rows: list[tuple[int, dict[str, str]]], *, product_values: bool = True
) -> Reference:
    """Everything validation needs, in a few queries a 500 rows.

    Only the products the file names are read (by the SKUs of its rows, and by brand and
    `name_en` for new packs): never the whole catalog, nor every product of a brand. With
    `product_values` False (a file of pack columns only) products are read without their
    ingredient lines and goals.
    """
    skus = sorted({r["sku"] for _, r in rows if r.get("sku")})
    gtins = sorted({r["gtin"] for _, r in rows if r.get("gtin")})
    packs_by_sku: dict[str, Pack] = {}
    for chunk in chunks(skus):
        packs_by_sku.update((p.sku, p) for p in Pack.objects.filter(sku__in=chunk))
    skus_by_gtin: dict[str, str] = {}
    for chunk in chunks(gtins):
        skus_by_gtin.update(Pack.objects.filter(gtin__in=chunk).values_list("gtin", "sku"))
    brands = Brands(list(Brand.objects.all()))
    product_ids = {p.product_id for p in packs_by_sku.values()}
    named: dict[int, set[str]] = defaultdict(set)  # brand id -> name_en of rows with a new SKU
    for _line, row in rows:
        if row.get("sku") not in packs_by_sku and row.get("brand") and row.get("name_en"):
            brand = brands.find(row["brand"])
            if brand is not None:
                named[brand.pk].add(row["name_en"])
    for brand_id, names in named.items():
        for name_chunk in chunks(sorted(names)):
            product_ids.update(
                Product.objects.filter(brand_id=brand_id, name_en__in=name_chunk).values_list(
                    "pk", flat=True
                )
            )
    products: dict[int, Product] = {}
    base = (
        export_queryset(Product.objects.all())
        if product_values
        else Product.objects.select_related("brand")
        .only("slug", "name", "name_nl", "name_en", "brand__slug", "brand__name")
        .order_by()
    )
    for id_chunk in chunks(sorted(product_ids)):
        for product in base.filter(pk__in=id_chunk):
            products[product.pk] = product
    products_by_key: dict[tuple[str, str], list[Product]] = defaultdict(list)
    for product in products.values():
        products_by_key[(product.brand.slug, translated(product, "name_en"))].append(product)
    return Reference(
        brands=brands,
        forms={f.slug: f for f in Form.objects.all()},
        goals={g.slug: g for g in Goal.objects.all()},
        packs_by_sku=packs_by_sku,
        skus_by_gtin=skus_by_gtin,
        products=products,
        products_by_key=products_by_key,
    )


def validate_product_values(
    line: int, row: dict[str, str], ref: Reference, errors: list[RowError]
) -> tuple[dict[str, str], dict[str, Any], list[Goal], list[services.IngredientInput]] | None:
    """Check the product-level columns of one row; canonical values and model values."""
    before = len(errors)

    def bad(column: str, message: str) -> None:
        errors.append(RowError(line, column, message))

    values: dict[str, str] = {}
    fields: dict[str, Any] = {}
    try:
        values["brand"], fields["brand"] = ref.brands.resolve(row["brand"], line)
    except ValidationError as error:
        bad("brand", _message(error))
    if row.get("published"):  # a column left out or empty: new products are drafts
        published = parse_bool(row["published"])
        if published is None:
            bad(
                "published",
                _("“%(value)s” is not yes or no (true/false, ja/nee, 1/0).")
                % {"value": row["published"]},
            )
        else:
            fields["published"] = published
            values["published"] = "true" if published else "false"
    for column in (
        "name_nl",
        "name_en",
        "dose_form",
        "serving_unit",
        "description_nl",
        "description_en",
    ):
        try:
            fields[column] = _clean(Product, column, row[column])
            values[column] = fields[column]
        except ValidationError as error:
            bad(column, _message(error))
    for column, default in (("serving_size", "1"), ("servings_per_day", "")):
        raw = _decimal_text(row[column]) if row[column] else default
        try:
            value = _clean(Product, column, raw)
            if value is not None and value <= 0:
                raise ValidationError(_("Must be more than zero."))
            fields[column] = value
            values[column] = format_decimal(value)
        except ValidationError as error:
            bad(column, _message(error))
    goals = []
    for slug in sorted({g.strip() for g in row["goals"].split("|") if g.strip()}):
        goal = ref.goals.get(slug)
        if goal is None:
            bad("goals", _("Unknown goal “%(slug)s”.") % {"slug": slug})
        else:
            goals.append(goal)
    values["goals"] = "|".join(g.slug for g in goals)
    diet = {d.strip() for d in row["diet"].split("|") if d.strip()}
    for flag in sorted(diet - set(DIET_FIELDS)):
        bad(
            "diet",
            _("Unknown diet “%(slug)s”; valid: %(valid)s.")
            % {"slug": flag, "valid": ", ".join(DIET_FIELDS)},
        )
    fields.update(diet_flags(diet))
    values["diet"] = "|".join(flag for flag in DIET_FIELDS if fields[flag])
    route = (row.get("route") or "").strip().lower()
    if route and route not in Route.values:
        bad(
            "route",
            _("Unknown route “%(route)s”; valid: %(valid)s.")
            % {"route": route, "valid": ", ".join(Route.values)},
        )
    if route:  # no column or an empty cell: decided by `fill_optional_columns`
        values["route"] = fields["route"] = route
    if "sweeteners" in row:  # no column: a product keeps its own (a new one has none)
        sweeteners = list(dict.fromkeys(split_sweeteners(row["sweeteners"])))
        values["sweeteners"] = "|".join(sweeteners)
        fields["sweeteners"] = ", ".join(sweeteners)
        if len(fields["sweeteners"]) > 255:
            bad("sweeteners", _("At most 255 characters."))
    ingredients, problems = parse_ingredients(row["ingredients"], ref.forms)
    for problem in problems:
        bad("ingredients", problem)
    values["ingredients"] = format_ingredients(
        (i.form.slug, i.compound_mg, i.elemental_mg) for i in ingredients
    )
    if ingredients and not problems and isinstance(fields.get("servings_per_day"), int):
        try:
            validate_plausible_dose(
                map(dosing.IngredientAmount.of, ingredients), fields["servings_per_day"]
            )
        except ValidationError as error:
            bad("ingredients", _message(error))
    if len(errors) > before:
        return None
    return values, fields, goals, ingredients


def fill_optional_columns(
    values: dict[str, str], fields: dict[str, Any], product: Product | None
) -> None:
    """What a row without a route means: an existing product keeps its own (the column is
    not compared, not written); a new one gets the route its dose form and texts suggest."""
    if product is None and not values.get("route"):
        texts = [str(fields.get(c) or "") for c in ("name_nl", "name_en", "description_nl")]
        values["route"] = fields["route"] = compliance.suggest_route(
            str(fields.get("dose_form") or ""), texts
        )


def validate_pack(
    line: int, row: dict[str, str], errors: list[RowError], stored: Pack | None = None
) -> tuple[dict[str, str], services.PackInput] | None:
    """Check the pack columns of one row; canonical values and the pack input.

    With `stored` (a partial file) only the columns the row has are checked; the others keep
    the stored pack's values.
    """
    before = len(errors)
    values: dict[str, Any] = {}
    for column, default in (
        ("sku", ""),
        ("gtin", ""),
        ("servings_per_container", ""),
        ("price_eur", ""),
        ("stock", "0"),
    ):
        if stored is not None and column not in row:
            values[column] = getattr(stored, column)
            continue
        raw = row[column] or default
        if column == "price_eur":
            raw = _decimal_text(raw)
        try:
            value = _clean(Pack, column, raw)
            if column == "sku":
                validate_sku(value)  # no formula trigger in a cell exported later
            if column in ("servings_per_container", "price_eur") and value <= 0:
                raise ValidationError(_("Must be more than zero."))
            values[column] = value
        except ValidationError as error:
            errors.append(RowError(line, column, _message(error)))
    if len(errors) > before:
        return None
    data = services.PackInput(**values)
    return pack_values(data), data
