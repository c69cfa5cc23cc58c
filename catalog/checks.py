"""System checks: the catalog's own settings and every project setting it needs (catalog.E0xx).

Each error names the setting and the fix, so `manage.py check` (and `migrate`, `runserver`)
fails where a page would otherwise be a 500 or a 404. The API needs nothing from
REST_FRAMEWORK or SPECTACULAR_SETTINGS (catalog/api/base.py), the pages no context processor.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core import checks
from django.urls import NoReverseMatch, reverse

from .conf import catalog_settings
from .models import Market  # the one list of markets (checks load once apps are ready)
from .web import cart

# App -> why the catalog needs it (templates, static files, translated fields, permissions).
REQUIRED_APPS = {
    "modeltranslation": "the catalog's translated fields (a column per language)",
    "django.contrib.auth": "the API's and the admin's permissions",
    "django.contrib.contenttypes": "the permissions of the catalog's models",
    "django.contrib.staticfiles": "the catalog's CSS, JavaScript and the API docs' files",
    "django.contrib.sitemaps": "the sitemap.xml templates",
    "rest_framework": "the API (and its messages in Dutch)",
    "django_filters": "the product filters (and their messages in Dutch)",
    "drf_spectacular": "the API docs page's templates",
    "drf_spectacular_sidecar": "Swagger UI's files, served by the project (no CDN)",
}
LOCALE_MIDDLEWARE = "django.middleware.locale.LocaleMiddleware"


def _fix(line: str) -> str:
    return f"Add {line} (README, 'Using the app in another project')."


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
    for message in cart.setting_errors():
        errors.append(checks.Error(message, id="catalog.E040"))
    url = catalog_settings.CART_URL
    if isinstance(url, str) and not cart.setting_errors() and not url.startswith(("/", "http")):
        try:
            reverse(url)
        except NoReverseMatch:
            errors.append(
                checks.Error(
                    f"CATALOG['CART_URL'] is {url!r}, which names no URL pattern.",
                    hint="Give a path such as '/cart/add/' or the name of your cart view.",
                    id="catalog.E041",
                )
            )
    return errors


@checks.register(checks.Tags.compatibility)
def check_installed_apps(app_configs: Any, **kwargs: Any) -> list[checks.CheckMessage]:
    return installed_app_errors([_app_name(entry) for entry in settings.INSTALLED_APPS])


def installed_app_errors(names: list[str]) -> list[checks.CheckMessage]:
    """What is missing from, or in the wrong order in, INSTALLED_APPS (app names, in order)."""
    errors: list[checks.CheckMessage] = [
        checks.Error(
            f"{app!r} is not in INSTALLED_APPS; the catalog needs it for {why}.",
            hint=_fix(f"{app!r} to INSTALLED_APPS"),
            id="catalog.E010",
        )
        for app, why in REQUIRED_APPS.items()
        if app not in names
    ]
    if (
        "modeltranslation" in names
        and "django.contrib.admin" in names
        and names.index("modeltranslation") > names.index("django.contrib.admin")
    ):
        errors.append(
            checks.Error(
                "'modeltranslation' comes after 'django.contrib.admin' in INSTALLED_APPS: it "
                "must register the catalog's translated fields before the admin loads them.",
                hint="Move 'modeltranslation' before 'django.contrib.admin' in INSTALLED_APPS.",
                id="catalog.E011",
            )
        )
    return errors


def _app_name(entry: str) -> str:
    """'catalog.apps.CatalogConfig' -> 'catalog' (an AppConfig path names its app)."""
    from django.apps import apps

    for config in apps.get_app_configs():
        if entry in (config.name, f"{config.__module__}.{type(config).__name__}"):
            return config.name
    return entry


@checks.register(checks.Tags.compatibility)
def check_languages(app_configs: Any, **kwargs: Any) -> list[checks.CheckMessage]:
    errors: list[checks.CheckMessage] = []
    ours = tuple(catalog_settings.LANGUAGES)
    if not settings.USE_I18N:
        errors.append(
            checks.Error(
                "USE_I18N is False: the catalog's pages live under /nl/ and /en/ and its fields "
                "are translated (modeltranslation registers nothing without it).",
                hint="Set USE_I18N = True.",
                id="catalog.E012",
            )
        )
    served = {code for code, _name in settings.LANGUAGES}
    missing = [code for code in ours if code not in served]
    if missing:
        errors.append(
            checks.Error(
                f"LANGUAGES lacks {', '.join(missing)}: the catalog's pages are served in "
                f"{', '.join(ours)} (/{ours[0]}/...).",
                hint=f"Add {', '.join(repr(code) for code in missing)} to LANGUAGES "
                "(Django's default LANGUAGES holds them).",
                id="catalog.E013",
            )
        )
    if LOCALE_MIDDLEWARE not in settings.MIDDLEWARE:
        errors.append(
            checks.Error(
                f"{LOCALE_MIDDLEWARE!r} is not in MIDDLEWARE: every /en/ page would be a 404 "
                "and the language would not follow the URL.",
                hint=_fix(
                    f"{LOCALE_MIDDLEWARE!r} to MIDDLEWARE, after SessionMiddleware and before "
                    "CommonMiddleware"
                ),
                id="catalog.E014",
            )
        )
    errors += _check_translated_field_languages(ours)
    return errors


def _check_translated_field_languages(ours: tuple[str, ...]) -> list[checks.CheckMessage]:
    """The catalog's migrations hold a column per language of CATALOG['LANGUAGES'] only."""
    if "catalog" in getattr(settings, "MIGRATION_MODULES", {}):
        return []  # the project keeps migrations of its own for the catalog
    try:
        from modeltranslation import settings as mt_settings
    except ImportError:  # reported as a missing app
        return []
    if set(mt_settings.AVAILABLE_LANGUAGES) == set(ours):
        return []
    return [
        checks.Error(
            f"django-modeltranslation translates into {', '.join(mt_settings.AVAILABLE_LANGUAGES)}"
            f" but the catalog's migrations hold {', '.join(ours)}: makemigrations would want a "
            "migration inside the installed catalog package.",
            hint=(
                f"Remove MODELTRANSLATION_LANGUAGES (the catalog then sets {ours!r}), set it to "
                f"{ours!r}, or keep migrations of your own with MIGRATION_MODULES = "
                "{'catalog': ...}."
            ),
            id="catalog.E015",
        )
    ]


@checks.register(checks.Tags.templates)
def check_templates(app_configs: Any, **kwargs: Any) -> list[checks.CheckMessage]:
    from django.template import TemplateDoesNotExist
    from django.template.loader import get_template

    try:
        get_template("catalog/base.html")
    except TemplateDoesNotExist:
        return [
            checks.Error(
                "The catalog's templates cannot be found.",
                hint="Use a DjangoTemplates backend with 'APP_DIRS': True in TEMPLATES (or the "
                "app_directories loader).",
                id="catalog.E020",
            )
        ]
    return []


@checks.register(checks.Tags.urls)
def check_urls(app_configs: Any, **kwargs: Any) -> list[checks.CheckMessage]:
    from django.urls import NoReverseMatch, reverse
    from django.utils import translation

    errors: list[checks.CheckMessage] = []
    for name, what in (
        ("catalog:home", "the catalog's pages (the API links to them)"),
        ("api-root", "the catalog's API"),
        ("sitemap", "the sitemap"),
    ):
        try:
            with translation.override(catalog_settings.LANGUAGES[0]):
                reverse(name)
        except NoReverseMatch:
            errors.append(
                checks.Error(
                    f"The root URLconf has no URL named {name!r}: {what} are not served.",
                    hint="Add `import catalog.urls` and `urlpatterns += catalog.urls.urlpatterns` "
                    "to the project's urls.py.",
                    id="catalog.E030",
                )
            )
        except Exception:  # noqa: BLE001 - a broken URLconf is reported by Django's own checks
            return errors
    return errors
