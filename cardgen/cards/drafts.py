"""The cards a question makes: its Q&A (or cloze) card, one card per comparison-table cell
(``tables``), one card per definition bullet. Wording follows the notes' language."""

from __future__ import annotations

from cardgen.cards.draft import Draft, esc, is_chinese
from cardgen.cards.tables import table_cards
from cardgen.model import Question
from cardgen.notes.blocks import answer_block
from cardgen.notes.clozes import ANKI_CLOZE
from cardgen.notetypes import ClozeFields, QaFields, TermFields
from cardgen.text import text_of
from cardgen.vocab import BlockKind, Kind

CLOZE = ANKI_CLOZE  # one reading of a deletion, where notes are read and where cards are made


def question_card(q: Question, context: str, source: str) -> Draft:
    if CLOZE.search(q.answer_html):
        # An Obsidian cloze line is its own question ("The … makes ATP."): shown once, not over itself.
        own = " ".join(text_of(CLOZE.sub("…", q.answer_html)).split()) == " ".join(q.title_text.split())
        text = (f'<div class="cg-question">{q.title_html}</div>' if not own else "") + q.answer_html
        blanked = CLOZE.sub(lambda m: f"[{m.group(3) or '…'}]", q.answer_html)
        revealed = tuple(
            answer_block(
                b.kind, CLOZE.sub(r"<b>\2</b>", b.html), last=b.last, continues=b.continues, image_sizes=b.image_sizes
            )
            for b in q.answer_blocks
        )
        heading = f'<div class="cg-question">{q.title_html}</div>' if not own else ""
        front = f'{heading}<div class="cg-cloze">{blanked}</div>'
        cloze = ClozeFields(text, "", esc(context), esc(source))
        return Draft(Kind.CLOZE, (), front, q.title_text, revealed, cloze, heading_html=heading)
    question = f'{q.title_html}<div class="cg-prompt">{q.prompt_html}</div>' if q.prompt_html else q.title_html
    fields = QaFields(question, q.answer_html, esc(q.number), esc(context), esc(source), Extra="")
    heading = q.title_html if q.prompt_html else ""
    return Draft(Kind.QA, (), question, q.title_text, q.answer_blocks, fields, heading_html=heading)


def term_cards(q: Question, context: str, source: str) -> list[Draft]:
    drafts = []
    for term in q.terms:
        lead = " › ".join(x for x in (q.title_text, term.lead) if x)
        front = f'<div class="cg-lead">{esc(lead)}</div>{term.term_html}'
        fields = TermFields(term.term_html, term.definition_html, esc(lead), esc(context), esc(source), Extra="")
        drafts.append(
            Draft(
                Kind.TERM,
                (term.lead, term.term_text),
                front,
                f"{lead} › {term.term_text}",
                (answer_block(BlockKind.OTHER, term.definition_html),),
                fields,
                where=term.parent,
                place=(f"第{term.position}项" if is_chinese(term.term_text) else f"item {term.position}")
                if term.position
                else "",
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
