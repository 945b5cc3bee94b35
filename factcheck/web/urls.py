from django.urls import include, path

from . import views

app_name = "web"

urlpatterns = [
    path("", views.home, name="home"),
    path("articles/<int:pk>/", views.article, name="article"),
    path("claims/<int:pk>/", views.claim, name="claim"),
    path("actors/<int:pk>/", views.actor, name="actor"),
    path("search/", views.search, name="search"),
    path("feed/", views.feed, name="feed"),
    path("sitemap.xml", views.sitemap, name="sitemap"),
    path("robots.txt", views.robots_txt, name="robots"),
    # Event, series, topic(s), matrix and actor-positions pages, in the same namespace.
    path("", include("factcheck.web.analysis_urls")),
]
