from django.urls import path

from wanqu.ledger import views_rounds as v

app_name = "rounds"

urlpatterns = [
    path("", v.round_list, name="round_list"),
    path("<int:pk>/", v.round_detail, name="round_detail"),
    path("<int:pk>/close/", v.round_close, name="round_close"),
    path("<int:round_pk>/tasks/<int:task_pk>/update/", v.update_edit, name="update_edit"),
    path("obligations/<int:pk>/notice/", v.obligation_notice, name="obligation_notice"),
    path("owe/", v.owe, name="owe"),
    path("league/", v.league, name="league"),
    path("review/", v.review_queue, name="review"),
    path("updates/<int:pk>/", v.update_detail, name="update_detail"),
    path("updates/<int:pk>/review/", v.update_review, name="update_review"),
    path("evidence/<int:pk>/", v.evidence_file, name="evidence"),
    path("notices/", v.notice_list, name="notice_list"),
    path("notices/export.csv", v.notice_export, name="notice_export"),
    path("notices/<int:pk>/", v.notice_detail, name="notice_detail"),
    path("tasks/<int:task_pk>/change-request/", v.change_request_new, name="change_request_new"),
    path("change-requests/<int:pk>/", v.change_request_detail, name="change_request_detail"),
    path("inbox/", v.inbox, name="inbox"),
]
