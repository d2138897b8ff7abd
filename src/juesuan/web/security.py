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
import threading
import time
from collections import OrderedDict, deque
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


async def form_csrf(request: Request) -> None:
    """A dependency of every form: the form's `csrf` field (or our script's X-CSRF-Token header) must be the
    session's. It runs before the form's other fields are judged."""
    sent = request.headers.get("x-csrf-token")
    if sent is None:
        form = await request.form()  # parsed once: the route reads the same form
        value = form.get("csrf")
        sent = value if isinstance(value, str) else None
    check_csrf(request, sent)


def check_csrf(request: Request, sent: str | None) -> None:
    expected = request.session.get("csrf")
    if not isinstance(expected, str) or not sent or not hmac.compare_digest(expected, sent):
        raise Forbidden("表单已过期或来源不明（CSRF 校验未通过），请刷新页面后重试")


class SignIns:
    """Who is signed in, kept by the server: the cookie only names a sign-in, so signing out (or a restart)
    ends it even for a copy of the cookie. Failed tokens are counted by address and slowed down."""

    KEPT = 10_000  # sign-ins remembered; the oldest is forgotten first
    TRIES = 10  # failed tokens from one address …
    WINDOW_S = 60.0  # … within this many seconds, then that address waits

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.live: OrderedDict[str, float] = OrderedDict()
        self.failures: OrderedDict[str, deque[float]] = OrderedDict()

    def start(self) -> str:
        sign_in = secrets.token_urlsafe(24)
        with self.lock:
            self.live[sign_in] = time.time()
            while len(self.live) > self.KEPT:
                self.live.popitem(last=False)
        return sign_in

    def valid(self, sign_in: object) -> bool:
        with self.lock:
            return isinstance(sign_in, str) and sign_in in self.live

    def end(self, sign_in: object) -> None:
        with self.lock:
            if isinstance(sign_in, str):
                self.live.pop(sign_in, None)

    def failed(self, address: str) -> None:
        now = time.monotonic()
        with self.lock:
            tries = self.failures.setdefault(address, deque(maxlen=self.TRIES))
            tries.append(now)
            self.failures.move_to_end(address)
            while len(self.failures) > self.KEPT:
                self.failures.popitem(last=False)

    def blocked(self, address: str) -> bool:
        with self.lock:
            tries = self.failures.get(address)
            return tries is not None and len(tries) == self.TRIES and time.monotonic() - tries[0] < self.WINDOW_S


def _address(request: Request) -> str:
    return request.client.host if request.client else "?"


def _sent_token(request: Request) -> str | None:
    header = request.headers.get("authorization", "")
    return header[7:].strip() if header.lower().startswith("bearer ") else None


def bearer_ok(request: Request) -> bool:
    token: str | None = request.app.state.settings.token
    sent = _sent_token(request)
    return bool(token) and sent is not None and hmac.compare_digest(sent, token)  # type: ignore[arg-type]


def _signed_in(request: Request) -> bool:
    return request.app.state.sign_ins.valid(request.session.get("sign_in"))


def may_write(request: Request) -> bool:
    """Without a token (this machine only) anyone may write; with one, its bearer or a signed-in session."""
    if not request.app.state.settings.token:
        return True
    return bearer_ok(request) or _signed_in(request)


def require_writer(request: Request) -> None:
    """A dependency of every write: it runs before the request's body is read or judged."""
    sign_ins: SignIns = request.app.state.sign_ins
    if sign_ins.blocked(_address(request)):
        raise Forbidden("令牌错误次数过多，请一分钟后再试", 429)
    if may_write(request):
        return
    if _sent_token(request) is not None:
        sign_ins.failed(_address(request))
    raise Forbidden("需要访问令牌才能上传、生成或删除：请先登录（页面右上角），或在请求头中提供 Authorization: Bearer 令牌", 401)


def require_api_write(request: Request) -> None:
    """An API write: the writer's right; a browser signed in by cookie must also send the session's CSRF
    token (X-CSRF-Token), since a cookie goes with any request the browser makes."""
    require_writer(request)
    if request.app.state.settings.token and not bearer_ok(request):
        check_csrf(request, request.headers.get("x-csrf-token"))


def sign_in(request: Request, token: str) -> bool:
    """Signs in with the token: a new sign-in and a new CSRF token (the old page's forms no longer count)."""
    expected: str | None = request.app.state.settings.token
    sign_ins: SignIns = request.app.state.sign_ins
    if sign_ins.blocked(_address(request)):
        raise Forbidden("令牌错误次数过多，请一分钟后再试", 429)
    if not expected or not hmac.compare_digest(token.strip(), expected):
        sign_ins.failed(_address(request))
        return False
    sign_ins.end(request.session.get("sign_in"))
    request.session.clear()
    request.session["sign_in"] = sign_ins.start()
    return True


def sign_out(request: Request) -> None:
    request.app.state.sign_ins.end(request.session.get("sign_in"))
    request.session.clear()


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
