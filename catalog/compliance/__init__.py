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
from .labels import LabelInput, LabelText, Nutrient, label_texts
from .medications import InteractionTerms, MedicationMatch, match_medications
from .populations import (
    ADULT_AGE,
    UlStatus,
    is_children_product,
    offered_in_children_context,
    ul_status,
)
from .text import edit_distance, fold

__all__ = [
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
