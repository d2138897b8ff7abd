"""PDF: tables with cells, re-flowed paragraphs, pages, continuation across pages, OCR."""

from __future__ import annotations

import re
import shutil
import subprocess
from collections import Counter

import pytest

from conftest import BUILT, PUTUO, SEED_STEMS, SEEDS
from juesuan.document import BlockKind, Document
from juesuan.readers import read
from juesuan.readers.pdf_page import tidy

NUMBER = re.compile(r"\d[\d,]*\.\d+|\d+")

# The nine tables of the Shanghai report, each with the pages it is on (checked against the PDF).
PUTUO_TABLES = [
    ("收入支出决算总表", [6, 7]),
    ("收入决算表", [8, 9]),
    ("支出决算表", [10, 11]),
    ("财政拨款收入支出决算总表", [12, 13, 14]),
    ("一般公共预算财政拨款支出决算表", [15]),
    ("一般公共预算财政拨款基本支出决算表", [16, 17]),
    ("财政拨款“三公”经费支出决算表", [18]),
    ("政府性基金预算财政拨款收入支出决算表", [19]),
    ("国有资本经营预算财政拨款收入支出决算表", [20]),
]


def _table_pages(document: Document, index: int) -> list[int]:
    block = document.blocks[index]
    return sorted({document.locate(r.start).page for r in block.rows})  # type: ignore[misc]


def test_nine_tables_with_their_titles_and_pages(putuo: Document) -> None:
    tables = [(i, b) for i, b in enumerate(putuo.blocks) if b.is_table and b.location.page >= 6]  # type: ignore[operator]
    titled = [(b.title, _table_pages(putuo, i)) for i, b in tables]
    assert titled == PUTUO_TABLES


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils is installed by `make setup`")
def test_table_numbers_match_the_page(putuo: Document) -> None:
    """Every number printed on a table page is in a table cell or a paragraph of that page, once."""
    for page in range(6, 21):
        printed = subprocess.run(
            ["pdftotext", "-f", str(page), "-l", str(page), "-layout", str(PUTUO), "-"],
            capture_output=True, text=True, check=True,
        ).stdout
        expected = Counter(NUMBER.findall(printed))
        found: Counter[str] = Counter()
        for block in putuo.blocks:
            if block.is_table:
                for row in block.rows:
                    if putuo.locate(row.start).page == page:
                        for cell in row.cells:
                            found.update(NUMBER.findall(cell.text))
            elif block.location.page == page:
                found.update(NUMBER.findall(block.text))
        assert found == expected, f"page {page}"


def test_two_column_summary_table(putuo: Document) -> None:
    summary = next(b for b in putuo.blocks if b.title == "收入支出决算总表")
    grid = summary.grid()
    assert grid[0] == ["收入", "收入", "支出", "支出"]
    assert grid[2] == ["一、一般公共预算财政拨款收入", "2,940.05", "一、一般公共服务支出", "2,106.66"]
    assert ["本年收入合计", "2,946.25", "本年支出合计", "2,940.05"] in grid
    assert ["年初结转和结余", "49.14", "年末结转和结余", "55.34"] in grid
    assert grid[-1] == ["总计", "2,995.39", "总计", "2,995.39"]  # continued on page 7
    assert len(grid) == 32


def test_paragraphs_are_reflowed_and_figures_joined(putuo: Document) -> None:
    texts = [b.text for b in putuo.blocks if b.kind is BlockKind.PARAGRAPH]
    item1 = next(t for t in texts if t.startswith("1、一般公共服务支出（类）财政事务（款）行政运行（项）"))
    # "年初预算为 1560.05 万元" loses its layout spaces; "1511.89万" + line break + "元" is one figure again.
    assert "年初预算为1560.05万元，支出决算为1511.89万元。决算数小于预算数的主要原因" in item1
    assert item1.endswith("减少人员经费开支。")
    assert any("纳入上海市普陀区财政局2024年度部门决算编制范围的单位包括：" in t for t in texts)
    heading = [b for b in putuo.blocks if b.text.startswith("第三部分")][-1]  # the first is in the contents
    assert heading.text == "第三部分上海市普陀区财政局2024年度部门决算情况说明"  # wrapped title joined
    assert heading.kind is BlockKind.HEADING and heading.location.page == 21


def test_figure_locations_carry_the_page(putuo: Document) -> None:
    offset = putuo.text.index("2993.92")
    assert putuo.locate(offset).page == 21
    offset = putuo.text.index("1560.05")
    assert putuo.locate(offset).page == 22


@pytest.mark.parametrize("stem", SEED_STEMS)
def test_seed_paragraphs_survive_the_pdf(stem: str) -> None:
    """The seeds rendered to PDF by LibreOffice read back paragraph for paragraph (≥ 98% exactly)."""
    text = read(SEEDS / f"{stem}.txt")
    pdf = read(BUILT / f"{stem}.pdf")
    paragraphs = [
        b.text for b in text.blocks if b.kind in (BlockKind.PARAGRAPH, BlockKind.HEADING) and "\t" not in b.text
    ]
    read_back = {b.text for b in pdf.blocks if not b.is_table}
    exact = sum(tidy(p) in read_back for p in paragraphs)
    assert exact / len(paragraphs) >= 0.98, f"{exact}/{len(paragraphs)}"


def test_paragraph_broken_across_pages_is_joined() -> None:
    pdf = read(BUILT / "000_452dfb289bf64cc2.pdf")
    crossing = [b for b in pdf.blocks if not b.is_table and pdf.locate(b.location.end - 1).page != b.location.page]
    assert crossing, "the seed 000 PDF has paragraphs that run over a page break"
    text = read(SEEDS / "000_452dfb289bf64cc2.txt")
    originals = {tidy(b.text) for b in text.blocks}
    assert all(b.text in originals for b in crossing if b.kind is BlockKind.PARAGRAPH)


def test_tables_in_built_pdf_match_the_text_tables() -> None:
    text = read(SEEDS / "000_452dfb289bf64cc2.txt")
    pdf = read(BUILT / "000_452dfb289bf64cc2.pdf")
    assert len(pdf.tables) == len(text.tables) == 8
    for a, b in zip(text.tables, pdf.tables, strict=True):
        assert [[tidy(c).replace("\n", "") for c in row] for row in a.grid()] == b.grid()


def test_scanned_page_is_read_by_ocr() -> None:
    document = read(BUILT / "scanned_page.pdf")
    assert document.ocr_pages == [1]
    paragraphs = [b.text for b in document.blocks if b.kind is BlockKind.PARAGRAPH]
    assert len(paragraphs) == 11  # the eleven 项 of the real page, each one paragraph
    assert paragraphs[0].startswith("1、一般公共服务支出（类）财政事务（款）行政运行（项）")
    assert "年初预算为1560.05万元，支出决算为1511.89万元。" in paragraphs[0]
    assert "年初预算为258.50万元，支出决算为258.50万元。" in paragraphs[-1]
    assert document.locate(document.text.index("1511.89")).page == 1


def test_scanned_table_is_read_as_a_table(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Page 15 of the Putuo report scanned as a scanner would (120 dpi, grey, turned 0.5°): the table comes
    back as a table, cell for cell, with the same numbers as the text layer."""
    import pypdfium2 as pdfium
    from PIL import Image

    source = pdfium.PdfDocument(str(PUTUO))
    image = source[14].render(scale=120 / 72).to_pil().convert("L")
    source.close()
    scanned = tmp_path / "scanned_table.pdf"
    image.rotate(0.5, resample=Image.Resampling.BILINEAR, fillcolor=255).save(
        str(scanned), "PDF", resolution=120.0, quality=75)
    text_table = next(t for t in read(PUTUO).tables if t.location.page == 15)
    document = read(scanned)
    assert document.ocr_pages == [1] and len(document.tables) == 1
    table = document.tables[0]
    assert (len(table.rows), len(table.grid()[0])) == (len(text_table.rows), len(text_table.grid()[0]))
    numbers = Counter(NUMBER.findall(table.text))
    expected = Counter(NUMBER.findall(text_table.text))
    assert sum((numbers & expected).values()) >= 0.97 * sum(expected.values())
    assert [row[3] for row in table.grid()][-1] == [row[3] for row in text_table.grid()][-1]
