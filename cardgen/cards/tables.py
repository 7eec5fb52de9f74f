"""Cards from comparison tables: one per (thing, attribute) cell — but only from tables that compare.

Notes hold many tables that compare nothing: sample rows of a database (``| 1 | 学生-1 | 课程-1 |``), link
lists, a 2×2 confusion matrix, two columns of sentences. ``verdict`` reads a table's shape and says
which way its things run, or why it makes no cards (``cardgen check`` reports the reason); a
``<!-- cardgen: rows|columns -->`` comment before the table decides instead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from cardgen.cards.draft import Draft, esc, is_chinese
from cardgen.model import Cell, Question, Table
from cardgen.notes.asking import asks
from cardgen.notes.blocks import answer_block
from cardgen.notetypes import TableFields
from cardgen.text import PICTOGRAPHS
from cardgen.vocab import BlockKind, Kind, Orientation

# A header cell that names the compared *aspect*, so the columns are the things compared.
DIMENSION_WORDS = frozenset(
    w.casefold()
    for w in (
        "特性", "特点", "维度", "对比", "对比项", "比较", "比较项", "属性", "项目", "指标", "方面", "类别",
        "Feature", "Features", "Aspect", "Aspects", "Dimension", "Property", "Properties", "Criteria",
        "Criterion", "Attribute", "Characteristic", "Comparison", "Category", "Item", "#",
    )
)  # fmt: skip
PLACEHOLDER_CELLS = frozenset({"", "-", "--", "—", "–", "n/a", "na", "/", "…", "..."})


def table_orientation(table: Table) -> Orientation:
    """Which way the things run, from the corner cell: an aspect word (特性, Feature) or nothing there
    means the columns are the things; two columns always run by rows (``Item | Value``)."""
    if table.orientation != Orientation.AUTO:
        return table.orientation
    first = table.header[0].text.strip(" *_") if table.header else ""
    if len(table.header) == 2 and first:
        return Orientation.ROWS
    return Orientation.COLUMNS if not first or first.casefold() in DIMENSION_WORDS else Orientation.ROWS


def table_cells(table: Table) -> list[tuple[Cell, Cell, int, int]]:
    """(thing, attribute, row, column) of every cell that makes a card."""
    decided = verdict(table)
    orientation = decided.orientation
    if orientation == Orientation.SKIP:
        return []
    if decided.questions:  # each row's question, and the answer beside it
        asks_in, answers_in = decided.sides
        return [
            (row[asks_in], table.header[answers_in], r, answers_in)
            for r, row in enumerate(table.rows)
            if row[asks_in].text.strip() and row[answers_in].text.strip().casefold() not in PLACEHOLDER_CELLS
        ]
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


# Labels that are numbers or ids ("1", "#3", "学生-1", "v2.1"), not names of things.
ID_LABEL = re.compile(r"^\W*\d+(?:[.\-_/]\d+)*\W*$|^[^\d\s]{1,12}[-_ ]?\d+$")
# Where a table's corner names both of its axes ("Actual \\ Predicted", "行/列").
TWO_AXES = re.compile(r"\S\s*(?:\\|/|×|\bvs\.?\b)\s*\S", re.IGNORECASE)
SENTENCE_END = tuple("。.!！?？；;")
MAX_LABEL_CHARS = 40
# Headers that name a table's two columns as a card's two sides (``| Front | Back |``): each row is
# a card as written, its first cell the front (not "Back of el perro?").
CARD_SIDES = frozenset(
    {("front", "back"), ("question", "answer"), ("q", "a"), ("prompt", "response"), ("problem", "solution"),
     ("exercise", "solution"), ("问题", "答案"), ("问题", "回答"), ("问题", "解答"), ("题目", "答案"),
     ("题目", "解答"), ("题目", "参考答案"), ("问", "答"), ("正面", "背面"), ("term", "definition"),
     ("pregunta", "respuesta"), ("pergunta", "resposta"), ("frage", "antwort"), ("question", "réponse"),
     ("domanda", "risposta"), ("vraag", "antwoord"), ("вопрос", "ответ"), ("質問", "回答"), ("問題", "解答"),
     ("問題", "答え"), ("질문", "답변"), ("문제", "정답"), ("câu hỏi", "trả lời"), ("câu hỏi", "đáp án"),
     ("pertanyaan", "jawaban"), ("soru", "cevap"), ("pytanie", "odpowiedź"), ("питання", "відповідь")}
)  # fmt: skip
# A yes/no mark is a value; other pictographs alone are decoration.
MARKS = frozenset("✓✔✅☑❌✗✘❎⭕○●◯×")
EMOJI = re.compile(rf"^[\s{PICTOGRAPHS}]+$")
LINK_ONLY = re.compile(r"^\s*(?:<a [^>]*>.*?</a>\s*[,;，、]?\s*)+$", re.S)


@dataclass(frozen=True)
class Verdict:
    """How a table makes cards."""

    orientation: Orientation
    """Which way its things run; ``skip`` when it makes none."""
    reason: str = ""
    """Why it makes no cards (empty when it makes some)."""
    questions: bool = False
    """A table of questions and their answers (``| Question | Answer |``), or of cards' two sides
    (``| Front | Back |``): each row is asked as it is."""
    sides: tuple[int, int] = (0, 1)
    """The columns of a question table's questions and of their answers (``| # | Q | A |``: 1, 2)."""


def _label(cell: Cell) -> str:
    return cell.text.strip(" *_`")


def _empty(cell: Cell) -> bool:
    return cell.text.strip().casefold() in PLACEHOLDER_CELLS


def _decoration(cell: Cell) -> bool:
    """Empty, a link and nothing else, or emoji alone (a yes/no mark is a value)."""
    text = cell.text.strip()
    if _empty(cell) or LINK_ONLY.match(cell.html.strip()):
        return True
    return bool(EMOJI.match(text)) and not (set(text) & MARKS)


def verdict(table: Table) -> Verdict:
    """Whether ``table`` compares things, which way they run, or why it makes no cards."""
    orientation = table_orientation(table)
    if orientation == Orientation.SKIP:
        return Verdict(orientation, "marked <!-- cardgen: skip -->")
    forced = table.orientation != Orientation.AUTO
    width = len(table.header)
    if width < 2 or not table.rows:
        return Verdict(Orientation.SKIP, "it has one column or no rows")
    corner = _label(table.header[0])
    if by_rows := orientation == Orientation.ROWS:
        things, attributes = [row[0] for row in table.rows], list(table.header[1:])
    else:
        things, attributes = list(table.header[1:]), [row[0] for row in table.rows]
    values = [row[c] for row in table.rows for c in range(1, min(len(row), width))]
    if forced:
        return Verdict(orientation)
    if width > 2 and (columns := _card_sides(table.header)) is not None:
        return Verdict(Orientation.ROWS, questions=True, sides=columns)  # "| # | Question | Answer | Notes |"
    labels = [_label(t) for t in things]
    named = [label for label in labels if label]
    # A label or two repeated is a slip (fronts are told apart later); many repeats are records of data.
    if (len(named) - len(set(map(str.casefold, named)))) * 4 > len(named):
        repeated = next(x for x in named if sum(y.casefold() == x.casefold() for y in named) > 1)
        return Verdict(
            Orientation.SKIP, f"its {'rows' if by_rows else 'columns'} repeat ({repeated!r}): data, not things"
        )
    if len(named) < len(labels) / 2 or sum(bool(ID_LABEL.match(x)) for x in named) * 2 > len(named):
        return Verdict(Orientation.SKIP, "its rows are numbered or unnamed records, not named things")
    sides = (_label(table.header[0]).casefold(), _label(table.header[1]).casefold()) if width == 2 else None
    if by_rows and width == 2 and (sides in CARD_SIDES or sum(asks(x) for x in named) * 2 > len(named)):
        return Verdict(orientation, questions=True)
    if sum(len(x) > MAX_LABEL_CHARS or x.endswith(SENTENCE_END) for x in named) * 2 > len(named):
        return Verdict(Orientation.SKIP, "its first column holds sentences, not the names of things")
    if values and sum(_decoration(v) for v in values) * 2 > len(values):
        return Verdict(Orientation.SKIP, "most of its cells are links, emoji or empty")
    if TWO_AXES.search(corner) or (
        len(attributes) > 1 and _shared_first_word(attributes) and _shared_first_word(things)
    ):
        return Verdict(Orientation.SKIP, "it is a matrix of two axes, not things and their attributes")
    return Verdict(orientation)


def _card_sides(header: tuple[Cell, ...]) -> tuple[int, int] | None:
    """The columns a header names as a card's two sides, the question's first, wherever they stand."""
    labels = [_label(cell).casefold() for cell in header]
    for q, label in enumerate(labels):
        for a in range(q + 1, len(labels)):
            if (label, labels[a]) in CARD_SIDES:
                return q, a
    return None


def _shared_first_word(cells: list[Cell]) -> bool:
    """Every label starts with the same word ("Actual positive", "Actual negative")."""
    firsts = {_label(c).split(" ")[0].casefold() for c in cells if _label(c)}
    return len(firsts) == 1 and all(" " in _label(c) for c in cells if _label(c))


def table_cards(q: Question, context: str, source: str) -> list[Draft]:
    drafts = []
    for table in q.tables:
        cells = table_cells(table)
        questions = verdict(table).questions
        for thing, attribute, r, c in cells:
            thing_text, attribute_text = thing.text.strip(" *_"), attribute.text.strip(" *_")
            if questions:
                asked = thing_text  # the row asks its own question; the cell beside it answers
            elif is_chinese(q.title_text, thing_text, attribute_text):
                asked = f"{thing_text}的{attribute_text}是？"
            else:
                asked = f"{attribute_text} of {thing_text}?"
            value = table.rows[r][c].html
            front = f'<div class="cg-lead">{esc(q.title_text)}</div>{esc(asked)}'
            whole = table_html(table, (r, c))
            fields = TableFields(front, value, whole, esc(context), esc(source), Extra="")
            # Printed, the whole table would push most cells onto two cards: print the thing's own facts.
            printed = (
                answer_block(BlockKind.OTHER, f'<div class="cg-value">{value}</div>'),
                answer_block(BlockKind.TABLE, thing_facts_html(table, cells, thing, attribute)),
            )
            where = f"第{r + 1}行" if is_chinese(asked) else f"row {r + 1}"
            drafts.append(Draft(Kind.TABLE, (thing_text, attribute_text), front, asked, printed, fields, where))
    return drafts
