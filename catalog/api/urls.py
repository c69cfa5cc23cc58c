"""The API's routes: the resources (one router), the feeds, the schema and its docs page."""

from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework.routers import SimpleRouter

from . import feeds, views

router = SimpleRouter(trailing_slash=True)
router.register("products", views.ProductViewSet, basename="product")
router.register("forms", views.FormViewSet, basename="form")
router.register("goals", views.GoalViewSet, basename="goal")
router.register("articles", views.ArticleViewSet, basename="article")
router.register("interactions", views.InteractionViewSet, basename="interaction")

urlpatterns = [
    path("feed/products.jsonl", feeds.ProductsJsonLinesFeed.as_view(), name="feed-jsonl"),
    path("feed/google-merchant.xml", feeds.GoogleMerchantFeed.as_view(), name="feed-merchant"),
    path("schema/", SpectacularAPIView.as_view(), name="api-schema"),
    # The split view serves its init script as a file: no inline script under the CSP.
    path(
        "docs/",
        SpectacularSwaggerSplitView.as_view(
            url_name="api-schema", template_name="catalog/api/swagger_ui.html"
        ),
        name="api-docs",
    ),
    path("", include(router.urls)),
]
