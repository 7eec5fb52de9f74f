"""Print geometry: grids, presets, duplex mirroring."""

from __future__ import annotations

import pytest

from cardgen.config.printing import MIN_MARGIN, PAPERS, parse_card_size
from cardgen.errors import ConfigError
from cardgen.pdf.layout import make_sheet


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_default_card_gives_two_by_four(paper: str) -> None:
    sheet = make_sheet(paper, parse_card_size("default"))
    assert (sheet.columns, sheet.rows, sheet.per_sheet) == (2, 4, 8)
    assert (sheet.page_width, sheet.page_height) == PAPERS[paper]
    assert sheet.left >= MIN_MARGIN and sheet.top >= MIN_MARGIN
    assert sheet.left == pytest.approx(sheet.page_width - sheet.left - 2 * 95)  # centred


@pytest.mark.parametrize(
    ("spec", "size"),
    [
        ("a7", (105, 74)),
        ("A6", (148, 105)),
        ("3x5in", (127, 76.2)),
        ("4x6in", (152.4, 101.6)),
        ("business", (85, 55)),
        ("90x60", (90, 60)),
        ("90×60mm", (90, 60)),
        ("2.5x3.5in", (63.5, 88.9)),
    ],
)
def test_card_sizes(spec: str, size: tuple[float, float]) -> None:
    assert parse_card_size(spec) == pytest.approx(size)


@pytest.mark.parametrize(("spec", "message"), [("huge", "expected one of"), ("10x10", "too small"), ("90x", "WxH")])
def test_bad_card_sizes(spec: str, message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        parse_card_size(spec)


def test_card_too_big_for_paper() -> None:
    with pytest.raises(ConfigError, match="does not fit on a4"):
        make_sheet("a4", (250, 100))
    with pytest.raises(ConfigError, match="paper: expected one of a4, letter, got 'a5'"):
        make_sheet("a5", (95, 65))


def test_duplex_mirrors_positions_not_content() -> None:
    sheet = make_sheet("a4", (95, 65))
    for k in range(sheet.per_sheet):
        front = sheet.front(k)
        long_back = sheet.back(k, "long")
        short_back = sheet.back(k, "short")
        assert long_back.x == pytest.approx(sheet.page_width - front.x - 95) and long_back.y == front.y
        assert short_back.y == pytest.approx(sheet.page_height - front.y - 65) and short_back.x == front.x
    # Card 0 (top left) has its back top right on a long-edge flip, bottom left on a short-edge flip.
    assert sheet.back(0, "long") == sheet.front(1)
    assert sheet.back(0, "short") == sheet.front(6)


def test_fold_layout_units_are_double_width() -> None:
    sheet = make_sheet("a4", (95, 65), fold=True)
    assert (sheet.columns, sheet.rows, sheet.card_width) == (1, 4, 190)
    small = make_sheet("a4", parse_card_size("business"), fold=True)
    assert (small.columns, small.rows) == (1, 5)
