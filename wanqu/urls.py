"""The site's URLs: the product's pages, one include per app, and the back office under /admin/."""

from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("", include("wanqu.web.urls")),
    path("ledger/", include("wanqu.ledger.urls")),
    path("dashboard/", include("wanqu.dashboard.urls")),
    path("map/", include("wanqu.geo.urls")),
    path("plans/", include("wanqu.plans.urls")),
    path("registers/", include("wanqu.registers.urls")),
    path("indicators/", include("wanqu.indicators.urls")),
    path("units/", include("wanqu.org.urls")),
    path("rounds/", include("wanqu.ledger.urls_rounds")),
    path("reports/", include("wanqu.reports.urls")),
    path("admin/", admin.site.urls),
]
