"""Response shapes for the OpenAPI schema (drf-spectacular), mirroring `representations`.

Tests validate real responses against the generated schema, so a field added to one side and
not the other fails the suite.
"""

from drf_spectacular.utils import extend_schema_field, extend_schema_serializer
from rest_framework import serializers as s


class SlugName(s.Serializer):
    slug = s.CharField()
    name = s.CharField()


class Money(s.Serializer):
    amount = s.CharField(help_text='Decimal string, two decimals, e.g. "19.95".')
    currency = s.CharField()


class FormLine(s.Serializer):
    slug = s.CharField()
    name = s.CharField()
    elemental_mg_per_serving = s.FloatField()


class Serving(s.Serializer):
    unit = s.CharField()
    size = s.FloatField()
    servings_per_day = s.IntegerField()
    servings_per_container = s.IntegerField(allow_null=True)


class WarningBrief(s.Serializer):
    substance_class = s.CharField()
    severity = s.ChoiceField(choices=["contraindication", "major", "moderate", "minor"])


class ProductSummary(s.Serializer):
    slug = s.CharField()
    url = s.CharField()
    name = s.CharField()
    brand = SlugName()
    dose_form = s.CharField()
    forms = FormLine(many=True)
    goals = SlugName(many=True)
    serving = Serving()
    elemental_mg_per_serving = s.FloatField()
    elemental_mg_per_day = s.FloatField()
    percent_nrv = s.IntegerField()
    exceeds_ul = s.BooleanField()
    ul_mg = s.FloatField(allow_null=True)
    price = Money(allow_null=True)
    price_per_100mg = s.FloatField(allow_null=True)
    days_supply = s.IntegerField(allow_null=True)
    in_stock = s.BooleanField()
    diet = s.ListField(child=s.CharField())
    interaction_warnings = WarningBrief(many=True)
    image = s.CharField(allow_null=True)
    updated_at = s.CharField()


class PackOut(s.Serializer):
    sku = s.CharField()
    gtin = s.CharField(allow_null=True)
    servings_per_container = s.IntegerField()
    price = Money()
    in_stock = s.BooleanField()
    days_supply = s.IntegerField()


class IngredientOut(s.Serializer):
    kind = s.ChoiceField(choices=["magnesium", "co_ingredient"])
    form = s.CharField(allow_null=True, help_text="Form slug; null for a co-ingredient.")
    name = s.CharField()
    compound_mg = s.FloatField(allow_null=True)
    elemental_mg = s.FloatField(allow_null=True, help_text="Elemental mg per serving.")
    elemental_mg_per_day = s.FloatField(allow_null=True)
    amount = s.FloatField(help_text="Amount per daily portion, in `unit`.")
    unit = s.CharField()
    percent_nrv = s.IntegerField(allow_null=True)


class ClaimOut(s.Serializer):
    slug = s.CharField()
    text = s.CharField()


class LabelOut(s.Serializer):
    code = s.CharField()
    text = s.CharField()


class WarningFull(s.Serializer):
    substance_class = s.CharField()
    name = s.CharField()
    kind = s.CharField()
    examples = s.ListField(child=s.CharField())
    severity = s.CharField()
    mechanism = s.CharField()
    advice = s.CharField()


class ArticleLink(s.Serializer):
    slug = s.CharField()
    title = s.CharField()
    url = s.CharField()


class ProductDetail(ProductSummary):
    description = s.CharField()
    directions = s.CharField()
    min_age_years = s.IntegerField()
    nrv_mg = s.FloatField()
    split_dose_advised = s.BooleanField()
    market = s.CharField()
    packs = PackOut(many=True)
    ingredients = IngredientOut(many=True)
    claims = ClaimOut(many=True)
    label = LabelOut(many=True)  # type: ignore[assignment]
    interaction_warnings = WarningFull(many=True)  # type: ignore[assignment]
    articles = ArticleLink(many=True)
    related = ProductSummary(many=True)


class FacetValue(s.Serializer):
    value = s.CharField()
    label = s.CharField()  # type: ignore[assignment]
    count = s.IntegerField()


class Range(s.Serializer):
    min = s.FloatField(allow_null=True)
    max = s.FloatField(allow_null=True)


class Facets(s.Serializer):
    form = FacetValue(many=True)
    goal = FacetValue(many=True)
    brand = FacetValue(many=True)
    dose_form = FacetValue(many=True)
    price = Range()
    elemental_mg = Range()


# A page object, not a list: without many=False drf-spectacular wraps a `list` action's
# response in an array (found by schemathesis).
@extend_schema_serializer(many=False)
class ProductPage(s.Serializer):
    count = s.IntegerField()
    next = s.CharField(allow_null=True)
    previous = s.CharField(allow_null=True)
    results = ProductSummary(many=True)
    facets = Facets()


class FormOut(s.Serializer):
    slug = s.CharField()
    url = s.CharField()
    name = s.CharField()
    elemental_fraction = s.FloatField()
    elemental_percent = s.FloatField()
    summary = s.CharField()
    absorption_note = s.CharField()
    typical_use = s.CharField()
    product_count = s.IntegerField()
    articles = ArticleLink(many=True)


class GoalOut(s.Serializer):
    slug = s.CharField()
    url = s.CharField()
    name = s.CharField()
    summary = s.CharField()
    body_html = s.CharField()
    authorised_claims = ClaimOut(many=True)
    recommended_forms = SlugName(many=True)
    product_count = s.IntegerField()
    articles = ArticleLink(many=True)


class SectionOut(s.Serializer):
    heading = s.CharField()
    body_html = s.CharField()


class FaqOut(s.Serializer):
    question = s.CharField()
    answer_html = s.CharField()


class ProductLink(s.Serializer):
    slug = s.CharField()
    name = s.CharField()
    url = s.CharField()


class ArticleOut(s.Serializer):
    slug = s.CharField()
    url = s.CharField()
    title = s.CharField()
    author = s.CharField()
    published_at = s.CharField(allow_null=True)
    summary = s.ListField(child=s.CharField())
    intro_html = s.CharField()
    sections = SectionOut(many=True)
    faq = FaqOut(many=True)
    key_takeaways = s.ListField(child=s.CharField())
    keywords = s.ListField(child=s.CharField())
    sources = s.ListField(child=s.CharField())
    goals = SlugName(many=True)
    forms = SlugName(many=True)
    products = ProductLink(many=True)
    updated_at = s.CharField()


@extend_schema_serializer(many=False)
class ArticlePage(s.Serializer):
    count = s.IntegerField()
    next = s.CharField(allow_null=True)
    previous = s.CharField(allow_null=True)
    results = ArticleOut(many=True)


class InteractionOut(s.Serializer):
    substance_class = s.CharField()
    name = s.CharField()
    kind = s.CharField()
    examples = s.ListField(child=s.CharField())
    severity = s.CharField()
    mechanism = s.CharField()
    advice = s.CharField()
    all_forms = s.BooleanField()


class CheckProduct(s.Serializer):
    slug = s.CharField()
    name = s.CharField()
    elemental_mg_per_day = s.FloatField()


class CheckWarningOut(s.Serializer):
    substance_class = s.CharField()
    name = s.CharField()
    kind = s.CharField()
    matched = s.CharField()
    severity = s.CharField()
    mechanism = s.CharField()
    advice = s.CharField()
    products = s.ListField(child=s.CharField())


class CheckOut(s.Serializer):
    products = CheckProduct(many=True)
    total_elemental_mg_per_day = s.FloatField()
    ul_mg = s.FloatField(allow_null=True)
    market = s.CharField()
    exceeds_ul = s.BooleanField()
    warnings = CheckWarningOut(many=True)
    advice = s.ListField(child=s.CharField())


# The messages of one field: a list of strings, or for nested input (packs, ingredients,
# sections) a list with one error object per item, or an object keyed by item index.
FIELD_ERRORS_SCHEMA = {
    "anyOf": [
        {"type": "array", "items": {"anyOf": [{"type": "string"}, {"type": "object"}]}},
        {"type": "object"},
    ]
}


@extend_schema_field(
    {"type": "object", "additionalProperties": FIELD_ERRORS_SCHEMA},
)
class FieldErrors(s.DictField):
    """`{field: [messages]}`; nested input nests the same shape (found by schemathesis)."""


class ErrorOut(s.Serializer):
    errors = FieldErrors(required=False)  # type: ignore[assignment]
    detail = s.CharField(required=False)
