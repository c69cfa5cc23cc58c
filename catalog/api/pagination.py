"""Page-number pagination that refuses a bad `page` or `page_size` with a 400 (DRF's own falls
back to the default silently) and can slice a listing whose total is already counted."""

from __future__ import annotations

import math
from typing import Any

from django.utils.translation import gettext as _
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.pagination import PageNumberPagination
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.utils.urls import remove_query_param, replace_query_param

from ..conf import catalog_settings

MAX_PAGE = 1_000_000


def positive_int(request: Request, name: str, default: int, maximum: int) -> int:
    """A whole number >= 1 from the query string (the default when absent), at most `maximum`."""
    raw = request.query_params.get(name)
    if raw is None or raw == "":
        return default
    if not raw.isascii() or not raw.isdigit() or int(raw) < 1:
        raise ValidationError({name: [_("Enter a whole number of at least 1.")]})
    value = int(raw)
    if value > maximum:
        raise ValidationError({name: [_("At most %(max)d.") % {"max": maximum}]})
    return value


class CatalogPagination(PageNumberPagination):
    """`?page=` from 1 and `?page_size=` up to CATALOG["MAX_PAGE_SIZE"]; links keep the query."""

    page_query_param = "page"
    page_size_query_param = "page_size"

    def get_page_size(self, request: Request) -> int:
        return positive_int(
            request,
            self.page_size_query_param,
            catalog_settings.PAGE_SIZE,
            catalog_settings.MAX_PAGE_SIZE,
        )

    def paginate_queryset(
        self, queryset: Any, request: Request, view: Any = None, count: int | None = None
    ) -> Any:
        """The page's slice of `queryset` (lazy); `count`, when the caller has counted the
        listing already (with its facets), spares the count query."""
        self.request = request
        size = self.get_page_size(request)
        self.number = positive_int(request, self.page_query_param, 1, MAX_PAGE)
        self.count = queryset.count() if count is None else count
        self.num_pages = max(1, math.ceil(self.count / size))
        if self.number > self.num_pages:
            raise NotFound(
                _("Page %(page)d does not exist; the last page is %(last)d.")
                % {"page": self.number, "last": self.num_pages}
            )
        offset = (self.number - 1) * size
        return queryset[offset : offset + size]

    def _link(self, number: int) -> str | None:
        if number < 1 or number > self.num_pages:
            return None
        assert self.request is not None  # set by paginate_queryset
        url = self.request.build_absolute_uri()
        if number == 1:
            return str(remove_query_param(url, self.page_query_param))
        return str(replace_query_param(url, self.page_query_param, number))

    def get_next_link(self) -> str | None:
        return self._link(self.number + 1)

    def get_previous_link(self) -> str | None:
        return self._link(self.number - 1)

    def get_paginated_response(self, data: Any, **extra: Any) -> Response:
        return Response(
            {
                "count": self.count,
                "next": self.get_next_link(),
                "previous": self.get_previous_link(),
                "results": list(data),
                **extra,
            }
        )
