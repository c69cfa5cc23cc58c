"""API views: validate (FilterSet / serializers), read through selectors, write through
services (via the input serializers), represent with `representations`. Nothing else."""

from typing import Any

from django.db import transaction
from django.db.models import Count, Prefetch, Q, QuerySet
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError
from rest_framework.request import Request
from rest_framework.response import Response

from .. import selectors, services
from ..filters import ProductFilter
from ..models import Article, Form, Goal, Interaction, Product
from . import representations as rep
from . import schemas, serializers
from .base import CatalogAPIMixin
from .caching import cached_read
from .negotiation import CatalogRequestMixin
from .pagination import Page

LANG_PARAM = OpenApiParameter(
    "lang",
    str,
    enum=["nl", "en"],
    description="Language of names and texts (default nl, or Accept-Language).",
)
MARKET_PARAM = OpenApiParameter(
    "market",
    str,
    enum=["EU", "US", "NO"],
    description="Market whose upper level applies (default from settings).",
)
PAGE_PARAMS = [
    OpenApiParameter("page", int, description="Page number, from 1."),
    OpenApiParameter("page_size", int, description="Items per page, 1 to 100 (default 24)."),
]
# Reads are public, but credentials that are sent must be valid (401), and anonymous
# clients are throttled (429 with Retry-After).
ERRORS = {
    400: schemas.ErrorOut,
    401: schemas.ErrorOut,
    404: schemas.ErrorOut,
    429: schemas.ErrorOut,
}
WRITE_ERRORS = {
    **ERRORS,
    403: schemas.ErrorOut,
    413: schemas.ErrorOut,
    415: schemas.ErrorOut,
}
# Deleting an object other catalog objects still use (a form in a product) is refused.
DELETE_RESPONSES = {204: None, 409: schemas.ErrorOut, **WRITE_ERRORS}


def context(view: Any, request: Request, market: str | None = None) -> rep.Context:
    return rep.Context(
        lang=view.lang,
        market=market or view.market,
        base_url=f"{request.scheme}://{request.get_host()}",
    )


def _list_param(name: str, description: str, type_: Any = str) -> OpenApiParameter:
    return OpenApiParameter(
        name,
        {"type": "array", "items": {"type": "string"}} if type_ is list else type_,
        description=description,
        explode=True,
        style="form",
    )


PRODUCT_FILTER_PARAMS = [
    OpenApiParameter("form", str, description="Form slug(s): one, a comma list, or repeated."),
    OpenApiParameter("goal", str, description="Goal slug(s)."),
    OpenApiParameter("brand", str, description="Brand slug(s)."),
    OpenApiParameter(
        "dose_form",
        str,
        description="capsule, tablet, softgel, powder, liquid, effervescent, gummy, spray, flakes.",
    ),
    OpenApiParameter("min_elemental_mg", float, description="Minimum elemental mg per day."),
    OpenApiParameter("max_elemental_mg", float, description="Maximum elemental mg per day."),
    OpenApiParameter("min_price", float, description="Minimum price in EUR."),
    OpenApiParameter("max_price", float, description="Maximum price in EUR."),
    OpenApiParameter("in_stock", str, enum=["true", "false"]),
    OpenApiParameter(
        "diet",
        str,
        description="vegan, vegetarian, gluten_free, lactose_free, sugar_free (all given must hold).",
    ),
    OpenApiParameter(
        "within_ul",
        str,
        enum=["true", "false"],
        description="Only products within the market's supplemental upper level.",
    ),
    OpenApiParameter(
        "for_children",
        str,
        enum=["true", "false"],
        description=(
            "true: the children's context - products meant for children whose daily dose stays "
            "within the children's upper level for their age in the market; false: adult products."
        ),
    ),
    OpenApiParameter("q", str, description="Free text over name, brand, form and description."),
    OpenApiParameter(
        "ordering",
        str,
        enum=[
            "price",
            "-price",
            "price_per_100mg",
            "-price_per_100mg",
            "elemental_mg_per_day",
            "-elemental_mg_per_day",
            "name",
            "-name",
            "-created_at",
        ],
    ),
    LANG_PARAM,
    MARKET_PARAM,
    *PAGE_PARAMS,
]


class WriteMixin:
    """Create / update / delete through an input serializer that calls the services."""

    write_serializer: Any = None
    lookup_field = "slug"
    # Only what a slug can be reaches a view: anything else is a 404 from the URL resolver
    # (a NUL in the path was a 500 on PostgreSQL).
    lookup_value_regex = r"[-a-zA-Z0-9_]+"

    def _write(self, request: Request, instance: Any = None, partial: bool = False) -> Response:
        serializer = self.write_serializer(instance, data=request.data, partial=partial)
        with self.errors_language():  # type: ignore[attr-defined]
            serializer.is_valid(raise_exception=True)
        # One transaction for the whole write: a slug rename and the upsert after it
        # (UpsertSerializer) land together or not at all.
        with transaction.atomic():
            obj = serializer.save()
        code = status.HTTP_201_CREATED if instance is None else status.HTTP_200_OK
        return Response(self.represent_written(request, obj.slug), status=code)

    def represent_written(self, request: Request, slug: str) -> dict[str, Any]:
        """The object as just written. Products and articles override this: a draft is
        answered too, where their public reads hide it (a 404 after a successful write was
        found by schemathesis)."""
        return self.represent_one(request, slug)  # type: ignore[attr-defined, no-any-return]

    def create(self, request: Request) -> Response:
        return self._write(request)

    def update(self, request: Request, slug: str) -> Response:
        return self._write(request, self.get_object(slug))

    def partial_update(self, request: Request, slug: str) -> Response:
        return self._write(request, self.get_object(slug), partial=True)

    def destroy(self, request: Request, slug: str) -> Response:
        obj = self.get_object(slug)
        services.object_delete(obj=obj)
        return Response(status=status.HTTP_204_NO_CONTENT)

    def get_object(self, slug: str) -> Any:
        return get_object_or_404(self.queryset.model.objects.all(), slug=slug)  # type: ignore[attr-defined]


def resource_schema(
    *,
    out: Any,
    write: Any,
    list_parameters: list[OpenApiParameter],
    list_out: Any = None,
    retrieve_parameters: list[OpenApiParameter] | None = None,
    **extra: Any,
) -> Any:
    """The OpenAPI description every catalog resource shares: read, create, update, delete."""
    written = {"request": write, "responses": {200: out, **WRITE_ERRORS}}
    return extend_schema_view(
        list=extend_schema(
            parameters=list_parameters,
            responses={200: list_out if list_out is not None else out(many=True), **ERRORS},
        ),
        retrieve=extend_schema(
            parameters=retrieve_parameters or [LANG_PARAM], responses={200: out, **ERRORS}
        ),
        create=extend_schema(request=write, responses={201: out, **WRITE_ERRORS}),
        update=extend_schema(**written),
        partial_update=extend_schema(**written),
        destroy=extend_schema(responses=DELETE_RESPONSES),
        **extra,
    )


@resource_schema(
    out=schemas.ProductDetail,
    write=serializers.ProductWrite,
    list_parameters=PRODUCT_FILTER_PARAMS,
    list_out=schemas.ProductPage,
    retrieve_parameters=[LANG_PARAM, MARKET_PARAM],
)
class ProductViewSet(CatalogAPIMixin, CatalogRequestMixin, WriteMixin, viewsets.ViewSet):
    """Published products with disjunctive facets; writes for catalog managers."""

    queryset = Product.objects.all()
    write_serializer = serializers.ProductWrite

    @cached_read
    def list(self, request: Request) -> Response:
        base = Product.objects.published()
        filterset = ProductFilter(request.query_params, queryset=base)
        with self.errors_language():
            if not filterset.is_valid():
                raise ValidationError(filterset.errors)
        listing = selectors.product_listing_facets(filterset, base, self.lang)
        with self.errors_language():
            page = Page(request, listing.count)
        ordered = filterset.ordered(filterset.filter_queryset_except(base))
        products = selectors.product_rows(page.slice(ordered))
        ctx = context(self, request, filterset.active_market)
        return Response(
            page.envelope([rep.product_summary(p, ctx) for p in products], facets=listing.facets)
        )

    @cached_read
    def retrieve(self, request: Request, slug: str) -> Response:
        return Response(self.represent_one(request, slug))

    def represent_one(self, request: Request, slug: str) -> dict[str, Any]:
        product = get_object_or_404(selectors.product_detail_queryset(), slug=slug)
        return rep.product_detail(product, context(self, request))

    def represent_written(self, request: Request, slug: str) -> dict[str, Any]:
        queryset = selectors.product_detail_queryset(include_unpublished=True)
        return rep.product_detail(get_object_or_404(queryset, slug=slug), context(self, request))


@resource_schema(out=schemas.FormOut, write=serializers.FormWrite, list_parameters=[LANG_PARAM])
class FormViewSet(CatalogAPIMixin, CatalogRequestMixin, WriteMixin, viewsets.ViewSet):
    """Magnesium compounds with their elemental fraction and product counts."""

    queryset = Form.objects.all()
    write_serializer = serializers.FormWrite

    def _qs(self) -> QuerySet[Form]:
        return Form.objects.annotate(
            product_count=Count(
                "ingredient_lines__product",
                filter=Q(ingredient_lines__product__published=True),
                distinct=True,
            )
        ).prefetch_related(Prefetch("articles", queryset=Article.objects.filter(published=True)))

    @cached_read
    def list(self, request: Request) -> Response:
        ctx = context(self, request)
        return Response(
            [rep.form_representation(f, ctx, product_count=f.product_count) for f in self._qs()]  # type: ignore[attr-defined]
        )

    @cached_read
    def retrieve(self, request: Request, slug: str) -> Response:
        return Response(self.represent_one(request, slug))

    def represent_one(self, request: Request, slug: str) -> dict[str, Any]:
        form = get_object_or_404(self._qs(), slug=slug)
        return rep.form_representation(
            form,
            context(self, request),
            product_count=form.product_count,  # type: ignore[attr-defined]
        )


@resource_schema(out=schemas.GoalOut, write=serializers.GoalWrite, list_parameters=[LANG_PARAM])
class GoalViewSet(CatalogAPIMixin, CatalogRequestMixin, WriteMixin, viewsets.ViewSet):
    """Goals a shopper browses by, with the authorised claims that fit them."""

    queryset = Goal.objects.all()
    write_serializer = serializers.GoalWrite

    def _qs(self) -> QuerySet[Goal]:
        return Goal.objects.annotate(
            product_count=Count("products", filter=Q(products__published=True), distinct=True)
        ).prefetch_related(
            "claims",
            "recommended_forms",
            Prefetch("articles", queryset=Article.objects.filter(published=True)),
        )

    @cached_read
    def list(self, request: Request) -> Response:
        ctx = context(self, request)
        return Response(
            [rep.goal_representation(g, ctx, product_count=g.product_count) for g in self._qs()]  # type: ignore[attr-defined]
        )

    @cached_read
    def retrieve(self, request: Request, slug: str) -> Response:
        return Response(self.represent_one(request, slug))

    def represent_one(self, request: Request, slug: str) -> dict[str, Any]:
        goal = get_object_or_404(self._qs(), slug=slug)
        return rep.goal_representation(
            goal,
            context(self, request),
            product_count=goal.product_count,  # type: ignore[attr-defined]
        )


ARTICLE_FILTERS = [
    OpenApiParameter("goal", str, description="Goal slug(s)."),
    OpenApiParameter("form", str, description="Form slug(s)."),
    LANG_PARAM,
    *PAGE_PARAMS,
]


@resource_schema(
    out=schemas.ArticleOut,
    write=serializers.ArticleWrite,
    list_parameters=ARTICLE_FILTERS,
    list_out=schemas.ArticlePage,
)
class ArticleViewSet(CatalogAPIMixin, CatalogRequestMixin, WriteMixin, viewsets.ViewSet):
    """Educational articles, filterable by goal and form."""

    queryset = Article.objects.all()
    write_serializer = serializers.ArticleWrite

    def _qs(self, include_unpublished: bool = False) -> QuerySet[Article]:
        articles = (
            Article.objects.all() if include_unpublished else Article.objects.filter(published=True)
        )
        return articles.prefetch_related(
            "sections",
            "faq",
            "goals",
            "forms",
            Prefetch("products", queryset=Product.objects.published()),
        )

    @cached_read
    def list(self, request: Request) -> Response:
        qs = self._qs()
        errors = {}
        error_lang = self.errors_language()
        for name, model in (("goal", Goal), ("form", Form)):
            values = [
                v for raw in request.query_params.getlist(name) for v in raw.split(",") if v.strip()
            ]
            if not values:
                continue
            valid = list(model.objects.values_list("slug", flat=True))
            unknown = [v for v in values if v not in valid]
            if unknown:
                with error_lang:
                    errors[name] = [
                        _("Unknown value '%(value)s'. Valid: %(valid)s.")
                        % {"value": unknown[0][:60], "valid": ", ".join(valid)}
                    ]
            else:
                qs = qs.filter(**{f"{name}s__slug__in": values}).distinct()
        if errors:
            raise ValidationError(errors)
        with self.errors_language():
            page = Page(request, qs.count())
        ctx = context(self, request)
        return Response(page.envelope([rep.article_representation(a, ctx) for a in page.slice(qs)]))

    @cached_read
    def retrieve(self, request: Request, slug: str) -> Response:
        return Response(self.represent_one(request, slug))

    def represent_one(self, request: Request, slug: str) -> dict[str, Any]:
        article = get_object_or_404(self._qs(), slug=slug)
        return rep.article_representation(article, context(self, request))

    def represent_written(self, request: Request, slug: str) -> dict[str, Any]:
        article = get_object_or_404(self._qs(include_unpublished=True), slug=slug)
        return rep.article_representation(article, context(self, request))


CHECK_PARAMS = [
    OpenApiParameter(
        "product", str, many=True, explode=True, description="Product slug; repeat for several."
    ),
    OpenApiParameter(
        "medication",
        str,
        many=True,
        explode=True,
        description="Free-text medication, e.g. 'Doxycycline 100mg'; repeat for several.",
    ),
    OpenApiParameter(
        "condition",
        str,
        many=True,
        explode=True,
        description="Condition slug, e.g. kidney-impairment.",
    ),
    LANG_PARAM,
    MARKET_PARAM,
]


@resource_schema(
    out=schemas.InteractionOut,
    write=serializers.InteractionWrite,
    list_parameters=[LANG_PARAM],
    check=extend_schema(parameters=CHECK_PARAMS, responses={200: schemas.CheckOut, **ERRORS}),
)
class InteractionViewSet(CatalogAPIMixin, CatalogRequestMixin, WriteMixin, viewsets.ViewSet):
    """Structured interactions (domain facts section 4) and the interaction check."""

    queryset = Interaction.objects.all()
    write_serializer = serializers.InteractionWrite

    @cached_read
    def list(self, request: Request) -> Response:
        ctx = context(self, request)
        return Response([rep.interaction_representation(i, ctx) for i in selectors.interactions()])

    @cached_read
    def retrieve(self, request: Request, slug: str) -> Response:
        return Response(self.represent_one(request, slug))

    def represent_one(self, request: Request, slug: str) -> dict[str, Any]:
        for info in selectors.interactions():
            if info.slug == slug:
                return rep.interaction_representation(info, context(self, request))
        get_object_or_404(Interaction, slug=slug)
        raise AssertionError("unreachable")  # pragma: no cover

    @action(detail=False, methods=["get"], url_path="check")
    def check(self, request: Request) -> Response:
        with self.errors_language():
            params = parse_check_query(request.query_params)
        return Response(selectors.interaction_check(**params, market=self.market, lang=self.lang))


def parse_check_query(query: Any) -> dict[str, list[str]]:
    """Validate the checker's query (shared with the storefront page): 400 naming the field."""
    from django.utils.translation import gettext as _t

    def values(name: str) -> list[str]:
        return [
            v.strip()
            for raw in query.getlist(name)
            for v in (raw.split(",") if name != "medication" else [raw])
            if v.strip()
        ]

    products, medications, conditions = values("product"), values("medication"), values("condition")
    errors: dict[str, list[str]] = {}
    if len(products) > 20:
        errors["product"] = [_t("At most 20 products.")]
    if len(medications) > 20:
        errors["medication"] = [_t("At most 20 medications.")]
    elif any(len(m) > 200 or "\x00" in m for m in medications):
        errors["medication"] = [_t("A medication is at most 200 characters of text.")]
    if "product" not in errors and products:
        # Only text a slug can be reaches the database: PostgreSQL answers a NUL with an
        # error (a 500, found by schemathesis); such a value is simply unknown.
        candidates = [p for p in products if "\x00" not in p and len(p) <= 200]
        known = set(
            Product.objects.published().filter(slug__in=candidates).values_list("slug", flat=True)
        )
        unknown = [p for p in products if p not in known]
        if unknown:
            errors["product"] = [_t("Unknown product '%(value)s'.") % {"value": unknown[0][:120]}]
    valid_conditions = selectors.condition_slugs()
    bad = [c for c in conditions if c not in valid_conditions]
    if bad:
        errors["condition"] = [
            _t("Unknown value '%(value)s'. Valid: %(valid)s.")
            % {"value": bad[0][:60], "valid": ", ".join(valid_conditions)}
        ]
    if errors:
        raise ValidationError(errors)
    return {
        "product_slugs": list(dict.fromkeys(products)),
        "medications": medications,
        "conditions": list(dict.fromkeys(conditions)),
    }
