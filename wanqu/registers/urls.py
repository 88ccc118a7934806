from django.urls import path

from wanqu.registers import views

app_name = "registers"
urlpatterns = [
    path("projects/", views.project_list, name="project_list"),
    path("projects/<int:pk>/", views.project_detail, name="project_detail"),
    path("rule-items/", views.ruleitem_matrix, name="ruleitem_matrix"),
    path("rule-items/<int:pk>/", views.ruleitem_detail, name="ruleitem_detail"),
    path("policy-reserve/", views.idea_list, name="idea_list"),
    path("policy-reserve/<int:pk>/", views.idea_detail, name="idea_detail"),
    path("platforms/", views.platform_list, name="platform_list"),
    path("platforms/<int:pk>/", views.platform_detail, name="platform_detail"),
]
