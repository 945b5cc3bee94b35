"""The public pages, one line a page (namespace "web"; templates and models reverse these names)."""

from django.urls import path

from .views import actors, articles, claims, crawlers, events, home, indexes, search, topics

app_name = "web"

urlpatterns = [
    path("", home.home, name="home"),
    path("articles/", indexes.articles, name="articles"),
    path("articles/<int:pk>/", articles.article, name="article"),
    path("claims/<int:pk>/", claims.claim, name="claim"),
    path("actors/", indexes.actors, name="actors"),
    path("actors/<int:pk>/", actors.actor, name="actor"),
    path("actors/<int:pk>/positions/", actors.actor_positions, name="actor_positions"),
    path("events/", indexes.events, name="events"),
    path("events/<int:pk>/", events.event, name="event"),
    path("series/", indexes.series_index, name="series_index"),
    path("series/<int:pk>/", events.series, name="series"),
    path("topics/", topics.topics, name="topics"),
    path("topics/<int:pk>/", topics.topic, name="topic"),
    path("matrix/", topics.matrix, name="matrix"),
    path("search/", search.search, name="search"),
    path("feed/", crawlers.feed, name="feed"),
    path("sitemap.xml", crawlers.sitemap, name="sitemap"),
    path("sitemap-<slug:section>.xml", crawlers.sitemap_section, name="sitemap_section"),
    path("robots.txt", crawlers.robots_txt, name="robots"),
]
