"""Opening the store: a SQLite file or a PostgreSQL URL, migrated to the current schema by Alembic."""

from __future__ import annotations

import os
import time
from pathlib import Path

from sqlalchemy import Engine, create_engine, event, inspect
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

DEFAULT_DB = "juesuan.db"  # in the working directory, when neither --db nor JUESUAN_DB names one
_MIGRATIONS = Path(__file__).parent / "migrations"


class StoreError(Exception):
    """The store cannot be opened or used: one Chinese sentence."""


def database_url(db: str | None) -> str:
    """--db, else JUESUAN_DB, else juesuan.db here; a path is a SQLite file, a URL is used as it is."""
    name = db or os.environ.get("JUESUAN_DB") or DEFAULT_DB
    if "://" not in name:
        return f"sqlite:///{Path(name).expanduser().resolve()}"
    if name.startswith(("postgresql://", "postgres://")):
        return "postgresql+psycopg://" + name.split("://", 1)[1]  # psycopg 3, the driver the extra installs
    return name


class Store:
    def __init__(self, url: str) -> None:
        self.url = url
        self.engine = _engine(url)
        self.sessions = sessionmaker(self.engine, expire_on_commit=False)

    @property
    def label(self) -> str:
        """Where the store is, for messages (a password in a URL is not shown)."""
        return self.engine.url.render_as_string(hide_password=True).replace("sqlite:///", "").replace("+psycopg", "")

    def session(self) -> Session:
        return self.sessions()

    def close(self) -> None:
        self.engine.dispose()


def open_store(db: str | None = None) -> Store:
    """The store, created or migrated to the current schema."""
    url = database_url(db)
    if url.startswith("sqlite:///"):
        folder = Path(url.removeprefix("sqlite:///")).parent
        if not folder.is_dir():
            raise StoreError(f"无法打开数据库：文件夹 {folder} 不存在")
    try:
        store = Store(url)
        _migrate(store.engine)
    except ModuleNotFoundError as exc:
        raise StoreError(f"使用这种数据库需要安装驱动 {exc.name}（PostgreSQL：pip install 'juesuan[postgres]'）") from None
    except SQLAlchemyError as exc:
        raise StoreError(f"无法打开数据库 {_hidden(url)}：{_reason(exc)}") from None
    return store


def _engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": 60})

        @event.listens_for(engine, "connect")
        def _pragmas(connection, _record) -> None:  # type: ignore[no-untyped-def]
            cursor = connection.cursor()
            cursor.execute("PRAGMA foreign_keys = ON")  # findings and figures go with their report
            cursor.execute("PRAGMA journal_mode = WAL")  # readers do not wait for an ingest
            cursor.execute("PRAGMA busy_timeout = 60000")  # two ingests at once take turns
            cursor.close()

        return engine
    return create_engine(url, pool_pre_ping=True)


def _migrate(engine: Engine) -> None:
    """Alembic upgrade to head. Two processes may start on a new database at once: the loser retries."""
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(_MIGRATIONS))
    for attempt in range(5):
        try:
            with engine.begin() as connection:
                if engine.dialect.name == "postgresql":
                    connection.exec_driver_sql("SELECT pg_advisory_xact_lock(4242001)")  # one migrator at a time
                config.attributes["connection"] = connection
                command.upgrade(config, "head")
            return
        except SQLAlchemyError:
            if attempt == 4:
                raise
            time.sleep(0.5 * (attempt + 1))


def tables(engine: Engine) -> list[str]:
    return sorted(inspect(engine).get_table_names())


def _hidden(url: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)


def _reason(exc: SQLAlchemyError) -> str:
    text = str(getattr(exc, "orig", exc)).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    if "could not connect" in text.lower() or "connection refused" in text.lower():
        return "连接被拒绝（服务器未运行或地址有误）"
    if "password authentication failed" in text.lower():
        return "用户名或密码错误"
    if "does not exist" in text.lower() and "database" in text.lower():
        return "数据库不存在"
    if "unable to open database file" in text.lower():
        return "无法打开数据库文件（路径或权限有误）"
    if "file is not a database" in text.lower():
        return "这个文件不是 SQLite 数据库"
    return f"数据库错误（{type(getattr(exc, 'orig', exc)).__name__}）"
