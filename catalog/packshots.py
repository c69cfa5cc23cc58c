"""Generated packshots: a simple picture of a pack drawn from the product's own data, for a
catalog whose products have no photo yet (the demo shop; `CATALOG["PACKSHOTS"]`).

Original artwork, no external assets: a jar, a tub, a bottle, a box or a bag (by dose form)
in a colour derived from the brand's slug, with the brand, the product's name and its
magnesium a day on the label. PNG, because Google Merchant Center takes no SVG.

Pure: plain values in, PNG bytes out (Pillow only; no models, no settings).
"""

from __future__ import annotations

import colorsys
import hashlib
import io
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from PIL import Image, ImageDraw, ImageFont

SIZE_PX = 480
# Pack shapes by dose form; an unknown form gets a jar.
SHAPES = {
    "capsule": "jar",
    "tablet": "jar",
    "softgel": "jar",
    "gummy": "tub",
    "powder": "tub",
    "effervescent": "tube",
    "liquid": "bottle",
    "spray": "bottle",
    "flakes": "bag",
}
VERSION = "1"  # part of every key: a change of drawing gives every packshot a new URL


@dataclass(frozen=True)
class Packshot:
    """What a packshot shows."""

    brand_slug: str
    brand_name: str
    name: str
    dose_form: str
    per_day_mg: Decimal | None  # None: no oral dose (a bath salt)

    @property
    def key(self) -> str:
        """A short digest of everything drawn: part of the URL, so a changed product gets a
        new URL and an unchanged one can be cached for good."""
        text = "|".join(
            (
                VERSION,
                self.brand_slug,
                self.brand_name,
                self.name,
                self.dose_form,
                "" if self.per_day_mg is None else f"{self.per_day_mg.normalize():f}",
            )
        )
        return hashlib.sha1(text.encode("utf-8")).hexdigest()[:10]

    @property
    def dose_text(self) -> str:
        if self.per_day_mg is None:
            return "Mg"
        return f"{self.per_day_mg.normalize():f}".rstrip(".") + " mg"


def brand_colour(slug: str) -> tuple[int, int, int]:
    """A colour of the brand's own, dark enough for white text (contrast >= 4.5:1)."""
    hue = int(hashlib.sha1(slug.encode("utf-8")).hexdigest()[:4], 16) / 0xFFFF
    r, g, b = colorsys.hls_to_rgb(hue, 0.30, 0.55)
    return int(r * 255), int(g * 255), int(b * 255)


def _tint(colour: tuple[int, int, int], amount: float) -> tuple[int, int, int]:
    return tuple(int(c + (255 - c) * amount) for c in colour)  # type: ignore[return-value]


@lru_cache(maxsize=16)
def _font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    return ImageFont.load_default(size=size)


def _wrap(draw: ImageDraw.ImageDraw, text: str, size: int, width: int, lines: int) -> list[str]:
    """Words into at most `lines` lines of at most `width` px; the last one cut with "…"."""
    font = _font(size)
    result: list[str] = []
    line = ""
    for word in text.split():
        trial = f"{line} {word}".strip()
        if draw.textlength(trial, font=font) <= width:
            line = trial
            continue
        if line:
            result.append(line)
        line = word
    if line:
        result.append(line)
    if len(result) > lines:
        result = result[:lines]
        last = result[-1]
        while last and draw.textlength(last + "…", font=font) > width:
            last = last[:-1]
        result[-1] = last.rstrip() + "…"
    return result


def _body(shape: str) -> tuple[tuple[int, int, int, int], tuple[int, int, int, int] | None, int]:
    """The pack's body box, its cap box (or None) and the body's corner radius."""
    s = SIZE_PX
    if shape == "bottle":
        return (
            (s * 30 // 100, s * 30 // 100, s * 70 // 100, s * 92 // 100),
            (s * 42 // 100, s * 12 // 100, s * 58 // 100, s * 30 // 100),
            40,
        )
    if shape == "tub":
        return (
            (s * 16 // 100, s * 30 // 100, s * 84 // 100, s * 90 // 100),
            (s * 13 // 100, s * 20 // 100, s * 87 // 100, s * 31 // 100),
            24,
        )
    if shape == "tube":
        return (
            (s * 32 // 100, s * 12 // 100, s * 68 // 100, s * 92 // 100),
            (s * 34 // 100, s * 5 // 100, s * 66 // 100, s * 13 // 100),
            30,
        )
    if shape == "bag":
        return (s * 18 // 100, s * 12 // 100, s * 82 // 100, s * 92 // 100), None, 18
    return (
        (s * 22 // 100, s * 24 // 100, s * 78 // 100, s * 92 // 100),
        (s * 26 // 100, s * 10 // 100, s * 74 // 100, s * 25 // 100),
        36,
    )


def render_png(shot: Packshot) -> bytes:
    """The packshot as a PNG of SIZE_PX square."""
    colour = brand_colour(shot.brand_slug)
    image = Image.new("RGB", (SIZE_PX, SIZE_PX), _tint(colour, 0.90))
    draw = ImageDraw.Draw(image)
    body, cap, radius = _body(SHAPES.get(shot.dose_form, "jar"))
    x0, y0, x1, y1 = body
    # A soft shadow under the pack, the body, the cap.
    draw.ellipse((x0 + 10, y1 - 14, x1 - 10, y1 + 12), fill=_tint(colour, 0.75))
    draw.rounded_rectangle(body, radius=radius, fill=colour)
    if cap is not None:
        draw.rounded_rectangle(cap, radius=12, fill=_tint(colour, 0.35))
    # The label: white, with the brand, the name and the dose.
    pad = 16
    label = (x0 + pad, y0 + (y1 - y0) * 18 // 100, x1 - pad, y0 + (y1 - y0) * 86 // 100)
    draw.rounded_rectangle(label, radius=14, fill=(255, 255, 255))
    lx0, ly0, lx1, ly1 = label
    inner = lx1 - lx0 - 24
    centre = (lx0 + lx1) // 2
    y = ly0 + 14
    for line in _wrap(draw, shot.brand_name.upper(), 20, inner, 1):
        draw.text((centre, y), line, font=_font(20), fill=colour, anchor="mt")
        y += 28
    name_size = 24 if inner > 200 else 18
    for line in _wrap(draw, shot.name, name_size, inner, 3):
        draw.text((centre, y), line, font=_font(name_size), fill=(27, 31, 35), anchor="mt")
        y += name_size + 6
    dose_size = 44
    while dose_size > 18 and draw.textlength(shot.dose_text, font=_font(dose_size)) > inner:
        dose_size -= 2
    draw.text((centre, ly1 - 14), shot.dose_text, font=_font(dose_size), fill=colour, anchor="mb")
    out = io.BytesIO()
    image.quantize(colors=64).save(out, format="PNG", optimize=True)
    return out.getvalue()
