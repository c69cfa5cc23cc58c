"""The API's routes (under /api/v1/ through `catalog.urls`): resources, feeds, schema, docs."""

from django.urls import include, path
from rest_framework.routers import SimpleRouter

from . import discovery, feeds, views

router = SimpleRouter(trailing_slash=True)
router.register("products", views.ProductViewSet, basename="product")
router.register("forms", views.FormViewSet, basename="form")
router.register("goals", views.GoalViewSet, basename="goal")
router.register("articles", views.ArticleViewSet, basename="article")
router.register("interactions", views.InteractionViewSet, basename="interaction")

urlpatterns = [
    path("", discovery.APIRootView.as_view(), name="api-root"),
    path("feed/products.jsonl", feeds.ProductsJsonLinesFeed.as_view(), name="feed-jsonl"),
    path("feed/google-merchant.xml", feeds.GoogleMerchantFeed.as_view(), name="feed-merchant"),
    path("suggest/", views.SuggestView.as_view(), name="api-suggest"),
    path("schema/", discovery.SchemaView.as_view(), name="api-schema"),
    # The split view serves its init script as a file: no inline script under the CSP.
    path("docs/", discovery.DocsView.as_view(), name="api-docs"),
    path("", include(router.urls)),
]
