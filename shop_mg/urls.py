from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path

from catalog.web.sitemaps import SITEMAPS
from catalog.web.views import robots_txt

handler400 = "shop_mg.views.bad_request"
handler403 = "shop_mg.views.permission_denied"
handler404 = "shop_mg.views.page_not_found"
handler500 = "shop_mg.views.server_error"

urlpatterns = [
    path("api/v1/", include("catalog.api.urls")),
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("robots.txt", robots_txt, name="robots-txt"),
]
urlpatterns += i18n_patterns(path("", include("catalog.web.urls")), prefix_default_language=True)

if settings.METRICS:  # django-prometheus, behind a token (shop_mg.observability)
    from shop_mg.observability import metrics_view

    urlpatterns.append(path("metrics", metrics_view, name="prometheus-django-metrics"))

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
