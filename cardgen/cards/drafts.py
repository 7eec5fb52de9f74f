"""The cards a question makes: its Q&A (or cloze) card, one card per comparison-table cell,
one card per definition bullet. Wording follows the notes' language."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from cardgen.model import AnswerBlock, Cell, Question, Table
from cardgen.notes.blocks import answer_block
from cardgen.notetypes import ClozeFields, NoteFields, QaFields, TableFields, TermFields
from cardgen.text import is_cjk
from cardgen.vocab import BlockKind, Kind, Orientation

# A header cell that names the compared *aspect*, so the columns are the things compared.
DIMENSION_WORDS = frozenset(
    w.casefold()
    for w in (
        "特性", "特点", "维度", "对比", "对比项", "比较", "比较项", "属性", "项目", "指标", "方面", "类别",
        "Feature", "Features", "Aspect", "Aspects", "Dimension", "Property", "Properties", "Criteria",
        "Criterion", "Attribute", "Characteristic", "Comparison", "Category", "Item",
    )
)  # fmt: skip
PLACEHOLDER_CELLS = frozenset({"", "-", "--", "—", "–", "n/a", "na", "/", "…", "..."})
CLOZE = re.compile(r"\{\{c(\d+)::(.*?)(?:::(.*?))?\}\}", re.S)


@dataclass(frozen=True)
class Draft:
    """A card before identity: what it shows and what makes it the same card next time."""

    kind: Kind
    """What sort of card it is."""
    key: tuple[str, ...]
    """What identifies it within its question (empty for the question's own card)."""
    front_html: str
    """What the card asks."""
    front_text: str
    """The same, as plain text."""
    back_blocks: tuple[AnswerBlock, ...]
    """The answer, in printable pieces."""
    fields: NoteFields
    """The Anki note's fields (the record of its kind's note type)."""


def esc(text: str) -> str:
    return html.escape(text, quote=False)


def is_chinese(*texts: str) -> bool:
    return any(is_cjk(ch) for text in texts for ch in text)


def question_card(q: Question, context: str, source: str) -> Draft:
    if CLOZE.search(q.answer_html):
        text = f'<div class="cg-question">{q.title_html}</div>{q.answer_html}'
        blanked = CLOZE.sub(lambda m: f"[{m.group(3) or '…'}]", q.answer_html)
        revealed = tuple(answer_block(b.kind, CLOZE.sub(r"<b>\2</b>", b.html), last=b.last) for b in q.answer_blocks)
        front = f'<div class="cg-question">{q.title_html}</div><div class="cg-cloze">{blanked}</div>'
        return Draft(Kind.CLOZE, (), front, q.title_text, revealed, ClozeFields(text, "", context, source))
    question = f'{q.title_html}<div class="cg-prompt">{q.prompt_html}</div>' if q.prompt_html else q.title_html
    fields = QaFields(question, q.answer_html, q.number, context, source, Extra="")
    return Draft(Kind.QA, (), question, q.title_text, q.answer_blocks, fields)


def table_orientation(table: Table) -> Orientation:
    if table.orientation != Orientation.AUTO:
        return table.orientation
    first = table.header[0].text.strip(" *_") if table.header else ""
    return Orientation.COLUMNS if not first or first.casefold() in DIMENSION_WORDS else Orientation.ROWS


def table_cells(table: Table) -> list[tuple[Cell, Cell, int, int]]:
    """(thing, attribute, row, column) of every cell that makes a card."""
    orientation = table_orientation(table)
    if orientation == Orientation.SKIP:
        return []
    cells = []
    for r, row in enumerate(table.rows):
        for c in range(1, min(len(row), len(table.header))):
            if row[c].text.strip().casefold() in PLACEHOLDER_CELLS:
                continue
            thing, attribute = (
                (row[0], table.header[c]) if orientation == Orientation.ROWS else (table.header[c], row[0])
            )
            if thing.text.strip() and attribute.text.strip():
                cells.append((thing, attribute, r, c))
    return cells


def table_html(table: Table, highlight: tuple[int, int] | None = None) -> str:
    def row_html(cells: tuple[Cell, ...], tag: str, r: int) -> str:
        parts = []
        for c, cell in enumerate(cells):
            mark = ' class="cg-hl"' if highlight == (r, c) else ""
            parts.append(f"<{tag}{mark}>{cell.html}</{tag}>")
        return "<tr>" + "".join(parts) + "</tr>"

    body = "".join(row_html(row, "td", r) for r, row in enumerate(table.rows))
    return f'<table class="cg-table"><thead>{row_html(table.header, "th", -1)}</thead><tbody>{body}</tbody></table>'


def thing_facts_html(table: Table, cells: list[tuple[Cell, Cell, int, int]], thing: Cell, asked: Cell) -> str:
    """A two-column table of one thing's attributes, the asked one highlighted (what a printed card shows)."""
    rows = []
    for t, attribute, r, c in cells:
        if t is thing:
            mark = ' class="cg-hl"' if attribute is asked else ""
            rows.append(f"<tr><th>{attribute.html}</th><td{mark}>{table.rows[r][c].html}</td></tr>")
    return f'<table class="cg-table cg-facts"><tbody>{"".join(rows)}</tbody></table>'


def table_cards(q: Question, context: str, source: str) -> list[Draft]:
    drafts = []
    for table in q.tables:
        cells = table_cells(table)
        for thing, attribute, r, c in cells:
            thing_text, attribute_text = thing.text.strip(" *_"), attribute.text.strip(" *_")
            if is_chinese(q.title_text, thing_text, attribute_text):
                asked = f"{thing_text}的{attribute_text}是？"
            else:
                asked = f"{attribute_text} of {thing_text}?"
            value = table.rows[r][c].html
            front = f'<div class="cg-lead">{esc(q.title_text)}</div>{esc(asked)}'
            whole = table_html(table, (r, c))
            fields = TableFields(front, value, whole, context, source, Extra="")
            # Printed, the whole table would push most cells onto two cards: print the thing's own facts.
            printed = (
                answer_block(BlockKind.OTHER, f'<div class="cg-value">{value}</div>'),
                answer_block(BlockKind.TABLE, thing_facts_html(table, cells, thing, attribute)),
            )
            drafts.append(Draft(Kind.TABLE, (thing_text, attribute_text), front, asked, printed, fields))
    return drafts


def term_cards(q: Question, context: str, source: str) -> list[Draft]:
    drafts = []
    for term in q.terms:
        lead = " › ".join(x for x in (q.title_text, term.lead) if x)
        front = f'<div class="cg-lead">{esc(lead)}</div>{term.term_html}'
        fields = TermFields(term.term_html, term.definition_html, esc(lead), context, source, Extra="")
        drafts.append(
            Draft(
                Kind.TERM,
                (term.lead, term.term_text),
                front,
                f"{lead} › {term.term_text}",
                (answer_block(BlockKind.OTHER, term.definition_html),),
                fields,
            )
        )
    return drafts


def question_drafts(
    q: Question, kinds: frozenset[Kind], context: str, source: str, own: Draft | None = None
) -> list[Draft]:
    """The cards of one answered question, in the order they are studied (``own``: its
    ``question_card``, when the caller has made it already)."""
    drafts = []
    own = own or question_card(q, context, source)
    if own.kind in kinds or (own.kind == Kind.CLOZE and Kind.QA in kinds):
        drafts.append(own)
    if Kind.TABLE in kinds:
        drafts.extend(table_cards(q, context, source))
    if Kind.TERM in kinds:
        drafts.extend(term_cards(q, context, source))
    return drafts
