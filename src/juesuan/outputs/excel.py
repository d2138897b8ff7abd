"""The findings as an Excel workbook: a sheet of findings (one row each) and a sheet of reports."""

from __future__ import annotations

from openpyxl import Workbook

from juesuan.outputs import Destination, Output, OutputError, finish, open_binary, register
from juesuan.outputs.rows import FINDING_COLUMNS, REPORT_COLUMNS, finding_rows, report_row
from juesuan.pipeline import Outcome

_WIDTHS = {"文件": 40, "单位": 30, "问题": 60, "原文": 60, "位置": 10}


class ExcelWriter:
    def __init__(self, destination: Destination) -> None:
        if destination.path is None:
            raise OutputError("Excel 格式需要用 -o 指定输出文件，如 -o 检查结果.xlsx")
        self.path, self.written = destination.path, False
        self.out = open_binary(self.path)  # fail now, before any report is read, if it cannot be written
        self.book = Workbook(write_only=True)
        self.findings = self.book.create_sheet("问题")
        self.reports = self.book.create_sheet("报告")
        for sheet, columns in ((self.findings, FINDING_COLUMNS), (self.reports, REPORT_COLUMNS)):
            for i, column in enumerate(columns):
                sheet.column_dimensions[chr(ord("A") + i)].width = _WIDTHS.get(column, 12)
            sheet.freeze_panes = "A2"
            sheet.append(columns)

    def add(self, outcome: Outcome) -> None:
        self.written = True
        for row in finding_rows(outcome):
            self.findings.append(row)
        self.reports.append(report_row(outcome))

    def close(self) -> None:
        if not self.written:
            finish(self.out, False)  # no report could be read: no workbook left behind
            return
        self.book.save(self.out.file)
        finish(self.out, True)


register(Output("xlsx", ".xlsx", "Excel 工作簿（问题表和报告表）", ExcelWriter))
