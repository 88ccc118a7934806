"""End to end in real headless Chromium: the Guangzhou reporter filters the ledger, reports
progress, meets a stale edit from a second browser, and reads the pages in 繁 and EN.

Debian's chromium, driven by Playwright (never `playwright install`). Screenshots go to
artifacts/screenshots/ (git-ignored) for a person to look at.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from django.utils import timezone

from wanqu.ledger.models import Task
from wanqu.testing import PASSWORD, make_area, make_task

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
    page.goto(f"{base}/accounts/login/?next=/ledger/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("form:not(.lang) button[type=submit]")
    page.wait_for_url(f"{base}/ledger/")
    return page


def shot(page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"ledger-{name}.png"), full_page=True)


def test_gz_reporter_filters_edits_meets_a_conflict_and_switches_language(live_server, world, browser):
    base = live_server.url
    today = timezone.localdate()
    innovation = make_area("科技创新")
    target = make_task(
        world.gz,
        world.area,
        world.group1,
        code="GZ-01",
        title="横琴粤澳深度合作区民生衔接",
        title_en="Hengqin livelihood alignment",
        start_date=today.replace(month=1, day=1),
        due_date=today.replace(year=today.year + 1),
    )
    make_task(world.gz_sub, innovation, world.group1, code="GZ-02", title="南沙科学城建设")
    make_task(world.sz, innovation, world.group2, code="SZ-01", title="前海深港现代服务业合作区扩区")
    for n in range(3, 8):
        make_task(world.sz, world.area, world.group2, code=f"SZ-0{n}", title=f"深圳重点任务{n}")

    page = sign_in(browser, base, "gz-reporter")
    assert page.locator("table.ledger tbody tr").count() == 8
    shot(page, "list-zh-hans-desktop")

    # Filter: Traditional text finds the Simplified title; the filter state lands in the URL.
    page.fill("#id_q", "橫琴")
    page.press("#id_q", "Enter")
    page.wait_for_url("**q=*")
    page.wait_for_function("document.querySelectorAll('table.ledger tbody tr').length === 1")
    assert page.locator("table.ledger tbody tr td.col-code").inner_text() == "GZ-01"
    page.select_option("#id_area", str(innovation.pk))
    page.fill("#id_q", "")
    page.press("#id_q", "Enter")
    page.wait_for_function("document.querySelectorAll('table.ledger tbody tr').length === 2")
    assert "area=" in page.url

    # Two browsers open the same task's edit form.
    page.goto(f"{base}/ledger/tasks/{target.pk}/")
    shot(page, "task-zh-hans-desktop")
    page.click("text=编辑")
    page.wait_for_selector("#id_progress")
    other = sign_in(browser, base, "gz-reporter")
    other.goto(f"{base}/ledger/tasks/{target.pk}/edit/")
    # The definition is read-only for a reporter: no title field.
    assert page.locator("#id_title").count() == 0

    page.fill("#id_progress", "60")
    page.select_option("#id_status", "on_track")
    page.click("form.edit-form button[type=submit]")
    page.wait_for_url(f"{base}/ledger/tasks/{target.pk}/")
    assert Task.objects.get(pk=target.pk).progress == 60

    other.fill("#id_progress", "75")
    other.fill("#id_description", "已完成首批民生事项衔接")
    other.click("form.edit-form button[type=submit]")
    other.wait_for_selector("section.conflict")
    assert other.locator("#id_progress").input_value() == "75"  # the input is kept
    assert other.locator("#id_description").input_value() == "已完成首批民生事项衔接"
    assert "gz-reporter" in other.locator("section.conflict").inner_text()
    shot(other, "conflict-zh-hans-desktop")
    assert Task.objects.get(pk=target.pk).progress == 60  # nothing overwritten
    other.click("form.edit-form button[type=submit]")  # having seen it, save on top
    other.wait_for_url(f"{base}/ledger/tasks/{target.pk}/")
    stored = Task.objects.get(pk=target.pk)
    assert (stored.progress, stored.status) == (75, "on_track")

    # 繁 and EN: the interface's own labels change.
    page.goto(f"{base}/ledger/")
    page.click("form.lang button[value=zh-hant]")
    page.wait_for_selector("html[lang=zh-HK]")
    assert "台賬" in page.locator("h1").inner_text()
    assert "牽頭單位" in page.locator("table.ledger thead").inner_text()
    assert "橫琴" in page.locator("table.ledger tbody").inner_text()  # record text shown in Traditional
    shot(page, "list-zh-hant-desktop")
    page.click("form.lang button[value=en]")
    page.wait_for_selector("html[lang=en]")
    assert page.locator("h1").inner_text() == "Task ledger"
    assert "Lead unit" in page.locator("table.ledger thead").inner_text()
    assert "Hengqin livelihood alignment" in page.locator("table.ledger tbody").inner_text()
    shot(page, "list-en-desktop")
    page.goto(f"{base}/ledger/tasks/{target.pk}/")
    shot(page, "task-en-desktop")

    phone = sign_in(browser, base, "gz-reporter", width=390, height=844)
    shot(phone, "list-en-phone")
    phone.goto(f"{base}/ledger/tasks/{target.pk}/")
    shot(phone, "task-en-phone")
    phone.goto(f"{base}/ledger/tasks/{target.pk}/edit/")
    shot(phone, "edit-en-phone")
