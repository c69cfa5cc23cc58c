"""System checks for the catalog's settings (ids catalog.E001...)."""

from typing import Any

from django.core import checks

from .conf import catalog_settings
from .models import Market  # the one list of markets (checks load once apps are ready)


@checks.register(checks.Tags.compatibility)
def check_catalog_settings(app_configs: Any, **kwargs: Any) -> list[checks.CheckMessage]:
    errors: list[checks.CheckMessage] = []
    if catalog_settings.DEFAULT_MARKET not in Market.values:
        errors.append(
            checks.Error(
                f"CATALOG['DEFAULT_MARKET'] is {catalog_settings.DEFAULT_MARKET!r}; "
                f"it must be one of {', '.join(Market.values)}.",
                id="catalog.E001",
            )
        )
    if catalog_settings.MAX_PAGE_SIZE < catalog_settings.PAGE_SIZE:
        errors.append(
            checks.Error(
                "CATALOG['MAX_PAGE_SIZE'] is below CATALOG['PAGE_SIZE'].", id="catalog.E002"
            )
        )
    return errors
