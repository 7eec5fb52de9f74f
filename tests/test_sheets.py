"""Composing sheets: fronts, backs at the mirrored slot, fold layout, ids unique in the PDF."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest

from cardgen.commands.build import plan
from cardgen.config.options import BuildConfig
from cardgen.config.printing import PrintOptions
from cardgen.pdf.engine import Renderer, weasyprint_warnings
from cardgen.pdf.fit import fit_card
from cardgen.pdf.fonts import stacks_for
from cardgen.pdf.layout import make_sheet
from cardgen.pdf.markup import PX_PER_MM, css, face_height, face_width
from cardgen.pdf.sheets import Sheets, compose
from cardgen.vocab import Duplex, Layout, Paper
from tests.conftest import FIXTURES

LEFT = re.compile(r'class="card (front|back)" style="transform:translate\(([\d.]+)mm,([\d.]+)mm\)"')


def printed(options: PrintOptions) -> list:  # type: ignore[type-arg]
    deck = plan(BuildConfig(sources=(FIXTURES / "tables.md",), write_pdf=False))
    width, height = face_width(options.card_size[0]), face_height(options.card_size[1])
    return [pc for card in deck.cards for pc in fit_card(card, width, height, options.font_floor).cards]


def test_duplex_backs_sit_at_the_mirrored_column() -> None:
    options = PrintOptions()
    sheet = make_sheet(Paper.A4, options.card_size)
    cards = printed(options)
    pages = compose(cards, sheet, options)
    assert len(pages) == 2 * -(-len(cards) // sheet.per_sheet)
    fronts = [(float(x), float(y)) for side, x, y in LEFT.findall(pages[0]) if side == "front"]
    backs = [(float(x), float(y)) for side, x, y in LEFT.findall(pages[1]) if side == "back"]
    assert len(fronts) == len(backs) == min(len(cards), sheet.per_sheet)
    for (fx, fy), (bx, by) in zip(fronts, backs, strict=True):
        assert abs(bx - (sheet.page_width - fx - sheet.card_width)) < 0.01 and abs(by - fy) < 0.01
    ids = re.findall(r'id="([fb]\d+)"', "".join(pages))
    assert len(ids) == len(set(ids)) == 2 * len(cards)


def test_short_edge_and_fold() -> None:
    options = replace(PrintOptions(), duplex=Duplex.SHORT)
    sheet = make_sheet(Paper.A4, options.card_size)
    pages = compose(printed(options)[:1], sheet, options)
    (_, fx, fy), (_, bx, by) = LEFT.findall(pages[0])[0], LEFT.findall(pages[1])[0]
    assert float(bx) == float(fx) and abs(float(by) - (sheet.page_height - float(fy) - sheet.card_height)) < 0.01
    fold = replace(PrintOptions(), layout=Layout.FOLD)
    pages = compose(printed(fold)[:2], make_sheet(Paper.A4, fold.card_size, fold=True), fold)
    assert len(pages) == 1 and 'class="fold"' in pages[0]


@pytest.mark.slow
def test_a_face_measures_the_same_in_every_slot(tmp_path: Path) -> None:
    """WeasyPrint lays an absolutely placed box out where it would stand in the flow and counts
    its offset against the page's bottom: with cards placed by top/left and fronts centred by a
    shift, the end of a tall front low on the page went onto the next page, measured short, and
    its last option was not printed. Every slot must measure the whole face, and a face that does
    not fit must measure as not fitting."""
    options = PrintOptions()
    sheet = make_sheet(options.paper, options.card_size)
    deck = plan(BuildConfig(sources=(FIXTURES / "print" / "tall-front.md",), write_pdf=False))
    (card,) = [c for c in deck.cards if "cg-prompt" in c.front_html]
    width, height = face_width(options.card_size[0]), face_height(options.card_size[1])
    fitted = fit_card(card, width, height, options.font_floor).cards[0]
    style = css(sheet, stacks_for("en"), *options.card_size)
    with weasyprint_warnings():
        for size in (6.5, 24.0):  # fits; does not fit
            tall = replace(fitted, front_pt=size)
            heights = []
            for slot in range(sheet.per_sheet, 2 * sheet.per_sheet):  # on the second sheet
                filler = replace(fitted, front_pt=6.5)
                printed = [tall if n == slot else filler for n in range(2 * sheet.per_sheet)]
                sheets = Sheets(Renderer(tmp_path), sheet, options, ("en", style), "setup")
                box = sheets.render(printed)[f"f{slot}"]
                heights.append(round((box[3] - box[1]) / PX_PER_MM, 2))
            assert len(set(heights)) == 1, (size, heights)
            assert (heights[0] <= height) == (size == 6.5), (size, heights)
