"""The task ledger's pages. Reporting rounds have their own URL module in this app."""

from django.urls import path

from wanqu.ledger import views

app_name = "ledger"

urlpatterns = [
    path("", views.task_list, name="task_list"),
    path("tasks.xlsx", views.task_export, name="task_export"),
    path("tasks/<int:pk>/", views.task_detail, name="task_detail"),
    path("tasks/<int:pk>/edit/", views.task_edit, name="task_edit"),
]
