"""``cardgen check``: lint the notes without writing anything, like ruff does for code.

Each finding is ``file:line: level: message``. Errors stop a build; warnings stop it only
with ``--strict``; notes are information (how many printed cards an answer takes).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from cardgen.cards.deck import assemble
from cardgen.cards.drafts import question_card, question_drafts
from cardgen.cards.tables import table_cells, verdict
from cardgen.config.options import BuildConfig
from cardgen.errors import CardgenError
from cardgen.identity.guid import tell_apart
from cardgen.identity.ledger import Ledger
from cardgen.model import NoteFile, Question, SourceLoc
from cardgen.notes.extract import extract
from cardgen.notes.highlighting import stop_ahead
from cardgen.notes.outline import heading_level, heading_text
from cardgen.notes.question import NUMBER_PREFIX
from cardgen.notes.read import ParsedFile, parse_file
from cardgen.pdf.fit import printed_parts, too_tall
from cardgen.pdf.fonts import detect_language, stacks_for, uncovered
from cardgen.text import text_of
from cardgen.vocab import Kind

LEVELS = ("error", "warning", "note")
REMOTE = ("http://", "https://", "data:", "//")


@dataclass(frozen=True, order=True)
class Finding:
    """One problem in the notes."""

    loc: SourceLoc
    """Where it is."""
    level: str
    """``error``, ``warning`` or ``note``."""
    message: str
    """What is wrong, in a sentence."""

    def __str__(self) -> str:
        return f"{self.loc}: {self.level}: {self.message}"


def check(config: BuildConfig) -> list[Finding]:
    """Every finding for the notes ``config`` points at, in file and line order."""
    findings: list[Finding] = []
    answered: list[Question] = []
    files: list[NoteFile] = []
    options = config.print_options
    for path, root in config.required_note_roots().items():
        try:
            parsed = parse_file(path)
        except CardgenError as exc:
            findings.append(Finding(exc.loc or SourceLoc(str(path), 1), "error", exc.message))
            continue
        notes = extract(
            parsed,
            config.question_level,
            allow_html=config.allow_html,
            root=root,
            skip_headings=config.skip_headings,
            facts=config.kinds,
        )
        stop_ahead()  # the file is read: no child highlighting its code is left
        files.append(notes)
        findings += [Finding(problem.loc, "note", problem.message) for problem in notes.skipped]
        # Headings that ask or are already reported (back matter, a restated question) are no strays.
        accounted = {q.loc.line for q in notes.questions} | {problem.loc.line for problem in notes.skipped}
        findings += _stray_question_headings(parsed, notes.question_level, accounted)
        for q in notes.questions:
            # What the one render path left out: missing images, images outside the notes folder.
            findings += [Finding(problem.loc, "warning", problem.message) for problem in q.problems]
            if not q.answered:
                findings.append(Finding(q.loc, "warning", f"unanswered question: {q.title_text}"))
                continue
            answered.append(q)
            for table in q.tables:
                if reason := verdict(table).reason:
                    findings.append(Finding(table.loc, "note", f"table makes no cards: {reason}"))
                elif not table_cells(table):
                    findings.append(Finding(table.loc, "warning", "table makes no cards (no named rows or columns)"))
            drafts = question_drafts(q, config.kinds, "", "")
            text = q.title_text + text_of(q.answer_html)
            stacks = stacks_for(options.language or detect_language(text))
            if missing := uncovered(text, stacks):
                findings.append(Finding(q.loc, "warning", f"no font can print {''.join(missing)!r}"))
            own = next((d for d in drafts if d.kind in (Kind.QA, Kind.CLOZE)), None) or question_card(q, "", "")
            parts = printed_parts(own.front_html, own.back_heading, own.back_blocks, options)
            for block in too_tall(own.back_heading, own.back_blocks, options):
                shown = " ".join(block.text.split())[:40]
                message = f"too tall for one printed card even at {options.font_floor:g} pt, print cuts it off: {shown}"
                findings.append(Finding(q.loc, "warning", message))
            if parts > 1:
                findings.append(Finding(q.loc, "note", f"answer needs {parts} printed cards: {q.title_text}"))
    clashes = tell_apart(answered)[1]
    for q, first in clashes:
        findings.append(Finding(q.loc, "error", f"duplicate question (also at {first.loc}): {q.title_text}"))
    if files and not clashes:  # the cards themselves: fronts nothing tells apart
        findings += [Finding(p.loc, "warning", p.message) for p in assemble(config, files, Ledger(), 0).warnings]
    return sorted(findings)


def _stray_question_headings(parsed: ParsedFile, level: int, asked: set[int]) -> list[Finding]:
    """Question-marked headings at another level than the file's questions that are not
    questions (``asked``: the lines of those that are), and numbered ones when the file numbers
    its questions (elsewhere "#### 1. …" numbers the steps of an answer)."""
    if not level:
        return []
    heads = [node for node in parsed.tree.children if node.type == "heading" and node.children]
    at_level = [heading_text(node) for node in heads if heading_level(node) == level]
    numbered = 2 * sum(NUMBER_PREFIX.match(text) is not None for text in at_level) > len(at_level)
    # The file's one "#" heading, first of all, is its title (the deck's name), even when it asks.
    titles = [node for node in heads if node.tag == "h1"]
    title = titles[0] if len(titles) == 1 and heads[0] is titles[0] else None
    findings = []
    for node in heads:
        if heading_level(node) == level or parsed.loc(node).line in asked or node is title:
            continue
        text = heading_text(node)
        if text.endswith(("?", "？")) or (numbered and NUMBER_PREFIX.match(text) and heading_level(node) > 1):
            findings.append(
                Finding(
                    parsed.loc(node),
                    "warning",
                    f"heading looks like a question but is level {node.tag[1]} "
                    f"(questions here are level {level}): {text}",
                )
            )
    return findings


def findings_json(findings: list[Finding]) -> dict[str, Any]:
    """The findings for scripts and editors (documented in the README)."""
    return {
        "findings": [
            {"file": f.loc.file, "line": f.loc.line, "level": f.level, "message": f.message} for f in findings
        ],
        "counts": {level: sum(1 for f in findings if f.level == level) for level in LEVELS},
    }


def summary(findings: list[Finding]) -> str:
    counts = {level: sum(1 for f in findings if f.level == level) for level in LEVELS}
    parts = [f"{n} {level}{'s' if n != 1 else ''}" for level, n in counts.items() if n]
    return ", ".join(parts) if parts else "no problems found"


def failed(findings: list[Finding], strict: bool) -> bool:
    return any(f.level == "error" or (strict and f.level == "warning") for f in findings)
