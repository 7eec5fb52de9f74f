"""Making every face fit its card: shrink in steps to a floor, then continue on more cards.

Sizes and splits are planned from the height model in ``estimate`` (a few microseconds a
face, where a WeasyPrint layout costs milliseconds). The plan is then checked against the
final layout (``sheets.py``): a face that still overflows is set a step smaller, or its
answer packed tighter, so a wrong estimate costs a re-rendered sheet, never a clipped card.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from cardgen.config.printing import PrintOptions
from cardgen.model import AnswerBlock, Card
from cardgen.pdf.estimate import block_height, header_height, question_height
from cardgen.pdf.markup import PrintCard, face_height, face_width
from cardgen.pdf.pieces import cut_to_fit
from cardgen.vocab import BlockKind, Side

FRONT_STEPS = (14.0, 12.0, 11.0, 10.0, 9.0, 8.0, 7.0, 6.5)
BACK_STEPS = (10.0, 9.0, 8.5, 8.0, 7.5, 7.0, 6.5)
MAX_LEAD_IN_CHARS = 60
# Plans keep this share of the card, for the estimate's error (measured within ±3 %).
SLACK = 0.96


def steps(all_steps: Sequence[float], floor: float) -> tuple[float, ...]:
    kept = tuple(s for s in all_steps if s >= floor)
    return kept if kept and kept[-1] == floor else (*kept, floor)


@dataclass(frozen=True)
class Fitted:
    """How one card prints."""

    cards: tuple[PrintCard, ...]
    """One print card, or several when the answer continues."""
    shrunk: bool
    """A face is smaller than the base size."""
    room_factor: float = 1.0
    """Share of the card the answer was packed into (less than 1 after a split part overflowed)."""
    clipped: Side | None = None
    """The face that still overflows its card at the floor size, found when laid out; None when
    every face fits."""


def plan(
    front_html: str,
    heading_html: str,
    blocks: tuple[AnswerBlock, ...],
    width: float,
    height: float,
    floor: float,
    room_factor: float = 1.0,
) -> tuple[float, float, list[tuple[AnswerBlock, ...]]]:
    """Front size, back size and the answer's parts for a face ``width`` × ``height`` mm."""
    front_steps, back_steps = steps(FRONT_STEPS, floor), steps(BACK_STEPS, floor)
    front_pt = next((s for s in front_steps if question_height(front_html, s, width) <= height * SLACK), floor)
    room = (height - header_height(heading_html, width)) * SLACK
    blocks = cut_to_fit(blocks, lambda b: block_height(b, floor, width) > room * room_factor)

    def fits(parts: Sequence[Sequence[AnswerBlock]], size: float) -> bool:
        return all(sum(block_height(b, size, width) for b in part) <= room * room_factor for part in parts)

    back_pt = next((s for s in back_steps if room_factor == 1.0 and fits([blocks], s)), None)
    parts: list[tuple[AnswerBlock, ...]] = [blocks]
    if back_pt is None:
        parts = split_blocks(blocks, [block_height(b, floor, width) for b in blocks], room * room_factor)
        back_pt = next((s for s in back_steps if fits(parts, s)), floor)
    return front_pt, back_pt, parts


def fit_card(card: Card, width: float, height: float, floor: float, room_factor: float = 1.0) -> Fitted:
    """Font sizes and answer parts for one card; ``width``/``height`` are the face's, in mm."""
    front_pt, back_pt, parts = plan(
        card.front_html, card.heading_html, card.back_blocks, width, height, floor, room_factor
    )
    prints = tuple(PrintCard(card, n + 1, len(parts), part, front_pt, back_pt) for n, part in enumerate(parts))
    return Fitted(prints, front_pt < FRONT_STEPS[0] or back_pt < BACK_STEPS[0], room_factor)


def printed_parts(
    front_html: str, heading_html: str, back_blocks: tuple[AnswerBlock, ...], options: PrintOptions
) -> int:
    """How many printed cards an answer takes with these print settings, planned (nothing is rendered)."""
    width, height = face_width(options.card_size[0]), face_height(options.card_size[1])
    return len(plan(front_html, heading_html, back_blocks, width, height, options.font_floor)[2])


def too_tall(heading_html: str, back_blocks: tuple[AnswerBlock, ...], options: PrintOptions) -> list[AnswerBlock]:
    """Blocks that cannot fit on one printed card even at the floor size (planned, not rendered):
    the answer cannot be split inside them, so print would cut them off."""
    width, height = face_width(options.card_size[0]), face_height(options.card_size[1])
    room = height - header_height(heading_html, width)
    blocks = cut_to_fit(back_blocks, lambda b: block_height(b, options.font_floor, width) > room * SLACK)
    return [b for b in blocks if block_height(b, options.font_floor, width) > room]


def split_blocks(blocks: Sequence[AnswerBlock], heights: Sequence[float], room: float) -> list[tuple[AnswerBlock, ...]]:
    """Cut the answer between blocks into as few cards as the floor size allows, evened out."""

    def pack(limit: float) -> list[list[int]]:
        groups: list[list[int]] = [[]]
        used = 0.0
        for j, h in enumerate(heights):
            group = groups[-1]
            if group and used + h > limit:
                # A lead-in ("缺点：", a sub-heading) goes along with what it introduces.
                carry = [group.pop()] if len(group) > 1 and is_lead_in(blocks[group[-1]]) else []
                groups.append([*carry, j])
                used = sum(heights[k] for k in groups[-1])
            else:
                group.append(j)
                used += h
        return groups

    groups = pack(room)
    # Even the parts out: the smallest limit that still needs no more cards than greedy packing.
    limit = max(sum(heights) / len(groups), max(heights))
    while limit < room:
        balanced = pack(limit)
        if len(balanced) <= len(groups):
            groups = balanced
            break
        limit *= 1.03
    return [tuple(blocks[j] for j in g) for g in groups]


def is_lead_in(block: AnswerBlock) -> bool:
    """A heading, or a short paragraph or list item ending in a colon ("示例：", "1. 使用 serverless
    插件："): it introduces what follows, so it never ends a printed card."""
    if block.kind == BlockKind.HEADING:
        return True
    text = block.text.strip()
    lead = block.kind in (BlockKind.PARAGRAPH, BlockKind.LIST_ITEM) and len(text) <= MAX_LEAD_IN_CHARS
    return lead and text.endswith((":", "："))
