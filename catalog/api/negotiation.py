"""Language and market of an API request: `?lang=` / Accept-Language, `?market=`.

Unknown values answer 400 naming the parameter, like every other bad input.
"""

from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation.trans_real import parse_accept_lang_header
from rest_framework.exceptions import ValidationError
from rest_framework.request import Request

from ..filters import MarketForm
from ..models import Market
from ..selectors.reference import default_market
from .errors import field_errors

LANGUAGES = ("nl", "en")


def asked_language(request: Request) -> str | None:
    """The language the client asked for (`?lang=` first, then Accept-Language), if any."""
    lang = request.query_params.get("lang")
    if lang is not None:
        return lang if lang in LANGUAGES else None
    header = request.META.get("HTTP_ACCEPT_LANGUAGE", "")
    for code, _quality in parse_accept_lang_header(header[:500]):
        base = code.split("-")[0].lower()
        if base in LANGUAGES:
            return base
    return None


def error_language(request: Request) -> str:
    """Error messages speak the asked language; English when the client asked none, since
    errors are read by integrators (names and texts still default to Dutch)."""
    return asked_language(request) or "en"


def request_language(request: Request) -> str:
    lang = request.query_params.get("lang")
    if lang is not None and lang not in LANGUAGES:
        with translation.override(error_language(request)):
            raise ValidationError(
                {"lang": [_("Unknown language '%(lang)s'. Valid: nl, en.") % {"lang": lang[:20]}]}
            )
    return asked_language(request) or "nl"


def request_market(request: Request) -> str:
    market = request.query_params.get("market") or ""
    if not market:
        return default_market()
    if market in Market.values:  # the common case, without building a form
        return market
    form = MarketForm({"market": market})
    with translation.override(error_language(request)):
        if not form.is_valid():
            raise ValidationError(field_errors(form))
    return form.market_or_default()


class CatalogRequestMixin:
    """Activates the request's language for the whole view (modeltranslation reads it)."""

    def initial(self, request: Request, *args: object, **kwargs: object) -> None:
        super().initial(request, *args, **kwargs)  # type: ignore[misc]
        self.lang = request_language(request)
        self.market = request_market(request)
        self.error_lang = error_language(request)
        translation.activate(self.lang)

    def errors_language(self) -> translation.override:
        """`with self.errors_language(): ...` around validation that may raise a 400."""
        return translation.override(getattr(self, "error_lang", "en"))

    def get_serializer_context(self) -> dict[str, object]:
        context = super().get_serializer_context()  # type: ignore[misc]
        context["lang"] = getattr(self, "lang", "nl")
        context["market"] = getattr(self, "market", default_market())
        return context
