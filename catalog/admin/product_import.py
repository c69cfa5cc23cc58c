"""The product admin's import page (upload, preview, confirm all or nothing) and export."""

from __future__ import annotations

import base64
import csv
import hashlib
import io
import zlib
from typing import Any

from django.contrib import admin, messages
from django.contrib.admin.models import ADDITION
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import URLPattern, path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from catalog import importing
from catalog.models import Product

from .product_forms import ImportUploadForm
from .writes import log_change

IMPORT_SESSION_KEY = "catalog_import"
ERRORS_SESSION_KEY = "catalog_import_errors"
PREVIEW_ROWS = 500


def store_upload(request: HttpRequest, name: str, data: bytes) -> str:
    """Keep an upload in the session between preview and confirm; returns its token.

    The session (database or Redis) works whichever worker or host answers the confirm; the
    file is compressed there (CSV shrinks 5-10x) and dropped as soon as it is not needed.
    """
    token = hashlib.sha256(data).hexdigest()
    request.session[IMPORT_SESSION_KEY] = {
        "name": name,
        "data": base64.b64encode(zlib.compress(data)).decode("ascii"),
        "token": token,
    }
    return token


def stored_upload(request: HttpRequest, token: str) -> tuple[str, bytes] | None:
    """The upload previewed with `token` as (name, data), or None when it is gone."""
    stored = request.session.get(IMPORT_SESSION_KEY)
    if not stored or not token or stored["token"] != token:
        return None
    return stored["name"], zlib.decompress(base64.b64decode(stored["data"]))


def forget_upload(request: HttpRequest) -> None:
    request.session.pop(IMPORT_SESSION_KEY, None)


def store_errors(request: HttpRequest, name: str, errors: list[importing.RowError]) -> None:
    """Keep the errors of the last checked file for the error report download."""
    request.session[ERRORS_SESSION_KEY] = {
        "name": name,
        "errors": [[e.line, e.column, e.message] for e in errors],
    }


def errors_response(request: HttpRequest) -> HttpResponse:
    """The errors of the last checked file as CSV (row, column, message), for a spreadsheet."""
    stored = request.session.get(ERRORS_SESSION_KEY) or {"name": "", "errors": []}
    out = io.StringIO()
    out.write("\ufeff")  # Excel reads the file as UTF-8 only with a byte-order mark
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([_("row"), _("column"), _("message")])
    writer.writerows(stored["errors"])
    response = HttpResponse(out.getvalue().encode("utf-8"), content_type="text/csv; charset=utf-8")
    stem = stored["name"].rsplit(".", 1)[0] or "import"
    safe = "".join(c for c in stem if c.isalnum() or c in "-_")[:60] or "import"
    response["Content-Disposition"] = f'attachment; filename="{safe}-errors.csv"'
    return response


def export_response(queryset: QuerySet[Product], fmt: str) -> HttpResponse:
    """The products of `queryset` as an import file to download (CSV or XLSX)."""
    content_type = (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        if fmt == "xlsx"
        else "text/csv; charset=utf-8"
    )
    response = HttpResponse(importing.export_products(queryset, fmt=fmt), content_type=content_type)
    stamp = timezone.now().strftime("%Y%m%d-%H%M")
    response["Content-Disposition"] = f'attachment; filename="products-{stamp}.{fmt}"'
    return response


def plan_context(plan: importing.ImportPlan, filename: str) -> dict[str, Any]:
    """What the import page shows of a plan: errors, warnings and the rows that change."""
    rows = plan.rows
    changing = [r for r in rows if r.status != importing.STATUS_UNCHANGED]
    shown = changing[:PREVIEW_ROWS]
    products = plan.products[:PREVIEW_ROWS]
    return {
        "plan": plan,
        "filename": filename,
        "errors": plan.errors,
        "warnings": plan.warnings,
        "rows": shown,
        "rows_hidden": len(changing) - len(shown),
        "products": products,
        "products_hidden": len(plan.products) - len(products),
        "notes": importing.attention_notes(plan),
        "counts": plan.counts(),
        "summary": plan.summary(),
        "has_changes": bool(changing),
    }


class ImportExportPages(admin.ModelAdmin):
    """The product admin's import and export pages (a ModelAdmin to mix in first)."""

    def get_urls(self) -> list[URLPattern]:
        info = self.opts.app_label, self.opts.model_name
        view = self.admin_site.admin_view
        custom = [
            path("import/", view(self.import_view), name=f"{info[0]}_{info[1]}_import"),
            path("export/", view(self.export_view), name=f"{info[0]}_{info[1]}_export"),
            path(
                "import/errors.csv",
                view(self.import_errors_view),
                name=f"{info[0]}_{info[1]}_import_errors",
            ),
        ]
        return custom + super().get_urls()

    def has_import_permission(self, request: HttpRequest) -> bool:
        return self.has_add_permission(request) and self.has_change_permission(request)

    def changelist_view(
        self, request: HttpRequest, extra_context: dict[str, Any] | None = None
    ) -> HttpResponse:
        extra_context = {
            **(extra_context or {}),
            "has_import_permission": self.has_import_permission(request),
        }
        return super().changelist_view(request, extra_context)

    def export_view(self, request: HttpRequest) -> HttpResponse:
        if not self.has_view_permission(request):
            raise PermissionDenied
        fmt = "xlsx" if request.GET.get("format") == "xlsx" else "csv"
        return export_response(Product.objects.all(), fmt)

    def import_errors_view(self, request: HttpRequest) -> HttpResponse:
        """The error report of the last file checked on the import page, as CSV."""
        if not self.has_import_permission(request):
            raise PermissionDenied
        return errors_response(request)

    def import_view(self, request: HttpRequest) -> HttpResponse:
        """Upload -> preview (every error, or a per-row diff) -> confirm writes, all or nothing."""
        if not self.has_import_permission(request):
            raise PermissionDenied
        context: dict[str, Any] = {
            **self.admin_site.each_context(request),
            "title": _("Import products"),
            "opts": self.opts,
            "columns": importing.COLUMNS,
        }
        form = ImportUploadForm()
        if request.method == "POST" and "confirm" in request.POST:
            upload = stored_upload(request, request.POST.get("token", ""))
            if upload is None:
                messages.error(request, _("The uploaded file has expired; upload it again."))
                return HttpResponseRedirect(request.path)
            name, data = upload
            forget_upload(request)
            with transaction.atomic():
                # Validated again: the catalog may have changed since the preview.
                plan = importing.plan_import(data, name)
                if plan.ok:
                    importing.apply_import(plan)
                    message = _("Imported from %(file)s.") % {"file": name}
                    added = [p.product for p in plan.products if p.is_new and p.product]
                    changed = [
                        p.product
                        for p in plan.products
                        if not p.is_new and p.product and p.status == importing.STATUS_CHANGED
                    ]
                    log_change(request, added, message, ADDITION)
                    log_change(request, changed, message)
            if plan.ok:
                self.message_user(
                    request,
                    _("Import done. %(summary)s") % {"summary": plan.summary()},
                    messages.SUCCESS,
                )
                for note in importing.attention_notes(plan):
                    self.message_user(request, note, messages.WARNING)
                return HttpResponseRedirect(reverse("admin:catalog_product_changelist"))
            store_errors(request, name, plan.errors)
            context.update(plan_context(plan, name))
        elif request.method == "POST":
            form = ImportUploadForm(request.POST, request.FILES)
            forget_upload(request)
            if form.is_valid():
                upload_file = form.cleaned_data["file"]
                data = upload_file.read()
                plan = importing.plan_import(data, upload_file.name)
                store_errors(request, upload_file.name, plan.errors)
                context.update(plan_context(plan, upload_file.name))
                if plan.ok and context["has_changes"]:
                    context["token"] = store_upload(request, upload_file.name, data)
        else:
            forget_upload(request)  # a fresh visit starts over
        context["form"] = form
        context["media"] = self.media + form.media
        return TemplateResponse(request, "admin/catalog/product/import.html", context)
