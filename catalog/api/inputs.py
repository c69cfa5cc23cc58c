"""Input serializers for writes: they validate shape and field rules, hand plain inputs to
`catalog.services` (no business logic here) and answer with the written object in the
resource's output shape."""

from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers as s

from .. import compliance, dosing, services
from ..models import (
    Article,
    Brand,
    CoIngredient,
    DoseForm,
    Form,
    Goal,
    HealthClaim,
    Interaction,
    Pack,
    Product,
    Route,
    ServingUnit,
)
from ..models.products import DIET_FIELDS, diet_flags
from ..validators import validate_gtin, validate_plausible_dose, validate_sku

sku_validator = validate_sku


class CatalogInput(s.Serializer):
    """Validation errors in the language the client asked for (English when none), one
    transaction per write, and the answer in the resource's output shape."""

    def is_valid(self, *, raise_exception: bool = False) -> bool:
        view = self.context.get("view")
        language = view.errors_language() if view is not None else translation.override("en")
        with language:
            return super().is_valid(raise_exception=raise_exception)

    def save(self, **kwargs: Any) -> Any:
        # A slug rename and the upsert after it (UpsertSerializer) land together or not at all.
        with transaction.atomic():
            return super().save(**kwargs)

    def to_representation(self, instance: Any) -> dict[str, Any]:
        view = self.context["view"]
        return view.output.build(view.written(instance), self.context["ctx"])  # type: ignore[no-any-return]


class SlugRef(s.SlugRelatedField):
    """A related object by slug; text no slug can be (NUL, overlong, not a string) is refused
    before the lookup, since PostgreSQL answers a NUL with an error, a 500 (found by
    schemathesis)."""

    MAX_LENGTH = 200

    def to_internal_value(self, data: Any) -> Any:
        if not isinstance(data, str) or "\x00" in data or len(data) > self.MAX_LENGTH:
            self.fail("invalid")
        return super().to_internal_value(data)


def mg_field(**kwargs: Any) -> s.DecimalField:
    return s.DecimalField(
        max_digits=10,
        decimal_places=2,
        min_value=Decimal("0.01"),
        max_value=Decimal("100000"),
        **kwargs,
    )


class IngredientIn(s.Serializer):
    form: "s.SlugRelatedField[Form]" = SlugRef(slug_field="slug", queryset=Form.objects.all())
    compound_mg = mg_field(required=False, allow_null=True)
    elemental_mg = mg_field(required=False, allow_null=True)
    assayed_fraction = s.DecimalField(
        max_digits=5,
        decimal_places=4,
        min_value=Decimal("0.0001"),
        max_value=Decimal("1"),
        required=False,
        allow_null=True,
    )

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        compound, elemental = attrs.get("compound_mg"), attrs.get("elemental_mg")
        if compound is None and elemental is None:
            raise s.ValidationError({"compound_mg": [_("Give compound_mg or elemental_mg.")]})
        if compound is not None and elemental is not None and elemental > compound:
            raise s.ValidationError(
                {
                    "elemental_mg": [
                        _("The elemental amount cannot be larger than the compound amount.")
                    ]
                }
            )
        return attrs


class CoIngredientIn(s.Serializer):
    name_nl = s.CharField(max_length=120)
    name_en = s.CharField(max_length=120)
    amount = s.DecimalField(
        max_digits=10, decimal_places=3, min_value=Decimal("0.001"), max_value=Decimal("100000")
    )
    unit = s.ChoiceField(choices=CoIngredient.Unit.choices, default="mg")
    nrv_amount = s.DecimalField(
        max_digits=10, decimal_places=3, min_value=Decimal("0.001"), required=False, allow_null=True
    )


class PackIn(s.Serializer):
    sku = s.CharField(max_length=64, validators=[sku_validator])
    gtin = s.CharField(
        max_length=14, required=False, allow_blank=True, default="", validators=[validate_gtin]
    )
    servings_per_container = s.IntegerField(min_value=1, max_value=100000)
    price_eur = s.DecimalField(
        max_digits=10, decimal_places=2, min_value=Decimal("0.01"), max_value=Decimal("100000")
    )
    stock = s.IntegerField(min_value=0, max_value=10_000_000, default=0)


class ProductWrite(CatalogInput):
    slug = s.SlugField(max_length=120)
    brand: "s.SlugRelatedField[Brand]" = SlugRef(slug_field="slug", queryset=Brand.objects.all())
    name_nl = s.CharField(max_length=200)
    name_en = s.CharField(max_length=200)
    description_nl = s.CharField(allow_blank=True, required=False, default="", max_length=20000)
    description_en = s.CharField(allow_blank=True, required=False, default="", max_length=20000)
    directions_nl = s.CharField(allow_blank=True, required=False, default="", max_length=5000)
    directions_en = s.CharField(allow_blank=True, required=False, default="", max_length=5000)
    dose_form = s.ChoiceField(choices=DoseForm.choices)
    serving_unit = s.ChoiceField(choices=ServingUnit.choices)
    serving_size = s.DecimalField(
        max_digits=7,
        decimal_places=2,
        min_value=Decimal("0.01"),
        max_value=Decimal("1000"),
        default=Decimal("1"),
    )
    servings_per_day = s.IntegerField(min_value=1, max_value=24)
    min_age_years = s.IntegerField(min_value=0, max_value=120, default=18)
    route = s.ChoiceField(
        choices=Route.choices,
        required=False,
        help_text="oral or topical; a new product without it gets the route its dose form "
        "and directions suggest.",
    )
    sweeteners = s.ListField(
        child=s.CharField(max_length=40),
        required=False,
        max_length=6,
        help_text="Sweeteners and polyols of the ingredient list (xylitol, sucralose).",
    )
    published = s.BooleanField(default=False)
    diet = s.ListField(
        child=s.ChoiceField(choices=DIET_FIELDS), required=False, default=list, max_length=5
    )
    goals: "s.SlugRelatedField[Goal]" = SlugRef(
        slug_field="slug", queryset=Goal.objects.all(), many=True, required=False
    )
    articles: "s.SlugRelatedField[Article]" = SlugRef(
        slug_field="slug", queryset=Article.objects.all(), many=True, required=False
    )
    ingredients = IngredientIn(many=True, min_length=1, max_length=20)  # type: ignore[call-arg]
    co_ingredients = CoIngredientIn(many=True, required=False, max_length=20)  # type: ignore[call-arg]
    packs = PackIn(many=True, min_length=1, max_length=20)  # type: ignore[call-arg]

    class Meta:
        model = Product

    def validate_slug(self, value: str) -> str:
        others = Product.objects.filter(slug=value)
        if self.instance is not None:
            others = others.exclude(pk=self.instance.pk)
        if others.exists():
            raise s.ValidationError(_("A product with this slug already exists."))
        return value

    def validate_diet(self, value: list[str]) -> list[str]:
        return list(dict.fromkeys(value))

    def validate_packs(self, value: list[dict[str, Any]]) -> list[dict[str, Any]]:
        skus = [p["sku"] for p in value]
        errors: list[dict[str, Any]] = [{} for _ in value]
        for i, sku in enumerate(skus):
            if skus.index(sku) != i:
                errors[i]["sku"] = [_("SKU %(sku)s appears twice.") % {"sku": sku}]
        mine = Q(product=self.instance) if self.instance is not None else Q(pk__in=[])
        taken_sku = set(
            Pack.objects.filter(sku__in=skus).exclude(mine).values_list("sku", flat=True)
        )
        gtins = [p.get("gtin") for p in value if p.get("gtin")]
        taken_gtin = set(
            Pack.objects.filter(gtin__in=gtins).exclude(mine).values_list("gtin", flat=True)
        )
        for i, pack in enumerate(value):
            if pack["sku"] in taken_sku:
                errors[i]["sku"] = [
                    _("SKU %(sku)s belongs to another product.") % {"sku": pack["sku"]}
                ]
            if pack.get("gtin") and pack["gtin"] in taken_gtin:
                errors[i]["gtin"] = [
                    _("GTIN %(gtin)s belongs to another pack.") % {"gtin": pack["gtin"]}
                ]
            if pack.get("gtin") and gtins.count(pack["gtin"]) > 1:
                errors[i]["gtin"] = [_("GTIN %(gtin)s appears twice.") % {"gtin": pack["gtin"]}]
        if any(errors):
            raise s.ValidationError(errors)
        return value

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        errors: dict[str, list[str]] = {}
        for name, issues in compliance.lint_product_copy(attrs).items():
            blocking = [compliance.describe_issue(i) for i in issues if i.blocking]
            if blocking:
                errors[name] = blocking
        if "ingredients" in attrs:
            servings = attrs.get("servings_per_day") or (
                self.instance.servings_per_day if self.instance else 1
            )
            try:
                validate_plausible_dose(
                    (
                        dosing.IngredientAmount(
                            default_fraction=line["form"].elemental_fraction,
                            compound_mg=line.get("compound_mg"),
                            elemental_mg=line.get("elemental_mg"),
                            assayed_fraction=line.get("assayed_fraction"),
                        )
                        for line in attrs["ingredients"]
                    ),
                    servings,
                )
            except DjangoValidationError as error:
                errors["ingredients"] = error.messages
        if errors:
            raise s.ValidationError(errors)
        return attrs

    def _input(self, attrs: dict[str, Any]) -> services.ProductInput:
        relations = {"goals", "articles", "ingredients", "co_ingredients", "packs", "diet"}
        fields = {k: v for k, v in attrs.items() if k not in relations}
        if "diet" in attrs:
            fields.update(diet_flags(attrs["diet"]))
        if "sweeteners" in attrs:
            names = (n.strip() for n in attrs["sweeteners"])
            fields["sweeteners"] = ", ".join(dict.fromkeys(n for n in names if n))
        return services.ProductInput(
            fields=fields,
            goals=attrs.get("goals"),
            articles=attrs.get("articles"),
            ingredients=[services.IngredientInput(**line) for line in attrs["ingredients"]]
            if "ingredients" in attrs
            else None,
            co_ingredients=[services.CoIngredientInput(**co) for co in attrs["co_ingredients"]]
            if "co_ingredients" in attrs
            else None,
            packs=[services.PackInput(**pack) for pack in attrs["packs"]]
            if "packs" in attrs
            else None,
        )

    def create(self, validated_data: dict[str, Any]) -> Product:
        if "co_ingredients" not in validated_data:
            validated_data["co_ingredients"] = []
        return services.product_save(data=self._input(validated_data))

    def update(self, instance: Product, validated_data: dict[str, Any]) -> Product:
        return services.product_save(data=self._input(validated_data), product=instance)


def _translated(
    name: str, max_length: int | None = None, required: bool = True
) -> dict[str, s.CharField]:
    kwargs: dict[str, Any] = {"required": required, "allow_blank": not required}
    if max_length:
        kwargs["max_length"] = max_length
    return {f"{name}_nl": s.CharField(**kwargs), f"{name}_en": s.CharField(**kwargs)}


class UpsertSerializer(CatalogInput):
    """Reference data written by slug through a `services.<entity>_upsert` function."""

    upsert: Any = None
    relations: tuple[str, ...] = ()

    def validate_slug(self, value: str) -> str:
        model = self.Meta.model  # type: ignore[attr-defined]
        others = model.objects.filter(slug=value)
        if self.instance is not None:
            others = others.exclude(pk=self.instance.pk)
        if others.exists():
            raise s.ValidationError(_("This slug is taken."))
        return value

    def save_with(self, instance: Any, data: dict[str, Any]) -> Any:
        slug = data.pop("slug", None) or instance.slug
        # The upsert renames `instance` when the slug changed, as one service write.
        return type(self).upsert(slug=slug, instance=instance, **data)

    def create(self, validated_data: dict[str, Any]) -> Any:
        return self.save_with(None, dict(validated_data))

    def update(self, instance: Any, validated_data: dict[str, Any]) -> Any:
        return self.save_with(instance, dict(validated_data))


class FormWrite(UpsertSerializer):
    upsert = staticmethod(services.form_upsert)
    slug = s.SlugField(max_length=60)
    elemental_fraction = s.DecimalField(
        max_digits=5, decimal_places=4, min_value=Decimal("0.0001"), max_value=Decimal("1")
    )
    locals().update(_translated("name", 120))
    locals().update(_translated("summary", 5000, required=False))
    locals().update(_translated("absorption_note", 5000, required=False))
    locals().update(_translated("typical_use", 255, required=False))

    class Meta:
        model = Form


class GoalWrite(UpsertSerializer):
    upsert = staticmethod(services.goal_upsert)
    slug = s.SlugField(max_length=60)
    locals().update(_translated("name", 120))
    locals().update(_translated("summary", 5000, required=False))
    locals().update(_translated("body_html", 50000, required=False))
    claims: "s.SlugRelatedField[HealthClaim]" = SlugRef(
        slug_field="slug", queryset=HealthClaim.objects.all(), many=True, required=False
    )
    recommended_forms: "s.SlugRelatedField[Form]" = SlugRef(
        slug_field="slug", queryset=Form.objects.all(), many=True, required=False
    )

    class Meta:
        model = Goal


class InteractionWrite(UpsertSerializer):
    upsert = staticmethod(services.interaction_upsert)
    slug = s.SlugField(max_length=60)
    kind = s.ChoiceField(choices=Interaction.Kind.choices)
    severity = s.ChoiceField(choices=Interaction.Severity.choices)
    locals().update(_translated("name", 120))
    locals().update(_translated("examples", 5000, required=False))
    locals().update(_translated("mechanism", 5000, required=False))
    locals().update(_translated("advice", 5000, required=False))
    match_terms = s.CharField(allow_blank=True, required=False, max_length=10000)
    forms: "s.SlugRelatedField[Form]" = SlugRef(
        slug_field="slug", queryset=Form.objects.all(), many=True, required=False
    )

    class Meta:
        model = Interaction


class SectionIn(s.Serializer):
    heading_nl = s.CharField(max_length=200)
    heading_en = s.CharField(max_length=200)
    body_html_nl = s.CharField(allow_blank=True, max_length=100000)
    body_html_en = s.CharField(allow_blank=True, max_length=100000)


class FaqIn(s.Serializer):
    question_nl = s.CharField(max_length=300)
    question_en = s.CharField(max_length=300)
    answer_html_nl = s.CharField(max_length=20000)
    answer_html_en = s.CharField(max_length=20000)


class ArticleWrite(CatalogInput):
    slug = s.SlugField(max_length=120)
    author = s.CharField(max_length=120, required=False, allow_blank=True)
    published_at = s.DateField(required=False, allow_null=True)
    published = s.BooleanField(required=False, default=True)
    locals().update(_translated("title", 200))
    locals().update(_translated("summary", 10000, required=False))
    locals().update(_translated("intro_html", 50000, required=False))
    locals().update(_translated("key_takeaways", 10000, required=False))
    locals().update(_translated("keywords", 5000, required=False))
    sources = s.CharField(required=False, allow_blank=True, max_length=10000)
    sections = SectionIn(many=True, required=False, max_length=50)  # type: ignore[call-arg]
    faq = FaqIn(many=True, required=False, max_length=50)  # type: ignore[call-arg]
    goals: "s.SlugRelatedField[Goal]" = SlugRef(
        slug_field="slug", queryset=Goal.objects.all(), many=True, required=False
    )
    forms: "s.SlugRelatedField[Form]" = SlugRef(
        slug_field="slug", queryset=Form.objects.all(), many=True, required=False
    )
    products: "s.SlugRelatedField[Product]" = SlugRef(
        slug_field="slug", queryset=Product.objects.all(), many=True, required=False
    )

    class Meta:
        model = Article

    def validate_slug(self, value: str) -> str:
        others = Article.objects.filter(slug=value)
        if self.instance is not None:
            others = others.exclude(pk=self.instance.pk)
        if others.exists():
            raise s.ValidationError(_("This slug is taken."))
        return value

    def _save(self, instance: Article | None, data: dict[str, Any]) -> Article:
        relations = {k: data.pop(k) for k in ("goals", "forms", "products") if k in data}
        sections = data.pop("sections", None)
        faq = data.pop("faq", None)
        slug = data.pop("slug", None) or (instance.slug if instance else "")
        return services.article_save(
            slug=slug,
            article=instance,
            fields=data,
            sections=[services.SectionInput(**x) for x in sections]
            if sections is not None
            else None,
            faq=[services.FaqInput(**x) for x in faq] if faq is not None else None,
            **relations,
        )

    def create(self, validated_data: dict[str, Any]) -> Article:
        return self._save(None, dict(validated_data))

    def update(self, instance: Article, validated_data: dict[str, Any]) -> Article:
        return self._save(instance, dict(validated_data))
