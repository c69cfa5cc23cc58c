"""Magnesium forms (compounds) and the elemental fraction of each."""

from decimal import Decimal
from typing import TYPE_CHECKING, Any

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from catalog.validators import validate_fraction

if TYPE_CHECKING:
    from django.db.models.fields.related_descriptors import ManyRelatedManager

    from .content import Article
    from .goals import Goal


class Form(models.Model):
    """A magnesium compound (citrate, bisglycinate, ...) and its elemental fraction."""

    slug = models.SlugField(_("slug"), max_length=60, unique=True)
    name = models.CharField(_("name"), max_length=120)
    elemental_fraction = models.DecimalField(
        _("elemental fraction"),
        max_digits=5,
        decimal_places=4,
        validators=[validate_fraction],
        help_text=_(
            "Share of elemental magnesium in the compound by weight, e.g. 0.1620 for "
            "trimagnesium dicitrate (anhydrous). Ingredient lines may override it with an "
            "assayed value."
        ),
    )
    summary = models.TextField(_("summary"), blank=True)
    absorption_note = models.TextField(_("absorption note"), blank=True)
    typical_use = models.CharField(
        _("typical use"),
        max_length=255,
        blank=True,
        help_text=_("How shops describe its use; descriptive, never a health claim."),
    )
    synonyms = models.TextField(
        _("search words"),
        blank=True,
        help_text=_(
            "Everyday names shoppers search for when they mean this form (glycinaat, chelaat), one per line or separated by commas. Part of the search "
            "text of every product with this form."
        ),
    )
    sort_order = models.PositiveSmallIntegerField(_("sort order"), default=0)
    if TYPE_CHECKING:  # reverse accessors (modeltranslation hides them from the plugin)
        articles: "ManyRelatedManager[Article, Any]"
        goals: "ManyRelatedManager[Goal, Any]"

    class Meta:
        verbose_name = _("form")
        verbose_name_plural = _("forms")
        ordering = ["sort_order", "slug"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(elemental_fraction__gt=0) & models.Q(elemental_fraction__lte=1),
                name="form_fraction_between_0_and_1",
            )
        ]

    def __str__(self) -> str:
        return self.name or self.slug

    def get_absolute_url(self) -> str:
        return reverse("catalog:form-detail", kwargs={"slug": self.slug})

    @property
    def elemental_percent(self) -> Decimal:
        return (self.elemental_fraction * 100).quantize(Decimal("0.1"))
