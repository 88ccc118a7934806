"""The site's URLs: the product's pages, one include per app, and the back office under /admin/."""

from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("", include("wanqu.web.urls")),
    path("ledger/", include("wanqu.ledger.urls")),
    path("dashboard/", include("wanqu.dashboard.urls")),
    path("map/", include("wanqu.geo.urls")),
    path("admin/", admin.site.urls),
]
