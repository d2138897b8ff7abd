"""The standard charts 图1–图7, drawn with matplotlib in the Chinese font the setup installs."""

from __future__ import annotations

import io

from juesuan.fonts import chart_font
from juesuan.generate.derive import money
from juesuan.generate.nodes import Chart


def render_png(chart: Chart) -> bytes:
    """The chart as a PNG, 150 dpi."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import pyplot as plt

    font = chart_font()
    fig, ax = plt.subplots(figsize=(6.4, 3.6), dpi=150)
    try:
        values = [float(v) for v in chart.values]  # drawing only: the figures themselves stay Decimal
        if chart.kind == "bar":
            bars = ax.bar(chart.labels, values, color=["#9fb7d4", "#1f3a5f"][: len(values)], width=0.5)
            for bar, value in zip(bars, chart.values, strict=True):
                ax.annotate(f"{money(value)}", (bar.get_x() + bar.get_width() / 2, bar.get_height()),
                            ha="center", va="bottom", fontproperties=font, fontsize=9)
            ax.set_ylabel("万元", fontproperties=font)
            for label in ax.get_xticklabels():
                label.set_fontproperties(font)
            ax.spines[["top", "right"]].set_visible(False)
        elif values and sum(values) > 0:
            total = sum(chart.values)
            # Small slices get their share in the legend only: labels on them would overlap.
            wedges, _texts, _labels = ax.pie(values, autopct=lambda p: f"{p:.2f}%" if p >= 3 else "", startangle=90,
                                             counterclock=False, textprops={"fontproperties": font, "fontsize": 8})
            legend = [f"{label} {money(v)}万元（{v / total * 100:.2f}%）"
                      for label, v in zip(chart.labels, chart.values, strict=True)]
            ax.legend(wedges, legend, prop=font, loc="center left", bbox_to_anchor=(1, 0.5), fontsize=8, frameon=False)
            ax.axis("equal")
        else:
            ax.text(0.5, 0.5, "本年无此项支出", ha="center", va="center", fontproperties=font)
            ax.axis("off")
        ax.set_title(f"图{chart.number}：{chart.title}", fontproperties=font, fontsize=11)
        fig.tight_layout()
        buffer = io.BytesIO()
        fig.savefig(buffer, format="png")
        return buffer.getvalue()
    finally:
        plt.close(fig)
