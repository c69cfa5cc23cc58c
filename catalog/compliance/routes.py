"""Route of use: a product is swallowed (oral) or used on the skin or in the bath (topical).

A topical product (bath flakes, a magnesium oil spray for the skin) is not a food supplement:
no daily oral dose, no % NRV, none of the supplement label texts of Directive 2002/46/EC art.
6, no health claims (Reg. (EC) 1924/2006 covers foods), not counted in the interaction
checker's oral total and never compared with an upper level for supplemental magnesium
(EFSA/SCF 2006: the UL concerns magnesium taken by mouth). It is labelled "for external use".

What the rest of the app should call (the model field, import column, API field and pages
come with it):
- `rules_for(route)`: which parts of a product page, label, feed and the checker apply;
- `suggest_route(dose_form, texts)`: a default for existing rows and imports without a route;
- `labels.label_texts(LabelInput(..., route=route))`: the external-use texts for topical ones;
- `claims.may_carry_claims(...)` only when `rules_for(route).health_claims`;
- `interactions.CheckedProduct(..., route=route)`: kept out of the checker's oral total.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from .text import fold


class Route:
    ORAL = "oral"
    TOPICAL = "topical"  # on the skin or in the bath
    ALL = (ORAL, TOPICAL)


@dataclass(frozen=True)
class RouteRules:
    route: str
    daily_oral_dose: bool  # elemental mg per serving and per day as an intake
    percent_nrv: bool
    supplement_label: bool  # "food supplement", daily portion, do not exceed, varied diet
    health_claims: bool
    in_oral_total: bool  # added up in the interaction checker
    upper_level_flags: bool  # compared with the supplemental upper level
    external_use_label: bool  # "for external use only"
    with_meal_advice: bool


_RULES = {
    Route.ORAL: RouteRules(Route.ORAL, True, True, True, True, True, True, False, True),
    Route.TOPICAL: RouteRules(Route.TOPICAL, False, False, False, False, False, False, True, False),
}


def rules_for(route: str) -> RouteRules:
    """The rules a product follows for its route; an unknown route is refused."""
    try:
        return _RULES[route]
    except KeyError:
        raise ValueError(f"Unknown route of use {route!r}; expected one of {Route.ALL}") from None


def is_topical(route: str) -> bool:
    return rules_for(route).route == Route.TOPICAL


# Words of directions and names that say a product is not swallowed.
_EXTERNAL = re.compile(
    r"(?<![\w-])(?:niet innemen|niet inslikken|do not swallow|not to be swallowed|uitwendig|external use|"
    r"in (?:het |een |je )?bad|badwater|badzout|(?:in )?(?:the |a )?bath|voetenbad|foot ?bath|op de huid|on(?:to)? the skin|huid\w* (?:in)?masseren|massage|"
    r"inmasseren|body ?spray|olie ?spray|oil ?spray|magnesiumolie|magnesium oil|lotion|gel)(?![\w])"
)
_ORAL = re.compile(
    r"(?<![\w-])(?:oral|mondspray|in de mond|into the mouth|onder de tong|under the tongue)(?![\w])"
)
_TOPICAL_FORMS = frozenset({"flakes", "bath_salt", "cream", "lotion", "gel", "oil"})


def suggest_route(dose_form: str, texts: Iterable[str] = ()) -> str:
    """A default route for a product without one: from its dose form (flakes are for the
    bath) and its name and directions ("niet innemen", "oil spray", "in bad"); a spray is
    oral unless its texts say skin. An editor confirms it: this is a suggestion."""
    if dose_form in _TOPICAL_FORMS:
        return Route.TOPICAL
    text = fold(" ".join(texts))
    if _ORAL.search(text):
        return Route.ORAL
    if dose_form in ("spray", "liquid", "powder") and _EXTERNAL.search(text):
        return Route.TOPICAL
    return Route.ORAL
