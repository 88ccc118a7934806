"""The whole reporting cycle in real headless Chromium (issue 4, "Tests").

The office opens a round; the Guangzhou reporter writes and submits an update; the office
returns it with a reason; the reporter reads the reason and resubmits; the office accepts; the
round closes; the office issues a 督办单 to a Guangdong unit that never reported, and that unit's
reporter finds it in the inbox and the notice list and replies.

Debian's chromium, driven by Playwright (never `playwright install`). Screenshots of every step
go to artifacts/screenshots/rounds-*.png (git-ignored), in zh-hans, zh-hant, en and on a phone.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
from django.utils import timezone

from wanqu.ledger.models import Round, SupervisionNotice, Update
from wanqu.notifications.models import Notification
from wanqu.org.choices import Role
from wanqu.testing import PASSWORD, make_task, make_user

SHOTS = Path(__file__).resolve().parents[3] / "artifacts" / "screenshots"
CHROMIUM = os.environ.get("WANQU_CHROMIUM", "/usr/bin/chromium")
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def browser():
    # Playwright's sync API runs an event loop in this thread; the test's own ORM calls are safe.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        yield browser
        browser.close()


def sign_in(browser, base: str, username: str, width: int = 1366, height: int = 900):
    context = browser.new_context(viewport={"width": width, "height": height}, locale="zh-CN")
    page = context.new_page()
    page.goto(f"{base}/accounts/login/?next=/rounds/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("form:not(.lang) button[type=submit]")
    page.wait_for_url(f"{base}/rounds/")
    return page


def shot(page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"rounds-{name}.png"), full_page=True)


def language(page, code: str) -> None:
    page.click(f"form.lang button[value={code}]")
    page.wait_for_selector({"zh-hans": "html[lang=zh-CN]", "zh-hant": "html[lang=zh-HK]", "en": "html[lang=en]"}[code])


def test_the_whole_reporting_cycle(live_server, world, browser, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    base = live_server.url
    today = timezone.localdate()
    gz_task = make_task(world.gz, world.area, world.group1, code="GZ-R1", title="南沙粤港澳全面合作示范区建设")
    sz_task = make_task(world.sz, world.area, world.group1, code="SZ-R1", title="前海深港现代服务业合作区扩区")
    make_user("sz-reporter", world.sz, Role.REPORTER)

    # 1. The office opens a round whose due date has passed: whoever has not reported is late.
    office = sign_in(browser, base, "office")
    office.fill("#open-round input[name=name]", "2026年第一季度进展报送")
    office.select_option("#open-round select[name=period_kind]", "quarter")
    office.fill("#open-round input[name=period_start]", (today - dt.timedelta(days=100)).isoformat())
    office.fill("#open-round input[name=period_end]", (today - dt.timedelta(days=10)).isoformat())
    office.fill("#open-round input[name=due_date]", (today - dt.timedelta(days=1)).isoformat())
    shot(office, "1-open-form-zh-hans")
    office.click("#open-round button[type=submit]")
    office.wait_for_selector(".msg-success")
    rnd = Round.objects.get()
    assert set(rnd.obligations.values_list("task__code", flat=True)) >= {"GZ-R1", "SZ-R1"}
    office.click(f"a[href='/rounds/{rnd.pk}/']")
    office.wait_for_selector("table.obligations")
    shot(office, "1-round-opened-zh-hans")

    # 2. The reporter finds what they owe, writes the update with evidence, and submits it.
    reporter = sign_in(browser, base, "gz-reporter")
    reporter.goto(f"{base}/rounds/owe/")
    assert "GZ-R1" in reporter.locator("table").inner_text()
    shot(reporter, "2-owe-zh-hans")
    reporter.click("text=GZ-R1")
    reporter.wait_for_selector("#update-form")
    reporter.fill("textarea[name=progress_text]", "示范区首批12个项目开工，完成投资38亿元。")
    reporter.fill("textarea[name=problems]", "跨境数据流动规则仍需省级协调。")
    reporter.fill("textarea[name=next_steps]", "二季度推动第二批项目落地。")
    reporter.select_option("select[name=status]", "on_track")
    reporter.fill("input[name=percent]", "35")
    reporter.set_input_files(
        "input[name=evidence]",
        files=[{"name": "进展说明.txt", "mimeType": "text/plain", "buffer": "首批项目清单\n".encode()}],
    )
    shot(reporter, "2-update-form-zh-hans")
    reporter.click("#submit-update")
    reporter.wait_for_selector(".msg-success")
    update = Update.objects.get(task=gz_task)
    assert update.state == "submitted" and update.evidence.count() == 1
    shot(reporter, "2-submitted-zh-hans")

    # 3. The office finds it in the review queue and returns it with a reason.
    office.goto(f"{base}/rounds/review/")
    shot(office, "3-review-queue-zh-hans")
    office.click("text=GZ-R1")
    office.wait_for_selector("#review-form")
    office.click("#return")  # without a reason: refused, nothing changes
    office.wait_for_selector(".msg-error")
    assert Update.objects.get(pk=update.pk).state == "submitted"
    office.fill("#review-form textarea[name=reason]", "请补充投资完成额的统计口径和佐证材料。")
    shot(office, "3-return-form-zh-hans")
    office.click("#return")
    office.wait_for_selector(".returned")
    assert Update.objects.get(pk=update.pk).state == "returned"

    # 4. The reporter sees the reason (inbox, then the update) and resubmits.
    reporter.goto(f"{base}/rounds/inbox/")
    assert reporter.locator("ul.inbox li.unread").count() >= 1
    shot(reporter, "4-inbox-zh-hans")
    reporter.goto(f"{base}/rounds/owe/")
    reporter.click("text=GZ-R1")
    reporter.wait_for_selector("#update-form")
    assert "统计口径" in reporter.locator(".return-reason").inner_text()
    shot(reporter, "4-returned-zh-hans")
    reporter.fill("textarea[name=progress_text]", "示范区首批12个项目开工，完成固定资产投资38亿元（统计局口径）。")
    reporter.click("#submit-update")
    reporter.wait_for_selector(".msg-success")
    assert Update.objects.get(pk=update.pk).state == "submitted"

    # 5. The office accepts.
    office.goto(f"{base}/rounds/updates/{update.pk}/")
    office.click("#accept")
    office.wait_for_selector(".msg-success")
    assert Update.objects.get(pk=update.pk).state == "accepted"
    shot(office, "5-accepted-zh-hans")

    # 6. The office closes the round; the accepted update is locked with it.
    office.goto(f"{base}/rounds/{rnd.pk}/")
    office.click("#close-round")
    office.wait_for_selector(".msg-success")
    assert Round.objects.get(pk=rnd.pk).state == "closed"
    shot(office, "6-closed-zh-hans")

    # 7. Shenzhen never reported: the office issues a 督办单, and Shenzhen's reporter gets it.
    office.click(f"tr[data-task='{sz_task.code}'] button.notice-btn")
    office.wait_for_selector(".msg-success")
    notice = SupervisionNotice.objects.get(unit=world.sz)
    assert (notice.kind, notice.grade, notice.state) == ("supervision", "red", "open")
    shot(office, "7-notice-issued-zh-hans")

    late = sign_in(browser, base, "sz-reporter")
    assert Notification.objects.filter(user__username="sz-reporter", kind="notice").exists()
    late.goto(f"{base}/rounds/inbox/")
    assert "SZ-R1" in late.locator("ul.inbox").inner_text()
    shot(late, "7-late-inbox-zh-hans")
    late.goto(f"{base}/rounds/notices/")
    assert late.locator("table tbody tr").count() == 1
    shot(late, "7-late-notices-zh-hans")
    late.click("text=SZ-R1")
    late.wait_for_selector("textarea[name=reply]")
    shot(late, "7-late-notice-zh-hans")
    late.fill("textarea[name=reply]", "已于当日补报，并建立月度报送提醒机制。")
    late.click("form.stack button[type=submit]")
    late.wait_for_selector(".msg-success")
    assert SupervisionNotice.objects.get(pk=notice.pk).state == "closed"

    # The same pages in 繁 and EN, and on a phone.
    office.goto(f"{base}/rounds/{rnd.pk}/")
    language(office, "zh-hant")
    shot(office, "6-closed-zh-hant")
    office.goto(f"{base}/rounds/updates/{update.pk}/")
    shot(office, "5-accepted-zh-hant")
    language(office, "en")
    shot(office, "5-accepted-en")
    office.goto(f"{base}/rounds/{rnd.pk}/")
    assert "Close the round" not in office.content()
    shot(office, "6-closed-en")
    office.goto(f"{base}/rounds/notices/")
    shot(office, "7-notices-en")
    office.goto(f"{base}/rounds/league/")
    shot(office, "league-en")

    phone = sign_in(browser, base, "gz-reporter", width=390, height=844)
    shot(phone, "list-zh-hans-phone")
    phone.goto(f"{base}/rounds/{rnd.pk}/")
    shot(phone, "round-zh-hans-phone")
    phone.goto(f"{base}/rounds/updates/{update.pk}/")
    shot(phone, "update-zh-hans-phone")
    language(phone, "en")
    phone.goto(f"{base}/rounds/owe/")
    shot(phone, "owe-en-phone")
    phone.goto(f"{base}/rounds/{rnd.pk}/tasks/{gz_task.pk}/update/?unit={world.gz.pk}")
    shot(phone, "update-form-en-phone")
