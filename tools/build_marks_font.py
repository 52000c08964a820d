"""Build ``newsdiff_gui/data/resources/fonts/NewsdiffMarks.ttf``: every mark
newsdiff shows beside colour (✋ ⓘ ✎ ★ ◆ ◐ ▨ ≈ ↕ …), drawn here as polygons.

Why a font of our own: on a machine without a font that has ``✋`` or
``ⓘ``, Qt drew an empty box where "linked by hand" or "info" should be
(issue 17). A font registered with Qt fills every such hole everywhere the
marks are text — gutters, rich-text panels, the PDF — with no change to the
code that draws them, and drawing the outlines in code keeps the licence
ours and the file a few kilobytes.

Every outline is a polygon (circles have 48 sides): at the sizes marks are
shown that is indistinguishable from curves. Outer contours run clockwise
and holes counter-clockwise (TrueType's non-zero rule), which ``_polygon``
enforces from the signed area.

Run after changing a glyph (needs fontTools: ``pip install '.[fonts]'``):
    .venv/bin/python -m tools.build_marks_font
The test ``tests/ui/base/test_marks_font.py`` checks the file covers every mark.
"""

from __future__ import annotations

import math
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from fontTools.fontBuilder import FontBuilder
from fontTools.pens.ttGlyphPen import TTGlyphPen

OUT = (
    Path(__file__).resolve().parents[1]
    / "newsdiff_gui" / "data" / "resources" / "fonts" / "NewsdiffMarks.ttf"
)  # fmt: skip
FAMILY = "Newsdiff Marks"
EM, ASCENT, DESCENT = 1000, 800, 200
ADVANCE = 800  # most marks are square-ish, a little narrower than an em
Point = tuple[float, float]


def _area(points: Sequence[Point]) -> float:
    pairs = zip(points, [*points[1:], points[0]], strict=True)
    return sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in pairs) / 2


def _polygon(pen: TTGlyphPen, points: Sequence[Point], hole: bool = False) -> None:
    """A closed contour, clockwise (y up) unless it is a ``hole``."""
    points = list(points)
    clockwise = _area(points) < 0
    if clockwise == hole:
        points.reverse()
    pen.moveTo(_round(points[0]))
    for point in points[1:]:
        pen.lineTo(_round(point))
    pen.closePath()


def _round(point: Point) -> tuple[int, int]:
    return round(point[0]), round(point[1])


def _circle(cx: float, cy: float, r: float, sides: int = 48) -> list[Point]:
    return [
        (cx + r * math.cos(2 * math.pi * k / sides), cy + r * math.sin(2 * math.pi * k / sides))
        for k in range(sides)
    ]


def _bar(a: Point, b: Point, width: float) -> list[Point]:
    """A straight stroke from ``a`` to ``b``, ``width`` thick, square ends."""
    dx, dy = b[0] - a[0], b[1] - a[1]
    length = math.hypot(dx, dy) or 1.0
    nx, ny = -dy / length * width / 2, dx / length * width / 2
    return [(a[0] + nx, a[1] + ny), (b[0] + nx, b[1] + ny), (b[0] - nx, b[1] - ny),
            (a[0] - nx, a[1] - ny)]  # fmt: skip


def _rect(x0: float, y0: float, x1: float, y1: float) -> list[Point]:
    return [(x0, y0), (x0, y1), (x1, y1), (x1, y0)]


def _rounded(x0: float, y0: float, x1: float, y1: float, r: float) -> list[Point]:
    """A rectangle with round corners of radius ``r`` (8 steps a corner)."""
    points: list[Point] = []
    corners = (
        (x1 - r, y1 - r, 0), (x0 + r, y1 - r, 90), (x0 + r, y0 + r, 180), (x1 - r, y0 + r, 270),
    )  # fmt: skip
    for cx, cy, start in corners:
        for step in range(9):
            angle = math.radians(start + step * 90 / 8)
            points.append((cx + r * math.cos(angle), cy + r * math.sin(angle)))
    return points


def _ring(pen: TTGlyphPen, cx: float, cy: float, r: float, width: float) -> None:
    _polygon(pen, _circle(cx, cy, r))
    _polygon(pen, _circle(cx, cy, r - width), hole=True)


def _clip(points: list[Point], x0: float, y0: float, x1: float, y1: float) -> list[Point]:
    """Sutherland–Hodgman: ``points`` (convex) inside the box."""
    edges: list[Callable[[Point], float]] = [
        lambda p: p[0] - x0, lambda p: x1 - p[0], lambda p: p[1] - y0, lambda p: y1 - p[1],
    ]  # fmt: skip
    for inside in edges:
        out: list[Point] = []
        for a, b in zip(points, [*points[1:], points[0]], strict=True):
            da, db = inside(a), inside(b)
            if da >= 0:
                out.append(a)
            if (da >= 0) != (db >= 0):
                t = da / (da - db)
                out.append((a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])))
        points = out
        if not points:
            break
    return points


# -- the glyphs: each draws into a pen; the advance width is ADVANCE unless listed --------
def minus(pen: TTGlyphPen) -> None:
    _polygon(pen, _rect(90, 250, 710, 330))


def approx(pen: TTGlyphPen) -> None:
    for base in (190, 390):
        upper = [(x, base + 40 + 55 * math.sin((x - 90) / 620 * 2 * math.pi)) for x in
                 range(90, 711, 20)]  # fmt: skip
        lower = [(x, y - 80) for x, y in reversed(upper)]
        _polygon(pen, [*upper, *lower])


def star(pen: TTGlyphPen) -> None:
    points = []
    for k in range(10):
        r = 400 if k % 2 == 0 else 165
        angle = math.pi / 2 + k * math.pi / 5
        points.append((400 + r * math.cos(angle), 290 + r * math.sin(angle)))
    _polygon(pen, points)


def square(pen: TTGlyphPen) -> None:
    _polygon(pen, _rect(110, 0, 690, 580))


def hatched_square(pen: TTGlyphPen) -> None:
    _polygon(pen, _rect(100, -10, 700, 590))
    _polygon(pen, _rect(160, 50, 640, 530), hole=True)
    for shift in range(-480, 520, 130):  # stripes from lower left to upper right
        stripe = [(160 + shift, 50), (160 + shift + 480, 530), (160 + shift + 530, 530),
                  (160 + shift + 50, 50)]  # fmt: skip
        clipped = _clip(stripe, 160, 50, 640, 530)
        if len(clipped) >= 3 and abs(_area(clipped)) > 50:
            _polygon(pen, clipped)


def diamond(pen: TTGlyphPen) -> None:
    _polygon(pen, [(400, -20), (90, 290), (400, 600), (710, 290)])


def half_circle(pen: TTGlyphPen) -> None:
    _ring(pen, 400, 290, 330, 70)
    half = [p for p in _circle(400, 290, 262, 96) if p[0] <= 400.5]
    half.sort(key=lambda p: math.atan2(p[1] - 290, p[0] - 400) % (2 * math.pi))
    _polygon(pen, [(400, 552), *half, (400, 28)])


def clock(pen: TTGlyphPen) -> None:
    _ring(pen, 400, 290, 330, 65)
    _polygon(pen, _rect(368, 290, 432, 540))
    _polygon(pen, _rect(368, 258, 600, 322))


def triangle_up(pen: TTGlyphPen) -> None:
    _polygon(pen, [(70, 0), (400, 600), (730, 0)])


def triangle_down(pen: TTGlyphPen) -> None:
    _polygon(pen, [(70, 600), (730, 600), (400, 0)])


def info(pen: TTGlyphPen) -> None:
    _ring(pen, 400, 290, 340, 60)
    _polygon(pen, _circle(400, 470, 48, 24))
    _polygon(pen, _rect(360, 100, 440, 380))


def numero(pen: TTGlyphPen) -> None:
    for stroke in (_bar((95, 0), (95, 700), 90), _bar((395, 0), (395, 700), 90)):
        _polygon(pen, stroke)
    _polygon(pen, [(50, 700), (140, 700), (440, 0), (350, 0)])
    _ring(pen, 650, 430, 130, 60)
    _polygon(pen, _rect(520, 180, 780, 240))


def pencil(pen: TTGlyphPen) -> None:
    a, b = (200, 120), (640, 560)  # the body along the diagonal
    _polygon(pen, _bar(a, b, 150))
    ux, uy = (
        (b[0] - a[0]) / math.hypot(b[0] - a[0], b[1] - a[1]),
        (b[1] - a[1]) / math.hypot(b[0] - a[0], b[1] - a[1]),
    )
    nx, ny = -uy * 75, ux * 75
    _polygon(pen, [(a[0] + nx, a[1] + ny), (a[0] - nx, a[1] - ny), (80, 0)])  # the point
    end = (b[0] + ux * 30, b[1] + uy * 30)  # a gap, then the eraser cap
    cap = (end[0] + ux * 90, end[1] + uy * 90)
    _polygon(pen, _bar(end, cap, 150))


def hand(pen: TTGlyphPen) -> None:
    _polygon(pen, _rounded(190, -40, 640, 330, 90))  # palm
    for x0, top in ((190, 610), (300, 700), (410, 680), (520, 590)):  # four fingers
        _polygon(pen, _rounded(x0 + 14, 200, x0 + 96, top, 41))
    _polygon(pen, _bar((600, 120), (770, 330), 110))  # thumb
    _polygon(pen, _circle(770, 330, 55, 24))


def dashed_arrow(pen: TTGlyphPen) -> None:
    for x0 in (40, 210, 380):
        _polygon(pen, _rect(x0, 255, x0 + 110, 335))
    _polygon(pen, [(520, 90), (520, 500), (770, 295)])


def up_down_arrow(pen: TTGlyphPen) -> None:
    """One outline: a shaft with a head at each end, taller than the other
    marks (ascender to descender), as system fonts draw it."""
    _polygon(pen, [
        (300, 720), (530, 450), (350, 450), (350, 110), (530, 110), (300, -160),
        (70, 110), (250, 110), (250, 450), (70, 450),
    ])  # fmt: skip


def swap_arrows(pen: TTGlyphPen) -> None:
    _polygon(pen, _rect(60, 400, 560, 460))
    _polygon(pen, [(540, 300), (540, 560), (750, 430)])
    _polygon(pen, _rect(240, 120, 740, 180))
    _polygon(pen, [(260, 20), (260, 280), (50, 150)])


def check(pen: TTGlyphPen) -> None:
    _polygon(pen, _bar((110, 300), (320, 60), 110))
    _polygon(pen, _bar((290, 70), (720, 620), 110))


def cross(pen: TTGlyphPen) -> None:
    _polygon(pen, _bar((150, 30), (650, 590), 110))
    _polygon(pen, _bar((150, 590), (650, 30), 110))


GLYPHS: dict[str, tuple[Callable[[TTGlyphPen], None], int]] = {
    "\u2212": (minus, ADVANCE),  # − omitted
    "\u2248": (approx, ADVANCE),  # ≈ reworded
    "\u2605": (star, ADVANCE),  # ★ only in
    "\u25a0": (square, ADVANCE),  # ■ verbatim
    "\u25a8": (hatched_square, ADVANCE),  # ▨ hatched (absent) cell
    "\u25c6": (diamond, ADVANCE),  # ◆ reworded (coverage)
    "\u25d0": (half_circle, ADVANCE),  # ◐ partial
    "\u25f7": (clock, ADVANCE),  # ◷ dates
    "\u25b2": (triangle_up, ADVANCE),  # ▲ severity, previous change
    "\u25bc": (triangle_down, ADVANCE),  # ▼ next change
    "\u24d8": (info, ADVANCE),  # ⓘ info
    "\u2116": (numero, 850),  # № numbers
    "\u270e": (pencil, ADVANCE),  # ✎ note
    "\u270b": (hand, 850),  # ✋ linked by hand
    "\u21e2": (dashed_arrow, ADVANCE),  # ⇢ marked for linking
    "\u21c4": (swap_arrows, ADVANCE),  # ⇄ swap sides, linked pair
    "\u2195": (up_down_arrow, 600),  # ↕ moved passage
    "\u2713": (check, ADVANCE),  # ✓ found
    "\u2717": (cross, ADVANCE),  # ✗ missed
}


def build(path: Path = OUT) -> Path:
    names = [".notdef"] + [f"uni{ord(c):04X}" for c in GLYPHS]
    builder = FontBuilder(EM, isTTF=True)
    builder.setupGlyphOrder(names)
    builder.setupCharacterMap({ord(c): f"uni{ord(c):04X}" for c in GLYPHS})
    glyphs = {}
    metrics = {}
    notdef = TTGlyphPen(None)
    _polygon(notdef, _rect(50, 0, 450, 700))
    _polygon(notdef, _rect(100, 50, 400, 650), hole=True)
    glyphs[".notdef"], metrics[".notdef"] = notdef.glyph(), (500, 50)
    for char, (draw, advance) in GLYPHS.items():
        pen = TTGlyphPen(None)
        draw(pen)
        glyph = pen.glyph()
        name = f"uni{ord(char):04X}"
        glyphs[name] = glyph
        metrics[name] = (advance, 0)
    builder.setupGlyf(glyphs)
    glyf = builder.font["glyf"]
    builder.setupHorizontalMetrics(
        {name: (advance, glyf[name].xMin if hasattr(glyf[name], "xMin") else 0)
         for name, (advance, _) in metrics.items()}
    )  # fmt: skip
    builder.setupHorizontalHeader(ascent=ASCENT, descent=-DESCENT)
    builder.setupNameTable(
        {
            "familyName": FAMILY,
            "styleName": "Regular",
            "uniqueFontIdentifier": "newsdiff:NewsdiffMarks",
            "fullName": FAMILY,
            "psName": "NewsdiffMarks-Regular",
            "version": "Version 1.000",
            "copyright": "Drawn in code by the newsdiff authors; same licence as newsdiff",
        }
    )
    builder.setupOS2(
        sTypoAscender=ASCENT, sTypoDescender=-DESCENT, sTypoLineGap=0,
        usWinAscent=ASCENT, usWinDescent=DESCENT, achVendID="NDIF",
    )  # fmt: skip
    builder.setupPost()
    builder.setupHead(unitsPerEm=EM)
    path.parent.mkdir(parents=True, exist_ok=True)
    builder.save(str(path))
    return path


def main() -> int:
    written = build()
    print(f"{written.relative_to(Path.cwd()) if written.is_relative_to(Path.cwd()) else written}: "
          f"{len(GLYPHS)} marks, {written.stat().st_size} bytes")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
