"""督办单 and consultation follow-ups through the services; reminders, chases, the daily job."""

import datetime as dt
import io

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command

from wanqu.core.errors import Forbidden
from wanqu.ledger import services
from wanqu.ledger.models import NoticeEscalation, SupervisionNotice
from wanqu.ledger.reminders import due_reminders, reminders_send
from wanqu.notifications.models import Notification
from wanqu.notifications.services import digest_send


def _issue(cycle, **extra):
    w = cycle["world"]
    data = {
        "actor": w.office_admin,
        "task": cycle["gz_task"],
        "grade": "blue",
        "reason": "临近完成时限",
        "reply_due": dt.date(2026, 4, 20),
        "issued_on": dt.date(2026, 4, 11),
        **extra,
    }
    return services.notice_issue(**data)


def test_a_supervision_notice_goes_to_the_lead_unit_and_its_reporters_are_told(cycle):
    notice = _issue(cycle)
    assert notice.kind == "supervision" and notice.unit == cycle["world"].gz
    assert Notification.objects.filter(user=cycle["world"].gz_reporter, kind="notice").exists()
    assert NoticeEscalation.objects.filter(notice=notice, to_grade="blue").count() == 1


def test_a_supervision_notice_to_a_hong_kong_unit_is_refused_and_nothing_is_written(cycle):
    with pytest.raises(ValidationError) as info:
        _issue(cycle, task=cycle["hk_task"], kind="supervision", grade="red")
    assert "unit" in info.value.message_dict
    assert not SupervisionNotice.objects.exists() and not NoticeEscalation.objects.exists()


def test_a_hong_kong_unit_gets_a_consultation_follow_up_by_default(cycle):
    notice = _issue(cycle, task=cycle["hk_task"], grade="red")
    assert notice.kind == "consultation" and notice.grade == ""
    assert Notification.objects.filter(user=cycle["world"].hk_counterpart, kind="consultation").exists()


def test_escalation_raises_the_grade_and_keeps_the_history(cycle):
    w = cycle["world"]
    notice = _issue(cycle)
    with pytest.raises(ValidationError):
        services.notice_escalate(
            actor=w.office_admin,
            notice=notice,
            expected_version=notice.version,
            grade="blue",
            reason="x",
            reply_due=dt.date(2026, 4, 25),
        )
    notice = services.notice_escalate(
        actor=w.office_admin,
        notice=notice,
        expected_version=notice.version,
        grade="red",
        reason="逾期未答复",
        reply_due=dt.date(2026, 4, 25),
    )
    assert notice.grade == "red"
    steps = list(NoticeEscalation.objects.filter(notice=notice).values_list("from_grade", "to_grade"))
    assert steps == [("", "blue"), ("blue", "red")]


def test_the_addressed_unit_replies_and_the_reply_closes_the_notice(cycle):
    w = cycle["world"]
    notice = _issue(cycle)
    with pytest.raises(Forbidden):
        services.notice_reply(actor=w.hk_counterpart, notice=notice, expected_version=notice.version, reply="x")
    with pytest.raises(ValidationError):
        services.notice_reply(actor=w.gz_reporter, notice=notice, expected_version=notice.version, reply=" ")
    notice = services.notice_reply(
        actor=w.gz_reporter, notice=notice, expected_version=notice.version, reply="已制定整改方案。"
    )
    assert notice.state == "closed" and notice.replied_on is not None
    assert Notification.objects.filter(user=w.office_admin, kind="replied").exists()


def test_a_reporter_cannot_issue_or_grade_a_notice(cycle):
    w = cycle["world"]
    with pytest.raises(Forbidden):
        _issue(cycle, actor=w.gz_reporter)
    notice = _issue(cycle)
    with pytest.raises(Forbidden):
        services.notice_escalate(
            actor=w.gz_reporter,
            notice=notice,
            expected_version=notice.version,
            grade="red",
            reason="x",
            reply_due=dt.date(2026, 4, 25),
        )


# --- reminders, chases, the daily job --------------------------------------------------------


def test_a_reminder_goes_out_before_the_due_date_and_only_once(cycle):
    before = dt.date(2026, 4, 8)
    kinds = {(r.kind, r.params["task"]) for r in due_reminders(before)}
    assert ("reminder", cycle["gz_task"].code) in kinds
    first = reminders_send(before)
    assert first >= 2
    assert reminders_send(before) == 0
    assert Notification.objects.filter(user=cycle["world"].gz_reporter, kind="reminder").count() == 1


def test_a_late_guangdong_unit_is_chased_and_a_hong_kong_partner_gets_a_follow_up(cycle):
    kinds = {r.params["task"]: r.kind for r in due_reminders(dt.date(2026, 4, 11))}
    assert kinds[cycle["gz_task"].code] == "chase"
    assert kinds[cycle["hk_task"].code] == "follow_up"


def test_nothing_is_chased_once_submitted(cycle):
    w = cycle["world"]
    update = services.update_save_draft(
        actor=w.gz_reporter, round=cycle["round"], task=cycle["gz_task"], data={"progress_text": "进展"}
    )
    services.update_submit(actor=w.gz_reporter, update=update, expected_version=update.version)
    tasks = {r.params["task"] for r in due_reminders(dt.date(2026, 4, 11))}
    assert cycle["gz_task"].code not in tasks


def test_remind_dry_run_lists_what_would_be_sent_and_sends_nothing(cycle):
    out = io.StringIO()
    call_command("remind", "--dry-run", "--today", "2026-04-11", stdout=out)
    text = out.getvalue()
    assert "chase" in text and "gz-reporter" in text and "late" in text and "follow_up" in text
    assert not Notification.objects.exists()


def test_remind_sends_and_a_bad_date_is_a_clear_error(cycle):
    call_command("remind", "--today", "2026-04-11", stdout=io.StringIO())
    assert Notification.objects.filter(kind="chase").exists()
    with pytest.raises(CommandError, match="--today"):
        call_command("remind", "--today", "11/04/2026", stdout=io.StringIO())


def test_the_daily_digest_mails_each_user_once(cycle, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    w = cycle["world"]
    w.gz_reporter.email = "gz@example.org"
    w.gz_reporter.save()
    reminders_send(dt.date(2026, 4, 11))
    sent = digest_send()
    assert [u.username for u, _count in sent] == ["gz-reporter"]
    assert len(mail.outbox) == 1 and cycle["gz_task"].code in mail.outbox[0].body
    assert digest_send() == []


def test_the_daily_job_runs_and_queues_the_next_run(cycle):
    from django_tasks_db.models import DBTaskResult

    from wanqu.ledger.tasks import daily_reminders, schedule_daily

    result = daily_reminders.call("2026-04-11")
    assert result["notifications"] >= 1
    assert DBTaskResult.objects.filter(task_path=daily_reminders.module_path, status="READY").count() == 1
    assert schedule_daily() is False  # already waiting: never two
