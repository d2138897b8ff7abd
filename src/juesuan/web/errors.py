"""Errors as a Chinese page (or, under /api, a JSON object with a Chinese `detail`); never a traceback."""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException
from starlette.responses import JSONResponse, Response

from juesuan.store import StoreError
from juesuan.web.checker import Busy
from juesuan.web.limits import TooLarge
from juesuan.web.params import NAMES, WHY
from juesuan.web.security import Forbidden
from juesuan.web.uploads import UploadRefused

log = logging.getLogger("juesuan.web")

STATUS_TEXT = {400: "请求有误", 401: "需要登录", 403: "拒绝访问", 404: "找不到页面", 405: "不支持这种请求",
               413: "上传内容超出上限", 415: "文件类型不支持", 422: "请求内容有误", 429: "请求过于频繁",
               500: "服务器内部错误", 503: "服务器繁忙", 504: "检查超时"}
# What the libraries say in English, said in Chinese (the multipart parser's limits, mostly).
_LIBRARY_WORDS = {400: "上传的表单超出限制（文件或字段太多，或文件名、字段太长），请分几次上传",
                  404: "没有这个页面或这份报告", 405: "这个地址不支持这种请求方式"}


_STATUS_OF: dict[type[Exception], int] = {UploadRefused: 415, TooLarge: 413, Busy: 503, StoreError: 503}


def wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/") or request.headers.get("accept", "").startswith("application/json")


def error_response(request: Request, status: int, message: str) -> Response:
    if wants_json(request):
        return JSONResponse({"detail": message}, status_code=status)
    from juesuan.web.pages import render

    return render(request, "error.html", {"status": status, "title": STATUS_TEXT.get(status, "出错了"),
                                          "message": message}, status=status)


def install(app: FastAPI) -> None:
    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> Response:
        message = exc.detail if isinstance(exc.detail, str) and not exc.detail.isascii() else _LIBRARY_WORDS.get(
            exc.status_code, STATUS_TEXT.get(exc.status_code, "请求有误"))
        return error_response(request, exc.status_code, message)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        said = []
        for error in exc.errors()[:10]:
            name = str(error.get("loc", ["", ""])[-1])
            said.append(f"{NAMES.get(name, name)}{WHY.get(str(error.get('type')), '无效')}")
        return error_response(request, 422, f"请求有误：{'；'.join(dict.fromkeys(said)) or '内容无效'}")

    @app.exception_handler(Forbidden)
    async def forbidden(request: Request, exc: Forbidden) -> Response:
        return error_response(request, exc.status, str(exc))

    async def said(request: Request, exc: Exception) -> Response:
        return error_response(request, _STATUS_OF[type(exc)], str(exc))

    for kind in _STATUS_OF:
        app.add_exception_handler(kind, said)

    @app.exception_handler(Exception)
    async def anything(request: Request, exc: Exception) -> Response:
        log.exception("unexpected error on %s", request.url.path)  # the server's log keeps the traceback
        return error_response(request, 500, f"服务器内部错误（{type(exc).__name__}），请稍后重试或联系管理员")
