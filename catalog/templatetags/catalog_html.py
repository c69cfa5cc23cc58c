"""Template filters for showing editors' rich text."""

import re

from django import template
from django.utils.safestring import SafeString, mark_safe

from ..sanitize import clean_html

register = template.Library()

# An innermost table: a nested one is wrapped on its own, never across its parent's tags.
_TABLE = re.compile(r"<table\b(?:(?!<table\b).)*?</table>", re.S | re.I)


@register.filter
def rich_text(html: str | None) -> SafeString:
    """Editor HTML (sanitised with nh3 when it was saved) ready to show.

    A wide table scrolls inside its own box instead of widening the page on a phone; the box
    takes keyboard focus so it can be scrolled without a mouse (WCAG 2.1.1).
    """
    # Sanitised again on output: rows written before sanitising, or by a raw SQL or loaddata
    # path that bypassed the services, never reach a page unsanitised.
    cleaned = clean_html(html or "")
    wrapped = _TABLE.sub(
        lambda match: f'<div class="table-wrap" tabindex="0">{match.group(0)}</div>', cleaned
    )
    return mark_safe(wrapped)  # nh3-cleaned just above
