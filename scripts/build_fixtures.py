"""Builds the .docx, .pdf, .doc and .wps fixtures from the seed texts (run once; outputs are committed).

The .docx is written with python-docx the way real reports are: part headings in Word heading
styles, every other heading a plain paragraph, tables as real Word tables with borders and the
title row merged across, images as pictures with their alt text. LibreOffice then renders it to PDF
(and to .doc, copied as .wps), as departments do when they publish.

    python scripts/build_fixtures.py
"""

from __future__ import annotations

import io
import shutil
import sys
import tempfile
from pathlib import Path

from docx import Document as WordDocument
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt
from PIL import Image

from juesuan.document import BlockKind
from juesuan.readers import read
from juesuan.readers.office import convert
from juesuan.text.headings import PART, numbering

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "tests" / "fixtures" / "seeds"
OUT = ROOT / "tests" / "fixtures" / "built"


def _placeholder_png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (240, 120), (230, 236, 245)).save(buffer, "PNG")
    return buffer.getvalue()


def _set_east_asian_font(document, name: str) -> None:  # type: ignore[no-untyped-def]
    for style_name in ("Normal", "Heading 1", "Heading 2", "Heading 3"):
        style = document.styles[style_name]
        style.font.name = name
        rpr = style.element.get_or_add_rPr()
        fonts = rpr.find(qn("w:rFonts"))
        if fonts is None:
            fonts = OxmlElement("w:rFonts")
            rpr.append(fonts)
        fonts.set(qn("w:eastAsia"), name)


def build_docx(seed: Path, target: Path) -> None:
    source = read(seed)
    word = WordDocument()
    _set_east_asian_font(word, "Noto Sans CJK SC")
    word.styles["Normal"].font.size = Pt(11)
    png = _placeholder_png()
    for block in source.blocks:
        if block.kind is BlockKind.TABLE:
            width = max(sum(c.colspan for c in row.cells) for row in block.rows)
            table = word.add_table(rows=0, cols=width)
            table.style = "Table Grid"
            table.alignment = WD_TABLE_ALIGNMENT.CENTER
            for row in block.rows:
                cells = table.add_row().cells
                col = 0
                for cell in row.cells:
                    if col >= width:
                        break
                    target_cell = cells[col]
                    if cell.colspan > 1:
                        target_cell = target_cell.merge(cells[min(col + cell.colspan, width) - 1])
                    target_cell.text = cell.text
                    col += cell.colspan
            word.add_paragraph()
        elif block.kind is BlockKind.IMAGE:
            word.add_picture(io.BytesIO(png))
            picture = word.paragraphs[-1]._p.find(".//" + qn("wp:docPr"))
            if picture is not None:
                picture.set("descr", block.title or "")
        else:
            n = numbering(block.text)
            if block.kind is BlockKind.HEADING and n is not None and n.level == PART:
                word.add_heading(block.text, level=1)
            else:
                word.add_paragraph(block.text)
    word.save(str(target))


def build_scanned(target: Path) -> None:
    """A page without text layer, made from a real page: page 22 of the Shanghai report as an image."""
    import pypdfium2 as pdfium

    source = pdfium.PdfDocument(str(ROOT / "tests" / "fixtures" / "shanghai" /
                                     "putuo_finance_bureau_2024_final_accounts.pdf"))
    image = source[21].render(scale=3).to_pil().convert("L")
    image.save(str(target), "PDF", resolution=216.0, quality=70)


def build_encrypted(target: Path) -> None:
    """A small PDF that needs a password to open, as LibreOffice writes it."""
    word = WordDocument()
    word.add_paragraph("加密测试")
    with tempfile.TemporaryDirectory() as tmp:
        docx_path = Path(tmp) / "encrypted.docx"
        word.save(str(docx_path))
        export = ('pdf:writer_pdf_Export:{"EncryptFile":{"type":"boolean","value":"true"},'
                  '"DocumentOpenPassword":{"type":"string","value":"secret"}}')
        pdf = convert(docx_path, export, Path(tmp))
        shutil.copyfile(pdf, target)


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    for seed in sorted(SEEDS.glob("*.txt")):
        docx_path = OUT / (seed.stem + ".docx")
        build_docx(seed, docx_path)
        with tempfile.TemporaryDirectory() as tmp:
            pdf = convert(docx_path, "pdf", Path(tmp))
            shutil.copyfile(pdf, OUT / (seed.stem + ".pdf"))
        print(f"built {docx_path.name} and its PDF")
    first = OUT / (sorted(SEEDS.glob("*.txt"))[0].stem + ".docx")
    with tempfile.TemporaryDirectory() as tmp:
        doc = convert(first, "doc:MS Word 97", Path(tmp))
        shutil.copyfile(doc, OUT / (first.stem + ".doc"))
        shutil.copyfile(doc, OUT / (first.stem + ".wps"))  # WPS Writer files share the Word 97 format
    print("built the .doc and .wps copies of", first.stem)
    build_scanned(OUT / "scanned_page.pdf")
    build_encrypted(OUT / "encrypted.pdf")
    print("built scanned_page.pdf and encrypted.pdf")
    return 0


if __name__ == "__main__":
    sys.exit(main())
