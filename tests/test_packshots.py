"""Generated packshots (`catalog.packshots`): a PNG drawn from the product's own data."""

from __future__ import annotations

import io
from decimal import Decimal

import pytest
from PIL import Image

from catalog.packshots import SIZE_PX, Packshot, brand_colour, render_png

SHOT = Packshot("vitaflux", "Vitaflux", "Magnesium Citraat 400 mg", "capsule", Decimal("399.9"))


def contrast(a: tuple[int, int, int], b: tuple[int, int, int]) -> float:
    def luminance(rgb):
        parts = []
        for c in rgb:
            c = c / 255
            parts.append(c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4)
        return 0.2126 * parts[0] + 0.7152 * parts[1] + 0.0722 * parts[2]

    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.mark.parametrize(
    "dose_form", ["capsule", "powder", "liquid", "effervescent", "flakes", "?"]
)
def test_every_dose_form_renders_a_small_square_png(dose_form):
    png = render_png(Packshot("b", "Brand", "A name " * 12, dose_form, Decimal("1234.5")))
    image = Image.open(io.BytesIO(png))
    assert image.format == "PNG"
    assert image.size == (SIZE_PX, SIZE_PX)
    assert len(png) < 20_000


def test_the_brand_colour_comes_from_the_slug_and_carries_white_text():
    slugs = ["vitaflux", "nordmag", "zeewind-labs", "lumenvita", "brightfjord", "a", "b"]
    colours = {slug: brand_colour(slug) for slug in slugs}
    assert colours == {slug: brand_colour(slug) for slug in slugs}  # the same every time
    assert len(set(colours.values())) == len(slugs)
    for slug, colour in colours.items():
        assert contrast(colour, (255, 255, 255)) >= 4.5, slug


def test_the_key_changes_with_what_is_drawn_and_only_then():
    assert SHOT.key == Packshot(*vars(SHOT).values()).key
    changed = [
        Packshot("nordmag", "Vitaflux", SHOT.name, "capsule", SHOT.per_day_mg),
        Packshot("vitaflux", "Vitaflux", "Magnesium Citraat 300 mg", "capsule", SHOT.per_day_mg),
        Packshot("vitaflux", "Vitaflux", SHOT.name, "tablet", SHOT.per_day_mg),
        Packshot("vitaflux", "Vitaflux", SHOT.name, "capsule", Decimal("400")),
        Packshot("vitaflux", "Vitaflux", SHOT.name, "capsule", None),
    ]
    assert len({SHOT.key, *(shot.key for shot in changed)}) == 6
    assert Packshot("vitaflux", "Vitaflux", SHOT.name, "capsule", Decimal("399.90")).key == SHOT.key


def test_the_label_shows_the_daily_dose():
    assert SHOT.dose_text == "399.9 mg"
    assert Packshot("b", "B", "n", "tablet", Decimal("300.0")).dose_text == "300 mg"
    assert Packshot("b", "B", "n", "flakes", None).dose_text == "Mg"
