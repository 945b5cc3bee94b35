"""/api/v1/… resources, /api/schema/ (OpenAPI 3) and /api/docs/ (Swagger UI, no CDN)."""

from django.http import JsonResponse
from django.urls import include, path, re_path
from django.views.decorators.csrf import csrf_exempt
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework.routers import SimpleRouter

from . import views

app_name = "api"


class Router(SimpleRouter):
    """A route whose path names a file (`claims/export.csv`) takes no trailing slash."""

    def get_routes(self, viewset):
        routes = super().get_routes(viewset)
        return [
            route._replace(url=route.url.replace("{trailing_slash}", ""))
            if ".csv" in route.url
            else route
            for route in routes
        ]


router = Router()
router.register("articles", views.ArticleViewSet, basename="article")
router.register("claims", views.ClaimViewSet, basename="claim")
router.register("actors", views.ActorViewSet, basename="actor")
router.register("events", views.EventViewSet, basename="event")
router.register("topics", views.TopicViewSet, basename="topic")
router.register("positions", views.PositionViewSet, basename="position")
router.register("links", views.LinkViewSet, basename="link")
router.register("import-jobs", views.ImportJobViewSet, basename="importjob")


@csrf_exempt
def not_found(request, *args, **kwargs):
    """Unknown API paths answer in JSON, like every other API error."""
    return JsonResponse({"detail": "Not found."}, status=404)


urlpatterns = [
    path("v1/auth/token/", views.TokenView.as_view(), name="token"),
    path("v1/", include(router.urls)),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", SpectacularSwaggerSplitView.as_view(url_name="api:schema"), name="docs"),
    re_path(r"^", not_found),
]
