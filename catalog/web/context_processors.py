from typing import Any

from django.http import HttpRequest


def catalog(request: HttpRequest) -> dict[str, Any]:
    from ..selectors import default_market

    return {"catalog_market": getattr(request, "catalog_market", default_market())}
