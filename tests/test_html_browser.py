"""The HTML check report in a real browser: Debian's chromium driven by Playwright."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import CHROMIUM, CHROMIUM_ARGS, run_cli, seed

pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="chromium is installed by `make setup`")


def test_findings_link_to_their_highlight_in_the_text(tmp_path: Path) -> None:
    from playwright.sync_api import sync_playwright

    page_file = tmp_path / "check.html"
    assert run_cli("check", seed("000"), "-f", "html", "-o", page_file).returncode == 1
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        page.goto(page_file.as_uri())
        assert page.title().startswith("决算报告检查结果")
        findings = len(json.loads(run_cli("check", seed("000"), "-f", "json").stdout)["findings"])
        assert findings >= 9
        assert page.locator("mark").count() == findings
        assert page.locator(".finding").count() == findings
        first_mark = page.locator("#f1")
        assert first_mark.inner_text() == "99.44%"
        # The highlight of the wrong year is far down the text: the link scrolls it into view.
        year = page.locator("mark", has_text="2021年")
        target = year.get_attribute("id")
        assert year.evaluate("e => e.getBoundingClientRect().top > window.innerHeight")
        page.locator(f'a[href="#{target}"]').click()
        assert page.evaluate("location.hash") == f"#{target}"
        assert year.evaluate("e => { const r = e.getBoundingClientRect(); return r.top >= 0 && r.bottom <= window.innerHeight; }")
        shot = tmp_path / "check.png"
        page.screenshot(path=str(shot))
        assert shot.stat().st_size > 20_000
        browser.close()
