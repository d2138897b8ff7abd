"""Word (.docx, .doc, .wps) and HTML readers."""

from __future__ import annotations

import shutil
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import docx
import pytest

from conftest import BUILT, seed
from juesuan.document import BlockKind
from juesuan.errors import ReadError
from juesuan.readers import read
from juesuan.readers.office import soffice


def _merged_docx(path: Path) -> None:
    word = docx.Document()
    word.add_heading("第一部分 部门概况", level=1)
    word.add_paragraph("一、主要职能")
    table = word.add_table(rows=3, cols=3)
    table.cell(0, 0).merge(table.cell(0, 2)).text = "“三公”经费"
    table.cell(1, 0).merge(table.cell(2, 0)).text = "合计"
    table.cell(1, 1).text = "预算数"
    table.cell(1, 2).text = "决算数"
    table.cell(2, 1).text = "34.04"
    table.cell(2, 2).text = "34.04"
    word.add_paragraph("表后的段落。")
    word.save(str(path))


def test_docx_order_heading_levels_and_merged_cells(tmp_path: Path) -> None:
    path = tmp_path / "merged.docx"
    _merged_docx(path)
    document = read(path)
    kinds = [b.kind for b in document.blocks]
    assert kinds == [BlockKind.HEADING, BlockKind.HEADING, BlockKind.TABLE, BlockKind.PARAGRAPH]
    assert document.blocks[0].level == 1
    table = document.tables[0]
    assert [(c.text, c.colspan, c.rowspan) for c in table.rows[0].cells] == [("“三公”经费", 3, 1)]
    assert [(c.text, c.rowspan) for c in table.rows[1].cells] == [("合计", 2), ("预算数", 1), ("决算数", 1)]
    assert table.grid() == [["“三公”经费"] * 3, ["合计", "预算数", "决算数"], ["合计", "34.04", "34.04"]]
    assert table.title == "“三公”经费"


def test_docx_seed_keeps_every_paragraph_and_table() -> None:
    text_doc = read(seed("000"))
    word_doc = read(BUILT / "000_452dfb289bf64cc2.docx")
    def content(document):  # type: ignore[no-untyped-def]
        return [b.grid() if b.is_table else b.text for b in document.blocks if b.kind is not BlockKind.IMAGE]

    assert content(word_doc) == content(text_doc)
    assert sum(b.kind is BlockKind.IMAGE for b in word_doc.blocks) == 1


needs_libreoffice = pytest.mark.skipif(soffice() is None, reason="LibreOffice is installed by `make setup`")


@needs_libreoffice
@pytest.mark.parametrize("suffix", [".doc", ".wps"])
def test_doc_and_wps_are_converted_by_libreoffice(suffix: str) -> None:
    document = read(BUILT / f"000_452dfb289bf64cc2{suffix}")
    assert document.format == suffix[1:]
    reference = read(BUILT / "000_452dfb289bf64cc2.docx")
    assert [b.text for b in document.blocks if b.kind is BlockKind.PARAGRAPH] == [
        b.text for b in reference.blocks if b.kind is BlockKind.PARAGRAPH
    ]
    assert len(document.tables) == len(reference.tables) == 8


@needs_libreoffice
def test_concurrent_conversions_each_use_their_own_profile(tmp_path: Path) -> None:
    paths = []
    for i in range(3):
        p = tmp_path / f"copy{i}.doc"
        shutil.copyfile(BUILT / "000_452dfb289bf64cc2.doc", p)
        paths.append(p)
    with ThreadPoolExecutor(max_workers=3) as pool:
        documents = list(pool.map(read, paths))
    assert len({d.text for d in documents}) == 1
    assert all(len(d.tables) == 8 for d in documents)


def test_doc_without_libreoffice_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("shutil.which", lambda name: None)
    with pytest.raises(ReadError, match="需要 LibreOffice"):
        read(BUILT / "000_452dfb289bf64cc2.doc")


def test_html_visible_text_headings_and_spanned_tables(tmp_path: Path) -> None:
    page = tmp_path / "report.html"
    page.write_text(
        """<!doctype html><html><head><title>标题不算正文</title><style>p{color:red}</style></head>
<body>
<h1>第一部分 部门概况</h1>
<p>一、主要职能</p>
<script>var hidden = "脚本不算正文";</script>
<p>2020年本年收入合计<b>7,466.01</b>万元。</p>
<table>
  <tr><th colspan="2">收入</th></tr>
  <tr><td rowspan="2">合计</td><td>7,466.01</td></tr>
  <tr><td>100%</td></tr>
</table>
<img src="chart.png" alt="图1：收入结构">
</body></html>""",
        encoding="utf-8",
    )
    document = read(page)
    assert "脚本不算正文" not in document.text and "标题不算正文" not in document.text
    assert document.blocks[0].kind is BlockKind.HEADING and document.blocks[0].level == 1
    assert document.blocks[0].location.line == 3
    assert "2020年本年收入合计7,466.01万元。" in [b.text for b in document.blocks]
    assert document.tables[0].grid() == [["收入", "收入"], ["合计", "7,466.01"], ["合计", "100%"]]
    image = [b for b in document.blocks if b.kind is BlockKind.IMAGE]
    assert image and image[0].title == "图1：收入结构"


def test_html_in_gbk(tmp_path: Path) -> None:
    page = tmp_path / "gbk.htm"
    page.write_bytes("<html><body><p>四、财政拨款收入支出决算总体情况说明</p></body></html>".encode("gbk"))
    assert read(page).blocks[0].text == "四、财政拨款收入支出决算总体情况说明"


def test_styles_based_on_each_other_do_not_hang(tmp_path: Path) -> None:
    """A style based on itself, or two based on each other, is a loop python-docx would follow forever."""
    import time

    import docx
    from docx.enum.style import WD_STYLE_TYPE
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    from juesuan.readers import read

    word = docx.Document()
    first = word.styles.add_style("环一", WD_STYLE_TYPE.PARAGRAPH)
    second = word.styles.add_style("环二", WD_STYLE_TYPE.PARAGRAPH)
    for style, base in ((first, second), (second, first)):
        based = OxmlElement("w:basedOn")
        based.set(qn("w:val"), base.style_id)
        style.element.append(based)
    itself = word.styles.add_style("自指", WD_STYLE_TYPE.PARAGRAPH)
    based = OxmlElement("w:basedOn")
    based.set(qn("w:val"), itself.style_id)
    itself.element.append(based)
    word.add_paragraph("一、部门基本情况", style="环一")
    word.add_paragraph("本部门2023年收入合计100.00万元。", style="自指")
    path = tmp_path / "loop.docx"
    word.save(str(path))
    started = time.perf_counter()
    document = read(path)
    assert time.perf_counter() - started < 5
    assert "本部门2023年收入合计100.00万元。" in document.text
    assert document.blocks[0].kind.value == "heading"  # its numbering still makes it a heading
