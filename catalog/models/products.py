"""Products and what they are made of: brands, ingredient lines, co-ingredients and packs."""

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from ..validators import validate_fraction, validate_gtin, validate_positive, validate_sku
from .indexes import CoveringIndex

if TYPE_CHECKING:
    from django.db.models.fields.related_descriptors import ManyRelatedManager

    from .content import Article

DIET_FIELDS = ("vegan", "vegetarian", "gluten_free", "lactose_free", "sugar_free")


def diet_flags(diet: Iterable[str]) -> dict[str, bool]:
    """The diet columns for a list of diet slugs; vegan implies vegetarian (as the
    `product_vegan_is_vegetarian` constraint requires)."""
    chosen = set(diet)
    if "vegan" in chosen:
        chosen.add("vegetarian")
    return {flag: flag in chosen for flag in DIET_FIELDS}


def split_sweeteners(text: str) -> list[str]:
    """The names of a sweeteners field ("xylitol, sucralose"; commas, "|" or lines)."""
    return [name.strip() for name in re.split(r"[,|\n]", text or "") if name.strip()]


class DoseForm(models.TextChoices):
    CAPSULE = "capsule", _("Capsule")
    TABLET = "tablet", _("Tablet")
    SOFTGEL = "softgel", _("Softgel")
    POWDER = "powder", _("Powder")
    LIQUID = "liquid", _("Liquid")
    EFFERVESCENT = "effervescent", _("Effervescent tablet")
    GUMMY = "gummy", _("Gummy")
    SPRAY = "spray", _("Spray")
    FLAKES = "flakes", _("Flakes")


class Route(models.TextChoices):
    """How a product is used (`compliance.routes`): swallowed, or on the skin or in the bath."""

    ORAL = "oral", _("oral (swallowed)")
    TOPICAL = "topical", _("external use (skin or bath)")


class ServingUnit(models.TextChoices):
    CAPSULE = "capsule", _("capsule")
    TABLET = "tablet", _("tablet")
    SOFTGEL = "softgel", _("softgel")
    GUMMY = "gummy", _("gummy")
    SACHET = "sachet", _("sachet")
    SCOOP = "scoop", _("scoop")
    ML = "ml", _("ml")
    SPRAY = "spray", _("spray")
    GRAM = "g", _("gram")


# The plural of each serving unit, for label texts ("2 capsules a day").
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


class Brand(models.Model):
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    name = models.CharField(_("name"), max_length=120)
    country = models.CharField(_("country"), max_length=2, blank=True)

    class Meta:
        verbose_name = _("brand")
        verbose_name_plural = _("brands")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class ProductQuerySet(models.QuerySet["Product"]):
    def published(self) -> "ProductQuerySet":
        return self.filter(published=True)


ProductManager = models.Manager.from_queryset(ProductQuerySet)


class Product(models.Model):
    """A magnesium supplement. Its dose figures (below "derived") are written by services only."""

    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    brand = models.ForeignKey(
        Brand, verbose_name=_("brand"), on_delete=models.PROTECT, related_name="products"
    )
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    directions = models.TextField(_("directions"), blank=True)
    dose_form = models.CharField(_("dose form"), max_length=20, choices=DoseForm.choices)
    serving_unit = models.CharField(_("serving unit"), max_length=20, choices=ServingUnit.choices)
    serving_size = models.DecimalField(
        _("serving size"),
        max_digits=7,
        decimal_places=2,
        default=1,
        validators=[validate_positive],
        help_text=_("Units per serving, e.g. 2 capsules or 5 ml."),
    )
    servings_per_day = models.PositiveSmallIntegerField(
        _("servings per day"),
        default=1,
        validators=[validate_positive],
        help_text=_("Servings at the recommended daily use."),
    )
    min_age_years = models.PositiveSmallIntegerField(
        _("suitable from age"),
        default=18,
        help_text=_(
            "Youngest age the product is meant for; children's products are checked "
            "against the children's upper level."
        ),
    )
    route = models.CharField(
        _("route of use"),
        max_length=10,
        choices=Route.choices,
        default=Route.ORAL,
        help_text=_(
            "External-use products (bath flakes, magnesium oil) get no daily dose, % NRV, "
            "supplement label texts or health claims."
        ),
    )
    sweeteners = models.CharField(
        _("sweeteners"),
        max_length=255,
        blank=True,
        help_text=_(
            "Sweeteners and polyols as the ingredient list names them, separated by commas "
            "(xylitol, sucralose); they set the label's sweetener and laxative texts."
        ),
    )
    vegan = models.BooleanField(_("vegan"), default=False)
    vegetarian = models.BooleanField(_("vegetarian"), default=False)
    gluten_free = models.BooleanField(_("gluten-free"), default=False)
    lactose_free = models.BooleanField(_("lactose-free"), default=False)
    sugar_free = models.BooleanField(_("sugar-free"), default=False)
    published = models.BooleanField(_("published"), default=False, db_index=True)
    goals = models.ManyToManyField(
        "catalog.Goal", verbose_name=_("goals"), blank=True, related_name="products"
    )
    image = models.ImageField(_("image"), upload_to="products/", blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True, db_index=True)

    # Derived: recomputed by catalog.services on every write, checked by `check_catalog`.
    elemental_mg_per_serving = models.DecimalField(
        _("elemental mg per serving"), max_digits=9, decimal_places=1, default=0, editable=False
    )
    elemental_mg_per_day = models.DecimalField(
        _("elemental mg per day"), max_digits=9, decimal_places=1, default=0, editable=False
    )
    percent_nrv = models.PositiveIntegerField(_("% NRV"), default=0, editable=False)
    price_eur = models.DecimalField(
        _("from-price (EUR)"), max_digits=10, decimal_places=2, null=True, editable=False
    )
    servings_per_container = models.PositiveIntegerField(
        _("servings per container"),
        null=True,
        editable=False,
        help_text=_("Of the pack that sets the price."),
    )
    days_supply = models.PositiveIntegerField(_("days of supply"), null=True, editable=False)
    price_per_100mg = models.DecimalField(
        _("price per 100 mg (EUR)"), max_digits=10, decimal_places=2, null=True, editable=False
    )
    in_stock = models.BooleanField(_("in stock"), default=False, editable=False)
    search_text = models.TextField(
        _("search text"),
        blank=True,
        default="",
        editable=False,
        help_text=_("Names in both languages, brand, forms and descriptions, folded for search."),
    )
    search_keywords = models.TextField(
        _("search keywords"),
        blank=True,
        default="",
        editable=False,
        help_text=_(
            "Names, brand, forms and goals with their search words, dose form and diet words, "
            "folded: a query word found here ranks above one found in a description only."
        ),
    )
    # Denormalised facet keys: bit n is set when the product has the form (goal) with id n, for
    # ids below 63. Facet counts then take one scan of a covering index instead of a join per
    # facet (selectors.facets).
    form_mask = models.BigIntegerField(
        _("form bits"),
        default=0,
        editable=False,
        help_text=_("Bit n set when the product contains the form with id n."),
    )
    goal_mask = models.BigIntegerField(
        _("goal bits"),
        default=0,
        editable=False,
        help_text=_("Bit n set when the product is linked to the goal with id n."),
    )

    objects = ProductManager()
    if TYPE_CHECKING:  # reverse of Article.products (modeltranslation hides it from the plugin)
        articles: "ManyRelatedManager[Article, Any]"

    class Meta:
        verbose_name = _("product")
        verbose_name_plural = _("products")
        ordering = ["name", "id"]
        indexes = [
            # One per ordering of the contract, with the id tie-breaker, so that a first page
            # is read off the index in order (descending orderings scan it backwards).
            models.Index(fields=["published", "name"], name="product_pub_name"),
            models.Index(fields=["published", "price_eur", "id"], name="product_pub_price_id"),
            models.Index(fields=["published", "price_per_100mg", "id"], name="product_pub_ppmg_id"),
            models.Index(
                fields=["published", "elemental_mg_per_day", "id"], name="product_pub_mgday_id"
            ),
            models.Index(fields=["published", "-created_at", "-id"], name="product_pub_created_id"),
            models.Index(fields=["published", "dose_form"], name="product_pub_doseform"),
            # Facet counts scan this index only (PostgreSQL INCLUDE; a plain index elsewhere).
            CoveringIndex(
                fields=["published", "brand"],
                covering=[
                    "dose_form",
                    "form_mask",
                    "goal_mask",
                    "price_eur",
                    "elemental_mg_per_day",
                    "in_stock",
                    "min_age_years",
                    *DIET_FIELDS,
                ],
                name="product_facet_scan",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(servings_per_day__gt=0), name="product_servings_per_day_positive"
            ),
            models.CheckConstraint(
                condition=Q(serving_size__gt=0), name="product_serving_size_positive"
            ),
            models.CheckConstraint(
                condition=Q(vegan=False) | Q(vegetarian=True), name="product_vegan_is_vegetarian"
            ),
        ]

    def __str__(self) -> str:
        return self.name or self.slug

    def get_absolute_url(self) -> str:
        return reverse("catalog:product-detail", kwargs={"slug": self.slug})

    @property
    def diet(self) -> list[str]:
        return [flag for flag in DIET_FIELDS if getattr(self, flag)]

    @property
    def sweetener_list(self) -> list[str]:
        return split_sweeteners(self.sweeteners)

    @property
    def is_topical(self) -> bool:
        return self.route == Route.TOPICAL


class IngredientLine(models.Model):
    """One magnesium compound in a product, per serving, as the label states it."""

    product = models.ForeignKey(
        Product, verbose_name=_("product"), on_delete=models.CASCADE, related_name="ingredients"
    )
    form = models.ForeignKey(
        "catalog.Form",
        verbose_name=_("form"),
        on_delete=models.PROTECT,
        related_name="ingredient_lines",
    )
    compound_mg = models.DecimalField(
        _("compound mg per serving"),
        max_digits=12,
        decimal_places=4,
        null=True,
        blank=True,
        validators=[validate_positive],
    )
    elemental_mg = models.DecimalField(
        _("elemental mg per serving"),
        max_digits=12,
        decimal_places=4,
        null=True,
        blank=True,
        validators=[validate_positive],
        help_text=_("As the label states it; when given it wins over any computation."),
    )
    assayed_fraction = models.DecimalField(
        _("assayed fraction"),
        max_digits=5,
        decimal_places=4,
        null=True,
        blank=True,
        validators=[validate_fraction],
        help_text=_("The supplier's assayed elemental fraction; else the form's default is used."),
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("ingredient line")
        verbose_name_plural = _("ingredient lines")
        ordering = ["position", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(compound_mg__isnull=False) | Q(elemental_mg__isnull=False),
                name="ingredient_has_amount",
            ),
            models.CheckConstraint(
                condition=Q(compound_mg__isnull=True) | Q(compound_mg__gt=0),
                name="ingredient_compound_positive",
            ),
            models.CheckConstraint(
                condition=Q(elemental_mg__isnull=True) | Q(elemental_mg__gt=0),
                name="ingredient_elemental_positive",
            ),
            models.CheckConstraint(
                condition=Q(assayed_fraction__isnull=True)
                | (Q(assayed_fraction__gt=0) & Q(assayed_fraction__lte=1)),
                name="ingredient_fraction_between_0_and_1",
            ),
            models.CheckConstraint(
                condition=Q(compound_mg__isnull=True)
                | Q(elemental_mg__isnull=True)
                | Q(elemental_mg__lte=F("compound_mg")),
                name="ingredient_elemental_within_compound",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.form} ({self.product})"

    def clean(self) -> None:
        if self.compound_mg is None and self.elemental_mg is None:
            raise ValidationError(
                {"compound_mg": _("Give the compound or the elemental amount.")}, code="no_amount"
            )
        if (
            self.compound_mg is not None
            and self.elemental_mg is not None
            and self.elemental_mg > self.compound_mg
        ):
            raise ValidationError(
                {
                    "elemental_mg": _(
                        "The elemental amount (%(elemental)s mg) cannot exceed the compound "
                        "amount (%(compound)s mg)."
                    )
                    % {"elemental": self.elemental_mg, "compound": self.compound_mg}
                },
                code="elemental_above_compound",
            )


class CoIngredient(models.Model):
    """A non-magnesium nutrient in the product (vitamin B6 1.4 mg), per daily portion."""

    class Unit(models.TextChoices):
        MG = "mg", "mg"
        MCG = "µg", "µg"
        G = "g", "g"
        IU = "IU", "IU"

    product = models.ForeignKey(
        Product, verbose_name=_("product"), on_delete=models.CASCADE, related_name="co_ingredients"
    )
    name = models.CharField(_("name"), max_length=120)
    amount = models.DecimalField(
        _("amount per daily portion"),
        max_digits=10,
        decimal_places=3,
        validators=[validate_positive],
    )
    unit = models.CharField(_("unit"), max_length=4, choices=Unit.choices, default=Unit.MG)
    nrv_amount = models.DecimalField(
        _("NRV in the same unit"),
        max_digits=10,
        decimal_places=3,
        null=True,
        blank=True,
        help_text=_("EU reference value (Reg. 1169/2011 Annex XIII), if the nutrient has one."),
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("co-ingredient")
        verbose_name_plural = _("co-ingredients")
        ordering = ["position", "id"]
        constraints = [
            models.CheckConstraint(condition=Q(amount__gt=0), name="coingredient_amount_positive"),
            models.CheckConstraint(
                condition=Q(nrv_amount__isnull=True) | Q(nrv_amount__gt=0),
                name="coingredient_nrv_positive",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} {self.amount} {self.unit}"


class Pack(models.Model):
    """A sellable variant of a product: one SKU, one container size, one price."""

    product = models.ForeignKey(
        Product, verbose_name=_("product"), on_delete=models.CASCADE, related_name="packs"
    )
    sku = models.CharField(_("SKU"), max_length=64, unique=True)
    gtin = models.CharField(
        _("GTIN"),
        max_length=14,
        blank=True,
        validators=[validate_gtin],
        help_text=_("EAN/GTIN barcode with its check digit."),
    )
    servings_per_container = models.PositiveIntegerField(
        _("servings per container"), validators=[validate_positive]
    )
    price_eur = models.DecimalField(
        _("price (EUR)"), max_digits=10, decimal_places=2, validators=[validate_positive]
    )
    stock = models.PositiveIntegerField(_("stock"), default=0)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("pack")
        verbose_name_plural = _("packs")
        ordering = ["servings_per_container", "sku"]
        constraints = [
            models.CheckConstraint(
                condition=Q(servings_per_container__gt=0), name="pack_servings_positive"
            ),
            models.CheckConstraint(condition=Q(price_eur__gt=0), name="pack_price_positive"),
            models.UniqueConstraint(
                fields=["gtin"], condition=~Q(gtin=""), name="pack_gtin_unique"
            ),
        ]

    def __str__(self) -> str:
        return self.sku

    def clean(self) -> None:
        # In clean() rather than the field's validators: the same rule without a migration.
        try:
            validate_sku(self.sku)
        except ValidationError as error:
            raise ValidationError({"sku": error.messages}) from None

    @property
    def in_stock(self) -> bool:
        return self.stock > 0
