"""Articles per day per outlet as a server-rendered SVG line chart: no script, no CDN."""

from __future__ import annotations

from collections import defaultdict
from html import escape

WIDTH, HEIGHT, PAD = 760, 260, 40
COLOURS = ("#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2",
           "#17becf", "#bcbd22", "#7f7f7f")  # fmt: skip


def daily_chart(counts: list[tuple[str, str, int]]) -> str:
    """`counts` of (outlet, day, articles) as an <svg> with one line and legend per outlet."""
    days = sorted({day for _, day, _ in counts})
    if not days:
        return '<svg class="chart" width="760" height="40" role="img"><text x="10" y="25">' \
               "no articles yet</text></svg>"  # fmt: skip
    series: dict[str, dict[str, int]] = defaultdict(dict)
    for outlet, day, n in counts:
        series[outlet][day] = n
    top = max(n for _, _, n in counts) or 1
    step = (WIDTH - 2 * PAD) / max(len(days) - 1, 1)

    def point(i: int, n: int) -> str:
        return f"{PAD + i * step:.1f},{HEIGHT - PAD - n / top * (HEIGHT - 2 * PAD):.1f}"

    parts = [f'<svg class="chart" xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" '
             f'height="{HEIGHT + 20 * len(series)}" role="img" aria-label="articles per day">',
             f'<line x1="{PAD}" y1="{HEIGHT - PAD}" x2="{WIDTH - PAD}" y2="{HEIGHT - PAD}" '
             'stroke="#999"/>',
             f'<text x="4" y="{PAD}" font-size="11">{top}</text>',
             f'<text x="{PAD}" y="{HEIGHT - PAD + 14}" font-size="11">{escape(days[0])}</text>',
             f'<text x="{WIDTH - PAD - 60}" y="{HEIGHT - PAD + 14}" font-size="11">'
             f"{escape(days[-1])}</text>"]  # fmt: skip
    for k, (outlet, per_day) in enumerate(sorted(series.items())):
        colour = COLOURS[k % len(COLOURS)]
        points = " ".join(point(i, per_day.get(day, 0)) for i, day in enumerate(days))
        parts.append(f'<polyline class="series" data-outlet="{escape(outlet)}" fill="none" '
                     f'stroke="{colour}" stroke-width="2" points="{points}"/>')  # fmt: skip
        y = HEIGHT + 14 * k + 4
        parts.append(f'<rect x="{PAD}" y="{y}" width="10" height="10" fill="{colour}"/>'
                     f'<text x="{PAD + 16}" y="{y + 9}" font-size="12">{escape(outlet)}</text>')  # fmt: skip
    parts.append("</svg>")
    return "".join(parts)
