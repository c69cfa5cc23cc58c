"""Page-number pagination that refuses bad `page`/`page_size` with a 400 instead of guessing."""

import math
from collections.abc import Sequence
from typing import Any

from django.utils.translation import gettext as _
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.request import Request
from rest_framework.utils.urls import remove_query_param, replace_query_param

from ..conf import catalog_settings

MAX_PAGE = 1_000_000


def _positive_int(request: Request, name: str, default: int, maximum: int) -> int:
    raw = request.query_params.get(name)
    if raw is None or raw == "":
        return default
    if not raw.isascii() or not raw.isdigit() or int(raw) < 1:
        raise ValidationError({name: [_("Enter a whole number of at least 1.")]})
    value = int(raw)
    if value > maximum:
        raise ValidationError({name: [_("At most %(max)d.") % {"max": maximum}]})
    return value


class Page:
    """A slice of a queryset whose total is already known (counted with the facets)."""

    def __init__(self, request: Request, count: int) -> None:
        self.request = request
        self.size = _positive_int(
            request, "page_size", catalog_settings.PAGE_SIZE, catalog_settings.MAX_PAGE_SIZE
        )
        self.number = _positive_int(request, "page", 1, MAX_PAGE)
        self.count = count
        self.num_pages = max(1, math.ceil(count / self.size))
        if self.number > self.num_pages:
            raise NotFound(
                _("Page %(page)d does not exist; the last page is %(last)d.")
                % {"page": self.number, "last": self.num_pages}
            )
        self.offset = (self.number - 1) * self.size

    def slice(self, queryset: Any) -> Any:
        return queryset[self.offset : self.offset + self.size]

    def link(self, number: int) -> str | None:
        if number < 1 or number > self.num_pages:
            return None
        url = self.request.build_absolute_uri()
        if number == 1:
            return remove_query_param(url, "page")
        return replace_query_param(url, "page", number)

    def envelope(self, results: Sequence[Any], **extra: Any) -> dict[str, Any]:
        return {
            "count": self.count,
            "next": self.link(self.number + 1),
            "previous": self.link(self.number - 1),
            "results": list(results),
            **extra,
        }
