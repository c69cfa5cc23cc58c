from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView
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
    path("docs/", SpectacularSwaggerView.as_view(url_name="api-schema"), name="api-docs"),
    path("", include(router.urls)),
]
