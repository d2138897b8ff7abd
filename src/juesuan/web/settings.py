"""What `juesuan serve` is told: where the store is, who may write, and the bounds of an upload."""

from __future__ import annotations

import ipaddress
import os
import secrets
from dataclasses import dataclass, field

TOKEN_VARIABLE = "JUESUAN_TOKEN"
MAX_UPLOAD_MB = 50  # one file; a published report is rarely over 20 MB
MAX_FILES = 100  # files in one upload
MAX_WAITING = 1000  # uploads waiting to be checked before the server says it is busy


@dataclass(frozen=True, slots=True)
class Settings:
    db: str | None = None  # as --db: a SQLite path or a PostgreSQL URL; None: JUESUAN_DB, else juesuan.db
    host: str = "127.0.0.1"
    token: str | None = None  # required to write (upload, generate, delete) when set
    jobs: int = 0  # worker processes that check uploads; 0: the cores this process may use
    max_upload_mb: int = MAX_UPLOAD_MB
    max_files: int = MAX_FILES
    max_waiting: int = MAX_WAITING
    secret: str = field(default_factory=lambda: os.environ.get("JUESUAN_SECRET") or secrets.token_hex(32))

    @property
    def max_upload_bytes(self) -> int:
        return self.max_upload_mb * 1024 * 1024


def is_loopback(host: str) -> bool:
    """127.0.0.1, ::1 or localhost: only this machine can reach the server."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def token_from_environment(token: str | None) -> str | None:
    return token or os.environ.get(TOKEN_VARIABLE) or None
