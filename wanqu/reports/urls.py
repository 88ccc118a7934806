from django.urls import path

from wanqu.reports import views

app_name = "reports"
urlpatterns = [
    path("", views.report_list, name="report_list"),
    path("<int:pk>/", views.report_detail, name="report_detail"),
    path("<int:pk>/publish/", views.report_publish_view, name="report_publish"),
    path("<int:pk>/render/", views.report_render_view, name="report_render"),
    path("<int:pk>/progress/", views.report_progress, name="report_progress"),
    path("<int:pk>/download/<str:fmt>/", views.report_download, name="report_download"),
    path("diff/", views.report_diff_view, name="report_diff"),
]
