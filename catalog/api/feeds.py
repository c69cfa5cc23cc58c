"""Product feeds: JSON Lines (the PRODUCT shape, one a line) and Google Merchant RSS 2.0.

Both stream in constant memory (a chunk of products at a time), send ETag and
Last-Modified, and answer a matching conditional request with 304.
"""

import json
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from typing import Any
from xml.sax.saxutils import escape

from django.db.models import QuerySet
from django.http import HttpResponse, HttpResponseBase, StreamingHttpResponse
from django.templatetags.static import static
from django.utils.dateparse import parse_datetime
from django.utils.http import http_date, parse_http_date_safe
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework.exceptions import ValidationError
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.views import APIView

from .. import compliance
from ..cache import cached, cached_pieces, catalog_version, one_read
from ..conf import catalog_settings
from ..models import Product
from ..selectors.images import image_url
from ..selectors.products import products_with_packs_page
from ..selectors.rows import feed_products, last_updated, product_rows_page
from .base import CatalogAPIMixin
from .caching import representation_etag, representation_key
from .context import Context
from .negotiation import CatalogRequestMixin
from .serializers import ErrorOut, ProductSummaryOut
from .views import LANG_PARAM, MARKET_PARAM


def _updated_since(request: Request) -> datetime | None:
    raw = request.query_params.get("updated_since")
    if not raw:
        return None
    try:
        value = parse_datetime(raw.replace(" ", "+"))
        if value is not None:
            # In UTC before it reaches the database: PostgreSQL refuses offsets past 15:59
            # (found by schemathesis: +16:06 was a 500); year 1 minus an offset overflows.
            value = value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
    except (ValueError, OverflowError):
        value = None
    if value is None:
        raise ValidationError(
            {"updated_since": [_("Enter an ISO-8601 date and time, e.g. 2026-11-25T10:00:00Z.")]}
        )
    return value


class FeedView(CatalogAPIMixin, CatalogRequestMixin, APIView):
    """Conditional GET around a streamed body."""

    content_type = "application/octet-stream"
    permission_classes = [AllowAny]  # read-only: only GET (and HEAD) are routed
    http_method_names = ["get", "head", "options"]

    def products(self, request: Request) -> QuerySet[Product]:
        return feed_products(updated_since=_updated_since(request))

    def get(self, request: Request) -> HttpResponseBase:
        products = self.products(request)
        since = request.query_params.get("updated_since", "")
        self.key = representation_key(request, self.lang, self.market, type(self).__name__)
        # Cheap validators: the ETag from the catalog version, URL, language and market (one
        # cache lookup); Last-Modified from the newest update, read once per catalog version.
        etag = representation_etag(self.key, catalog_version())
        # Cached as "" when the feed is empty (the cache cannot tell None from a miss).
        stored = cached(
            f"feed-last-modified:{type(self).__name__}:{since}",
            lambda: last_updated(products) or "",
        )
        last = stored if isinstance(stored, datetime) else None
        last_modified = http_date(last.timestamp()) if last else None
        if self.not_modified(request, etag, last):
            response: HttpResponseBase = HttpResponse(status=304)
        else:
            response = StreamingHttpResponse(
                self.body(request, products), content_type=self.content_type
            )
        response["ETag"] = etag
        if last_modified:
            response["Last-Modified"] = last_modified
        response["Cache-Control"] = "public, max-age=300"
        response["Vary"] = "Accept-Language"
        return response

    @staticmethod
    def not_modified(request: Request, etag: str, last: datetime | None) -> bool:
        if_none_match = request.headers.get("If-None-Match")
        if if_none_match is not None:
            tags = [t.strip().removeprefix("W/") for t in if_none_match.split(",")]
            return "*" in tags or etag in tags
        since = parse_http_date_safe(request.headers.get("If-Modified-Since", ""))
        return bool(since is not None and last is not None and int(last.timestamp()) <= since)

    def body(self, request: Request, products: QuerySet[Product]) -> Iterator[bytes]:
        raise NotImplementedError

    def chunks(
        self, request: Request, chunk: Callable[[int], tuple[bytes, int | None]]
    ) -> Iterator[bytes]:
        """The body's chunks of products, `chunk(after_id)` each: the whole feed's cached per
        catalog version, URL, language and market (read again soon after, it costs cache
        reads instead of serialising every product); an `updated_since` feed's never."""
        timeout = catalog_settings.FEED_CACHE_SECONDS
        if request.query_params.get("updated_since"):
            timeout = 0
        return cached_pieces(f"feed:{self.key}", chunk, timeout)

    def context(self, request: Request) -> Context:
        return Context(
            lang=self.lang, market=self.market, base_url=f"{request.scheme}://{request.get_host()}"
        )


FEED_PARAMS = [
    OpenApiParameter(
        "updated_since",
        OpenApiTypes.DATETIME,
        description="Only products updated at or after this time (ISO-8601).",
    ),
    LANG_PARAM,
    MARKET_PARAM,
]


FEED_ERRORS = {
    400: OpenApiResponse(ErrorOut, description="Bad parameter."),
    401: OpenApiResponse(ErrorOut, description="Credentials were sent and are not valid."),
    429: OpenApiResponse(ErrorOut, description="Too many requests; see Retry-After."),
}


def feed_schema(media_type: str, description: str) -> Any:
    """The OpenAPI description of a feed: a streamed body of `media_type`, or 304."""
    return extend_schema(
        parameters=FEED_PARAMS,
        responses={
            (200, media_type): OpenApiResponse(OpenApiTypes.STR, description=description),
            304: OpenApiResponse(description="Not modified."),
            **FEED_ERRORS,
        },
    )


class ProductsJsonLinesFeed(FeedView):
    """Every published product, one PRODUCT JSON per line."""

    content_type = "application/x-ndjson; charset=utf-8"

    @feed_schema("application/x-ndjson", "One PRODUCT JSON object per line.")
    def get(self, request: Request) -> HttpResponseBase:
        return super().get(request)

    def body(self, request: Request, products: QuerySet[Product]) -> Iterator[bytes]:
        ctx = self.context(request)
        dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
        size = catalog_settings.FEED_CHUNK_SIZE

        def chunk(after: int) -> tuple[bytes, int | None]:
            rows, following = product_rows_page(products, after, size)
            lines = "".join(dumps(ProductSummaryOut.build(row, ctx)) + "\n" for row in rows)
            return lines.encode(), following

        with one_read():
            yield from self.chunks(request, chunk)


def merchant_eligible(product: Product) -> bool:
    """Kept out of the Merchant feed while its copy has any claim problem (blocking or not)."""
    copy = {name: getattr(product, name, None) for name in compliance.PRODUCT_COPY_FIELDS}
    return not compliance.lint_product_copy(copy)


class GoogleMerchantFeed(FeedView):
    """RSS 2.0 with the g: namespace, one item per pack."""

    content_type = "application/rss+xml; charset=utf-8"

    @feed_schema("application/rss+xml", "RSS 2.0, one <item> per pack.")
    def get(self, request: Request) -> HttpResponseBase:
        return super().get(request)

    def body(self, request: Request, products: QuerySet[Product]) -> Iterator[bytes]:
        base = f"{request.scheme}://{request.get_host()}"
        ctx = self.context(request)
        placeholder = base + static("catalog/img/placeholder.png")
        yield (
            '<?xml version="1.0" encoding="UTF-8"?>\n'
            '<rss version="2.0" xmlns:g="http://base.google.com/ns/1.0">\n<channel>\n'
            f"<title>{escape(_('Magnesium catalog'))}</title>\n<link>{escape(base)}/</link>\n"
            f"<description>{escape(_('Magnesium food supplements'))}</description>\n"
        ).encode()
        size = catalog_settings.FEED_CHUNK_SIZE

        def chunk(after: int) -> tuple[bytes, int | None]:
            products_, following = products_with_packs_page(products, after, size)
            items = (
                "".join(self.items(product, ctx, base, placeholder))
                for product in products_
                if merchant_eligible(product)
            )
            return "".join(items).encode(), following

        yield from self.chunks(request, chunk)
        yield b"</channel>\n</rss>\n"

    def items(self, product: Product, ctx: Context, base: str, placeholder: str) -> Iterator[str]:
        name = ctx.tr(product, "name")
        description = ctx.tr(product, "description") or name
        link = base + ctx.page_url("product-detail", product.slug)
        image = ctx.absolute(image_url(product)) or placeholder
        unit_count = _("%(count)d servings") % {"count": 0}
        for pack in product.packs.all():
            unit_count = _("%(count)d servings") % {"count": pack.servings_per_container}
            fields: list[tuple[str, Any]] = [
                ("g:id", pack.sku),
                ("g:item_group_id", product.slug),
                ("g:title", f"{product.brand.name} {name} - {unit_count}"[:150]),
                ("g:description", description[:5000]),
                ("g:link", link),
                ("g:image_link", image),
                ("g:availability", "in_stock" if pack.stock > 0 else "out_of_stock"),
                ("g:price", f"{pack.price_eur:.2f} {catalog_settings.CURRENCY}"),
                ("g:brand", product.brand.name),
                ("g:condition", "new"),
                ("g:google_product_category", catalog_settings.GOOGLE_PRODUCT_CATEGORY),
            ]
            if pack.gtin:
                fields.append(("g:gtin", pack.gtin))
            else:
                fields.append(("g:identifier_exists", "no"))
            yield (
                "<item>\n"
                + "".join(f"<{tag}>{escape(str(value))}</{tag}>\n" for tag, value in fields)
                + "</item>\n"
            )
