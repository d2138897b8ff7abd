"""One JSON object a report, one a line (design.md's contract), to the terminal or a file."""

from __future__ import annotations

import json

from juesuan.outputs import Destination, Output, finish, open_text, register
from juesuan.pipeline import Outcome


class JsonWriter:
    def __init__(self, destination: Destination) -> None:
        self.written = False
        self.out = open_text(destination.path) if destination.path is not None else None
        self.file = self.out.file if self.out is not None else None
        self.stream = self.file or destination.stream

    def add(self, outcome: Outcome) -> None:
        self.written = True
        self.stream.write(json.dumps(outcome.as_json(), ensure_ascii=False) + "\n")
        self.stream.flush()

    def close(self) -> None:
        finish(self.out, self.written)


register(Output("json", ".json", "JSON（每份报告一行）", JsonWriter))
