"""The base of every translated ModelAdmin: modeltranslation's language tabs, served locally.

modeltranslation's tabs need jQuery UI, which its `TabbedTranslationAdmin` loads from a Google
CDN. An admin that works offline or behind a strict Content-Security-Policy cannot depend on
that, so the app ships jQuery UI (1.13.3, MIT, `static/catalog/vendor/jquery-ui/`) and uses it
unless the shop names its own copy in `MODELTRANSLATION_JQUERY_UI_URL`.
"""

from __future__ import annotations

from django.conf import settings
from modeltranslation.admin import TranslationAdmin

JQUERY_UI = "catalog/vendor/jquery-ui/jquery-ui.min.js"


class TabbedAdmin(TranslationAdmin):
    """modeltranslation's TabbedTranslationAdmin (one tab per language) without the CDN."""

    class Media:
        js = (
            "admin/js/jquery.init.js",
            "modeltranslation/js/force_jquery.js",
            getattr(settings, "MODELTRANSLATION_JQUERY_UI_URL", JQUERY_UI),
            "modeltranslation/js/tabbed_translation_fields.js",
        )
        css = {"all": ("modeltranslation/css/tabbed_translation_fields.css",)}
