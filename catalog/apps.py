"""The catalog's app config: translated-field languages for modeltranslation, system checks."""

from types import ModuleType

from django.apps import AppConfig
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from .conf import catalog_settings


def default_modeltranslation_languages() -> None:
    """Give django-modeltranslation the catalog's languages unless the project chose its own.

    modeltranslation adds one column per language of MODELTRANSLATION_LANGUAGES, which
    defaults to every language of LANGUAGES (about a hundred in Django's default settings),
    and the catalog's migrations hold nl and en only. modeltranslation reads the setting once,
    when its `settings` module is first imported (in its `ready()`); app configs are imported
    before any `ready()` runs, so a default set here is the one it reads (as django-appconf
    supplies app defaults). A project that sets the list itself is checked (catalog.E015).
    """
    if not hasattr(settings, "MODELTRANSLATION_LANGUAGES"):
        settings.MODELTRANSLATION_LANGUAGES = tuple(catalog_settings.LANGUAGES)


class CatalogConfig(AppConfig):
    name = "catalog"
    verbose_name = _("Magnesium catalog")
    default_auto_field = "django.db.models.BigAutoField"

    def __init__(self, app_name: str, app_module: ModuleType | None) -> None:
        super().__init__(app_name, app_module)
        default_modeltranslation_languages()

    def ready(self) -> None:
        from . import checks  # noqa: F401  (registers the system checks)
        from .api.setup import settle_project_defaults

        settle_project_defaults()
