from django.urls import path

from . import views

app_name = "web"

urlpatterns = [
    path("", views.home, name="home"),
    path("articles/<int:pk>/", views.article, name="article"),
    path("claims/<int:pk>/", views.claim, name="claim"),
    path("actors/<int:pk>/", views.actor, name="actor"),
    path("events/<int:pk>/", views.event, name="event"),
    path("series/<int:pk>/", views.series, name="series"),
    path("topics/<int:pk>/", views.topic, name="topic"),
]
