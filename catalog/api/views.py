"""API viewsets: DRF's generic viewset and mixins; each validates with `filters` or an input
serializer, reads through `selectors`, writes through `services` and answers with the
output serializers of `serializers`."""

from __future__ import annotations

from typing import Any

from django.db.models import Model, QuerySet
from django.http import Http404
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import mixins, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError
from rest_framework.generics import GenericAPIView
from rest_framework.pagination import BasePagination
from rest_framework.request import Request
from rest_framework.response import Response

from .. import selectors, services
from ..filters import (
    ORDERINGS,
    ArticleFilter,
    InteractionCheckForm,
    ProductFilter,
    SuggestForm,
)
from ..models import Article, Form, Goal, Interaction, Market, Product
from ..selectors import content
from . import inputs
from . import serializers as out
from .base import CatalogAPIMixin
from .caching import cached_read
from .context import Context
from .errors import field_errors
from .negotiation import CatalogRequestMixin
from .pagination import CatalogPagination

LANG_PARAM = OpenApiParameter(
    "lang",
    str,
    enum=["nl", "en"],
    description="Language of names and texts (default nl, or Accept-Language).",
)
MARKET_PARAM = OpenApiParameter(
    "market",
    str,
    enum=list(Market.values),
    description="Market whose upper level applies (default from settings).",
)
PAGE_PARAMS = [
    OpenApiParameter("page", int, description="Page number, from 1."),
    OpenApiParameter("page_size", int, description="Items per page, 1 to 100 (default 24)."),
]
# Reads are public, but credentials that are sent must be valid (401), and anonymous
# clients are throttled (429 with Retry-After).
ERRORS = {400: out.ErrorOut, 401: out.ErrorOut, 404: out.ErrorOut, 429: out.ErrorOut}
WRITE_ERRORS = {**ERRORS, 403: out.ErrorOut, 413: out.ErrorOut, 415: out.ErrorOut}
# Deleting an object other catalog objects still use (a form in a product) is refused.
DELETE_RESPONSES = {204: None, 409: out.ErrorOut, **WRITE_ERRORS}

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
    OpenApiParameter("ordering", str, enum=list(ORDERINGS)),
    LANG_PARAM,
    MARKET_PARAM,
    *PAGE_PARAMS,
]
ARTICLE_PARAMS = [
    OpenApiParameter("goal", str, description="Goal slug(s)."),
    OpenApiParameter("form", str, description="Form slug(s)."),
    LANG_PARAM,
    *PAGE_PARAMS,
]
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


def resource_schema(
    *,
    output: Any,
    write: Any,
    list_parameters: list[OpenApiParameter],
    list_out: Any = None,
    retrieve_parameters: list[OpenApiParameter] | None = None,
    **extra: Any,
) -> Any:
    """The OpenAPI description every catalog resource shares: read, create, update, delete."""
    written = {"request": write, "responses": {200: output, **WRITE_ERRORS}}
    return extend_schema_view(
        list=extend_schema(
            parameters=list_parameters,
            responses={200: list_out if list_out is not None else output(many=True), **ERRORS},
        ),
        retrieve=extend_schema(
            parameters=retrieve_parameters or [LANG_PARAM], responses={200: output, **ERRORS}
        ),
        create=extend_schema(request=write, responses={201: output, **WRITE_ERRORS}),
        update=extend_schema(**written),
        partial_update=extend_schema(**written),
        destroy=extend_schema(responses=DELETE_RESPONSES),
        **extra,
    )


WRITE_ACTIONS = {"create", "update", "partial_update", "destroy"}


class CatalogViewSet(
    CatalogAPIMixin,
    CatalogRequestMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    mixins.DestroyModelMixin,
    viewsets.GenericViewSet,
):
    """A catalog resource: public reads (cached, with ETags) in the output shape; writes by
    slug through an input serializer that calls the services, answered in the output shape."""

    lookup_field = "slug"
    # Only what a slug can be reaches a view: anything else is a 404 from the URL resolver
    # (a NUL in the path was a 500 on PostgreSQL).
    lookup_value_regex = r"[-a-zA-Z0-9_]+"
    pagination_class: type[BasePagination] | None = None
    output: type[out.Shape]
    write_serializer: type[Any]

    list = cached_read(mixins.ListModelMixin.list)
    retrieve = cached_read(mixins.RetrieveModelMixin.retrieve)

    def read_queryset(self) -> QuerySet[Any]:
        """What the public reads show (published objects with what the output reads)."""
        raise NotImplementedError

    def get_queryset(self) -> QuerySet[Any]:
        if self.action in WRITE_ACTIONS:
            return content.every(self.write_serializer.Meta.model)
        return self.read_queryset()

    def get_serializer_class(self) -> type[Any]:
        return self.write_serializer if self.action in WRITE_ACTIONS else self.output

    @property
    def ctx(self) -> Context:
        return Context(
            lang=self.lang,
            market=self.market,
            base_url=f"{self.request.scheme}://{self.request.get_host()}",
        )

    def get_serializer_context(self) -> dict[str, Any]:
        return {**super().get_serializer_context(), "ctx": self.ctx}

    def written(self, obj: Model) -> Any:
        """The object as just written, read again the way its reads show it (drafts too)."""
        return self.read_queryset().get(pk=obj.pk)

    def perform_destroy(self, instance: Model) -> None:
        services.object_delete(obj=instance)


@resource_schema(
    output=out.ProductDetailOut,
    write=inputs.ProductWrite,
    list_parameters=PRODUCT_FILTER_PARAMS,
    list_out=out.ProductPage,
    retrieve_parameters=[LANG_PARAM, MARKET_PARAM],
)
class ProductViewSet(CatalogViewSet):
    """Published products with disjunctive facets; writes for catalog managers."""

    output = out.ProductDetailOut
    write_serializer = inputs.ProductWrite
    pagination_class = CatalogPagination

    def read_queryset(self) -> QuerySet[Product]:
        return selectors.products.detail_queryset()

    def get_object(self) -> Any:
        if self.action in WRITE_ACTIONS:
            return super().get_object()
        # As the product page reads it: its goals and articles by the ids of its own query.
        found = selectors.products.product_detail(self.kwargs[self.lookup_field])
        if found is None:  # as DRF's get_object_or_404 says it (the contract's bodies)
            raise Http404(f"No {Product._meta.object_name} matches the given query.")
        return found

    def written(self, obj: Model) -> Any:
        return selectors.products.detail_queryset(include_unpublished=True).get(pk=obj.pk)

    @cached_read
    def list(self, request: Request) -> Response:
        filterset = ProductFilter(request.query_params)
        with self.errors_language():
            if not filterset.is_valid():
                raise ValidationError(filterset.errors)
        query = filterset.listing_query()
        listing = selectors.facets.listing_facets(query, self.lang)
        paginator = self.paginator
        assert isinstance(paginator, CatalogPagination)
        with self.errors_language():
            page = paginator.paginate_queryset(query.ordered, request, self, count=listing.count)
        ctx = Context(
            lang=self.lang,
            market=filterset.active_market,
            base_url=f"{request.scheme}://{request.get_host()}",
        )
        results = [
            out.ProductSummaryOut.build(row, ctx) for row in selectors.rows.product_rows(page)
        ]
        extra: dict[str, Any] = {"facets": listing.facets}
        q = (filterset.form.cleaned_data.get("q") or "").strip()
        if q:
            extra["search"] = out.SearchOut.build(selectors.search.search_plan(q, self.lang), ctx)
        return paginator.get_paginated_response(results, **extra)


@resource_schema(output=out.FormOut, write=inputs.FormWrite, list_parameters=[LANG_PARAM])
class FormViewSet(CatalogViewSet):
    """Magnesium compounds with their elemental fraction and product counts."""

    output = out.FormOut
    write_serializer = inputs.FormWrite

    def read_queryset(self) -> QuerySet[Form]:
        return content.forms_with_counts()


@resource_schema(output=out.GoalOut, write=inputs.GoalWrite, list_parameters=[LANG_PARAM])
class GoalViewSet(CatalogViewSet):
    """Goals a shopper browses by, with the authorised claims that fit them."""

    output = out.GoalOut
    write_serializer = inputs.GoalWrite

    def read_queryset(self) -> QuerySet[Goal]:
        return content.goals_with_counts()


class ArticleFilterBackend(DjangoFilterBackend):
    """django-filter's backend (a bad value is a 400 naming the filter), with the errors in
    the asked language."""

    def filter_queryset(self, request: Request, queryset: QuerySet[Any], view: Any) -> Any:
        with view.errors_language():
            return super().filter_queryset(request, queryset, view)


@resource_schema(
    output=out.ArticleOut,
    write=inputs.ArticleWrite,
    list_parameters=ARTICLE_PARAMS,
    list_out=out.ArticlePage,
)
class ArticleViewSet(CatalogViewSet):
    """Educational articles, filterable by goal and form."""

    output = out.ArticleOut
    write_serializer = inputs.ArticleWrite
    pagination_class = CatalogPagination
    filter_backends = [ArticleFilterBackend]
    filterset_class = ArticleFilter

    def read_queryset(self) -> QuerySet[Article]:
        return content.articles()

    def written(self, obj: Model) -> Any:
        return content.articles(include_unpublished=True).get(pk=obj.pk)

    def paginate_queryset(self, queryset: Any) -> Any:
        with self.errors_language():
            return super().paginate_queryset(queryset)


@resource_schema(
    output=out.InteractionOut,
    write=inputs.InteractionWrite,
    list_parameters=[LANG_PARAM],
    check=extend_schema(parameters=CHECK_PARAMS, responses={200: out.CheckOut, **ERRORS}),
)
class InteractionViewSet(CatalogViewSet):
    """Structured interactions (domain facts section 4) and the interaction check."""

    output = out.InteractionOut
    write_serializer = inputs.InteractionWrite

    def read_queryset(self) -> QuerySet[Interaction]:
        return content.every(Interaction)

    @cached_read
    def list(self, request: Request) -> Response:
        # From the cached reference list (texts in both languages), not the table.
        return Response(self.get_serializer(selectors.interactions.interactions(), many=True).data)

    def get_object(self) -> Any:
        if self.action in WRITE_ACTIONS:
            return super().get_object()
        found = selectors.interactions.interaction(self.kwargs[self.lookup_field])
        if found is None:
            raise Http404
        return found

    def written(self, obj: Model) -> Any:
        return selectors.interactions.interaction(obj.slug)  # type: ignore[attr-defined]

    @action(detail=False, methods=["get"], url_path="check")
    def check(self, request: Request) -> Response:
        form = InteractionCheckForm(request.query_params)
        with self.errors_language():
            if not form.is_valid():
                raise ValidationError(field_errors(form))
        data = form.cleaned_data
        result = selectors.interactions.interaction_check(
            product_slugs=data["product"],
            medications=data["medication"],
            conditions=data["condition"],
            market=self.market,
            lang=self.lang,
        )
        return Response(out.CheckOut.build(result, self.ctx))


class SuggestView(CatalogAPIMixin, CatalogRequestMixin, GenericAPIView):
    """Suggestions as you type: a few products, goals, forms and articles for `q` (from two
    characters on), in the request's language; what the header search box and the
    interaction checker's product picker show."""

    pagination_class = None

    @extend_schema(
        parameters=[
            OpenApiParameter(
                "q", str, required=True, description="What has been typed (2 to 100 characters)."
            ),
            LANG_PARAM,
        ],
        responses={200: out.SuggestOut, **ERRORS},
    )
    @cached_read
    def get(self, request: Request) -> Response:
        form = SuggestForm(request.query_params)
        with self.errors_language():
            if not form.is_valid():
                raise ValidationError(field_errors(form))
        found = selectors.suggest.suggestions(form.cleaned_data["q"], self.lang)
        return Response(out.SuggestOut.build(found, self.ctx))

    @property
    def ctx(self) -> Context:
        return Context(lang=self.lang, market=self.market)
