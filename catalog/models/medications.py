"""Medication names as shoppers type them: a table the catalog manager edits in the admin.

Each row names one medicine (a generic, a salt, a brand, a lay word...) and the interaction
class it belongs to; a row without a class is a look-alike that must never match one
("amlodipine", a calcium antagonist, is not calcium). Seeded from
`catalog/compliance/data/medication_names.json`; the checker reads the table through
`selectors.medications`, so an edit counts on the next request.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class MedicationName(models.Model):
    """A name a shopper may type for a medicine, and the interaction class it means."""

    class Kind(models.TextChoices):
        GENERIC = "generic", _("generic name or salt")
        BRAND = "brand", _("brand name")
        COMBINATION = "combination", _("combination product")
        SUPPLEMENT = "supplement", _("supplement")
        LAY = "lay", _("lay word")
        CLASS = "class", _("class word")
        LOOK_ALIKE = "look-alike", _("look-alike (never matches)")

    name = models.CharField(
        _("name"), max_length=120, help_text=_("As a shopper types it, e.g. Nexium or plaspil.")
    )
    substance_class = models.SlugField(
        _("substance class"),
        max_length=60,
        blank=True,
        help_text=_(
            "The interaction's substance class it means; empty for a look-alike, another "
            "medicine that must never match."
        ),
    )
    substance = models.CharField(
        _("active substance"), max_length=120, blank=True, help_text=_("E.g. esomeprazole.")
    )
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices, default=Kind.GENERIC)
    markets = models.CharField(
        _("markets"),
        max_length=40,
        default="NL,BE",
        help_text=_("Country codes where the name is used, separated by commas (NL,BE)."),
    )
    note = models.CharField(_("editor's note"), max_length=255, blank=True)
    note_nl = models.TextField(
        _("note shown (Dutch)"), blank=True, help_text=_("Shown with a match, in Dutch.")
    )
    note_en = models.TextField(
        _("note shown (English)"), blank=True, help_text=_("Shown with a match, in English.")
    )
    source = models.CharField(
        _("source"), max_length=255, blank=True, help_text=_("Where the name was checked.")
    )

    class Meta:
        verbose_name = _("medication name")
        verbose_name_plural = _("medication names")
        ordering = ["name", "substance_class"]
        constraints = [
            models.UniqueConstraint(
                fields=["name", "substance_class"], name="medicationname_unique_name_class"
            ),
            models.CheckConstraint(condition=~Q(name=""), name="medicationname_name_not_empty"),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.substance_class or '-'})"

    def clean(self) -> None:
        """A look-alike names no class; any other row names one."""
        look_alike = self.kind == self.Kind.LOOK_ALIKE
        if look_alike and self.substance_class:
            raise ValidationError(
                {
                    "substance_class": _(
                        "A look-alike never matches: leave the substance class empty."
                    )
                },
                code="look_alike_with_class",
            )
        if not look_alike and not self.substance_class:
            raise ValidationError(
                {"substance_class": _("Name the substance class, or make the row a look-alike.")},
                code="class_required",
            )

    @property
    def market_list(self) -> list[str]:
        return [m.strip().upper() for m in self.markets.split(",") if m.strip()]
