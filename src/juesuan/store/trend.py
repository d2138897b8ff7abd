"""One organisation's key figures over the years as a chart: the totals on the left, the smaller
items (三公, 机关运行经费, 政府采购) on the right, because they are two orders of magnitude apart."""

from __future__ import annotations

import io
from decimal import Decimal

from juesuan.amounts import number
from juesuan.fonts import chart_font
from juesuan.store.compare import Row

LARGE = ["本年支出合计", "基本支出", "项目支出", "财政拨款收支总计"]
SMALL = ["“三公”经费", "机关运行经费", "政府采购支出"]


def trend_image(rows: list[Row], title: str, fmt: str = "png") -> bytes:
    """The chart as PNG (150 dpi) or SVG bytes. A series with fewer than two years stated is left out."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import pyplot as plt

    font = chart_font()
    years = [r.report.year for r in rows]
    fig, axes = plt.subplots(1, 2, figsize=(10, 4), dpi=150)
    try:
        for ax, labels, heading in ((axes[0], LARGE, "收支规模"), (axes[1], SMALL, "“三公”经费、机关运行经费、政府采购")):
            drawn = 0
            for label in labels:
                points = [(y, r.values.get(label)) for y, r in zip(years, rows, strict=True)]
                known: list[tuple[int, Decimal]] = [(y, v) for y, v in points if y is not None and v is not None]
                if len(known) < 2:
                    continue
                xs, ys = zip(*known, strict=True)
                ax.plot(xs, [float(v) for v in ys], marker="o", label=label)  # drawing only: the figures stay Decimal
                x, v = known[-1]
                ax.annotate(number(v), (x, float(v)), textcoords="offset points", xytext=(4, 4), fontproperties=font,
                            fontsize=8)
                drawn += 1
            ax.set_title(heading, fontproperties=font, fontsize=10)
            ax.set_ylabel("万元", fontproperties=font)
            ax.set_xticks([y for y in years if y is not None])
            ax.spines[["top", "right"]].set_visible(False)
            if drawn:
                ax.legend(prop=font, fontsize=8, frameon=False)
            else:
                ax.text(0.5, 0.5, "不足两个年度，无法画出趋势", ha="center", va="center", fontproperties=font,
                        transform=ax.transAxes)
        fig.suptitle(title, fontproperties=font, fontsize=12)
        fig.tight_layout()
        buffer = io.BytesIO()
        fig.savefig(buffer, format=fmt)
        return buffer.getvalue()
    finally:
        plt.close(fig)
