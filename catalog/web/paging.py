"""Page numbers of the storefront's paginated pages: the listing's and the goal, form and
article pages' shelves of products (a bad page number shows the first page with a notice)."""

from __future__ import annotations

from typing import Any

from django.core.paginator import Paginator
from django.http import HttpRequest
from django.utils.translation import gettext as _

from ..filters import MarketForm
from ..selectors.products import shelf


def page_number(raw: str | None, num_pages: int) -> tuple[int, str | None]:
    """The page asked for, or the first with a notice when there is no such page."""
    if raw in (None, ""):
        return 1, None
    try:
        number = int(str(raw))
    except ValueError:
        return 1, _("The page number must be a whole number; showing the first page.")
    if number < 1 or number > num_pages:
        return 1, _("There is no page %(page)s; showing the first page.") % {"page": str(raw)[:12]}
    return number, None


SHELF_PAGE_SIZE = 12


def page_query(request: HttpRequest) -> str:
    """The query string without its page number (for the pagination links)."""
    other = request.GET.copy()
    other.pop("page", None)
    return other.urlencode()


def shelf_page(
    request: HttpRequest, products: Any, count: int | None = None
) -> tuple[Any, Any, str | None]:
    """One page of a goal's, form's or article's products (best value first), the page for
    the pagination links, and an error for a page number that does not exist; `count`, when
    known, spares counting them."""
    market = MarketForm(request.GET).market_or_default()
    raw = request.GET.get("page")
    try:
        number = max(1, int(raw)) if raw else 1
    except ValueError:
        number = 1
    offset = (number - 1) * SHELF_PAGE_SIZE
    found = shelf(products, market=market, limit=SHELF_PAGE_SIZE, offset=offset, count=count)
    paginator = Paginator(range(found.count), SHELF_PAGE_SIZE)
    checked, error = page_number(raw, paginator.num_pages)
    if checked != number:
        found = shelf(products, market=market, limit=SHELF_PAGE_SIZE, count=count)
    return found, paginator.page(checked), error
