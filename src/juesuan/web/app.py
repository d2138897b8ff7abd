"""The application: settings, the store, the checker and the routes put together; `serve` runs it."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from starlette.middleware.sessions import SessionMiddleware

from juesuan import __version__
from juesuan.store import open_store
from juesuan.web import api, errors, pages
from juesuan.web.checker import Checker
from juesuan.web.limits import BodyLimit
from juesuan.web.security import CrossSite, SignIns
from juesuan.web.settings import Settings

STATIC = Path(__file__).parent / "static"
REQUEST_MB = 200  # one request with many files; each file has its own, smaller bound


def create_app(settings: Settings) -> FastAPI:
    """The app over the store `settings.db` names (opened and migrated now: a wrong address fails at once)."""
    store = open_store(settings.db)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        app.state.checker = Checker(store, settings.jobs, settings.max_waiting)
        try:
            yield
        finally:
            app.state.checker.close()
            store.close()

    app = FastAPI(title="juesuan 决算公开报告检查 API", version=__version__, lifespan=lifespan,
                  description="上传并检查部门（单位）决算公开报告，查询报告库、比较各单位各年度，由数据生成报告。"
                              "写操作（上传、生成、删除）在设置了令牌时需要 Authorization: Bearer 令牌。",
                  docs_url=None, redoc_url=None, openapi_url="/api/openapi.json")  # /api/docs is our page: no CDN
    app.state.settings = settings
    app.state.store = store
    app.state.sign_ins = SignIns()
    errors.install(app)
    app.include_router(api.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.add_middleware(CrossSite)
    app.add_middleware(SessionMiddleware, secret_key=settings.secret, session_cookie="juesuan_session",
                       same_site="strict", https_only=False, max_age=12 * 3600)
    app.add_middleware(BodyLimit, limit=max(REQUEST_MB, settings.max_upload_mb) * 1024 * 1024)
    return app
