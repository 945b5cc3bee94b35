"""Event, series, topic, matrix and actor-positions pages (included by factcheck/web/urls.py)."""

from django.urls import path

from . import analysis_views as views

# No app_name: these routes join the "web" namespace of the module that includes them.
urlpatterns = [
    path("events/<int:pk>/", views.event, name="event"),
    path("series/<int:pk>/", views.series, name="series"),
    path("topics/", views.topics, name="topics"),
    path("topics/<int:pk>/", views.topic, name="topic"),
    path("matrix/", views.matrix, name="matrix"),
    path("actors/<int:pk>/positions/", views.actor_positions, name="actor_positions"),
]
