"""The height model the PDF plans with, before WeasyPrint lays anything out."""

from __future__ import annotations

from pathlib import Path

import pytest

from cardgen.notes.blocks import answer_block
from cardgen.pdf.estimate import block_height, wrapped_lines
from cardgen.vocab import BlockKind


def test_cjk_characters_are_one_em_and_break_anywhere() -> None:
    assert wrapped_lines("测" * 10, 5.0) == 2
    assert wrapped_lines("测" * 10, 10.0) == 1
    assert wrapped_lines("测" * 11, 10.0) == 2


def test_latin_text_breaks_at_spaces_and_long_words_wrap() -> None:
    assert wrapped_lines("word " * 3, 100.0) == 1
    assert wrapped_lines("a" * 200, 20.0) >= 5
    assert wrapped_lines("one\ntwo", 100.0) == 2


@pytest.mark.parametrize(
    ("kind", "html"),
    [
        (BlockKind.PARAGRAPH, "<p>探针是保障 Pod 可用性的核心机制。</p>"),
        (BlockKind.LIST_ITEM, "<ul><li>exec：执行命令</li></ul>"),
        (BlockKind.CODE, "<pre><code>kubectl get pods --all-namespaces --output wide\n</code></pre>"),
    ],
)
def test_heights_grow_with_the_font_size_and_shrink_with_width(kind: BlockKind, html: str) -> None:
    block, long = answer_block(kind, html), answer_block(kind, html * 6)
    assert block_height(block, 10.0, 86.0) > block_height(block, 7.0, 86.0)
    assert block_height(long, 8.0, 40.0) > block_height(long, 8.0, 86.0)


def test_a_table_is_as_tall_as_its_tallest_cells() -> None:
    short = "<table><tr><th>a</th><th>b</th></tr><tr><td>1</td><td>2</td></tr></table>"
    tall = short.replace("<td>2</td>", "<td>" + "很长的内容" * 20 + "</td>")
    table = BlockKind.TABLE
    assert block_height(answer_block(table, tall), 8.0, 86.0) > 2 * block_height(answer_block(table, short), 8.0, 86.0)


def test_an_image_is_planned_at_its_printed_size_and_a_remote_one_as_text(tmp_path: Path) -> None:
    """A wide picture prints scaled to the card's width, far below the tallest an image may be;
    a remote image prints as its alt text: planned as images, both made answers "too tall for
    any card" that printed whole (javascript-testing-best-practices' badges)."""
    from PIL import Image

    from cardgen.notes.media import natural_size_mm
    from cardgen.pdf.estimate import image_height
    from cardgen.pdf.metrics import IMAGE_MM

    wide = tmp_path / "wide.png"
    Image.new("RGB", (1600, 200)).save(wide)
    size = natural_size_mm(wide)
    assert size == pytest.approx((1600 * 25.4 / 96, 200 * 25.4 / 96))
    assert image_height(size, 85.0) == pytest.approx(85.0 / 8) and image_height((0.0, 0.0), 85.0) == IMAGE_MM
    local = answer_block(BlockKind.PARAGRAPH, '<p><img src="wide.png" alt="" /></p>', image_sizes=(size,))
    assert local.images == 1 and block_height(local, 10.0, 85.0) < IMAGE_MM / 2
    badges = answer_block(BlockKind.PARAGRAPH, '<p><img src="https://img.shields.io/b.svg" alt="badge" /></p>')
    assert badges.images == 0 and block_height(badges, 10.0, 85.0) < 10.0
