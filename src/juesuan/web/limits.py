"""A request body is bounded before it is parsed: a declared length over the bound is refused at once, and
a body sent without one is counted as it arrives and cut off at the bound."""

from __future__ import annotations

import json

from starlette.types import ASGIApp, Message, Receive, Scope, Send


class TooLarge(Exception):
    """The request body is over the bound: status 413."""


class BodyLimit:
    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.limit:
            await _refuse(send, self.limit)
            return
        received = 0

        async def counted() -> Message:
            nonlocal received
            message = await receive()
            received += len(message.get("body", b""))
            if received > self.limit:
                raise TooLarge(message_for(self.limit))
            return message

        await self.app(scope, counted, send)


def message_for(limit: int) -> str:
    return f"上传的内容超过 {limit // (1024 * 1024)} MB 的上限"


async def _refuse(send: Send, limit: int) -> None:
    body = json.dumps({"detail": message_for(limit)}, ensure_ascii=False).encode()
    await send({"type": "http.response.start", "status": 413,
                "headers": [(b"content-type", b"application/json; charset=utf-8"),
                            (b"content-length", str(len(body)).encode()), (b"connection", b"close")]})
    await send({"type": "http.response.body", "body": body})
