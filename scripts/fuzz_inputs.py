"""The fuzz suite (issue 11): broken and hostile inputs of every kind, and a runner that holds each to limits.

Each Case writes its input into a folder and says which juesuan command to run on it. `run_case` runs
the real command in a new process and measures its time and peak memory; a case passes when the
command ends within the time limit and the memory bound with exit 0, 1 or 2, and for 2 prints one
Chinese line. tests/test_fuzz.py runs the cases marked `fast` in CI; bench/fuzz.py runs them all and
records the figures.

Inputs are built from the bundled fixtures (truncated, bit-flipped, renamed) and from scratch (raw
PDF objects, Word XML, HTML, YAML, workbooks), so nothing is downloaded.
"""

from __future__ import annotations

import io
import os
import random
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
SEED = next((FIXTURES / "seeds").glob("000*.txt"))
BUILT = FIXTURES / "built"
GENERATOR_DATA = ROOT / "examples" / "sichuan_2020_pzh_committee_office.yaml"
MEMORY_BOUND_MB = 1024  # juesuan.limits.MEMORY_BOUND_MB, documented in the README


@dataclass(frozen=True)
class Case:
    name: str
    kind: str  # the class of input: text, html, docx, pdf, doc, wrong type, output, generate
    build: Callable[[Path], list[str]]  # writes the input into the folder; returns the command's arguments
    fast: bool = True  # run in CI
    expect: tuple[int, ...] = (0, 1, 2)


@dataclass
class Result:
    case: str
    kind: str
    status: int | None  # None: killed at the time limit
    seconds: float
    peak_mb: float
    stderr: str
    problems: list[str] = field(default_factory=list)


# --- building blocks ------------------------------------------------------------------------------------


def _file(name: str, data: bytes | Callable[[], bytes], command: str = "check") -> Callable[[Path], list[str]]:
    def build(folder: Path) -> list[str]:
        path = folder / name
        path.write_bytes(data() if callable(data) else data)
        return [command, str(path)]

    return build


def _truncated(source: Path, fraction: float) -> Callable[[], bytes]:
    return lambda: source.read_bytes()[: int(source.stat().st_size * fraction)]


def _flipped(source: Path, flips: int, seed: int) -> Callable[[], bytes]:
    def make() -> bytes:
        data = bytearray(source.read_bytes())
        rng = random.Random(seed)
        for _ in range(flips):
            data[rng.randrange(len(data))] ^= 1 << rng.randrange(8)
        return bytes(data)

    return make


def pdf(objects: list[bytes], trailer: bytes = b"") -> bytes:
    """A PDF from numbered objects (1 is the catalog), with a correct cross-reference table."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R %s>>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, trailer, xref)
    return bytes(out)


def stream(data: bytes, extra: bytes = b"") -> bytes:
    return b"<< /Length %d %s>>\nstream\n" % (len(data), extra) + data + b"\nendstream"


_FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"


def _pdf_pages(contents: list[bytes], size: tuple[int, int] = (595, 842), image: bool = False) -> bytes:
    """One page per content stream; object 3 is the font, 4 a grey image when asked."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"", _FONT, stream(b"\x80", b"/Type /XObject /Subtype /Image "
               b"/Width 1 /Height 1 /ColorSpace /DeviceGray /BitsPerComponent 8 ")]
    kids = []
    for content in contents:
        objects.append(stream(content))
        resources = b"/Font << /F1 3 0 R >> " + (b"/XObject << /Im1 4 0 R >> " if image else b"")
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d %d] /Resources << %s>> /Contents %d 0 R >>"
                       % (size[0], size[1], resources, len(objects)))
        kids.append(b"%d 0 R" % len(objects))
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(kids), len(kids))
    return pdf(objects)


def _text_page(words: bytes = b"Report") -> bytes:
    return b"BT /F1 12 Tf 72 720 Td (" + words + b") Tj ET"


def _grid(n: int) -> bytes:
    """A page ruled into n x n cells (n + 1 lines each way), the hang of pdfplumber's table finder."""
    step = 500 / n
    lines = [b"0.2 w"]
    for k in range(n + 1):
        at = 50 + k * step
        lines.append(b"%.2f 100 m %.2f 600 l S" % (at, at))
        lines.append(b"50 %.2f m 550 %.2f l S" % (100 + k * step, 100 + k * step))
    return b"\n".join(lines) + b"\n" + _text_page()


def _cell_grid(n: int) -> bytes:
    """A page of n x n separately drawn cell rectangles, as table-making software writes them."""
    step = 500 / n
    cells = [b"%.2f %.2f %.2f %.2f re S" % (50 + i * step, 100 + j * step, step, step) for i in range(n) for j in range(n)]
    return b"0.2 w\n" + b"\n".join(cells) + b"\n" + _text_page()


def _repeated_page_tree(times: int) -> bytes:
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join([b"3 0 R"] * times), times),
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> "
               b"/Contents 4 0 R >>", stream(_text_page(b"One page listed many times")), _FONT]
    return pdf(objects)


def _cyclic_page_tree() -> bytes:
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>", stream(b"")]
    return pdf(objects)


def _content_bomb() -> bytes:
    """A page whose compressed content stream inflates to 200 MB of text operators."""
    import zlib

    body = zlib.compress(b"BT /F1 12 Tf 72 720 Td (x) Tj ET\n" * 6_000_000, 9)
    return _pdf_pages([b""]).replace(stream(b""), stream(body, b"/Filter /FlateDecode "))


# --- Word ----------------------------------------------------------------------------------------------

_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _base_docx() -> dict[str, bytes]:
    import docx

    buffer = io.BytesIO()
    docx.Document().save(buffer)
    with zipfile.ZipFile(buffer) as z:
        return {name: z.read(name) for name in z.namelist()}


def _docx(body: str | Callable[[], bytes], styles: str | None = None, prolog: str = "",
          compress: int = zipfile.ZIP_DEFLATED) -> Callable[[], bytes]:
    def make() -> bytes:
        members = _base_docx()
        xml = body() if callable(body) else (
            f'<?xml version="1.0" encoding="UTF-8"?>{prolog}<w:document {_W}><w:body>{body}</w:body></w:document>'
        ).encode()
        members["word/document.xml"] = xml
        if styles is not None:
            members["word/styles.xml"] = f'<?xml version="1.0" encoding="UTF-8"?><w:styles {_W}>{styles}</w:styles>'.encode()
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", compress) as z:
            for name, data in members.items():
                z.writestr(name, data)
        return buffer.getvalue()

    return make


def _para(text: str, style: str | None = None) -> str:
    ppr = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
    return f"<w:p>{ppr}<w:r><w:t>{text}</w:t></w:r></w:p>"


def _style(style_id: str, based: str) -> str:
    return (f'<w:style w:type="paragraph" w:styleId="{style_id}"><w:name w:val="{style_id}"/>'
            f'<w:basedOn w:val="{based}"/></w:style>')


def _docx_bomb() -> bytes:
    """document.xml that inflates to about 300 MB of valid paragraphs."""
    paragraph = _para("第一部分 部门概况。收入合计100万元。").encode()
    head = f'<?xml version="1.0" encoding="UTF-8"?><w:document {_W}><w:body>'.encode()
    buffer = io.BytesIO()
    members = _base_docx()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in members.items():
            if name != "word/document.xml":
                z.writestr(name, data)
        with z.open("word/document.xml", "w", force_zip64=True) as member:
            member.write(head)
            chunk = paragraph * 10_000
            for _ in range(300_000_000 // len(chunk)):
                member.write(chunk)
            member.write(b"</w:body></w:document>")
    return buffer.getvalue()


def _many_members() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        for name, data in _base_docx().items():
            z.writestr(name, data)
        for k in range(60_000):
            z.writestr(f"word/media/x{k}.bin", b"")
    return buffer.getvalue()


def _encrypted_office() -> bytes:
    """What Word writes for a password-protected .docx: an OLE container with EncryptionInfo."""
    source = BUILT / "000_452dfb289bf64cc2.doc"
    data = bytearray(source.read_bytes())
    name = "WordDocument".encode("utf-16-le")
    at = data.find(name)  # rename the stream in the directory: same length, so the container stays valid
    if at >= 0:
        data[at: at + len(name)] = "EncryptionIn".encode("utf-16-le")
    return bytes(data)


# --- HTML and text -------------------------------------------------------------------------------------

_SEED_TEXT = SEED.read_text(encoding="utf-8")


def _html(body: str) -> bytes:
    return f"<!doctype html><html><head><meta charset='utf-8'></head><body>{body}</body></html>".encode()


def _seed_html() -> bytes:
    return _html("".join(f"<p>{line}</p>" for line in _SEED_TEXT.splitlines()))


# --- generator inputs ----------------------------------------------------------------------------------


def _valid_yaml() -> str:
    return (GENERATOR_DATA).read_text(encoding="utf-8")


def _generate(name: str, data: bytes | Callable[[], bytes], out: str = "out.docx") -> Callable[[Path], list[str]]:
    def build(folder: Path) -> list[str]:
        path = folder / name
        path.write_bytes(data() if callable(data) else data)
        return ["generate", str(path), "-o", str(folder / out)]

    return build


def _yaml_replacing(old: str, new: str) -> Callable[[], bytes]:
    def make() -> bytes:
        text = _valid_yaml()
        if old not in text:
            raise ValueError(f"fuzz case out of date: {old!r} not in the generator fixture")
        return text.replace(old, new, 1).encode()

    return make


def _workbook(change: Callable[[object], None]) -> Callable[[], bytes]:
    def make() -> bytes:
        from openpyxl import load_workbook

        from juesuan.generate import load
        from juesuan.generate.workbook import write_template

        buffer = io.BytesIO()
        data = load(GENERATOR_DATA)
        with tempfile.TemporaryDirectory() as folder:  # cases are built in parallel threads of one process
            write_template(Path(folder) / "data.xlsx", data)
            book = load_workbook(Path(folder) / "data.xlsx")
        change(book)
        book.save(buffer)
        return buffer.getvalue()

    return make


def _extra_column(book) -> None:  # type: ignore[no-untyped-def]
    sheet = book.worksheets[1]
    sheet.cell(row=1, column=sheet.max_column + 1, value="多出的列")
    sheet.cell(row=2, column=sheet.max_column, value="123")


def _text_count(book) -> None:  # type: ignore[no-untyped-def]
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if isinstance(cell.value, int) and not isinstance(cell.value, bool):
                    cell.value = "两"
                    return


def _xlsx_member(name: str, replace: Callable[[bytes], bytes]) -> Callable[[], bytes]:
    def make() -> bytes:
        source = io.BytesIO(_workbook(lambda book: None)())
        buffer = io.BytesIO()
        with zipfile.ZipFile(source) as zin, zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zout:
            for member in zin.namelist():
                data = zin.read(member)
                zout.writestr(member, replace(data) if member == name else data)
        return buffer.getvalue()

    return make


def _xxe(data: bytes) -> bytes:
    head, _, rest = data.partition(b"?>")
    return head + b'?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>' + rest.replace(b"<v>", b"<v>&e;", 1)


def _laughs(data: bytes) -> bytes:
    entities = b'<!ENTITY a "lol">' + b"".join(b'<!ENTITY %s "&%s;&%s;&%s;&%s;&%s;&%s;&%s;&%s;&%s;&%s;">'
                                                % ((chr(98 + k).encode(),) + (chr(97 + k).encode(),) * 10)
                                                for k in range(9))
    head, _, rest = data.partition(b"?>")
    return head + b"?><!DOCTYPE x [" + entities + b"]>" + rest.replace(b"<v>", b"<v>&j;", 1)


def _sheet_bomb(data: bytes) -> bytes:
    row = b'<row r="%d"><c r="A%d" t="inlineStr"><is><t>x</t></is></c></row>'
    return data.replace(b"</sheetData>", b"".join(row % (k, k) for k in range(1000, 1_500_000)) + b"</sheetData>", 1)


def _output(name: str, target: Callable[[Path], str], extra: tuple[str, ...] = ()) -> Callable[[Path], list[str]]:
    def build(folder: Path) -> list[str]:
        source = folder / "report.txt"
        shutil.copyfile(SEED, source)
        return ["check", str(source), *extra, "-o", target(folder)]

    return build


def _readonly(folder: Path) -> str:
    """A folder no one may write into, root included (root ignores a folder's permission bits)."""
    if os.geteuid() == 0:
        return "/proc/juesuan-out.json"
    locked = folder / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    return str(locked / "out.json")


# --- the cases -----------------------------------------------------------------------------------------

_DOCX = BUILT / "000_452dfb289bf64cc2.docx"
_PDF = BUILT / "000_452dfb289bf64cc2.pdf"
_DOC = BUILT / "000_452dfb289bf64cc2.doc"

CASES: list[Case] = [
    # text
    Case("txt_newlines_100mb", "text", _file("newlines.txt", lambda: b"\n" * 100_000_000), fast=False),
    Case("txt_newlines_5mb", "text", _file("newlines.txt", lambda: b"\n" * 5_000_000)),
    Case("txt_heading_lines_20mb", "text", _file("headings.txt", lambda: "一、部门概况\n".encode() * 1_100_000), fast=False),
    Case("txt_heading_lines_2mb", "text", _file("headings.txt", lambda: "一、部门概况\n".encode() * 110_000)),
    Case("txt_one_line_5m", "text", _file("long.txt", lambda: "收入".encode() * 2_500_000)),
    Case("txt_tabs_one_line", "text", _file("tabs.txt", lambda: ("合计\t" * 200_000).encode())),
    # a web table's cells one a line ("30.8 |"), a run that never makes a table
    Case("txt_bar_cells", "text", _file("bars.txt", lambda: ("收入 |\n" * 200_000).encode())),
    Case("txt_table_rows", "text", _file("rows.txt", lambda: ("2010101\t行政运行\t1.00\t2.00\n" * 200_000).encode()), fast=False),
    Case("txt_whitespace_only", "text", _file("blank.txt", " \n\t\n\u3000".encode() * 1000),
         expect=(2,)),
    Case("txt_nul_bytes", "text", _file("nul.txt", _SEED_TEXT.encode()[:3000] + b"\x00" * 5000)),
    Case("txt_binary", "text", _file("binary.txt", lambda: random.Random(1).randbytes(50_000)),
         expect=(2,)),
    Case("txt_utf16_no_bom", "text", _file("utf16.txt", _SEED_TEXT.encode("utf-16-le"))),
    Case("txt_gb18030", "text", _file("gbk.txt", _SEED_TEXT.encode("gb18030"))),
    Case("txt_cr_newlines", "text", _file("cr.txt", _SEED_TEXT.replace("\n", "\r").encode())),
    Case("txt_cut_mid_character", "text", _file("cut.txt", _SEED_TEXT.encode()[:1001])),
    Case("txt_bit_flips", "text", _file("flipped.txt", _flipped(SEED, 200, 2))),
    Case("txt_digits", "text", _file("digits.txt", ("收入合计" + "9" * 100_000 + "万元。\n").encode())),
    Case("txt_bookmarks_10mb", "text", _file("bookmarks.txt", lambda: b"[bookmark: " * 900_000)),
    Case("md_heading_spaces", "text", _file("heading.md", ("# a" + " " * 50_000 + "b" + " " * 50_000 + "#\n正文\n").encode())),
    Case("txt_many_pairs", "text", _file("pairs.txt", ("五、一般公共预算财政拨款支出决算情况说明\n1." + "一般公共服务（类）政府办公厅（款）" * 5000
                                                     + "行政运行（项）：支出决算为1万元。\n").encode())),
    Case("txt_nested_brackets", "text", _file("brackets.txt", ("（" * 100_000 + "收入合计100万元" + "）" * 100_000).encode())),
    Case("txt_numbering_100k", "text", _file("numbers.txt", "".join(f"{k}、收入{k}万元。\n" for k in range(1, 100_000)).encode())),
    Case("txt_doubled_words", "text", _file("doubled.txt", ("会议" * 150_000 + "\n" + "收" * 300_000).encode())),
    Case("txt_percent_run", "text", _file("percent.txt", ("占比" + "1.5%" * 200_000).encode())),
    # HTML
    Case("html_colspan_huge", "html", _file("colspan.html", _html('<table><tr><td colspan="99999999">合计</td></tr>'
                                                                  '<tr><td>1</td></tr></table>'))),
    Case("html_rowspan_huge", "html", _file("rowspan.html", _html('<table><tr><td rowspan="99999999">合计</td><td>1</td>'
                                                                  '</tr><tr><td>2</td></tr></table>'))),
    Case("html_span_many_cells", "html", _file("spans.html", _html("<table>" + '<tr><td colspan="5000" rowspan="5000">x</td></tr>'
                                                                    * 2000 + "</table>"))),
    Case("html_deep_nesting", "html", _file("deep.html", _html("<div>" * 100_000 + "收入合计100万元" + "</div>" * 100_000))),
    Case("html_deep_tables", "html", _file("tables.html", _html("<table><tr><td>" * 5000 + "x" + "</td></tr></table>" * 5000))),
    Case("html_many_cells", "html", _file("cells.html", _html("<table>" + ("<tr>" + "<td>1</td>" * 1000 + "</tr>") * 500
                                                               + "</table>")), fast=False),
    Case("html_script_only", "html", _file("script.html", _html("<script>alert(1)</script>")), expect=(2,)),
    Case("html_seed", "html", _file("seed.html", _seed_html)),
    Case("html_bit_flips", "html", _file("flipped.html", lambda: _flipped_bytes(_seed_html(), 300))),
    Case("html_unclosed", "html", _file("unclosed.html", lambda: _seed_html()[:5000] + b"<table><tr><td" + b" a" * 100_000)),
    # Word
    Case("docx_style_self", "docx", _file("self.docx", _docx(_para("收入", "A"), _style("A", "A")))),
    Case("docx_style_cycle", "docx", _file("cycle.docx", _docx(_para("收入", "A"), _style("A", "B") + _style("B", "A")))),
    Case("docx_style_chain", "docx", _file("chain.docx", _docx(_para("收入", "S0"), "".join(_style(f"S{k}", f"S{k + 1}")
                                                                                           for k in range(5000))))),
    Case("docx_gridspan_huge", "docx", _file("gridspan.docx", _docx(
        '<w:tbl><w:tr><w:tc><w:tcPr><w:gridSpan w:val="999999999"/></w:tcPr>' + _para("合计") + "</w:tc></w:tr>"
        + "<w:tr><w:tc>" + _para("1") + "</w:tc></w:tr></w:tbl>"))),
    Case("docx_vmerge_long", "docx", _file("vmerge.docx", _docx(
        "<w:tbl>" + ('<w:tr><w:tc><w:tcPr><w:gridSpan w:val="3000"/><w:vMerge/></w:tcPr>' + _para("x")
                     + "</w:tc></w:tr>") * 3000 + "</w:tbl>"))),
    Case("docx_runs_300k", "docx", _file("runs.docx", _docx("<w:p>" + "<w:r><w:t>收</w:t></w:r>" * 300_000 + "</w:p>"))),
    Case("docx_bomb_300mb", "docx", _file("bomb.docx", _docx_bomb), fast=False),
    Case("docx_many_members", "docx", _file("members.docx", _many_members)),
    Case("docx_external_entity", "docx", _file("xxe.docx", _docx(_para("&e;"), prolog='<!DOCTYPE d [<!ENTITY e SYSTEM "file:///etc/passwd">]>'))),
    Case("docx_laughs", "docx", _file("laughs.docx", lambda: _laughs_docx())),
    Case("docx_empty_body", "docx", _file("empty.docx", _docx("")), expect=(2,)),
    Case("docx_deep_nesting", "docx", _file("deep.docx", _docx("<w:tbl><w:tr><w:tc>" * 3000 + _para("x")
                                                                + "</w:tc></w:tr></w:tbl>" * 3000))),
    Case("docx_truncated", "docx", _file("truncated.docx", _truncated(_DOCX, 0.6)), expect=(2,)),
    Case("docx_bit_flips", "docx", _file("flipped.docx", _flipped(_DOCX, 40, 3))),
    Case("docx_encrypted", "docx", _file("locked.docx", _encrypted_office), expect=(2,)),
    Case("docx_stored_not_deflated", "docx", _file("stored.docx", _docx(_para("收入合计100万元"), compress=zipfile.ZIP_STORED))),
    # PDF
    Case("pdf_grid_300", "pdf", _file("grid.pdf", lambda: _pdf_pages([_grid(300)]))),
    Case("pdf_cells_300", "pdf", _file("cells.pdf", lambda: _pdf_pages([_cell_grid(300)]))),
    Case("pdf_grid_60_pages", "pdf", _file("grids.pdf", lambda: _pdf_pages([_grid(60)] * 40)), fast=False),
    Case("pdf_page_tree_2999", "pdf", _file("tree.pdf", lambda: _repeated_page_tree(2999))),
    Case("pdf_page_tree_cycle", "pdf", _file("cycle.pdf", _cyclic_page_tree), expect=(2,)),
    Case("pdf_image_6000pt", "pdf", _file("huge_page.pdf", lambda: _pdf_pages([b"q 6000 0 0 6000 0 0 cm /Im1 Do Q"],
                                                                                (6000, 6000), image=True)), expect=(2,)),
    Case("pdf_image_14400pt", "pdf", _file("max_page.pdf", lambda: _pdf_pages([b"q 14400 0 0 14400 0 0 cm /Im1 Do Q"],
                                                                                (14400, 14400), image=True)), expect=(2,)),
    Case("pdf_scan_81_pages", "pdf", _file("scan.pdf", lambda: _pdf_pages([b"q 595 0 0 842 0 0 cm /Im1 Do Q"] * 81,
                                                                          image=True)), expect=(2,)),
    Case("pdf_blank_pages", "pdf", _file("blank.pdf", lambda: _pdf_pages([b""] * 5)), expect=(2,)),
    Case("pdf_content_bomb", "pdf", _file("bomb.pdf", _content_bomb), fast=False),
    Case("pdf_3000_pages", "pdf", _file("pages.pdf", lambda: _pdf_pages([_text_page()] * 3000)), fast=False),
    Case("pdf_3001_pages", "pdf", _file("pages.pdf", lambda: _pdf_pages([_text_page()] * 3001)), expect=(2,)),
    Case("pdf_truncated", "pdf", _file("truncated.pdf", _truncated(_PDF, 0.5))),
    Case("pdf_bit_flips", "pdf", _file("flipped.pdf", _flipped(_PDF, 60, 4))),
    Case("pdf_encrypted", "pdf", _file("encrypted.pdf", lambda: (BUILT / "encrypted.pdf").read_bytes()), expect=(2,)),
    Case("pdf_no_xref", "pdf", _file("noxref.pdf", lambda: _pdf_pages([_text_page()]).split(b"xref")[0])),
    # legacy Word
    Case("doc_truncated", "doc", _file("truncated.doc", _truncated(_DOC, 0.5)), expect=(2,)),
    Case("doc_bit_flips", "doc", _file("flipped.doc", _flipped(_DOC, 40, 5)), fast=False),
    Case("doc_garbage_stream", "doc", _file("garbage.doc", lambda: _garbage_doc()), fast=False),
    Case("wps_renamed_docx", "doc", _file("report.wps", lambda: _DOCX.read_bytes())),
    # wrong types
    Case("pdf_named_txt", "wrong type", _file("report.txt", lambda: _PDF.read_bytes()), expect=(2,)),
    Case("docx_named_pdf", "wrong type", _file("report.pdf", lambda: _DOCX.read_bytes()), expect=(2,)),
    Case("pdf_named_docx", "wrong type", _file("report.docx", lambda: _PDF.read_bytes()), expect=(2,)),
    Case("docx_named_html", "wrong type", _file("report.html", lambda: _DOCX.read_bytes()), expect=(2,)),
    Case("png_named_docx", "wrong type", _file("chart.docx", b"\x89PNG\r\n\x1a\n" + b"\x00" * 500), expect=(2,)),
    Case("no_suffix", "wrong type", _file("report", _SEED_TEXT.encode()), expect=(2,)),
    Case("fifo", "wrong type", lambda folder: (os.mkfifo(folder / "pipe.txt"), ["check", str(folder / "pipe.txt")])[1],
         expect=(2,)),
    # output paths
    Case("out_missing_folder", "output", _output("missing", lambda f: str(f / "nowhere" / "out.html")), expect=(2,)),
    Case("out_is_directory", "output", _output("directory", lambda f: str(f)), expect=(2,)),
    Case("out_read_only", "output", _output("read-only", _readonly), expect=(2,)),
    Case("out_device", "output", _output("device", lambda f: "/dev/full", ("-f", "json")), expect=(2,)),
    Case("out_unknown_suffix", "output", _output("suffix", lambda f: str(f / "out.xyz")), expect=(2,)),
    # generate
    Case("gen_laughs", "generate", _generate("laughs.yaml", b'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
                                             + b"".join(b"%s: &%s [%s]\n" % (chr(98 + k).encode(), chr(98 + k).encode(),
                                                                              b",".join([b"*" + chr(97 + k).encode()] * 9))
                                                        for k in range(9))), expect=(2,)),
    Case("gen_deep_yaml", "generate", _generate("deep.yaml", b"a: " + b"[" * 5000 + b"]" * 5000), expect=(2,)),
    Case("gen_deep_json", "generate", _generate("deep.json", b'{"a": ' + b"[" * 100_000 + b"]" * 100_000 + b"}"), expect=(2,)),
    Case("gen_nan", "generate", _generate("nan.json", lambda: _json_nan()), expect=(2,)),
    Case("gen_1e30", "generate", _generate("big.yaml", _yaml_replacing("current: '7467.33'", "current: 1e30")), expect=(2,)),
    Case("gen_100_digits", "generate", _generate("digits.yaml", _yaml_replacing("current: '7467.33'", "current: " + "9" * 100)), expect=(2,)),
    Case("gen_negative", "generate", _generate("negative.yaml", _yaml_replacing("current: '7467.33'", "current: '-5'")), expect=(2,)),
    Case("gen_year_minus_1", "generate", _generate("year.yaml", _yaml_replacing("year: 2020", "year: -1")), expect=(2,)),
    Case("gen_year_huge", "generate", _generate("year.yaml", _yaml_replacing("year: 2020", "year: " + "1" + "0" * 40)),
         expect=(2,)),
    Case("gen_fraction_count", "generate", _generate("count.yaml", _yaml_replacing("reception_batches: 14", "reception_batches: 1.7")), expect=(2,)),
    Case("gen_count_in_words", "generate", _generate("count.yaml", _yaml_replacing("reception_batches: 14", "reception_batches: 两")), expect=(2,)),
    Case("gen_list_not_mapping", "generate", _generate("list.yaml", b"- 1\n- 2\n"), expect=(2,)),
    Case("gen_empty", "generate", _generate("empty.yaml", b""), expect=(2,)),
    Case("gen_python_tag", "generate", _generate("tag.yaml", b"a: !!python/object/apply:os.system ['true']\n"), expect=(2,)),
    Case("gen_binary", "generate", _generate("binary.yaml", lambda: bytes(range(256)) * 100), expect=(2,)),
    Case("gen_huge_string", "generate", _generate("string.yaml", _yaml_replacing("  functions: ", "  functions: " + "字" * 5_000_000)),
         expect=(2,)),
    Case("gen_directory", "generate", lambda folder: (os.mkdir(folder / "data.yaml"), ["generate", str(folder / "data.yaml")])[1],
         expect=(2,)),
    Case("gen_out_missing_folder", "generate", lambda folder: ["generate", str(GENERATOR_DATA),
                                                               "-o", str(folder / "nowhere" / "out.docx")], expect=(2,)),
    Case("gen_out_directory", "generate", lambda folder: ["generate", str(GENERATOR_DATA),
                                                          "-o", str(folder / "out.docx")] if (folder / "out.docx").mkdir() is None
         else [], expect=(2,)),
    Case("gen_xlsx_extra_column", "generate", _generate("extra.xlsx", _workbook(_extra_column)), expect=(0, 2)),
    Case("gen_xlsx_text_count", "generate", _generate("count.xlsx", _workbook(_text_count)), expect=(2,)),
    Case("gen_xlsx_truncated", "generate", _generate("cut.xlsx", lambda: _workbook(lambda b: None)()[:3000]), expect=(2,)),
    Case("gen_xlsx_xxe", "generate", _generate("xxe.xlsx", _xlsx_member("xl/worksheets/sheet1.xml", _xxe)), expect=(0, 2)),
    Case("gen_xlsx_laughs", "generate", _generate("laughs.xlsx", _xlsx_member("xl/worksheets/sheet1.xml", _laughs)), expect=(2,)),
    Case("gen_xlsx_bomb", "generate", _generate("bomb.xlsx", _xlsx_member("xl/worksheets/sheet1.xml", _sheet_bomb)),
         expect=(2,), fast=False),
    # usage
    Case("usage_unknown_option", "usage", lambda folder: ["check", str(SEED), "--nonsense"], expect=(2,)),
    Case("usage_bad_layout", "usage", lambda folder: ["generate", str(GENERATOR_DATA),
                                                      "--layout", "beijing", "-o", str(folder / "x.docx")], expect=(2,)),
    Case("usage_bad_severity", "usage", lambda folder: ["check", str(SEED), "--min-severity", "fatal"], expect=(2,)),
    Case("usage_no_such_command", "usage", lambda folder: ["audit", str(SEED)], expect=(2,)),
]


def _flipped_bytes(data: bytes, flips: int) -> bytes:
    buffer = bytearray(data)
    rng = random.Random(7)
    for _ in range(flips):
        buffer[rng.randrange(len(buffer))] ^= 1 << rng.randrange(8)
    return bytes(buffer)


def _laughs_docx() -> bytes:
    entities = '<!ENTITY a "lol">' + "".join(f'<!ENTITY {chr(98 + k)} "{("&" + chr(97 + k) + ";") * 10}">' for k in range(9))
    return _docx(_para("&j;"), prolog=f"<!DOCTYPE d [{entities}]>")()


def _garbage_doc() -> bytes:
    import olefile  # noqa: F401  (the container is copied from a real .doc; only its text stream is garbled)

    data = bytearray(_DOC.read_bytes())
    rng = random.Random(9)
    for k in range(4096, min(len(data), 60_000)):
        data[k] = rng.randrange(256)
    return bytes(data)



def _json_nan() -> bytes:
    """The generator fixture as JSON with its first amount NaN (which Python's json reads as a float)."""
    import json

    import yaml

    text = json.dumps(yaml.safe_load(_valid_yaml()), ensure_ascii=False)
    if '"7467.33"' not in text:
        raise ValueError("fuzz case out of date: no amount to replace in the generator fixture")
    return text.replace('"7467.33"', "NaN", 1).encode()


# --- the runner ----------------------------------------------------------------------------------------


def _limits(file_size_mb: int) -> Callable[[], None]:
    def apply() -> None:
        # a runaway case must not fill the disk; writing past this fails as a full disk would
        resource.setrlimit(resource.RLIMIT_FSIZE, (file_size_mb * 1024 * 1024,) * 2)
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)

    return apply


def run_case(case: Case, folder: Path, time_limit: float = 60.0) -> Result:
    """Builds the case's input and runs the command; a command past `time_limit` seconds is killed."""
    folder.mkdir(parents=True, exist_ok=True)
    args = case.build(folder)
    started = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-m", "juesuan", *args], stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE, cwd=folder, preexec_fn=_limits(400), start_new_session=True)
    status: int | None = None
    peak_kb = 0
    stderr_parts: list[bytes] = []
    os.set_blocking(process.stderr.fileno(), False)  # type: ignore[union-attr]
    while True:
        chunk = process.stderr.read()  # type: ignore[union-attr]
        if chunk:
            stderr_parts.append(chunk[:20_000])
        peak_kb = max(peak_kb, _high_water_kb(process.pid))
        pid, wait_status, _ = os.wait4(process.pid, os.WNOHANG)
        if pid:
            status = os.waitstatus_to_exitcode(wait_status)
            break
        if time.perf_counter() - started > time_limit:
            os.killpg(process.pid, signal.SIGKILL)
            os.wait4(process.pid, 0)
            break
        time.sleep(0.01)
    process.returncode = status if status is not None else -9
    rest = process.stderr.read() or b""  # type: ignore[union-attr]
    process.stderr.close()  # type: ignore[union-attr]
    seconds = time.perf_counter() - started
    stderr = b"".join([*stderr_parts, rest]).decode("utf-8", "replace")
    result = Result(case.name, case.kind, status, seconds, peak_kb / 1024, stderr)
    result.problems = _problems(case, result, time_limit)
    return result


def _high_water_kb(pid: int) -> int:
    """The process's peak resident memory so far (VmHWM). Read while it runs: the rusage of a forked child
    also counts the parent's memory at the fork, which would hide a small command behind its runner."""
    try:
        with open(f"/proc/{pid}/status", encoding="ascii", errors="replace") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except (OSError, ValueError, IndexError):
        pass
    return 0


def _problems(case: Case, result: Result, time_limit: float) -> list[str]:
    problems = []
    if result.status is None:
        problems.append(f"killed after {time_limit:g} s")
    elif result.status not in case.expect:
        problems.append(f"exit {result.status}, expected {'/'.join(map(str, case.expect))}")
    if result.peak_mb > MEMORY_BOUND_MB:
        problems.append(f"peak memory {result.peak_mb:.0f} MB > {MEMORY_BOUND_MB} MB")
    if "Traceback" in result.stderr:
        problems.append("traceback")
    if result.status == 2:
        lines = [line for line in result.stderr.splitlines() if line.strip() and not line.startswith("  ")]
        if len(lines) != 1 or not lines[0].startswith("错误："):
            problems.append(f"not one Chinese error line: {result.stderr[:300]!r}")
        elif not any("\u4e00" <= ch <= "\u9fff" for ch in lines[0][3:]):
            problems.append(f"error line is not Chinese: {lines[0][:200]!r}")
    return problems
