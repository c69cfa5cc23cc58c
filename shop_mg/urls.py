"""The demo shop's URLs: the admin, the language switch and everything of the catalog."""

from django.conf import settings
from django.contrib import admin
from django.urls import include, path

import catalog.urls

handler400 = "shop_mg.views.bad_request"
handler403 = "shop_mg.views.permission_denied"
handler404 = "shop_mg.views.page_not_found"
handler500 = "shop_mg.views.server_error"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
]
urlpatterns += catalog.urls.urlpatterns

if settings.METRICS:  # django-prometheus, behind a token (shop_mg.observability)
    from shop_mg.observability import metrics_view

    urlpatterns.append(path("metrics", metrics_view, name="prometheus-django-metrics"))

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
