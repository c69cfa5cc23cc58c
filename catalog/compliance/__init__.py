"""Pure compliance rules of the catalog: claims, label texts, populations, medications, checks.

No models, no DRF, no views: every rule takes plain values and is tested from tables. One
concern a module; this package re-exports the names the rest of the app uses, so callers
write `compliance.lint_copy(...)` whatever module a rule lives in.
"""

from .claims import (
    CLAIM_MIN_PERCENT_NRV,
    LANGS,
    PRODUCT_COPY_FIELDS,
    CopyIssue,
    Severity,
    claim_threshold_mg,
    describe_issue,
    lint_copy,
    lint_fields,
    lint_product_copy,
    may_carry_claims,
)
from .interactions import (
    CheckedProduct,
    CheckResult,
    CheckWarning,
    InteractionLike,
    advice_text,
    check_interactions,
)
from .labels import (
    LabelInput,
    LabelText,
    Nutrient,
    label_texts,
    polyols_in,
    sweetener_texts,
)
from .medications import (
    AmbiguousTerm,
    InteractionTerms,
    MedicationLexicon,
    MedicationMatch,
    MedicationName,
    default_lexicon,
    match_medications,
)
from .populations import (
    ADULT_AGE,
    UlBand,
    UlContext,
    UlStatus,
    is_children_product,
    offered_in_children_context,
    ul_context,
    ul_for_age,
    ul_status,
)
from .relevance import (
    ACCUMULATION_CLASSES,
    Relevance,
    by_relevance,
    first_sentence,
    high_daily_dose,
)
from .routes import Route, RouteRules, is_topical, rules_for, suggest_route
from .text import edit_distance, fold

__all__ = [
    "ACCUMULATION_CLASSES",
    "Relevance",
    "by_relevance",
    "first_sentence",
    "high_daily_dose",
    "AmbiguousTerm",
    "MedicationLexicon",
    "MedicationName",
    "Route",
    "RouteRules",
    "UlBand",
    "UlContext",
    "default_lexicon",
    "is_topical",
    "polyols_in",
    "rules_for",
    "suggest_route",
    "sweetener_texts",
    "ul_context",
    "ul_for_age",
    "ADULT_AGE",
    "CLAIM_MIN_PERCENT_NRV",
    "LANGS",
    "PRODUCT_COPY_FIELDS",
    "CheckResult",
    "CheckWarning",
    "CheckedProduct",
    "CopyIssue",
    "InteractionLike",
    "InteractionTerms",
    "LabelInput",
    "LabelText",
    "MedicationMatch",
    "Nutrient",
    "Severity",
    "UlStatus",
    "advice_text",
    "check_interactions",
    "claim_threshold_mg",
    "describe_issue",
    "edit_distance",
    "fold",
    "is_children_product",
    "label_texts",
    "lint_copy",
    "lint_fields",
    "lint_product_copy",
    "match_medications",
    "may_carry_claims",
    "offered_in_children_context",
    "ul_status",
]
