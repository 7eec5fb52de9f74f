"""No two cards of a deck ask the same thing: fronts that read the same gain what tells them apart.

Two answers may hold the same table row (``build`` twice in a command list), two topics the same
question (``数据类型`` under Redis and under MySQL), two questions the same table cell. A learner
who sees the same front twice cannot know which answer is wanted, so each such front gains, in
this order, what tells it apart: its question (a table or term card), its place in its question
(``row 3``), the headings above it. When nothing does, the build warns naming both places.

Only the front changes; GUIDs come from the question and the card's key, so notes keep their
reviews.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from cardgen.cards.draft import Draft, esc
from cardgen.model import Problem, Question
from cardgen.notetypes import QaFields, TableFields, TermFields
from cardgen.vocab import Kind


@dataclass(frozen=True)
class Front:
    """A card about to be made, as far as its front is concerned."""

    deck: str
    """The Anki deck it goes to."""
    question: Question
    """The question it comes from."""
    draft: Draft
    """The card."""


Telling = Callable[[Front], tuple[str, str]]  # → (a lead above the front, a note after it)


def _question(f: Front) -> tuple[str, str]:
    return ("" if f.draft.kind in (Kind.QA, Kind.CLOZE) else f.question.title_text), ""


def _place(f: Front) -> tuple[str, str]:
    return "", f.draft.where


def _question_and_place(f: Front) -> tuple[str, str]:
    return _question(f)[0], f.draft.where


def _where_and_place(f: Front) -> tuple[str, str]:
    return "", ", ".join(x for x in (f.draft.where, f.draft.place) if x)


def _headings(f: Front) -> tuple[str, str]:
    return " / ".join(f.question.sections), ", ".join(x for x in (f.draft.where, f.draft.place) if x)


TELLINGS: tuple[Telling, ...] = (_question, _place, _question_and_place, _where_and_place, _headings)


def _shown(front: str, lead: str, note: str) -> str:
    text = f"{lead} › {front}" if lead else front
    return f"{text} ({note})" if note else text


def distinct_fronts(fronts: Sequence[Front]) -> tuple[list[Draft], list[Problem]]:
    """Each card's draft, fronts told apart within each deck; and a warning per front that could not be."""
    drafts = [f.draft for f in fronts]
    groups: dict[tuple[str, str], list[int]] = {}
    for i, f in enumerate(fronts):
        # A question's own card shows its prompt (code, options) on the front too.
        prompt = f.question.prompt_text if f.draft.kind in (Kind.QA, Kind.CLOZE) else ""
        groups.setdefault((f.deck, f"{f.draft.front_text} {prompt}".strip().casefold()), []).append(i)
    warnings: list[Problem] = []
    for members in (m for m in groups.values() if len(m) > 1):
        for telling in TELLINGS:
            told = [telling(fronts[i]) for i in members]
            pairs = list(zip(members, told, strict=True))
            shown = [_shown(drafts[i].front_text, lead, note).casefold() for i, (lead, note) in pairs]
            if any(lead or note for lead, note in told) and len(set(shown)) == len(shown):
                for i, (lead, note) in zip(members, told, strict=True):
                    drafts[i] = _told_apart(drafts[i], lead, note)
                break
        else:
            first = fronts[members[0]].question
            for i in members[1:]:
                q = fronts[i].question
                message = f"same front as {first.loc} ({drafts[i].front_text!r}); nothing in the notes tells them apart"
                warnings.append(Problem(q.loc, message))
    return drafts, warnings


def _told_apart(draft: Draft, lead: str, note: str) -> Draft:
    """The draft with ``lead`` shown above its front (and its heading) and ``note`` after it, in its
    fields too."""

    def told(front_html: str) -> str:
        if note:
            front_html = f'{front_html}<span class="cg-where"> ({esc(note)})</span>'
        return f'<div class="cg-lead">{esc(lead)}</div>{front_html}' if lead else front_html

    front_html = told(draft.front_html)
    heading_html = told(draft.heading_html) if draft.heading_html else ""
    fields = draft.fields
    if isinstance(fields, QaFields | TableFields):
        fields = fields._replace(Question=front_html)
    elif isinstance(fields, TermFields):
        term_lead = f"{esc(lead)} › {fields.Lead}" if lead else fields.Lead
        fields = fields._replace(Lead=f"{term_lead} ({esc(note)})" if note else term_lead)
    front_text = _shown(draft.front_text, lead, note)
    return replace(draft, front_html=front_html, heading_html=heading_html, front_text=front_text, fields=fields)
