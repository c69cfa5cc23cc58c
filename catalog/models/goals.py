"""Goals a shopper browses by, with the authorised claims and forms that fit them."""

from typing import TYPE_CHECKING, Any

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from .compounds import Form


class Goal(models.Model):
    """What a shopper browses by (cramps, energy, sleep, ...)."""

    slug = models.SlugField(_("slug"), max_length=60, unique=True)
    name = models.CharField(_("name"), max_length=120)
    summary = models.TextField(_("summary"), blank=True)
    body_html = models.TextField(
        _("text"),
        blank=True,
        help_text=_("Sanitised HTML; statements must map to authorised claims."),
    )
    claims = models.ManyToManyField(
        "catalog.HealthClaim", verbose_name=_("authorised claims"), blank=True, related_name="goals"
    )
    recommended_forms: "models.ManyToManyField[Form, Any]" = models.ManyToManyField(
        "catalog.Form", verbose_name=_("recommended forms"), blank=True, related_name="goals"
    )
    synonyms = models.TextField(
        _("search words"),
        blank=True,
        help_text=_(
            "Words and symptoms shoppers search for when they mean this goal (slaap, inslapen, doorslapen), one per line or separated by commas. Part of the search "
            "text of every product with this goal."
        ),
    )
    sort_order = models.PositiveSmallIntegerField(_("sort order"), default=0)

    class Meta:
        verbose_name = _("goal")
        verbose_name_plural = _("goals")
        ordering = ["sort_order", "slug"]

    def __str__(self) -> str:
        return self.name or self.slug

    def get_absolute_url(self) -> str:
        return reverse("catalog:goal-detail", kwargs={"slug": self.slug})
