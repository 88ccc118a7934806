"""The map in a real browser: Debian's Chromium driven by Playwright against the live test server.

It signs in, waits for ECharts to draw the boundaries, hovers and clicks a project (whose page shows
its place on the small map of geo/_minimap.html) and a platform
through to their pages, and checks that no request left this machine. Screenshots go to
artifacts/screenshots/ (map-*.png). Never `playwright install`: the browser is /usr/bin/chromium,
which .ci/run installs; in CI a missing browser fails the test instead of skipping it.
"""

from __future__ import annotations

import os
from io import StringIO
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.core.management import call_command
from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[3]
SCREENSHOTS = ROOT / "artifacts" / "screenshots"
CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1", "[::1]"}

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def browser(monkeypatch):
    if not Path(CHROMIUM).exists() and not os.environ.get("CI"):
        pytest.skip(f"{CHROMIUM} is not installed (.ci/run installs it)")
    # Playwright's sync API keeps an event loop in this thread; the ORM calls made by the test
    # itself (none while the browser runs) are safe.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def demo_programme(transactional_db):
    call_command("demo", "--no-migrate", stdout=StringIO())


def open_map(browser, live_server, *, locale: str, requests: list[str], size: tuple[int, int] = (1280, 900)):
    context = browser.new_context(viewport={"width": size[0], "height": size[1]}, locale=locale)
    page = context.new_page()
    page.on("request", lambda request: requests.append(request.url))
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("input[name=username]", "gz-reporter")
    page.fill("input[name=password]", "wanqu-demo")
    page.click("form button[type=submit]:not([name=language])")
    page.wait_for_load_state()
    page.goto(f"{live_server.url}/map/")
    page.wait_for_selector("#gba-map[data-ready=true] canvas", state="attached", timeout=20_000)
    page.wait_for_timeout(600)  # the series' entry animation
    return context, page


def pixel_of(page, coords: list[float]) -> tuple[float, float]:
    """Where a map position is on the page, from ECharts' own projection."""
    x, y = page.evaluate(
        "(c) => document.getElementById('gba-map').wanquChart.convertToPixel({geoIndex: 0}, c)", coords
    )
    box = page.locator("#gba-map").bounding_box()
    return box["x"] + x, box["y"] + y


def test_a_reporter_opens_the_map_and_follows_a_project_and_a_platform_to_their_pages(
    demo_programme, live_server, browser
):
    requests: list[str] = []
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    context, page = open_map(browser, live_server, locale="en-GB", requests=requests)
    assert page.locator(".schematic-label").inner_text() == "Schematic map, not to scale"
    page.screenshot(path=str(SCREENSHOTS / "map-en.png"), full_page=True)
    data = page.evaluate("JSON.parse(document.getElementById('map-data').textContent)")
    assert len(data["cities"]) == 11

    # Hover a project drawn as a point: ECharts shows its name; a click opens its page.
    project = next(p for p in data["projects"] if p["shape"] == "point")
    x, y = pixel_of(page, project["coords"])
    page.mouse.move(x, y)
    tooltip = page.locator("#gba-map div", has_text=project["name"]).last
    tooltip.wait_for(state="visible", timeout=5_000)
    page.screenshot(path=str(SCREENSHOTS / "map-en-hover.png"))
    with page.expect_navigation():
        page.mouse.click(x, y)
    assert urlsplit(page.url).path == project["url"]
    # The project's page shows its place on a small map (geo/_minimap.html).
    page.wait_for_selector("[data-wanqu-minimap][data-ready=true] canvas", state="attached", timeout=10_000)
    page.locator(".minimap").screenshot(path=str(SCREENSHOTS / "map-minimap.png"))

    # A platform is an area: a click inside it, away from any project, opens its page.
    page.go_back()
    page.wait_for_selector("#gba-map[data-ready=true] canvas", state="attached")
    page.wait_for_timeout(600)
    points = [pixel_of(page, p["coords"]) for p in data["projects"] if p["shape"] == "point"]
    for platform in reversed(data["platforms"]):  # the smallest, drawn on top, first
        ring = platform["rings"][0]
        centre = [sum(c[0] for c in ring) / len(ring), sum(c[1] for c in ring) / len(ring)]
        cx, cy = pixel_of(page, centre)
        if all(abs(cx - px) > 15 or abs(cy - py) > 15 for px, py in points):
            break
    else:
        pytest.fail("every platform has a project drawn over its centre")
    with page.expect_navigation():
        page.mouse.click(cx, cy)
    assert urlsplit(page.url).path == platform["url"]
    context.close()

    # The same map in Traditional Chinese on a phone, for the screenshot and the schematic label.
    context, page = open_map(browser, live_server, locale="zh-HK", requests=requests, size=(390, 844))
    assert page.locator(".schematic-label").inner_text() == "示意圖，不按比例"
    page.screenshot(path=str(SCREENSHOTS / "map-zh-hant-phone.png"), full_page=True)
    context.close()

    hosts = {urlsplit(url).hostname for url in requests if urlsplit(url).scheme in {"http", "https", "ws", "wss"}}
    assert hosts <= LOCAL_HOSTS, f"requests left this machine: {hosts - LOCAL_HOSTS}"
    assert any(url.endswith("/static/vendor/gba.geojson") for url in requests)
    assert any(url.endswith("/static/vendor/echarts.min.js") for url in requests)
