"""The site's URLs. The product's own pages arrive with the web interface; admin is the back office."""

from django.contrib import admin
from django.urls import path

urlpatterns = [
    path("admin/", admin.site.urls),
]
