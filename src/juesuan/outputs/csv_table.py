"""The findings as CSV (UTF-8 with BOM, so spreadsheet programs read the Chinese right): one row a finding."""

from __future__ import annotations

import csv

from juesuan.outputs import Destination, Output, finish, open_text, register
from juesuan.outputs.rows import FINDING_COLUMNS, finding_rows
from juesuan.pipeline import Outcome


class CsvWriter:
    def __init__(self, destination: Destination) -> None:
        self.written = False
        self.out = open_text(destination.path) if destination.path is not None else None
        self.file = self.out.file if self.out is not None else None
        if self.file is not None:
            self.file.write("\ufeff")
        self.writer = csv.writer(self.file or destination.stream)
        self.writer.writerow(FINDING_COLUMNS)

    def add(self, outcome: Outcome) -> None:
        self.written = True
        self.writer.writerows(finding_rows(outcome))

    def close(self) -> None:
        finish(self.out, self.written)


register(Output("csv", ".csv", "CSV 表格（每个问题一行）", CsvWriter))
