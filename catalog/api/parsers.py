"""Request body parsers: DRF's JSON parser with a nesting limit."""

from typing import Any

from django.utils.translation import gettext as _
from rest_framework import parsers
from rest_framework.exceptions import ParseError

# The deepest input the API takes is product -> ingredients -> [item] -> {fields}; 32 levels
# leave room and still stop a document built to exhaust the stack or the serializers.
MAX_DEPTH = 32


def nesting_depth(data: Any) -> int:
    """How deeply lists and objects nest (iterative: safe on any input)."""
    deepest, stack = 0, [(data, 1)]
    while stack:
        value, depth = stack.pop()
        if isinstance(value, dict | list):
            deepest = max(deepest, depth)
            children = value.values() if isinstance(value, dict) else value
            stack.extend((child, depth + 1) for child in children)
    return deepest


class JSONParser(parsers.JSONParser):
    """JSON bodies; a document nested past MAX_DEPTH is a 400, not a RecursionError (500)."""

    def parse(self, stream: Any, media_type: str | None = None, parser_context: Any = None) -> Any:
        try:
            data = super().parse(stream, media_type, parser_context)
        except RecursionError:
            raise ParseError(_("JSON parse error - nested too deeply.")) from None
        if nesting_depth(data) > MAX_DEPTH:
            raise ParseError(
                _("JSON parse error - nested deeper than %(max)d levels.") % {"max": MAX_DEPTH}
            )
        return data
