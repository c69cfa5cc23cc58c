"""Safety data: markets, reference values (NRV, upper levels), health claims, interactions."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .content import lines


class Market(models.TextChoices):
    EU = "EU", _("European Union")
    US = "US", _("United States")
    NO = "NO", _("Norway")


class ReferenceValue(models.Model):
    """A reference figure for magnesium: the labelling NRV or a supplemental upper level."""

    class Kind(models.TextChoices):
        NRV = "nrv", _("nutrient reference value")
        UL = "ul", _("tolerable upper level (supplemental)")

    market = models.CharField(_("market"), max_length=2, choices=Market.choices)
    kind = models.CharField(_("kind"), max_length=3, choices=Kind.choices)
    age_min_years = models.PositiveSmallIntegerField(_("from age"), default=0)
    age_max_years = models.PositiveSmallIntegerField(_("to age"), null=True, blank=True)
    amount_mg = models.DecimalField(_("amount (mg/day)"), max_digits=7, decimal_places=1)
    source = models.CharField(_("source"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("reference value")
        verbose_name_plural = _("reference values")
        ordering = ["market", "kind", "age_min_years"]
        constraints = [
            models.UniqueConstraint(
                fields=["market", "kind", "age_min_years"], name="referencevalue_unique_band"
            ),
            models.CheckConstraint(condition=Q(amount_mg__gt=0), name="referencevalue_positive"),
            models.CheckConstraint(
                condition=Q(age_max_years__isnull=True)
                | Q(age_max_years__gte=models.F("age_min_years")),
                name="referencevalue_age_range",
            ),
        ]

    def __str__(self) -> str:
        upper = f"-{self.age_max_years}" if self.age_max_years is not None else "+"
        return (
            f"{self.market} {self.kind.upper()} {self.age_min_years}{upper} y: {self.amount_mg} mg"
        )


class HealthClaim(models.Model):
    """An authorised EU health claim for magnesium (Reg. (EU) 432/2012)."""

    slug = models.SlugField(_("slug"), max_length=60, unique=True)
    text = models.CharField(_("authorised wording"), max_length=255)
    min_percent_nrv = models.PositiveSmallIntegerField(
        _("minimum % NRV per daily portion"),
        default=15,
        help_text=_("A claim may only be made when the daily portion gives at least this much."),
    )

    class Meta:
        verbose_name = _("health claim")
        verbose_name_plural = _("health claims")
        ordering = ["slug"]

    def __str__(self) -> str:
        return self.text


class Interaction(models.Model):
    """A substance class or condition that concerns magnesium supplements (structured data)."""

    class Kind(models.TextChoices):
        MEDICATION = "medication", _("medication")
        SUPPLEMENT = "supplement", _("supplement")
        CONDITION = "condition", _("condition")

    class Severity(models.TextChoices):
        CONTRAINDICATION = "contraindication", _("contraindication")
        MAJOR = "major", _("major")
        MODERATE = "moderate", _("moderate")
        MINOR = "minor", _("minor")

    slug = models.SlugField(_("substance class"), max_length=60, unique=True)
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    name = models.CharField(_("name"), max_length=120)
    examples = models.TextField(_("examples"), blank=True, help_text=_("One per line."))
    match_terms = models.TextField(
        _("match terms"),
        blank=True,
        help_text=_(
            "Generic names and class words in any language that a shopper may type; one per line."
        ),
    )
    severity = models.CharField(_("severity"), max_length=16, choices=Severity.choices)
    mechanism = models.TextField(_("what happens"), blank=True)
    advice = models.TextField(_("advice"), blank=True)
    forms = models.ManyToManyField(
        "catalog.Form",
        verbose_name=_("forms"),
        blank=True,
        related_name="interactions",
        help_text=_("Leave empty when it concerns every form of magnesium."),
    )

    class Meta:
        verbose_name = _("interaction")
        verbose_name_plural = _("interactions")
        ordering = ["slug"]

    def __str__(self) -> str:
        return self.name or self.slug

    @property
    def example_list(self) -> list[str]:
        return lines(self.examples)

    @property
    def match_term_list(self) -> list[str]:
        return lines(self.match_terms)
