"""A throw-away PostgreSQL server of Debian's package: initdb into a temporary folder, pg_ctl on a free port,
removed afterwards. The store's tests and bench/store_speed.py use it; nothing else is started or changed.

initdb refuses to run as root, so as root the server runs as the package's postgres user.
"""

from __future__ import annotations

import contextlib
import glob
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path


def binaries() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    return Path(found[-1]).parent if found else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def temporary_server() -> Iterator[tuple[str, int]]:
    """(host, port) of a running server whose superuser is `juesuan` (trust authentication, loopback only)."""
    where = binaries()
    if where is None:
        raise RuntimeError("PostgreSQL 未安装（make setup 用 apt-get 安装 postgresql）")
    folder = Path(tempfile.mkdtemp(prefix="juesuan-pg-"))
    folder.chmod(0o755)
    as_user: list[str] = []
    if os.geteuid() == 0:
        shutil.chown(folder, "postgres", "postgres")
        as_user = ["runuser", "-u", "postgres", "--"]
    port = _free_port()
    data, log = folder / "data", folder / "log.txt"
    try:
        subprocess.run([*as_user, str(where / "initdb"), "-D", str(data), "-U", "juesuan", "--auth=trust",
                        "-E", "UTF8", "--locale=C"], check=True, capture_output=True)
        subprocess.run([*as_user, str(where / "pg_ctl"), "-D", str(data), "-l", str(log), "-w", "-o",
                        f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off", "start"],
                       check=True, capture_output=True)
        yield "127.0.0.1", port
    finally:
        subprocess.run([*as_user, str(where / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"],
                       capture_output=True, check=False)
        shutil.rmtree(folder, ignore_errors=True)


def create_database(host: str, port: int, name: str) -> str:
    """A new database on the server; its URL."""
    import psycopg

    with psycopg.connect(host=host, port=port, user="juesuan", dbname="postgres", autocommit=True) as connection:
        connection.execute(f"CREATE DATABASE {name}")
    return f"postgresql://juesuan@{host}:{port}/{name}"
