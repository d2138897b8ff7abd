"""The REST API and the pages through FastAPI's test client (issue 15): the same store as the CLI, checks
run by the batch pool, and the security rules. The browser tests are in test_web_browser.py."""

from __future__ import annotations

import io
import json
import re
import zipfile
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from urllib.parse import quote

import pytest
import yaml
from fastapi.testclient import TestClient  # the web extra: installed by `make setup`, so never skipped

from conftest import BUILT, PUTUO, next_year, run_cli, seed
from juesuan.web.app import create_app
from juesuan.web.settings import Settings

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "sichuan_2020_pzh_committee_office.yaml"
HOSTILE = ("<html><body><h1>某某局2020年度部门决算</h1><p>本年支出合计100.00万元。<script>alert('xss')</script>"
           "<img src=x onerror=\"alert('img')\"></p><p>&lt;script&gt;alert(1)&lt;/script&gt; 与 "
           "&lt;img src=x onerror=alert(2)&gt;</p></body></html>")


def _client(tmp_path: Path, **settings: object) -> TestClient:
    return TestClient(create_app(Settings(db=str(tmp_path / "web.db"), jobs=2, **settings)))  # type: ignore[arg-type]


@pytest.fixture
def client(tmp_path: Path) -> Iterator[TestClient]:
    with _client(tmp_path) as c:
        yield c


def _upload(c: TestClient, path: Path, name: str | None = None, **headers: str) -> dict:
    answer = c.post("/api/reports", files={"file": (name or path.name, path.read_bytes())}, headers=headers)
    assert answer.status_code in (200, 422), answer.text
    return answer.json()


def test_a_stored_finding_keeps_the_other_statement_of_a_pair(db: str, tmp_path: Path) -> None:
    """Seed 001 with its second "公务员9人" (L641) written 10: nothing says which is right, so the finding at L641
    names L23 as related, in the check's answer and read back from the store alike."""
    lines = seed("001").read_text(encoding="utf-8").split("\n")
    lines[640] = lines[640].replace("公务员9人", "公务员10人", 1)
    changed = tmp_path / "001.txt"
    changed.write_text("\n".join(lines), encoding="utf-8")
    with TestClient(create_app(Settings(db=db, jobs=2))) as c:
        first = _upload(c, changed)
        pair = [f for f in first["result"]["findings"] if f["rule"] == "C105" and f["location"]["line"] == 641]
        assert [[r["line"] for r in f["related"]] for f in pair] == [[23]]
        stored = c.get(f"/api/reports/{first['report_id']}/findings", params={"rule": "C105"}).json()
        assert [f["related"] for f in stored if f["location"]["line"] == 641] == [pair[0]["related"]]
        assert all(f["related"] == [] for f in stored if f["location"]["line"] != 641)


def test_check_answers_what_the_command_line_prints(client: TestClient) -> None:
    answer = client.post("/api/check", files={"file": ("000.txt", seed("000").read_bytes())})
    assert answer.status_code == 200
    cli = json.loads(run_cli("check", seed("000"), "--format", "json").stdout)
    body = answer.json()
    assert body["source"] == "000.txt"
    assert {k: v for k, v in body.items() if k != "source"} == {k: v for k, v in cli.items() if k != "source"}
    assert len(body["findings"]) > 5
    assert client.get("/api/reports").json()["total"] == 0  # a check alone stores nothing


def test_a_stored_report_is_read_back_whole_on_either_database(db: str, tmp_path: Path) -> None:
    with TestClient(create_app(Settings(db=db, jobs=2))) as c:
        first = _upload(c, seed("000"))
        assert (first["state"], first["action"]) == ("done", "stored")
        report_id = first["report_id"]
        report = c.get(f"/api/reports/{report_id}").json()
        assert (report["organisation"], report["year"], report["status"]) == ("中共攀枝花市委办公室", 2020, "checked")
        assert Decimal(report["key_figures"]["本年支出合计"]) > 0
        findings = c.get(f"/api/reports/{report_id}/findings").json()
        assert len(findings) == len(first["result"]["findings"]) == report["errors"] + report["warnings"] + report["infos"]
        errors = c.get(f"/api/reports/{report_id}/findings", params={"severity": "error"}).json()
        assert len(errors) == report["errors"] and all(f["severity"] == "error" for f in errors)
        figures = c.get(f"/api/reports/{report_id}/figures").json()
        total = next(f for f in figures if f["path"] == "totals.total.amount[0]")
        assert (Decimal(total["value"]), total["unit"]) == (Decimal("7467.33"), "万元") and total["location"]["line"]
        score = c.get(f"/api/reports/{report_id}/score").json()
        assert Decimal(score["score"]) == Decimal(report["score"]) and score["lost"]
        assert c.get(f"/api/reports/{report_id}/result").json() == first["result"]
        again = _upload(c, seed("000"), "again.txt")
        assert (again["action"], again["report_id"]) == ("unchanged", report_id)
        assert c.delete(f"/api/reports/{report_id}").status_code == 204
        gone = c.get(f"/api/reports/{report_id}")
        assert gone.status_code == 404 and "没有编号为" in gone.json()["detail"]


def test_the_review_page_marks_every_finding_in_the_text(client: TestClient) -> None:
    stored = _upload(client, seed("004"))
    page = client.get(f"/reports/{stored['report_id']}").text
    findings = stored["result"]["findings"]
    marks = re.findall(r'<mark id="f(\d+)" class="(error|warning|info)"', page)
    assert marks and len(marks) <= len(findings)
    for number, severity in marks:
        assert findings[int(number) - 1]["severity"] == severity
    assert page.count('class="finding ') == len(findings)
    assert "规则执行情况" in page and "提取的数字" in page and "公开评分" in page
    for fmt in ("html", "json", "csv", "xlsx"):
        download = client.get(f"/reports/{stored['report_id']}/download/{fmt}")
        assert download.status_code == 200 and "attachment" in download.headers["content-disposition"]
    result = client.get(f"/reports/{stored['report_id']}/download/json").json()
    assert result["findings"] == findings
    with zipfile.ZipFile(io.BytesIO(client.get(f"/reports/{stored['report_id']}/download/xlsx").content)) as book:
        assert "xl/workbook.xml" in book.namelist()


def test_a_pdf_finding_is_boxed_on_its_page(client: TestClient) -> None:
    stored = _upload(client, PUTUO)
    review = client.get(f"/reports/{stored['report_id']}").text
    link = re.search(r'/reports/\d+/pages/(\d+)\?finding=(\d+)', review)
    assert link is not None
    page = client.get(link.group(0)).text
    selected = re.search(r'<rect class="box \w+ selected" data-finding="(\d+)" x="([\d.]+)" y="([\d.]+)" '
                         r'width="([\d.]+)" height="([\d.]+)"', page)
    assert selected is not None and selected.group(1) == link.group(2)
    x, y, width, height = (float(v) for v in selected.groups()[1:])
    assert 0 <= x < 1 and 0 <= y < 1 and 0 < width <= 1 and 0 < height < 0.2
    image = client.get(f"/reports/{stored['report_id']}/pages/{link.group(1)}/image")
    assert image.headers["content-type"] == "image/png" and image.content.startswith(b"\x89PNG")
    assert client.get(f"/reports/{stored['report_id']}/pages/999").status_code == 404
    assert client.get(f"/reports/{stored['report_id']}/original").content == PUTUO.read_bytes()


def test_a_hostile_report_renders_inert(client: TestClient, tmp_path: Path) -> None:
    hostile = tmp_path / "hostile.html"
    hostile.write_text(HOSTILE, encoding="utf-8")
    stored = _upload(client, hostile, name='<img src=x onerror=alert(3)>.html')
    assert stored["file"] == '<img src=x onerror=alert(3)>.html'
    review = client.get(f"/reports/{stored['report_id']}").text
    assert "本年支出合计100.00万元" in review and "&lt;script&gt;alert(1)&lt;/script&gt;" in review
    for url in (f"/reports/{stored['report_id']}", "/reports", "/", "/api/docs"):
        page = client.get(url).text
        assert not re.search(r"<(script|img)[^>]*(alert|onerror)", page), url
        assert page.count("<script") == page.count('<script src="/static/app.js" defer></script>')
    csp = client.get("/").headers["content-security-policy"]
    assert "script-src 'self'" in csp and "frame-ancestors 'none'" in csp


def test_files_are_known_by_their_bytes_not_their_names(client: TestClient, tmp_path: Path) -> None:
    png = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8
    refused = client.post("/api/check", files={"file": ("report.pdf", png)})
    assert refused.status_code == 415 and "不是可以读取的报告文件" in refused.json()["detail"]
    workbook = client.get("/generate/template/xlsx").content
    assert client.post("/api/check", files={"file": ("report.docx", workbook)}).json()["detail"].startswith("这是 Excel")
    assert client.post("/api/check", files={"file": ("x.txt", b"  \n")}).json()["detail"] == "文件是空的"
    as_text = client.post("/api/check", files={"file": ("000.pdf", seed("000").read_bytes())})
    assert as_text.status_code == 200 and as_text.json()["report"]["organisation"] == "中共攀枝花市委办公室"
    word = client.post("/api/check", files={"file": ("000.bin", (BUILT / "000_452dfb289bf64cc2.docx").read_bytes())})
    assert word.status_code == 200 and word.json()["report"]["year"] == 2020
    encrypted = client.post("/api/check", files={"file": ("locked.pdf", (BUILT / "encrypted.pdf").read_bytes())})
    assert encrypted.status_code == 422 and "密码" in encrypted.json()["detail"]


def test_uploads_over_the_bound_are_refused(tmp_path: Path) -> None:
    with _client(tmp_path, max_upload_mb=1) as c:
        big = b"\xe6\x94\xaf\xe5\x87\xba" * 400_000  # 2.4 MB of text
        answer = c.post("/api/check", files={"file": ("big.txt", big)})
        assert answer.status_code == 413 and "超过 1 MB" in answer.json()["detail"]
        huge = c.post("/api/check", content=b"x" * 10, headers={"content-length": str(500 * 1024 * 1024),
                                                                   "content-type": "multipart/form-data; boundary=x"})
        assert huge.status_code == 413


def test_writing_needs_the_token_when_one_is_set(tmp_path: Path) -> None:
    with _client(tmp_path, token="s3cret-token") as c:
        files = {"file": ("000.txt", seed("000").read_bytes())}
        refused = c.post("/api/reports", files=files)
        assert refused.status_code == 401 and "访问令牌" in refused.json()["detail"]
        wrong = c.post("/api/reports", files=files, headers={"Authorization": "Bearer nope"})
        assert wrong.status_code == 401
        ok = c.post("/api/reports", files=files, headers={"Authorization": "Bearer s3cret-token"})
        assert ok.status_code == 200 and ok.json()["action"] == "stored"
        assert c.get(f"/api/reports/{ok.json()['report_id']}").status_code == 200  # reading needs no token
        form = c.get("/login").text
        csrf = re.search(r'name="csrf" value="([^"]+)"', form).group(1)  # type: ignore[union-attr]
        assert c.post("/login", data={"token": "nope", "csrf": csrf}).status_code == 401
        assert c.post("/login", data={"token": "s3cret-token", "csrf": csrf}, follow_redirects=False).status_code == 303
        old_form = c.post("/upload", data={"csrf": csrf}, files={"files": ("004.txt", seed("004").read_bytes())})
        assert old_form.status_code == 403  # signing in gives a new form token
        csrf = re.search(r'name="csrf" value="([^"]+)"', c.get("/").text).group(1)  # type: ignore[union-attr]
        upload = c.post("/upload", data={"csrf": csrf}, files={"files": ("004.txt", seed("004").read_bytes())},
                        headers={"Accept": "application/json"})
        assert upload.status_code == 200 and upload.json()["jobs"][0]["file"] == "004.txt"
        # a browser signed in by its cookie must send the form token to the API too
        assert c.post("/api/check", files=files).status_code == 403
        assert c.post("/api/check", files=files, headers={"X-CSRF-Token": csrf}).status_code == 200
        kept = dict(c.cookies)
        assert c.post("/logout", data={"csrf": csrf}, follow_redirects=False).status_code == 303
        c.cookies.clear()
        c.cookies.update(kept)  # a copy of the cookie taken before signing out
        assert c.post("/api/check", files=files, headers={"X-CSRF-Token": csrf}).status_code == 401


def test_guessing_the_token_is_slowed_down(tmp_path: Path) -> None:
    with _client(tmp_path, token="s3cret-token") as c:
        files = {"file": ("000.txt", seed("000").read_bytes())}
        answers = [c.post("/api/check", files=files, headers={"Authorization": f"Bearer guess{n}"}).status_code
                   for n in range(12)]
        assert answers[:10] == [401] * 10 and answers[10:] == [429, 429]
        right = c.post("/api/check", files=files, headers={"Authorization": "Bearer s3cret-token"})
        assert right.status_code == 429 and "一分钟" in right.json()["detail"]  # even the right one, for a minute


def test_bad_parameters_are_told_in_chinese(client: TestClient) -> None:
    for url, words in (("/reports/99999999999999999999", "报告编号超出范围"), ("/api/reports/0", "报告编号超出范围"),
                       ("/api/reports?year=99999999999999999999", "年度"), ("/reports?year=abc", "年度“abc”无效"),
                       ("/compare?year=-2020", "年度"), ("/reports?org=" + "某" * 2_000, "太长"),
                       ("/api/reports?region=" + "某" * 300, "地区太长"), ("/compare?year=2020&sort=zzz", "不能按"),
                       ("/api/reports/1/findings?severity=bogus", "级别")):
        answer = client.get(url)
        assert answer.status_code in (400, 422) and words in answer.text, (url[:60], answer.text[-300:])
        assert "Error" not in answer.text and "Traceback" not in answer.text
    assert client.get("/jobs?ids=nope").status_code == 200 and "任务编号不存在" in client.get("/jobs?ids=nope").text


def test_search_words_are_matched_as_written(client: TestClient) -> None:
    _upload(client, seed("000"))
    assert client.get("/api/reports", params={"org": "%"}).json()["total"] == 0
    assert client.get("/api/reports", params={"org": "_"}).json()["total"] == 0
    assert client.get("/api/reports", params={"org": "攀枝花"}).json()["total"] == 1


def test_forms_need_their_csrf_token_and_other_sites_cannot_write(client: TestClient) -> None:
    files = {"files": ("000.txt", seed("000").read_bytes())}
    assert client.post("/upload", files=files).status_code == 403
    assert "CSRF" in client.post("/upload", files=files, data={"csrf": "forged"}).text
    cross = client.post("/api/check", files={"file": ("000.txt", seed("000").read_bytes())},
                        headers={"Origin": "https://evil.example"})
    assert cross.status_code == 403 and "其他网站" in cross.json()["detail"]
    fetched = client.post("/api/check", files={"file": ("000.txt", seed("000").read_bytes())},
                          headers={"Sec-Fetch-Site": "cross-site"})
    assert fetched.status_code == 403

    client.cookies.clear()
    header = client.get("/").headers["set-cookie"].lower()  # a new visitor gets a session for the form's token
    assert "juesuan_session=" in header and "samesite=strict" in header and "httponly" in header


def test_pages_and_errors_are_chinese_never_tracebacks(tmp_path: Path) -> None:
    with _client(tmp_path) as c:
        for url in ("/", "/reports", "/compare", "/rules", "/generate", "/organisations", "/api/docs", "/login"):
            page = c.get(url)
            assert page.status_code == 200 and '<html lang="zh-CN">' in page.text, url
        missing = c.get("/no/such/page")
        assert missing.status_code == 404 and "没有这个页面" in missing.text and "Traceback" not in missing.text
        assert c.get("/reports/12345").status_code == 404
        assert c.get("/reports/abc").status_code == 422 and "报告编号应为整数" in c.get("/reports/abc").text
        for traversal in ("/reports/1/download/..%2F..%2Fetc%2Fpasswd", "/static/..%2F..%2Fpyproject.toml",
                          "/static/../app.py", "/generate/template/..%2Fapp.py"):
            assert c.get(traversal).status_code == 404, traversal
        stored = _upload(c, seed("000"))
        from juesuan.store.schema import Source

        store = c.app.state.store  # type: ignore[attr-defined]
        with store.session() as session, session.begin():
            session.get(Source, stored["report_id"]).outcome = b"{broken"  # a damaged row in the store
    with TestClient(create_app(Settings(db=str(tmp_path / "web.db"), jobs=1)), raise_server_exceptions=False) as c:
        broken = c.get(f"/reports/{stored['report_id']}")
        assert broken.status_code == 500 and "服务器内部错误" in broken.text and "Traceback" not in broken.text
        assert c.get(f"/api/reports/{stored['report_id']}/result").json()["detail"].startswith("服务器内部错误")


def test_a_report_is_deleted_from_its_page_with_the_forms_token(client: TestClient) -> None:
    stored = _upload(client, seed("003"))
    page = client.get(f"/reports/{stored['report_id']}").text
    csrf = re.search(r'name="csrf" value="([^"]+)"', page).group(1)  # type: ignore[union-attr]
    assert client.post(f"/reports/{stored['report_id']}/delete", data={"csrf": "forged"}).status_code == 403
    assert client.get(f"/api/reports/{stored['report_id']}").status_code == 200
    deleted = client.post(f"/reports/{stored['report_id']}/delete", data={"csrf": csrf}, follow_redirects=False)
    assert deleted.status_code == 303 and client.get(f"/api/reports/{stored['report_id']}").status_code == 404


def test_a_name_with_folders_is_kept_as_its_own_name_only(client: TestClient) -> None:
    stored = _upload(client, seed("000"), name="../../etc/passwd")
    assert stored["file"] == "passwd"
    assert client.get(f"/api/reports/{stored['report_id']}").json()["file"] == "passwd"


def test_generate_gives_the_report_or_every_problem(client: TestClient) -> None:
    made = client.post("/api/generate", files={"data": ("data.yaml", EXAMPLE.read_bytes())},
                       data={"layout": "sichuan", "fmt": ".html"})
    assert made.status_code == 200 and "中共攀枝花市委办公室" in made.text
    assert "attachment" in made.headers["content-disposition"]
    data = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    data["total"]["current"] = str(Decimal(data["total"]["current"]) + 1)
    bad = client.post("/api/generate", files={"data": ("bad.yaml", yaml.safe_dump(data, allow_unicode=True).encode())})
    assert bad.status_code == 422 and bad.json()["problems"] and "未生成报告" in bad.json()["detail"]
    for fmt, magic in ((".docx", b"PK\x03\x04"), (".pdf", b"%PDF-")):
        made = client.post("/api/generate", files={"data": ("data.yaml", EXAMPLE.read_bytes())}, data={"fmt": fmt})
        assert made.status_code == 200 and made.content.startswith(magic), fmt
        assert made.headers["content-disposition"].endswith(quote(f"中共攀枝花市委办公室2020年度单位决算{fmt}"))
    import openpyxl

    book = openpyxl.load_workbook(io.BytesIO(client.get("/generate/template/xlsx").content))
    assert book.sheetnames
    wrong = client.post("/api/generate", files={"data": ("x.yaml", b"\x89PNG\r\n\x1a\n" + bytes(300))})
    assert wrong.status_code == 422 and "数据文件" in wrong.json()["detail"]


def test_an_organisations_years_are_compared(client: TestClient, tmp_path: Path) -> None:
    data = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    for values in (data, next_year(data)):
        made = client.post("/api/generate", files={"data": ("d.yaml", yaml.safe_dump(values, allow_unicode=True).encode())},
                           data={"fmt": ".html"})
        target = tmp_path / f"{values['meta']['year']}.html"
        target.write_bytes(made.content)
        assert _upload(client, target)["action"] == "stored"
    rows = client.get("/api/compare", params={"org": "中共攀枝花市委办公室"}).json()["rows"]
    assert [r["report"]["year"] for r in rows] == [2020, 2021]
    assert rows[0]["values"]["收支总计"] == rows[1]["values"]["收支总计"] == "7467.33"
    page = client.get("/organisations", params={"name": "中共攀枝花市委办公室"}).text
    assert "2020年" in page and "2021年" in page and "2021比2020" in page and 'id="trend-chart"' in page
    assert "上年数与上年报告一致" in page
    chart = client.get("/organisations/chart", params={"name": "中共攀枝花市委办公室"})
    assert chart.content.startswith(b"\x89PNG")
    ranked = client.get("/compare", params={"year": "2020", "sort": "错误"}).text
    assert "中共攀枝花市委办公室" in ranked and 'class="sorted"' in ranked


def test_serve_refuses_a_public_address_without_a_token() -> None:
    result = run_cli("serve", "--host", "0.0.0.0", "--port", "8765")
    assert result.returncode == 2 and "访问令牌" in result.stderr and "Traceback" not in result.stderr


def test_serve_says_in_chinese_when_its_port_or_store_is_unusable(tmp_path: Path) -> None:
    import socket

    with socket.create_server(("127.0.0.1", 0)) as taken:
        result = run_cli("serve", "--port", str(taken.getsockname()[1]), "--db", tmp_path / "x.db")
    assert result.returncode == 2 and "端口已被占用" in result.stderr
    missing = run_cli("serve", "--db", tmp_path / "no" / "x.db")
    assert missing.returncode == 2 and "不存在" in missing.stderr and "Traceback" not in missing.stderr


def test_a_finding_on_a_scanned_page_is_boxed_where_the_text_stands(client: TestClient, tmp_path: Path) -> None:
    """A scan has no text layer: its boxes come from what OCR read. They must fall where the same words stand
    on the PDF the scan was made from."""
    import pypdfium2 as pdfium

    from juesuan.web.pdf_pages import find_boxes

    source = BUILT / "004_b2fcb93d88db5c55.pdf"
    document = pdfium.PdfDocument(str(source))
    image = document[2].render(scale=150 / 72).to_pil().convert("L")  # page 3 holds findings
    document.close()
    scan = tmp_path / "scan.pdf"
    image.save(str(scan), "PDF", resolution=150.0)
    stored = _upload(client, scan)
    finding = stored["result"]["findings"][0]
    page = client.get(f"/reports/{stored['report_id']}/pages/1?finding=1").text
    box = re.search(r'<rect class="box \w+ selected" data-finding="1" x="([\d.]+)" y="([\d.]+)"', page)
    assert box is not None
    from juesuan.web.reports import stored as stored_report

    with client.app.state.store.session() as session:  # type: ignore[attr-defined]
        item = stored_report(session, stored["report_id"])
    assert item.outcome is not None
    snippet = item.outcome.text[finding["location"]["start"]:finding["location"]["end"]]
    original = find_boxes(source.read_bytes(), 3, [snippet])[1][0]
    assert original, snippet
    assert abs(original[0].left - float(box.group(1))) < 0.02 and abs(original[0].top - float(box.group(2))) < 0.02


def test_the_same_file_sent_twice_at_once_is_checked_and_stored_once(client: TestClient) -> None:
    content = seed("002").read_bytes()
    form = client.get("/").text
    csrf = re.search(r'name="csrf" value="([^"]+)"', form).group(1)  # type: ignore[union-attr]
    sent = client.post("/upload", data={"csrf": csrf}, headers={"Accept": "application/json"},
                       files=[("files", ("a.txt", content)), ("files", ("b.txt", content)),
                              ("files", ("c.png", b"\x89PNG\r\n\x1a\n" + bytes(200)))])
    body = sent.json()
    assert [j["file"] for j in body["jobs"]] == ["a.txt", "b.txt"]
    assert body["refused"] == [{"file": "c.png", "reason": "不是可以读取的报告文件（支持 PDF、Word（.docx/.doc）、WPS、HTML、纯文本（.txt/.md））"}]
    import time

    for _ in range(600):
        states = [client.get(f"/api/jobs/{j['id']}").json() for j in body["jobs"]]
        if all(s["state"] == "done" for s in states):
            break
        time.sleep(0.1)
    assert {s["report_id"] for s in states} == {states[0]["report_id"]} and states[0]["report_id"] is not None
    assert sorted(s["action"] for s in states) == ["stored", "unchanged"]
    assert client.get("/api/reports").json()["total"] == 1
    page = client.get("/jobs", params={"ids": ",".join(j["id"] for j in body["jobs"])}).text
    assert page.count("查看检查结果") == 2 and "全部完成" in page


def test_one_organisation_is_ranked_once_and_found_by_a_part_of_its_name(client: TestClient) -> None:
    _upload(client, seed("000"))
    _upload(client, BUILT / "000_452dfb289bf64cc2.docx")  # the same report as Word: a second file, one organisation
    _upload(client, seed("001"))  # 攀枝花市人民政府驻成都办事处: "攀枝花" names two organisations
    ranked = client.get("/api/compare", params={"year": 2020}).json()["rows"]
    assert sorted(r["report"]["organisation"] for r in ranked) == ["中共攀枝花市委办公室", "攀枝花市人民政府驻成都办事处"]
    page = client.get("/compare", params={"year": "2020"}).text
    assert page.count(">中共攀枝花市委办公室</a>") == 1
    chooser = client.get("/organisations", params={"name": "攀枝花"}).text
    assert "请选择" in chooser and 'href="/organisations?name=%E4%B8%AD%E5%85%B1' in chooser
    review = client.get(f"/reports/{ranked[-1]['report']['id']}").text
    assert "总体情况·本年支出合计·金额" in review and ">totals." not in review


def test_every_problem_of_a_data_file_is_listed(client: TestClient) -> None:
    data = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    del data["meta"]["year"]
    data["total"]["current"] = "abc"
    answer = client.post("/api/generate", files={"data": ("bad.yaml", yaml.safe_dump(data, allow_unicode=True).encode())})
    body = answer.json()
    assert answer.status_code == 422 and len(body["problems"]) == 2 and body["detail"].startswith("数据文件有 2 处问题")
    assert not any("juesuan" in p for p in body["problems"])
