"""The catalog's translated fields and migrations do not depend on the project's LANGUAGES."""

import gettext
from pathlib import Path

from django.utils import translation

from catalog.apps import default_modeltranslation_languages
from tests.plugin.conftest import run_bare

LOCALE = Path(__file__).resolve().parents[2] / "catalog" / "locale" / "nl" / "LC_MESSAGES"


def test_modeltranslation_gets_the_catalogs_languages_when_the_project_names_none(settings):
    del settings.MODELTRANSLATION_LANGUAGES
    settings.LANGUAGES = [("nl", "Nederlands"), ("en", "English"), ("de", "Deutsch")]

    default_modeltranslation_languages()

    assert settings.MODELTRANSLATION_LANGUAGES == ("nl", "en")


def test_the_projects_own_modeltranslation_languages_are_left_alone(settings):
    settings.MODELTRANSLATION_LANGUAGES = ("nl", "en", "de")
    default_modeltranslation_languages()
    assert settings.MODELTRANSLATION_LANGUAGES == ("nl", "en", "de")


def test_the_translated_fields_are_nl_and_en_only():
    from catalog.models import Form

    names = {f.name for f in Form._meta.get_fields()}
    assert {"name_nl", "name_en"} <= names
    assert not any(n.startswith("name_") and n not in ("name_nl", "name_en") for n in names)


def test_makemigrations_finds_nothing_with_djangos_default_languages():
    result = run_bare("makemigrations", "--check", "--dry-run", BARE_DEFAULT_LANGUAGES="1")

    assert result.returncode == 0, result.stdout + result.stderr
    assert "No changes detected" in result.stdout


def test_load_demo_works_with_djangos_default_languages(tmp_path):
    env = {"BARE_DEFAULT_LANGUAGES": "1", "BARE_DB": str(tmp_path / "db.sqlite3")}
    migrated = run_bare("migrate", "--noinput", "-v0", **env)
    assert migrated.returncode == 0, migrated.stderr

    loaded = run_bare("load_demo", **env)

    assert loaded.returncode == 0, loaded.stderr
    assert "46 products" in loaded.stdout


def _our_translations():
    catalog = gettext.GNUTranslations((LOCALE / "django.mo").open("rb"))._catalog  # type: ignore[attr-defined]
    return {k: v for k, v in catalog.items() if isinstance(k, str) and k}


def test_other_apps_translations_do_not_replace_the_catalogs(settings):
    """Django lets the app listed first win for a msgid two apps translate; the catalog comes
    last in the README's INSTALLED_APPS, so a shared msgid must read the same in both."""
    shadowed = []
    with translation.override("nl"):
        for msgid, ours in _our_translations().items():
            if "\x04" in msgid:
                context, text = msgid.split("\x04")
                shown = translation.pgettext(context, text)
            else:
                shown = translation.gettext(msgid)
            if shown != ours:
                shadowed.append((msgid, ours, shown))
    assert shadowed == []
