"""Reading one uploaded file into memory, never more than its bound."""

from __future__ import annotations

from fastapi import HTTPException, UploadFile

CHUNK = 1024 * 1024


async def read_upload(sent: UploadFile, limit: int) -> bytes:
    """The file's bytes; a 413 with a Chinese reason when it is over `limit`."""
    parts: list[bytes] = []
    size = 0
    while chunk := await sent.read(CHUNK):
        size += len(chunk)
        if size > limit:
            raise HTTPException(413, f"文件“{sent.filename or ''}”超过 {limit // (1024 * 1024)} MB 的上限")
        parts.append(chunk)
    return b"".join(parts)
