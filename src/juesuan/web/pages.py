"""The Chinese pages: upload, a report's review, the store, an organisation's years, a comparison of
departments, the rule catalogue, generating a report, signing in. Server-rendered (Jinja2, autoescaped);
the small script in static/ adds upload progress, filters and jumping to a finding, and each page works
without it."""

from __future__ import annotations

import itertools
from decimal import Decimal
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import quote

from fastapi import APIRouter, Depends, File, Form, HTTPException, Query, Request, UploadFile
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates
from sqlalchemy import func, select

from juesuan.amounts import number
from juesuan.model.labels import path_label
from juesuan.outputs.html import Mark, highlight
from juesuan.places import place_or_none
from juesuan.rules import Severity
from juesuan.rules.base import CATEGORY_LABELS, RULES
from juesuan.store.compare import (
    SORTABLE,
    YEAR_LABELS,
    Filters,
    by_organisation,
    by_year,
    organisation_table,
    previous_year_mismatches,
    reports,
    year_table,
)
from juesuan.store.keys import KEYS
from juesuan.store.names import Aliases
from juesuan.store.schema import Report
from juesuan.store.score import score_label
from juesuan.web import pdf_pages
from juesuan.web.checker import STATE_LABELS
from juesuan.web.generating import LAYOUT_CHOICES, OUTPUT_CHOICES, GenerateRefusal, generate_file, template_file
from juesuan.web.params import PageNumber, ReportId, words, year_of
from juesuan.web.reports import DOWNLOADS, MEDIA, Stored, delete, download, download_name, severity_counts, stored
from juesuan.web.security import csrf_token, form_csrf, may_write, require_writer, sign_in, sign_out
from juesuan.web.uploading import read_upload
from juesuan.web.uploads import UploadRefused, report_kind, safe_name

router = APIRouter(include_in_schema=False)
templates = Jinja2Templates(directory=str(Path(__file__).parent / "templates"))
PAGE_SIZE = 50
SEVERITY_LABELS = {s.value: s.label for s in Severity}


def render(request: Request, name: str, context: dict[str, Any], status: int = 200) -> HTMLResponse:
    settings = request.app.state.settings
    base = {"csrf": csrf_token(request), "writer": may_write(request), "needs_token": bool(settings.token),
            "amount": _amount, "severity_labels": SEVERITY_LABELS}
    return templates.TemplateResponse(request, name, {**base, **context}, status_code=status)


def _amount(value: Decimal | str | int | None, count: bool = False) -> str:
    """An amount with its two places (万元), a count (车辆) whole."""
    if value is None:
        return "—"
    if isinstance(value, Decimal):
        return f"{int(value):,}" if count and value == value.to_integral() else number(value)
    return str(value)


@router.get("/favicon.ico", include_in_schema=False)
def favicon() -> Response:
    return Response(status_code=204)  # no icon: browsers ask for one on every page


def attachment(content: bytes, media: str, name: str) -> Response:
    """A download under its own name (any characters: RFC 5987), never shown in place."""
    ascii_name = "".join(c if (c.isascii() and c.isalnum()) or c in "._-" else "_" for c in name) or "download"
    return Response(content, media_type=media, headers={
        "Content-Disposition": f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(name)}"})


@router.get("/", response_class=HTMLResponse)
def upload_page(request: Request) -> HTMLResponse:
    with request.app.state.store.session() as session:
        latest = session.scalars(select(Report).order_by(Report.id.desc()).limit(10)).all()
    settings = request.app.state.settings
    return render(request, "upload.html", {"latest": latest, "max_mb": settings.max_upload_mb,
                                           "max_files": settings.max_files})


WRITE = [Depends(require_writer), Depends(form_csrf)]  # before the form's fields are judged


@router.post("/upload", response_class=HTMLResponse, dependencies=WRITE)
async def upload(request: Request, files: Annotated[list[UploadFile], File()]) -> Response:
    settings = request.app.state.settings
    if len(files) > settings.max_files:
        raise HTTPException(413, f"文件太多：一次最多上传 {settings.max_files} 个文件")
    checker = request.app.state.checker
    jobs = []
    for sent in files:
        name = safe_name(sent.filename)
        try:
            content = await read_upload(sent, settings.max_upload_bytes)
            jobs.append(checker.submit(name, report_kind(content, name), content))
        except UploadRefused as exc:  # one bad file does not stop the others: it is listed with its reason
            jobs.append(checker.refuse(name, str(exc)))
    if request.headers.get("accept", "").startswith("application/json"):
        return JSONResponse({"jobs": [j.as_json() for j in jobs if j.state != "refused"],
                             "refused": [{"file": j.name, "reason": j.reason} for j in jobs if j.state == "refused"]})
    return RedirectResponse("/jobs?ids=" + ",".join(j.id for j in jobs), status_code=303)


@router.get("/jobs", response_class=HTMLResponse)
def jobs_page(request: Request, ids: Annotated[str, Query(max_length=33 * 500)] = "") -> HTMLResponse:
    checker = request.app.state.checker
    wanted = [i for i in ids.split(",") if i]
    jobs = [j for j in (checker.job(i) for i in wanted) if j is not None]
    waiting = any(not j.finished for j in jobs)
    return render(request, "jobs.html", {"jobs": jobs, "waiting": waiting, "states": STATE_LABELS,
                                         "unknown": len(wanted) - len(jobs)})


@router.get("/reports", response_class=HTMLResponse)
def reports_page(request: Request, org: str = "", year: str = "", region: str = "", errors: str = "",
                 page: int = 1) -> HTMLResponse:
    filters = Filters(year=year_of(year), organisation=words(org, "单位名称") or None,
                      region=words(region, "地区") or None, with_errors=True if errors == "1" else None)
    page = max(1, min(page, 100_000))
    with request.app.state.store.session() as session:
        found = reports(session, filters)
        years = sorted({y for (y,) in session.execute(select(Report.year).distinct()) if y is not None})
        total = session.scalar(select(func.count(Report.id))) or 0
    shown = found[(page - 1) * PAGE_SIZE: page * PAGE_SIZE]
    return render(request, "reports.html", {
        "reports": shown, "found": len(found), "total": total, "page": page,
        "pages": max(1, -(-len(found) // PAGE_SIZE)), "org": org, "year": year, "region": region,
        "errors": errors, "years": years, "score_label": score_label})


@router.get("/reports/{report_id}", response_class=HTMLResponse)
def review_page(request: Request, report_id: ReportId) -> HTMLResponse:
    with request.app.state.store.session() as session:
        item = stored(session, report_id)
        points = list(item.report.score_points)
    outcome = item.outcome
    context: dict[str, Any] = {"report": item.report, "outcome": outcome, "is_pdf": item.is_pdf,
                               "has_file": item.content is not None, "downloads": list(DOWNLOADS),
                               "score": score_label(item.report.score, item.report.score_judged,
                                                    item.report.score_method), "points": points}
    if outcome is not None:
        marks = [Mark(n, f.location.start, f.location.end, f.severity.value, f"{f.rule} {f.message}")
                 for n, f in enumerate(outcome.findings, start=1)]
        text, anchored = highlight(outcome.text, marks)
        rules = {r.id: r for r in RULES}
        context.update({
            "label": path_label, "text": text, "anchored": anchored, "counts": severity_counts(outcome),
            "findings": [{"number": n, "rule": f.rule, "severity": f.severity.value, "message": f.message,
                          "evidence": (f.evidence or "").strip()[:200], "where": place_or_none(f.location),
                          "page": f.location.page, "title": rules[f.rule].title if f.rule in rules else ""}
                         for n, f in enumerate(outcome.findings, start=1)],
            "finding_rules": sorted({f.rule for f in outcome.findings}),
            "ledger": [(c.rule, rules[c.rule].title if c.rule in rules else "", c.status.value) for c in outcome.coverage],
            "figures": outcome.figures[:5000],
        })
    return render(request, "review.html", context)


def _stored_pdf(request: Request, report_id: int, outcome: bool) -> Stored:
    with request.app.state.store.session() as session:
        item = stored(session, report_id, outcome)
    if not item.is_pdf or (outcome and item.outcome is None):
        raise HTTPException(404, "这份报告没有保存 PDF 原件，无法显示页面")
    return item


def _missing(count: int, number: int) -> HTTPException:
    return HTTPException(404, f"这份 PDF 共 {count} 页，没有第 {number} 页")


@router.get("/reports/{report_id}/pages/{number}", response_class=HTMLResponse)
def pdf_page(request: Request, report_id: ReportId, number: PageNumber, finding: int | None = None) -> HTMLResponse:
    item = _stored_pdf(request, report_id, outcome=True)
    assert item.outcome is not None and item.content is not None
    on_page = [(n, f) for n, f in enumerate(item.outcome.findings, start=1) if f.location.page == number]
    snippets = [item.outcome.text[f.location.start:f.location.end] or (f.evidence or "") for _, f in on_page]
    try:
        count, boxes = pdf_pages.find_boxes(item.content, number, snippets, item.report.sha256)
    except pdf_pages.PageMissing as exc:
        raise _missing(exc.count, number) from None
    shown = [{"number": n, "rule": f.rule, "severity": f.severity.value, "message": f.message, "boxes": b}
             for (n, f), b in zip(on_page, boxes, strict=True)]
    return render(request, "pdf_page.html", {"report": item.report, "number": number, "count": count,
                                             "findings": shown, "selected": finding})


@router.get("/reports/{report_id}/pages/{number}/image")
def pdf_page_image(request: Request, report_id: ReportId, number: PageNumber) -> Response:
    item = _stored_pdf(request, report_id, outcome=False)  # the image needs the file, not the check
    try:
        image = pdf_pages.page_png(item.content, number)  # type: ignore[arg-type]
    except pdf_pages.PageMissing as exc:
        raise _missing(exc.count, number) from None
    return Response(image, media_type="image/png", headers={"Cache-Control": "private, max-age=3600"})


@router.get("/reports/{report_id}/download/{fmt}")
def download_result(request: Request, report_id: ReportId, fmt: str) -> Response:
    if fmt not in DOWNLOADS:
        raise HTTPException(404, f"不支持下载为“{fmt}”（可选：{'、'.join(DOWNLOADS)}）")
    with request.app.state.store.session() as session:
        item = stored(session, report_id)
    if item.outcome is None:
        raise HTTPException(404, "这份报告没有保存检查结果（无法读取，或入库较早：请重新入库）")
    media, suffix = DOWNLOADS[fmt]
    return attachment(download(item.outcome, fmt), media, download_name(item.report, suffix))


@router.get("/reports/{report_id}/original")
def original(request: Request, report_id: ReportId) -> Response:
    with request.app.state.store.session() as session:
        item = stored(session, report_id, outcome=False)
    if item.content is None:
        raise HTTPException(404, "这份报告是用命令行入库的，没有保存原文件")
    suffix = item.suffix or ""
    name = Path(item.report.file_name).stem + suffix
    return attachment(item.content, MEDIA.get(suffix, "application/octet-stream"), name)


@router.post("/reports/{report_id}/delete", dependencies=WRITE)
def delete_report(request: Request, report_id: ReportId) -> Response:
    with request.app.state.store.session() as session, session.begin():
        delete(session, report_id)
    return RedirectResponse("/reports", status_code=303)


@router.get("/organisations", response_class=HTMLResponse)
def organisation_page(request: Request, name: str = "") -> HTMLResponse:
    name = words(name, "单位名称")
    context: dict[str, Any] = {"name": name, "rows": None, "candidates": [],
                               "counts": {k.label for k in KEYS if k.unit != "万元"}}
    with request.app.state.store.session() as session:
        if name:
            rows = by_organisation(session, name, Aliases())
            if rows:
                title, headers, table = organisation_table(rows)
                mismatches = previous_year_mismatches(session, Aliases(), only=[r.report for r in rows])
                context.update({"rows": rows, "title": title, "headers": headers, "table": table,
                                "mismatches": [m.message for m in mismatches],
                                "pairs": sum(b.report.year == (a.report.year or 0) + 1
                                             for a, b in itertools.pairwise(rows))})
            else:
                context["rows"] = []
        if not context["rows"]:  # none chosen, or a part of several names: the organisations to choose from
            found = reports(session, Filters(organisation=name or None))
            context["candidates"] = sorted({r.organisation for r in found if r.organisation and r.status == "checked"})[:300]
    return render(request, "organisation.html", context)


@router.get("/organisations/chart")
def organisation_chart(request: Request, name: str) -> Response:
    from juesuan.store.trend import trend_image

    with request.app.state.store.session() as session:
        rows = by_organisation(session, name.strip(), Aliases())
    if not rows:
        raise HTTPException(404, f"报告库中没有“{name}”的报告")
    image = trend_image(rows, f"{rows[-1].report.organisation} 关键数字逐年变化", "png")
    return Response(image, media_type="image/png")


@router.get("/compare", response_class=HTMLResponse)
def compare_page(request: Request, year: str = "", region: str = "", sort: str = "本年支出合计") -> HTMLResponse:
    if sort not in SORTABLE:
        raise HTTPException(422, f"不能按“{sort[:40]}”排序（可选：{'、'.join(SORTABLE)}）")
    with request.app.state.store.session() as session:
        years = sorted({y for (y,) in session.execute(select(Report.year).distinct()) if y is not None})
        chosen = year_of(year) or (years[-1] if years else None)
        region = words(region, "地区")
        headers: list[str] = []
        table: list[list[Any]] = []
        if chosen is not None:
            headers, table = year_table(by_year(session, chosen, region.strip() or None, sort), YEAR_LABELS)
    return render(request, "compare.html", {"years": years, "year": chosen, "region": region, "sort": sort,
                                            "headers": headers, "table": table, "sortable": set(SORTABLE)})


@router.get("/rules", response_class=HTMLResponse)
def rules_page(request: Request) -> HTMLResponse:
    groups: dict[str, list[Any]] = {}
    for rule in RULES:
        groups.setdefault(CATEGORY_LABELS[rule.category], []).append(rule)
    return render(request, "rules.html", {"groups": groups})


@router.get("/generate", response_class=HTMLResponse)
def generate_page(request: Request) -> HTMLResponse:
    return render(request, "generate.html", {"layouts": LAYOUT_CHOICES, "outputs": OUTPUT_CHOICES, "problems": None})


@router.post("/generate", dependencies=WRITE)
async def generate_report(request: Request, data: Annotated[UploadFile, File()],
                          layout: Annotated[str, Form()] = "sichuan", fmt: Annotated[str, Form()] = ".docx") -> Response:
    content = await read_upload(data, request.app.state.settings.max_upload_bytes)
    try:
        made, name, media = await generate_file(content, safe_name(data.filename), layout, fmt)
    except GenerateRefusal as refusal:
        return render(request, "generate.html", {"layouts": LAYOUT_CHOICES, "outputs": OUTPUT_CHOICES,
                                                 "problems": refusal.problems, "message": str(refusal)}, status=422)
    return attachment(made, media, name)


@router.get("/generate/template/{kind}")
def blank_template(kind: str) -> Response:
    if kind not in ("xlsx", "yaml"):
        raise HTTPException(404, "模板只有 xlsx 和 yaml 两种")
    content, media, name = template_file(kind)
    return attachment(content, media, name)


@router.get("/login", response_class=HTMLResponse)
def login_page(request: Request) -> HTMLResponse:
    return render(request, "login.html", {"failed": False})


@router.post("/login", dependencies=[Depends(form_csrf)])
def login(request: Request, token: Annotated[str, Form()] = "") -> Response:
    if not sign_in(request, token):
        return render(request, "login.html", {"failed": True}, status=401)
    return RedirectResponse("/", status_code=303)


@router.post("/logout", dependencies=[Depends(form_csrf)])
def logout(request: Request) -> Response:
    sign_out(request)
    return RedirectResponse("/", status_code=303)


@router.get("/api", response_class=HTMLResponse)
@router.get("/api/docs", response_class=HTMLResponse)
def api_docs(request: Request) -> HTMLResponse:
    """The API's reference, drawn from its OpenAPI description here (no script fetched from elsewhere)."""
    spec = request.app.openapi()
    endpoints = [(method.upper(), path, op.get("summary", ""), op.get("description", ""))
                 for path, methods in spec["paths"].items() for method, op in methods.items()]
    return render(request, "api.html", {"endpoints": endpoints})

