"""The round pages over HTTP: each step as a person takes it, and the refusals as messages."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from wanqu.ledger.models import Evidence, SupervisionNotice, Update
from wanqu.testing import PASSWORD


def _client(client, user):
    client.login(username=user.username, password=PASSWORD)
    return client


def _edit_url(cycle):
    return reverse("rounds:update_edit", args=[cycle["round"].pk, cycle["gz_task"].pk])


def test_every_round_page_renders_for_the_office_and_the_reporter(cycle, client):
    w = cycle["world"]
    pages = ["round_list", "owe", "review", "notice_list", "league", "inbox"]
    for user in (w.office_admin, w.gz_reporter, w.hk_counterpart):
        c = _client(client, user)
        for name in pages:
            assert c.get(reverse(f"rounds:{name}")).status_code == 200, (user, name)
        assert c.get(reverse("rounds:round_detail", args=[cycle["round"].pk])).status_code == 200
    assert client.get(reverse("rounds:notice_export")).status_code == 200


def test_signed_out_visitors_are_sent_to_sign_in(client):
    response = client.get(reverse("rounds:owe"))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_the_reporter_submits_with_evidence_the_office_returns_and_then_accepts(cycle, client):
    w = cycle["world"]
    c = _client(client, w.gz_reporter)
    assert cycle["gz_task"].code in c.get(reverse("rounds:owe")).content.decode()
    response = c.post(
        _edit_url(cycle),
        {
            "progress_text": "已完成",
            "percent": "40",
            "status": "on_track",
            "action": "submit",
            "evidence": SimpleUploadedFile("纪要.pdf", b"%PDF-1.4 x"),
        },
    )
    assert response.status_code == 302
    update = Update.objects.get(task=cycle["gz_task"])
    assert update.state == "submitted" and Evidence.objects.filter(update=update).count() == 1
    c = _client(client, w.office_admin)
    c.post(
        reverse("rounds:update_review", args=[update.pk]), {"action": "return", "reason": "", "version": update.version}
    )
    assert Update.objects.get(pk=update.pk).state == "submitted"
    c.post(
        reverse("rounds:update_review", args=[update.pk]),
        {"action": "return", "reason": "请补充数据", "version": update.version},
    )
    update.refresh_from_db()
    assert update.state == "returned"
    c = _client(client, w.gz_reporter)
    assert "请补充数据" in c.get(_edit_url(cycle)).content.decode()
    c.post(
        _edit_url(cycle),
        {
            "progress_text": "补充：投资3亿元",
            "percent": "50",
            "status": "on_track",
            "action": "submit",
            "version": update.version,
        },
    )
    update.refresh_from_db()
    assert update.state == "submitted"
    c = _client(client, w.office_admin)
    c.post(reverse("rounds:update_review", args=[update.pk]), {"action": "accept", "version": update.version})
    assert Update.objects.get(pk=update.pk).state == "accepted"


def test_a_reporter_posting_accept_changes_nothing(cycle, client):
    w = cycle["world"]
    c = _client(client, w.gz_reporter)
    c.post(_edit_url(cycle), {"progress_text": "x", "percent": "1", "status": "on_track", "action": "submit"})
    update = Update.objects.get(task=cycle["gz_task"])
    response = c.post(
        reverse("rounds:update_review", args=[update.pk]), {"action": "accept", "version": update.version}, follow=True
    )
    assert Update.objects.get(pk=update.pk).state == "submitted"
    assert "review" in response.content.decode().lower() or "审核" in response.content.decode()


def test_a_file_that_lies_about_its_type_is_refused_and_nothing_is_saved(cycle, client):
    c = _client(client, cycle["world"].gz_reporter)
    response = c.post(
        _edit_url(cycle),
        {
            "progress_text": "x",
            "percent": "1",
            "status": "on_track",
            "action": "save",
            "evidence": SimpleUploadedFile("report.pdf", b"PK\x03\x04 not a pdf"),
        },
    )
    assert response.status_code == 200
    assert not Update.objects.exists() and not Evidence.objects.exists()


def test_a_too_large_upload_is_refused(cycle, client, settings):
    settings.WANQU_EVIDENCE_MAX_BYTES = 1024
    c = _client(client, cycle["world"].gz_reporter)
    response = c.post(
        _edit_url(cycle),
        {"progress_text": "x", "action": "save", "evidence": SimpleUploadedFile("a.txt", b"a" * (3 * 1024 * 1024))},
    )
    assert response.status_code == 200 and not Update.objects.exists()


def test_the_office_issues_a_notice_to_a_late_unit_and_the_unit_replies(cycle, client):
    w = cycle["world"]
    ob = cycle["round"].obligations.get(task=cycle["gz_task"])
    _client(client, w.office_admin).post(reverse("rounds:obligation_notice", args=[ob.pk]), {"grade": "red"})
    notice = SupervisionNotice.objects.get()
    assert notice.kind == "supervision" and notice.grade == "red"
    c = _client(client, w.gz_reporter)
    assert notice.task.code in c.get(reverse("rounds:inbox")).content.decode()
    c.post(
        reverse("rounds:notice_detail", args=[notice.pk]),
        {"action": "reply", "reply": "已整改", "version": notice.version},
    )
    assert SupervisionNotice.objects.get().state == "closed"
    csv = _client(client, w.office_admin).get(reverse("rounds:notice_export")).content.decode("utf-8-sig")
    assert notice.task.code in csv and "已整改" in csv


def test_a_hong_kong_unit_gets_a_follow_up_not_a_supervision_notice(cycle, client):
    ob = cycle["round"].obligations.get(task=cycle["hk_task"])
    _client(client, cycle["world"].office_admin).post(
        reverse("rounds:obligation_notice", args=[ob.pk]), {"grade": "red"}
    )
    assert SupervisionNotice.objects.get().kind == "consultation"


@pytest.mark.parametrize("lang", ["zh-hans", "zh-hant", "en"])
def test_the_owe_page_speaks_each_language(cycle, client, lang):
    c = _client(client, cycle["world"].gz_reporter)
    response = c.get(reverse("rounds:owe"), HTTP_ACCEPT_LANGUAGE=lang)
    assert response.status_code == 200
