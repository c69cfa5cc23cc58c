"""Writing the medication names table (the names the interaction checker recognises)."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from ..cache import invalidate_catalog_cache
from ..models import Interaction, MedicationName
from .common import assign, store


def _check_class(name: MedicationName) -> None:
    """The class a row names is one of the catalog's interactions."""
    if name.substance_class and not Interaction.objects.filter(slug=name.substance_class).exists():
        raise ValidationError(
            {
                "substance_class": _("Unknown substance class “%(slug)s”; valid: %(valid)s.")
                % {
                    "slug": name.substance_class,
                    "valid": ", ".join(Interaction.objects.values_list("slug", flat=True)),
                }
            },
            code="unknown_class",
        )


@transaction.atomic
def medication_name_save(*, medication_name: MedicationName) -> MedicationName:
    """Store a name of the table; the checker matches with it from the next request on.

    The name is stored as typed, trimmed; markets as upper-case codes ("NL,BE").
    """
    medication_name.name = (medication_name.name or "").strip()
    medication_name.markets = ",".join(
        dict.fromkeys(m.strip().upper() for m in medication_name.markets.split(",") if m.strip())
    )
    store(medication_name)  # full_clean: a look-alike names no class, any other row one
    _check_class(medication_name)
    invalidate_catalog_cache()
    return medication_name


@transaction.atomic
def medication_name_upsert(*, name: str, substance_class: str, **fields: Any) -> MedicationName:
    """The row of `name` for `substance_class` (a new one when there is none), with `fields`."""
    row = MedicationName.objects.filter(name=name, substance_class=substance_class).first()
    row = row or MedicationName(name=name, substance_class=substance_class)
    return medication_name_save(medication_name=assign(row, fields))
