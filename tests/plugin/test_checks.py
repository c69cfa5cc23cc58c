"""System checks name every project setting the catalog needs, with its fix (catalog.E0xx)."""

import pytest
from django.core import checks
from django.core.checks import run_checks

from catalog import checks as catalog_checks
from tests.plugin.bare import settings as bare_settings
from tests.plugin.conftest import run_bare

STARTPROJECT_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]


def ids(messages):
    return sorted(m.id for m in messages)


def catalog_errors():
    return [m for m in run_checks() if m.id and m.id.startswith("catalog.")]


def test_the_readmes_lines_satisfy_every_check(bare_host):
    assert catalog_errors() == []


def test_each_missing_app_is_named_with_the_line_that_adds_it():
    errors = catalog_checks.installed_app_errors(STARTPROJECT_APPS)

    assert ids(errors) == ["catalog.E010"] * 6
    missing = {e.msg.split("'")[1] for e in errors}
    assert missing == {
        "modeltranslation",
        "django.contrib.sitemaps",
        "rest_framework",
        "django_filters",
        "drf_spectacular",
        "drf_spectacular_sidecar",
    }
    assert all("to INSTALLED_APPS" in e.hint for e in errors)


def test_the_readmes_apps_are_enough():
    assert catalog_checks.installed_app_errors(list(bare_settings.INSTALLED_APPS)) == []


def test_modeltranslation_after_the_admin_is_an_error():
    names = [*STARTPROJECT_APPS, "modeltranslation", *catalog_checks.REQUIRED_APPS]
    assert ids(catalog_checks.installed_app_errors(names)) == ["catalog.E011"]


def test_i18n_off_is_an_error(bare_host):
    bare_host.USE_I18N = False
    assert "catalog.E012" in ids(catalog_errors())


def test_languages_without_dutch_is_an_error(bare_host):
    bare_host.LANGUAGES = [("en", "English"), ("de", "Deutsch")]
    [error] = [e for e in catalog_errors() if e.id == "catalog.E013"]
    assert "nl" in error.msg and "'nl'" in error.hint


def test_djangos_default_languages_are_enough(bare_host):
    from django.conf import global_settings

    bare_host.LANGUAGES = global_settings.LANGUAGES
    assert catalog_errors() == []


def test_a_missing_locale_middleware_is_an_error(bare_host):
    bare_host.MIDDLEWARE = [m for m in bare_host.MIDDLEWARE if "LocaleMiddleware" not in m]
    [error] = [e for e in catalog_errors() if e.id == "catalog.E014"]
    assert "LocaleMiddleware" in error.hint


def test_other_modeltranslation_languages_are_an_error(monkeypatch):
    from modeltranslation import settings as mt_settings

    monkeypatch.setattr(mt_settings, "AVAILABLE_LANGUAGES", ["nl", "en", "de"])
    [error] = catalog_checks._check_translated_field_languages(("nl", "en"))
    assert error.id == "catalog.E015"
    assert "MIGRATION_MODULES" in error.hint


def test_other_modeltranslation_languages_are_fine_with_migrations_of_ones_own(
    monkeypatch, settings
):
    from modeltranslation import settings as mt_settings

    monkeypatch.setattr(mt_settings, "AVAILABLE_LANGUAGES", ["nl", "en", "de"])
    settings.MIGRATION_MODULES = {"catalog": "myshop.catalog_migrations"}
    assert catalog_checks._check_translated_field_languages(("nl", "en")) == []


def test_templates_without_app_directories_are_an_error(bare_host):
    bare_host.TEMPLATES = [{**bare_host.TEMPLATES[0], "APP_DIRS": False}]
    assert "catalog.E020" in ids(catalog_errors())


def test_a_project_without_the_catalogs_urls_is_an_error(bare_host):
    bare_host.ROOT_URLCONF = "tests.plugin.bare.urls_without_catalog"
    errors = [e for e in catalog_errors() if e.id == "catalog.E030"]
    assert len(errors) == 3
    assert all("urlpatterns += catalog.urls.urlpatterns" in e.hint for e in errors)


@pytest.mark.parametrize(
    ("left_out", "error"),
    [
        ("django.middleware.locale.LocaleMiddleware", "catalog.E014"),
        ("drf_spectacular_sidecar", "catalog.E010"),
    ],
)
def test_manage_py_check_fails_in_a_project_that_misses_a_line(left_out, error):
    result = run_bare("check", BARE_WITHOUT=left_out)

    assert result.returncode == 1
    assert f"({error})" in result.stderr and left_out in result.stderr


def test_manage_py_check_is_clean_in_a_project_made_from_the_readme():
    result = run_bare("check")
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


def test_the_checks_are_registered():
    registered = {c.__name__ for c in checks.registry.registry.registered_checks}
    assert {
        "check_installed_apps",
        "check_languages",
        "check_templates",
        "check_urls",
    } <= registered
