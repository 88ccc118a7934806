from django.urls import path

from wanqu.geo import views

app_name = "geo"

urlpatterns = [
    path("", views.map_page, name="map"),
]
