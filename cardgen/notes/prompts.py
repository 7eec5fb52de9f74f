"""Where a question's own words end and its answer begins, when the notes say so by layout.

A question's body is its answer, unless something shows that its first blocks still ask: a
``%`` line between a further front and the back (mdanki), lettered options before a labelled
answer (``A. …`` ↵ ``B. …`` over ``Answer: B``), or an ``**Answer:**`` label (``### Answer``) after
what a heading question asks about (a listing: "What does this print?") or after the question
written out under a heading that only numbers it (``### Question 2``). Marks read while the
body is collected (an answer callout, an "Answer" ``<details>``) are the ``Reader``'s own.
"""

from __future__ import annotations

from dataclasses import dataclass

from markdown_it.tree import SyntaxTreeNode

from cardgen.notes.asking import asks
from cardgen.notes.choices import options_asked
from cardgen.notes.labels import answer_label_at
from cardgen.notes.separated import front_cut


@dataclass(frozen=True)
class Split:
    """A body parted into what still asks and what answers."""

    body: list[SyntaxTreeNode]
    """The body, without the mark that parted it (a ``%`` line), its options one per line."""
    start: int
    """Where the answer starts in ``body``: the blocks before it are asked with the question."""


def split_body(body: list[SyntaxTreeNode], *, heading: str | None) -> Split | None:
    """The body parted as its layout says; None when nothing parts it. ``heading``: the text of
    the heading the question was read under, if any. One that asks has what stands before a
    labelled answer asked with it; one that names no question (``### Question 2``) wants the
    question written out before the label."""
    if (cut := front_cut(body)) is not None:  # mdanki: more front, %, back
        return Split([*body[:cut], *body[cut + 1 :]], cut)
    if (asked := options_asked(body)) is not None:  # the options are asked with the question
        return Split([*asked[0], *asked[1]], len(asked[0]))
    if heading is not None:  # the question (and what it asks about) written out, then "**Answer:** …"
        start = answer_label_at(body, asked_above=asks(heading))
        return Split(body, start) if start is not None else None
    return None
