"""Rounds, updates and their review through the services: every transition, every refusal."""

import datetime as dt
import hashlib
import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from wanqu.core.errors import Conflict, Forbidden
from wanqu.core.models import Change
from wanqu.ledger import services
from wanqu.ledger.completeness import league_table, owed_by, round_completeness
from wanqu.ledger.models import ChangeRequest, Evidence, RoundObligation, Task, Update
from wanqu.notifications.models import Notification
from wanqu.org.choices import Role
from wanqu.testing import make_user


@pytest.fixture(autouse=True)
def _english():
    """The messages below are matched in English; the default language is Simplified Chinese."""
    with translation.override("en"):
        yield


def _draft(cycle, text="本季度按计划推进。"):
    w = cycle["world"]
    return services.update_save_draft(
        actor=w.gz_reporter, round=cycle["round"], task=cycle["gz_task"], data={"progress_text": text, "percent": 30}
    )


def _submitted(cycle):
    update = _draft(cycle)
    return services.update_submit(actor=cycle["world"].gz_reporter, update=update, expected_version=update.version)


def test_opening_a_round_makes_every_open_tasks_lead_unit_owe_an_update(cycle):
    owed = set(RoundObligation.objects.filter(round=cycle["round"]).values_list("task__code", "unit__name"))
    w = cycle["world"]
    assert (cycle["gz_task"].code, w.gz.name) in owed
    assert (cycle["hk_task"].code, w.hk.name) in owed
    assert Change.objects.filter(model="ledger.roundobligation").count() == len(owed)


def test_only_the_office_opens_a_round(world):
    with pytest.raises(Forbidden):
        services.round_open(
            actor=world.gz_reporter,
            name="x",
            period_kind="month",
            period_start=dt.date(2026, 1, 1),
            period_end=dt.date(2026, 1, 31),
            due_date=dt.date(2026, 2, 5),
        )


def test_the_whole_cycle_draft_submit_return_resubmit_accept_is_in_the_change_log(cycle):
    w = cycle["world"]
    update = _draft(cycle)
    assert update.state == "draft"
    update = services.update_submit(actor=w.gz_reporter, update=update, expected_version=update.version)
    assert update.state == "submitted" and update.first_submitted_at is not None
    first = update.first_submitted_at
    update = services.update_return(
        actor=w.group_lead, update=update, expected_version=update.version, reason="请补充量化数据。"
    )
    assert update.state == "returned" and update.return_reason == "请补充量化数据。"
    assert Notification.objects.filter(user=w.gz_reporter, kind="returned").exists()
    update = services.update_save_draft(
        actor=w.gz_reporter, round=cycle["round"], task=cycle["gz_task"], data={"progress_text": "完成投资3亿元。"}
    )
    update = services.update_submit(actor=w.gz_reporter, update=update, expected_version=update.version)
    assert update.first_submitted_at == first  # on time is judged by the first submission
    update = services.update_accept(actor=w.office_admin, update=update, expected_version=update.version)
    assert update.state == "accepted" and update.reviewer == w.office_admin
    states = [c.after["state"] for c in Change.objects.filter(model="ledger.update", object_id=update.pk)]
    assert states == ["draft", "submitted", "returned", "returned", "submitted", "accepted"]


def test_a_reporter_never_accepts(cycle):
    update = _submitted(cycle)
    with pytest.raises(Forbidden):
        services.update_accept(actor=cycle["world"].gz_reporter, update=update, expected_version=update.version)
    assert Update.objects.get(pk=update.pk).state == "submitted"


def test_a_reviewer_may_not_accept_their_own_units_update(cycle):
    w = cycle["world"]
    # The group lead also belongs to Guangzhou: they may not accept Guangzhou's update.
    from wanqu.core.services import record_create
    from wanqu.org.models import Membership

    record_create(actor=None, model=Membership, data={"user": w.group_lead, "unit": w.gz, "role": Role.VIEWER})
    lead = type(w.group_lead).objects.get(pk=w.group_lead.pk)
    update = _submitted(cycle)
    with pytest.raises(Forbidden, match="own unit"):
        services.update_accept(actor=lead, update=update, expected_version=update.version)
    assert Update.objects.get(pk=update.pk).state == "submitted"


def test_returning_an_update_without_a_reason_is_refused(cycle):
    update = _submitted(cycle)
    with pytest.raises(ValidationError) as info:
        services.update_return(
            actor=cycle["world"].office_admin, update=update, expected_version=update.version, reason="  "
        )
    assert "return_reason" in info.value.message_dict
    assert Update.objects.get(pk=update.pk).state == "submitted"


def test_submitting_after_the_round_is_closed_is_refused_until_the_office_reopens_it(cycle):
    w = cycle["world"]
    update = _draft(cycle)
    rnd = services.round_close(actor=w.office_admin, round=cycle["round"], expected_version=cycle["round"].version)
    with pytest.raises(ValidationError, match="closed"):
        services.update_submit(actor=w.gz_reporter, update=update, expected_version=update.version)
    assert Update.objects.get(pk=update.pk).state == "draft"
    with pytest.raises(Forbidden):
        services.update_reopen(actor=w.gz_reporter, update=update, expected_version=update.version, reason="x")
    with pytest.raises(ValidationError):
        services.update_reopen(actor=w.office_admin, update=update, expected_version=update.version, reason="")
    update = services.update_reopen(actor=w.office_admin, update=update, expected_version=update.version, reason="补报")
    update = services.update_submit(actor=w.gz_reporter, update=update, expected_version=update.version)
    assert update.state == "submitted" and rnd.state == "closed"


def test_the_same_update_submitted_twice_at_once_gives_one_submission(cycle):
    w = cycle["world"]
    update = _draft(cycle)
    services.update_submit(actor=w.gz_reporter, update=update, expected_version=update.version)
    with pytest.raises(Conflict):
        services.update_submit(actor=w.gz_reporter, update=update, expected_version=update.version)
    assert Change.objects.filter(model="ledger.update", object_id=update.pk, after__state="submitted").count() == 1


def test_a_unit_cannot_write_an_update_it_does_not_owe(cycle):
    w = cycle["world"]
    with pytest.raises(ValidationError, match="owes no update"):
        services.update_save_draft(
            actor=w.gz_reporter, round=cycle["round"], task=cycle["gz_task"], unit=w.sz, data={"progress_text": "x"}
        )


# --- evidence --------------------------------------------------------------------------------


def _docx() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", "<document/>")
    return buf.getvalue()


def test_evidence_is_stored_with_its_checksum(cycle):
    update = _draft(cycle)
    content = b"%PDF-1.4 evidence"
    ev = services.evidence_add(
        actor=cycle["world"].gz_reporter, update=update, upload=SimpleUploadedFile("会议纪要.pdf", content)
    )
    assert ev.sha256 == hashlib.sha256(content).hexdigest()
    assert ev.open().read() == content and ev.sha256 in ev.stored_as and ev.content_type == "application/pdf"
    docx = services.evidence_add(
        actor=cycle["world"].gz_reporter, update=update, upload=SimpleUploadedFile("方案.docx", _docx())
    )
    assert docx.size == len(_docx())


def test_a_file_whose_content_does_not_match_its_extension_is_refused(cycle):
    update = _draft(cycle)
    for name, content in [
        ("scan.pdf", b"MZ\x90\x00 executable"),
        ("photo.png", b"%PDF-1.4"),
        ("a.docx", b"PK\x03\x04x"),
    ]:
        with pytest.raises(ValidationError) as info:
            services.evidence_add(
                actor=cycle["world"].gz_reporter, update=update, upload=SimpleUploadedFile(name, content)
            )
        assert "file" in info.value.message_dict
    assert not Evidence.objects.exists()


def test_a_100_mb_upload_is_refused_without_reading_it(cycle):
    class Huge:
        name = "big.pdf"
        size = 100 * 1024 * 1024

        def read(self, n=-1):  # pragma: no cover - must not be called
            raise AssertionError("read a 100 MB file")

    update = _draft(cycle)
    with pytest.raises(ValidationError, match="at most"):
        services.evidence_add(actor=cycle["world"].gz_reporter, update=update, upload=Huge())
    assert not Evidence.objects.exists()


def test_files_of_other_types_are_refused(cycle):
    update = _draft(cycle)
    with pytest.raises(ValidationError, match="not accepted"):
        services.evidence_add(
            actor=cycle["world"].gz_reporter, update=update, upload=SimpleUploadedFile("x.exe", b"MZ")
        )


# --- completeness ----------------------------------------------------------------------------


def test_completeness_counts_owed_submitted_on_time_late_and_missing(cycle):
    w = cycle["world"]
    _submitted(cycle)  # on time: submitted today, long before? no: judged against 2026-04-10
    total, units = round_completeness(cycle["round"], today=dt.date(2026, 5, 1))
    by_name = {t.label: t for t in units}
    assert total.owed == 3
    assert by_name[w.gz.name].submitted == 1
    assert by_name[w.hk.name].missing == 1 and by_name[w.hk.name].overdue == 1
    assert by_name[w.sz.name].missing == 1
    gz = by_name[w.gz.name]
    assert gz.on_time + gz.late == 1


def test_the_league_table_ranks_units_and_jurisdictions(cycle):
    w = cycle["world"]
    update = _submitted(cycle)
    Update.objects.filter(pk=update.pk).update(first_submitted_at=dt.datetime(2026, 4, 9, 9, tzinfo=dt.UTC))
    units, jurisdictions = league_table([cycle["round"]], today=dt.date(2026, 5, 1))
    assert units[0].label == w.gz.name and units[0].on_time == 1
    assert {j.label for j in jurisdictions} == {str(w.j["GD"]), str(w.j["HK"])}
    assert jurisdictions[0].label == str(w.j["GD"])


def test_a_reporter_sees_what_their_unit_owes(cycle):
    w = cycle["world"]
    lines = owed_by([w.gz.pk, w.gz_sub.pk])
    assert [line.obligation.task.code for line in lines] == [cycle["gz_task"].code]


# --- change requests -------------------------------------------------------------------------


def test_a_reporter_cannot_change_a_tasks_definition_but_can_request_it(cycle):
    w = cycle["world"]
    task = cycle["gz_task"]
    from wanqu.core.services import record_update

    with pytest.raises(Forbidden):
        record_update(
            actor=w.gz_reporter, obj=task, data={"due_date": dt.date(2027, 6, 30)}, expected_version=task.version
        )
    request = services.change_request_create(
        actor=w.gz_reporter, task=task, changes={"due_date": "2027-06-30"}, reason="征地拆迁滞后"
    )
    with pytest.raises(Forbidden):
        services.change_request_approve(actor=w.gz_reporter, request=request, expected_version=request.version)
    request = services.change_request_approve(actor=w.office_admin, request=request, expected_version=request.version)
    assert request.state == "approved"
    assert Task.objects.get(pk=task.pk).due_date == dt.date(2027, 6, 30)


def test_a_change_request_is_rejected_only_with_a_reason(cycle):
    w = cycle["world"]
    request = services.change_request_create(
        actor=w.gz_reporter, task=cycle["gz_task"], changes={"title": "新标题"}, reason="表述调整"
    )
    with pytest.raises(ValidationError):
        services.change_request_reject(actor=w.office_admin, request=request, expected_version=request.version, note="")
    request = services.change_request_reject(
        actor=w.office_admin, request=request, expected_version=request.version, note="维持原任务表述"
    )
    assert request.state == "rejected" and Task.objects.get(pk=cycle["gz_task"].pk).title != "新标题"


def test_a_change_request_may_not_touch_progress_fields(cycle):
    with pytest.raises(ValidationError):
        services.change_request_create(
            actor=cycle["world"].gz_reporter, task=cycle["gz_task"], changes={"progress": 90}, reason="x"
        )
    assert not ChangeRequest.objects.exists()


def test_reviewers_are_told_of_a_submission_but_not_the_units_own_people(cycle):
    w = cycle["world"]
    other = make_user("office2", w.office, Role.OFFICE_ADMIN)
    _submitted(cycle)
    told = set(Notification.objects.filter(kind="submitted").values_list("user__username", flat=True))
    assert {"office", "group1", other.username} <= told
    assert "gz-reporter" not in told
