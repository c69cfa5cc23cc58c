"""The catalog's version: one row that every write moves on, kept in the database so that every
process, with or without a shared cache, sees each write on its next request."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class CatalogState(models.Model):
    """One row (id 1). `version` is a fresh random number after each committed write
    (`catalog.cache.invalidate_catalog_cache`); cached reads and ETags are keyed by it."""

    version = models.BigIntegerField(_("version"), default=0)
    changed_at = models.DateTimeField(_("changed"), null=True, blank=True)

    class Meta:
        verbose_name = _("catalog state")
        verbose_name_plural = _("catalog state")

    def __str__(self) -> str:
        return f"{self.version}"
