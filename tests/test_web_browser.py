"""The web application in a real browser (issue 15): `juesuan serve` started as a user starts it, Debian's
chromium driven by Playwright. Screenshots of each step are kept in test-artifacts/web/."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from conftest import CHROMIUM, CHROMIUM_ARGS, PUTUO, next_year, seed

SHOTS = Path(__file__).resolve().parent.parent / "test-artifacts" / "web"
EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "sichuan_2020_pzh_committee_office.yaml"
ORGANISATION = "中共攀枝花市委办公室"

pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="chromium is installed by `make setup`")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """`juesuan serve` on a free loopback port over a new SQLite store; stopped afterwards."""
    folder = tmp_path_factory.mktemp("serve")
    port = _free_port()
    process = subprocess.Popen([sys.executable, "-m", "juesuan", "serve", "--db", str(folder / "web.db"),
                                "--port", str(port), "--jobs", "2"], stderr=subprocess.PIPE, text=True,
                               env={**os.environ, "JUESUAN_TOKEN": ""})
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                urllib.request.urlopen(url + "/", timeout=1).close()
                break
            except OSError:
                if process.poll() is not None:
                    pytest.fail(f"juesuan serve stopped: {process.stderr.read() if process.stderr else ''}")
                time.sleep(0.1)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=30)


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    SHOTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser):  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport={"width": 1400, "height": 900}, accept_downloads=True)
    opened = context.new_page()
    dialogs: list[str] = []
    opened.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    opened.dialogs = dialogs
    yield opened
    context.close()


def _upload(page, server: str, *files: Path) -> list[str]:  # type: ignore[no-untyped-def]
    """Uploads through the page's form; the review pages' addresses once every file is checked."""
    page.goto(server + "/")
    page.set_input_files("#files", [str(f) for f in files])
    page.click("#upload-button")
    page.locator("#job-list a").nth(len(files) - 1).wait_for(timeout=120_000)
    return [a.get_attribute("href") for a in page.query_selector_all("#job-list a")]


def _loaded(page, image_id: str) -> None:  # type: ignore[no-untyped-def]
    """Waits until the image has loaded (the page's policy allows no eval, so the test polls from here)."""
    for _ in range(200):
        if page.evaluate(f"() => {{ const i = document.getElementById('{image_id}'); return i.complete && i.naturalWidth }}"):
            return
        time.sleep(0.1)
    pytest.fail(f"image {image_id} did not load")


def test_upload_review_click_a_finding_and_filter(page, server: str) -> None:  # type: ignore[no-untyped-def]
    links = _upload(page, server, seed("000"))
    page.screenshot(path=str(SHOTS / "1-upload.png"))
    assert "已完成 1 / 1" in page.inner_text("#progress-text")
    page.goto(server + links[0])
    assert ORGANISATION in page.inner_text("h1")
    items = page.query_selector_all(".finding-list .finding")
    assert len(items) > 5
    jump = page.query_selector_all("a.jump")[-1]
    mark_id = jump.get_attribute("data-mark")
    jump.click()
    mark = page.locator(f"mark#{mark_id}")
    assert "current" in (mark.get_attribute("class") or "")
    box = mark.bounding_box()
    text_box = page.locator("#text").bounding_box()
    assert box is not None and text_box is not None
    assert text_box["y"] <= box["y"] <= text_box["y"] + text_box["height"]  # scrolled into view in the text pane
    page.screenshot(path=str(SHOTS / "2-review-finding.png"))
    errors = page.locator(".finding-list .finding.error").count()
    assert errors > 0
    page.uncheck(".severity-filter[value=error]")
    assert page.locator(".finding-list .finding.error.hidden").count() == errors
    assert page.locator(".finding-list .finding.warning.hidden").count() == 0
    page.check(".severity-filter[value=error]")
    page.select_option("#rule-filter", index=1)
    visible = page.locator(".finding-list .finding:not(.hidden)").count()
    assert 0 < visible < len(items)
    assert not page.dialogs


def test_a_pdf_finding_is_boxed_on_the_page_image(page, server: str) -> None:  # type: ignore[no-untyped-def]
    links = _upload(page, server, PUTUO)
    page.goto(server + links[0])
    page.click("a.page-link >> nth=0")
    _loaded(page, "page-image")
    selected = page.locator("rect.box.selected").first
    box = selected.bounding_box()
    sheet = page.locator(".sheet").bounding_box()
    assert box is not None and sheet is not None and box["width"] > 5 and box["height"] > 5
    assert sheet["x"] <= box["x"] and box["x"] + box["width"] <= sheet["x"] + sheet["width"] + 1
    assert page.locator(".page-findings .finding.selected").count() == 1
    page.screenshot(path=str(SHOTS / "3-pdf-box.png"), full_page=True)


def test_compare_two_years_of_one_organisation(page, server: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    data = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    files = []
    for values in (data, next_year(data)):
        source = tmp_path / f"{values['meta']['year']}.yaml"
        source.write_text(yaml.safe_dump(values, allow_unicode=True), encoding="utf-8")
        made = tmp_path / f"{values['meta']['year']}.html"
        result = subprocess.run([sys.executable, "-m", "juesuan", "generate", str(source), "-o", str(made)],
                                capture_output=True, text=True, timeout=120)
        assert result.returncode == 0, result.stderr
        files.append(made)
    _upload(page, server, *files)
    page.goto(server + "/organisations")
    page.fill("input[name=name]", ORGANISATION)
    page.click("button[type=submit]")
    headers = page.locator("#years-table tr >> nth=0").inner_text()
    assert "2020年" in headers and "2021年" in headers and "2021比2020" in headers
    _loaded(page, "trend-chart")
    page.screenshot(path=str(SHOTS / "4-years.png"), full_page=True)
    page.goto(server + "/compare?year=2020")
    page.click("#compare-table th a:has-text('错误')")
    assert page.locator("#compare-table th a.sorted").inner_text() == "错误"
    page.screenshot(path=str(SHOTS / "5-compare.png"), full_page=True)


def test_generate_a_report_and_download_it(page, server: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    page.goto(server + "/generate")
    page.set_input_files("input[name=data]", str(EXAMPLE))
    page.select_option("select[name=fmt]", ".html")
    with page.expect_download(timeout=120_000) as waiting:
        page.click("#generate-form button[type=submit]")
    target = tmp_path / waiting.value.suggested_filename
    waiting.value.save_as(target)
    assert target.suffix == ".html" and ORGANISATION in target.read_text(encoding="utf-8")
    broken = tmp_path / "broken.yaml"
    data = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    data["total"]["current"] = "1.00"
    broken.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    page.set_input_files("input[name=data]", str(broken))
    page.click("#generate-form button[type=submit]")
    assert "未生成报告" in page.inner_text("#refusal") and page.locator("#refusal li").count() >= 1
    page.screenshot(path=str(SHOTS / "6-generate-refused.png"), full_page=True)


def test_a_hostile_report_runs_no_script(page, server: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    hostile = tmp_path / "hostile.html"
    hostile.write_text("<html><body><p>某局2020年度部门决算。本年支出合计100.00万元。</p><script>alert('xss')</script>"
                       "<p><img src=x onerror=\"alert('img')\">&lt;script&gt;alert(1)&lt;/script&gt;"
                       "&lt;img src=x onerror=alert(2)&gt;</p></body></html>", encoding="utf-8")
    named = tmp_path / "<img src=x onerror=alert(3)>.html"
    named.write_bytes(hostile.read_bytes())
    links = _upload(page, server, named)
    page.goto(server + links[0])
    page.goto(server + "/reports")
    page.wait_for_timeout(500)
    assert "<img src=x onerror=alert(3)>.html" in page.inner_text("#report-list")
    assert page.dialogs == []
