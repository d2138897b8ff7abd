"""The REST API under /api (described by /api/openapi.json): check, store, read, compare, generate."""

from __future__ import annotations

import json
from typing import Annotated, Any

from fastapi import APIRouter, Depends, File, Form, HTTPException, Query, Request, UploadFile
from fastapi.responses import JSONResponse, Response
from sqlalchemy import select

from juesuan.rules.base import CATEGORY_LABELS, RULES
from juesuan.store.compare import SORTABLE, Filters, by_organisation, by_year, key_rows, reports
from juesuan.store.names import Aliases
from juesuan.store.schema import Report, ScorePoint
from juesuan.web.checker import Job
from juesuan.web.generating import GenerateRefusal, generate_file
from juesuan.web.pages import attachment
from juesuan.web.params import ReportId, Words, YearQuery
from juesuan.web.reports import delete, stored
from juesuan.web.security import require_api_write
from juesuan.web.uploading import read_upload
from juesuan.web.uploads import report_kind, safe_name

router = APIRouter(prefix="/api", tags=["juesuan"])
WAIT_S = 600  # a check answered in the same request waits this long at most


def _report_json(report: Report) -> dict[str, Any]:
    return {"id": report.id, "file": report.file_name, "status": report.status, "reason": report.reason,
            "organisation": report.organisation, "region": report.region, "level": report.level,
            "year": report.year, "kind": report.kind, "layout": report.layout, "pages": report.pages,
            "errors": report.errors, "warnings": report.warnings, "infos": report.infos,
            "score": report.score, "score_judged": report.score_judged, "sha256": report.sha256,
            "rule_set": report.rule_set, "ingested_at": report.ingested_at.isoformat()}


WRITE = [Depends(require_api_write)]  # before the request's fields are judged


async def _submitted(request: Request, sent: UploadFile, store: bool) -> Job:
    settings = request.app.state.settings
    content = await read_upload(sent, settings.max_upload_bytes)
    name = safe_name(sent.filename)
    return request.app.state.checker.submit(name, report_kind(content, name), content, store=store)


async def _finished(request: Request, job: Job) -> None:
    if not await request.app.state.checker.wait(job, WAIT_S):
        raise HTTPException(504, f"检查“{job.name}”超过 {WAIT_S} 秒仍未完成，稍后用 /api/jobs/{job.id} 查询")


@router.post("/check", dependencies=WRITE, summary="检查一份报告（不入库）",
             description="上传一份报告（PDF、Word、WPS、HTML、纯文本），返回与 `juesuan check --format json` 相同的 JSON。")
async def check(request: Request, file: Annotated[UploadFile, File(description="报告文件")]) -> Response:
    job = await _submitted(request, file, store=False)
    await _finished(request, job)
    if job.outcome is None:
        return JSONResponse({"detail": f"无法读取“{job.name}”：{job.reason}"}, status_code=422)
    return JSONResponse(job.outcome.as_json())


@router.post("/reports", dependencies=WRITE, summary="检查一份报告并存入报告库",
             description="返回报告编号、入库情况（stored 新存入、updated 按新规则重查、unchanged 已在库中）和检查结果 JSON；"
                         "`wait=false` 时立即返回任务编号，用 /api/jobs/{id} 查询进度。")
async def store_report(request: Request, file: Annotated[UploadFile, File(description="报告文件")],
                       wait: bool = True) -> Response:
    job = await _submitted(request, file, store=True)
    if not wait:
        return JSONResponse(job.as_json(), status_code=202)
    await _finished(request, job)
    if job.report_id is None:
        return JSONResponse({**job.as_json(), "detail": f"未能存入：{job.reason}"}, status_code=500)
    with request.app.state.store.session() as session:
        item = stored(session, job.report_id)
    body = job.as_json()
    if item.outcome is not None:
        body["result"] = item.outcome.as_json()
    return JSONResponse(body, status_code=200 if job.state == "done" else 422)


@router.get("/jobs/{job_id}", summary="一个上传任务的进度")
def job_state(request: Request, job_id: str) -> dict[str, Any]:
    job = request.app.state.checker.job(job_id)
    if job is None:
        raise HTTPException(404, "没有这个任务（编号有误，或服务器已重启）")
    return job.as_json()


@router.get("/reports", summary="报告库中的报告（可按单位、年度、地区、有无错误筛选）")
def list_reports(request: Request, org: Words = None, year: YearQuery = None, region: Words = None,
                 errors: bool | None = None, limit: Annotated[int, Query(ge=1, le=1000)] = 100,
                 offset: Annotated[int, Query(ge=0)] = 0) -> dict[str, Any]:
    with request.app.state.store.session() as session:
        found = reports(session, Filters(year=year, organisation=org, region=region, with_errors=errors))
        return {"total": len(found), "reports": [_report_json(r) for r in found[offset: offset + limit]]}


@router.get("/reports/{report_id}", summary="一份报告的基本情况、公开评分和关键数字")
def get_report(request: Request, report_id: ReportId) -> dict[str, Any]:
    with request.app.state.store.session() as session:
        item = stored(session, report_id)
        values = key_rows(session, [item.report])[0].values
        return {**_report_json(item.report), "notes": item.report.notes.splitlines(),
                "key_figures": {k: format(v, "f") for k, v in values.items() if v is not None}}


@router.get("/reports/{report_id}/result", summary="一份报告的检查结果（与 juesuan check --format json 相同）")
def get_result(request: Request, report_id: ReportId) -> dict[str, Any]:
    with request.app.state.store.session() as session:
        item = stored(session, report_id)
    if item.outcome is None:
        raise HTTPException(404, "这份报告没有保存检查结果（无法读取，或入库较早：请重新入库）")
    return item.outcome.as_json()


@router.get("/reports/{report_id}/findings", summary="一份报告的问题清单")
def get_findings(request: Request, report_id: ReportId, severity: str | None = None,
                 rule: Annotated[str | None, Query(max_length=10)] = None) -> list[dict[str, Any]]:
    if severity not in (None, "error", "warning", "info"):
        raise HTTPException(400, "级别（severity）应为 error、warning 或 info")
    with request.app.state.store.session() as session:
        item = stored(session, report_id)
        return [{"rule": f.rule, "severity": f.severity, "message": f.message,
                 "location": {"line": f.line, "page": f.page, "start": f.start, "end": f.end},
                 "evidence": f.evidence, "expected": f.expected, "actual": f.actual,
                 "related": json.loads(f.related) if f.related else []}
                for f in item.report.findings
                if (severity is None or f.severity == severity) and (rule is None or f.rule.startswith(rule))]


@router.get("/reports/{report_id}/figures", summary="一份报告中提取的数字（每个数字带所在句子和位置）")
def get_figures(request: Request, report_id: ReportId) -> list[dict[str, Any]]:
    with request.app.state.store.session() as session:
        item = stored(session, report_id)
        return [{"path": f.path, "value": f.value, "unit": f.unit, "raw": f.raw, "sentence": f.sentence,
                 "location": {"line": f.line, "page": f.page, "start": f.start, "end": f.end}}
                for f in item.report.figures]


@router.get("/reports/{report_id}/score", summary="一份报告的公开评分及每一处扣分")
def get_score(request: Request, report_id: ReportId) -> dict[str, Any]:
    with request.app.state.store.session() as session:
        item = stored(session, report_id)
        points = session.scalars(select(ScorePoint).where(ScorePoint.report_id == report_id)).all()
        return {"score": item.report.score, "judged": item.report.score_judged, "method": item.report.score_method,
                "lost": [{"part": p.part, "item": p.item, "points": p.points, "reason": p.reason, "line": p.line,
                          "page": p.page} for p in points]}


@router.delete("/reports/{report_id}", summary="从报告库删除一份报告", status_code=204, dependencies=WRITE)
def delete_report(request: Request, report_id: ReportId) -> Response:
    with request.app.state.store.session() as session, session.begin():
        delete(session, report_id)
    return Response(status_code=204)


@router.get("/compare", summary="比较：同一年度各单位（year），或一个单位逐年（org）")
def compare(request: Request, year: YearQuery = None, org: Words = None, region: Words = None,
            sort: str = "本年支出合计") -> dict[str, Any]:
    if (year is None) == (org is None):
        raise HTTPException(400, "请给出 year（各单位比较）或 org（一个单位逐年）之一")
    if sort not in SORTABLE:
        raise HTTPException(400, f"不能按“{sort}”排序（可选：{'、'.join(SORTABLE)}）")
    with request.app.state.store.session() as session:
        rows = by_organisation(session, org, Aliases()) if org else by_year(session, year, region, sort)  # type: ignore[arg-type]
        return {"rows": [{"report": _report_json(r.report),
                          "values": {k: format(v, "f") for k, v in r.values.items() if v is not None}} for r in rows]}


@router.post("/generate", dependencies=WRITE, summary="由数据文件（YAML、JSON 或 Excel）生成报告",
             description="返回生成的文件；数据有问题时返回 422 和全部问题（problems）。")
async def generate(request: Request, data: Annotated[UploadFile, File(description="数据文件")],
                   layout: Annotated[str, Form()] = "sichuan", fmt: Annotated[str, Form()] = ".docx") -> Response:
    content = await read_upload(data, request.app.state.settings.max_upload_bytes)
    try:
        made, name, media = await generate_file(content, safe_name(data.filename), layout, fmt)
    except GenerateRefusal as refusal:
        return JSONResponse({"detail": str(refusal), "problems": refusal.problems}, status_code=422)
    return attachment(made, media, name)


@router.get("/rules", summary="规则目录（每条规则的说明和正反例）")
def rules() -> list[dict[str, str]]:
    return [{"id": r.id, "category": CATEGORY_LABELS[r.category], "severity": r.severity.value, "title": r.title,
             "description": r.description, "bad": r.bad, "good": r.good} for r in RULES]
