"""Making every face fit its card: shrink in steps to a floor, then continue on more cards.

Measuring a face means laying it out, which is what rendering costs, so faces are only
measured when a cheap estimate says they might not fit, and only once, at the base size.
Heights at smaller sizes are predicted from that (text height grows with the font size
to a power between 1 for one-line items and 2 for wrapped prose). Every guess is checked
afterwards in the final layout (``pdf.__init__``), where a face that still overflows is set
a step smaller, so a wrong guess costs a little time, never a clipped card.
"""

from __future__ import annotations

import html
import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from cardgen.markdown import is_cjk
from cardgen.model import Card
from cardgen.pdf.markup import HEADER_PT, PrintCard

FRONT_STEPS = (14.0, 12.0, 11.0, 10.0, 9.0, 8.0, 7.0, 6.5)
BACK_STEPS = (10.0, 9.0, 8.5, 8.0, 7.5, 7.0, 6.5)
MM_PER_PT = 25.4 / 72
# Faces estimated below this share of the card are not measured before the final layout.
SAFE_SHARE = 0.55
# Predicted sizes keep this much of the card free, for the prediction's error.
PREDICTION_SLACK = 0.96
# Height ∝ size ** GROWTH when predicting a smaller size from the measured one.
GROWTH = 1.6


def steps(all_steps: Sequence[float], floor: float) -> tuple[float, ...]:
    kept = tuple(s for s in all_steps if s >= floor)
    return kept if kept and kept[-1] == floor else (*kept, floor)


@dataclass(frozen=True)
class Measured:
    """A face laid out at one size: its height and where each answer block sits (mm)."""

    height: float
    """Height of the face's content."""
    blocks: tuple[tuple[float, float], ...]
    """(top, bottom) of each answer block from the top of the face; empty for fronts."""


# (kind, card, blocks, size) → Measured, one layout for a whole batch.
Measure = Callable[[list[tuple[str, Card, tuple[str, ...], float]]], list[Measured]]


def text_of(fragment: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", fragment))


def estimate_height(fragments: Sequence[str], size_pt: float, width_mm: float, line_height: float = 1.35) -> float:
    """A quick upper-ish estimate of laid-out height (mm) from character counts."""
    em = size_pt * MM_PER_PT
    per_line = max(width_mm / em, 1.0)
    height = 0.0
    for fragment in fragments:
        text = text_of(fragment)
        lines = 0
        for raw_line in text.split("\n") or [""]:
            width = sum(1.0 if is_cjk(ch) else 0.6 for ch in raw_line)
            lines += max(1, math.ceil(width / (per_line * 0.92)))
        if "<table" in fragment:
            lines = math.ceil(lines * 1.6)  # cells wrap in narrow columns
        height += lines * em * line_height + 0.5 * em
    return height


@dataclass(frozen=True)
class Fitted:
    """How one card prints."""

    cards: tuple[PrintCard, ...]
    """One print card, or several when the answer continues."""
    shrunk: bool
    """A face is smaller than the base size."""
    measured: bool = False
    """Sizes come from measuring the card (not from the quick estimate)."""
    room_factor: float = 1.0
    """Share of the card the answer was packed into (less than 1 after a split part overflowed)."""


def fit_cards(
    cards: Sequence[Card],
    width: float,
    height: float,
    floor: float,
    measure: Measure,
    *,
    always_measure: bool = False,
    room_factor: float = 1.0,
) -> list[Fitted]:
    """Font sizes and answer splits for every card; ``width``/``height`` are the face's, in mm."""
    front_steps, back_steps = steps(FRONT_STEPS, floor), steps(BACK_STEPS, floor)
    header = estimate_height([""], HEADER_PT, width) + 2.0

    risky: list[tuple[str, int]] = []
    for i, card in enumerate(cards):
        if always_measure or estimate_height([card.question.title_html], front_steps[0], width) > SAFE_SHARE * height:
            risky.append(("front", i))
        back_estimate = header + estimate_height(card.question.answer_blocks, back_steps[0], width)
        if always_measure or back_estimate > SAFE_SHARE * height:
            risky.append(("back", i))
    requests = [
        (kind, cards[i], cards[i].question.answer_blocks if kind == "back" else (), steps_[0])
        for kind, i in risky
        for steps_ in [front_steps if kind == "front" else back_steps]
    ]
    results = measure(requests) if requests else []
    measured = dict(zip(risky, results, strict=True))

    fitted = []
    for i, card in enumerate(cards):
        front_pt = front_steps[0]
        if ("front", i) in measured:
            front_pt = choose_size(measured[("front", i)], front_steps, height) or floor
        back = measured.get(("back", i))
        if back is None:
            parts, back_pt = [card.question.answer_blocks], back_steps[0]
        else:
            parts, back_pt = split_blocks(card.question.answer_blocks, back, back_steps, height, room_factor)
        prints = tuple(
            PrintCard(card, n + 1, len(parts), tuple(blocks), front_pt, back_pt) for n, blocks in enumerate(parts)
        )
        shrunk = front_pt < front_steps[0] or back_pt < back_steps[0]
        fitted.append(Fitted(prints, shrunk, measured=back is not None, room_factor=room_factor))
    return fitted


def predicted(height: float, size: float, base_size: float) -> float:
    return height * (size / base_size) ** GROWTH


def choose_size(base: Measured, sizes: Sequence[float], available: float) -> float | None:
    """The largest size whose (measured or predicted) height fits; None if not even the floor fits."""
    if base.height <= available:
        return sizes[0]
    for size in sizes[1:]:
        if predicted(base.height, size, sizes[0]) <= available * PREDICTION_SLACK:
            return size
    return None


def split_blocks(
    blocks: tuple[str, ...],
    base: Measured,
    sizes: Sequence[float],
    available: float,
    room_factor: float = 1.0,
) -> tuple[list[tuple[str, ...]], float]:
    """Blocks per printed card and the font size they share."""
    size = choose_size(base, sizes, available)
    if (size is not None and room_factor == 1.0) or len(blocks) < 2 or len(base.blocks) != len(blocks):
        return [blocks], size or sizes[-1]
    header = base.blocks[0][0]  # the small question header keeps its size
    scale = predicted(1.0, sizes[-1], sizes[0])
    spans = [(header + (t - header) * scale, header + (b - header) * scale) for t, b in base.blocks]
    room = (available - header) * room_factor * PREDICTION_SLACK

    def pack(limit: float) -> list[list[int]]:
        groups: list[list[int]] = [[]]
        for j, (_, bottom) in enumerate(spans):
            group = groups[-1]
            if group and bottom - spans[group[0]][0] > limit:
                # A lead-in ("缺点：", a sub-heading) goes along with what it introduces.
                carry = [group.pop()] if len(group) > 1 and is_lead_in(blocks[group[-1]]) else []
                groups.append([*carry, j])
            else:
                group.append(j)
        return groups

    groups = pack(room)
    # Even the parts out: the smallest limit that still needs no more cards than greedy packing.
    total = spans[-1][1] - spans[0][0]
    limit = max(total / len(groups), max(b - t for t, b in spans))
    while limit < room:
        balanced = pack(limit)
        if len(balanced) <= len(groups):
            groups = balanced
            break
        limit *= 1.04
    tallest = max(spans[g[-1]][1] - spans[g[0]][0] for g in groups)
    size = next(
        (s for s in sizes if header + tallest * predicted(1.0, s, sizes[-1]) <= available * PREDICTION_SLACK),
        sizes[-1],
    )
    return [tuple(blocks[j] for j in g) for g in groups], size


def is_lead_in(block: str) -> bool:
    """A heading, or a short paragraph ending in a colon: it introduces what follows."""
    if re.match(r"<h[1-6]", block):
        return True
    text = text_of(block).strip()
    return block.startswith("<p>") and len(text) <= 40 and text.endswith((":", "："))
