"""Who may write, and what a browser on another site may not do.

- A token (`--token` or JUESUAN_TOKEN) guards every write (upload, generate, delete) when set; the server
  refuses to listen on a public address without one. Scripts send it as `Authorization: Bearer …`; a
  browser signs in once with it and the signed session cookie (HttpOnly, SameSite=Strict) remembers.
- Forms carry a CSRF token kept in the session; our own scripts send it as the X-CSRF-Token header.
- A write sent by a browser from another site (Sec-Fetch-Site, else Origin against Host) is refused
  whatever it carries: no CORS is offered, so no other site's page can call the API.
- Every response says: no framing, no sniffing, scripts and styles only from this server.
"""

from __future__ import annotations

import hmac
import secrets
from urllib.parse import urlsplit

from fastapi import Request
from starlette.middleware.base import BaseHTTPMiddleware, RequestResponseEndpoint
from starlette.responses import Response

SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}
HEADERS = {
    "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
                               "object-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
}


class Forbidden(Exception):
    """A write the server refuses: one Chinese sentence, status 403 (401 when a token would let it through)."""

    def __init__(self, message: str, status: int = 403) -> None:
        super().__init__(message)
        self.status = status


def csrf_token(request: Request) -> str:
    """The session's CSRF token, made on first use."""
    token = request.session.get("csrf")
    if not isinstance(token, str):
        token = secrets.token_urlsafe(32)
        request.session["csrf"] = token
    return token


def check_csrf(request: Request, sent: str | None) -> None:
    expected = request.session.get("csrf")
    if not isinstance(expected, str) or not sent or not hmac.compare_digest(expected, sent):
        raise Forbidden("表单已过期或来源不明（CSRF 校验未通过），请刷新页面后重试")


def bearer_ok(request: Request) -> bool:
    token: str | None = request.app.state.settings.token
    header = request.headers.get("authorization", "")
    return bool(token) and header.lower().startswith("bearer ") and hmac.compare_digest(header[7:].strip(), token)


def may_write(request: Request) -> bool:
    """Without a token (this machine only) anyone may write; with one, its bearer or a signed-in session."""
    if not request.app.state.settings.token:
        return True
    return bearer_ok(request) or request.session.get("writer") is True


def require_writer(request: Request) -> None:
    if not may_write(request):
        raise Forbidden("需要访问令牌才能上传、生成或删除：请先登录（页面右上角），或在请求头中提供 Authorization: Bearer 令牌",
                        401)


def require_api_write(request: Request) -> None:
    """An API write: the writer's right, and from a browser page of ours the session's CSRF header."""
    require_writer(request)
    if bearer_ok(request):
        return
    if request.session.get("csrf") is not None and request.headers.get("x-csrf-token") is not None:
        check_csrf(request, request.headers.get("x-csrf-token"))


def signed_in(request: Request, token: str) -> bool:
    expected: str | None = request.app.state.settings.token
    if expected and hmac.compare_digest(token.strip(), expected):
        request.session["writer"] = True
        return True
    return False


class CrossSite(BaseHTTPMiddleware):
    """Refuses writes a browser sends from another site, and adds the security headers to every answer."""

    async def dispatch(self, request: Request, call_next: RequestResponseEndpoint) -> Response:
        if request.method not in SAFE_METHODS and _cross_site(request):
            from juesuan.web.errors import error_response

            response = error_response(request, 403, "拒绝来自其他网站的请求")
        else:
            response = await call_next(request)
        for name, value in HEADERS.items():
            response.headers.setdefault(name, value)
        return response


def _cross_site(request: Request) -> bool:
    site = request.headers.get("sec-fetch-site")
    if site is not None:
        return site not in ("same-origin", "none")
    origin = request.headers.get("origin")
    if origin is None or origin == "null":
        return origin == "null"
    return urlsplit(origin).netloc.lower() != request.headers.get("host", "").lower()
