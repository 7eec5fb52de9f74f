"""What a command did, as the lines a user reads: the build summary and the printed-card report."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import click

from cardgen.commands.build import BuildResult
from cardgen.model import Problem, SourceLoc
from cardgen.vocab import Kind, Side

if TYPE_CHECKING:
    from cardgen.pdf.writer import PdfReport


KIND_NAMES = {Kind.QA: "Q&A card", Kind.CLOZE: "cloze card", Kind.TABLE: "table card", Kind.TERM: "term card"}
# What a reader calls each printed face, in warnings and --json.
FACE_NAMES = {Side.FRONT: "question", Side.BACK: "answer"}


def fit_summary(pdf: PdfReport) -> list[str]:
    """One line per question and card kind: which printed cards were shrunk or split."""
    sizes: dict[tuple[SourceLoc, Kind, str], list[float]] = {}
    splits: dict[tuple[SourceLoc, Kind, str], int] = {}
    for card, size in pdf.shrunk:
        sizes.setdefault((card.question.loc, card.kind, card.question.title_text), []).append(size)
    for card, parts in pdf.split:
        key = (card.question.loc, card.kind, card.question.title_text)
        splits[key] = max(splits.get(key, 0), parts)
    lines = []
    for key in dict.fromkeys([*sizes, *splits]):
        loc, kind, title = key
        detail = []
        if key in sizes:
            smallest = f"{min(sizes[key]):g} pt"
            detail.append(f"smaller (down to {smallest})" if len(sizes[key]) > 1 else f"smaller ({smallest})")
        if key in splits:
            detail.append(f"continued on {splits[key]} cards")
        what = KIND_NAMES[kind] + ("s" if kind in (Kind.TABLE, Kind.TERM) else "")
        lines.append(f"{loc}: {title}: {what} printed {', '.join(detail)}")
    return lines


@dataclass(frozen=True)
class Notice:
    """One thing a build says about a place in the notes."""

    loc: SourceLoc | None
    """Where, when it has a place."""
    level: str
    """``warning`` (needs action) or ``info``."""
    message: str
    """What it is."""

    def __str__(self) -> str:
        return f"{self.loc}: {self.level}: {self.message}" if self.loc else f"{self.level}: {self.message}"


def warnings_of(result: BuildResult) -> list[Notice]:
    """What needs the user's action: cut off in print, missing or refused images, characters no
    font prints, fronts nothing tells apart, problems with the ledger or the machine."""
    notices = [Notice(None, "warning", w) for w in result.warnings]
    notices += [Notice(p.loc, "warning", p.message) for p in result.problems]
    notices += [Notice(p.loc, "warning", p.message) for f in result.deck.files for q in f.questions for p in q.problems]
    pdf = result.pdf
    if pdf is not None:
        for q, side in pdf.clipped:
            # An answer is split between its blocks; a question, or one answer block, cannot be.
            face = FACE_NAMES[side]
            remedy = "a larger card (--card a6)" + (" or a shorter block" if side == Side.BACK else "")
            message = f"the {face} is cut off: it does not fit one card even at the smallest size; try {remedy}"
            notices.append(Notice(q.loc, "warning", f"{message}: {q.title_text}"))
        notices += [Notice(loc, "warning", f"no font can print {chars!r}") for loc, chars in pdf.missing_glyphs]
        notices += [Notice(None, "warning", w) for w in pdf.warnings]
    return notices


def left_out(result: BuildResult) -> list[Problem]:
    """Text the notes stage put on no card and said why (a skipped section, a lead-in, text under
    the title), as ``cardgen check`` lists it."""
    return [problem for f in result.deck.files for problem in f.skipped]


def details_of(result: BuildResult) -> list[Notice]:
    """What is worth knowing place by place (``-v``): unanswered questions, text left out,
    rewordings, and which printed cards were set smaller or continued."""
    notices = [Notice(q.loc, "info", f"unanswered: {q.title_text}") for q in result.deck.unanswered]
    notices += [Notice(p.loc, "info", p.message) for p in left_out(result)]
    for r in result.reworded:
        notices.append(
            Notice(r.question.loc, "info", f"reworded (same note kept): {r.was!r} → {r.question.title_text!r}")
        )
    return notices


def print_summary(result: BuildResult, *, quiet: bool = False, verbose: bool = False) -> None:
    """By default the warnings that need action, then a compact summary; ``-v`` adds every
    unanswered question, rewording and shrunk or split printed card; ``-q`` only the counts."""
    for notice in warnings_of(result):
        click.secho(str(notice), fg="yellow", err=True)
    if verbose:
        for notice in details_of(result):
            click.echo(f"{notice.loc}: {notice.message}")
        for line in fit_summary(result.pdf) if result.pdf is not None else []:
            click.echo(line)
    elif not quiet:
        for r in result.reworded:  # rare, and it tells the user a note was kept: always worth a line
            click.echo(f"{r.question.loc}: reworded (same note kept): {r.was!r} → {r.question.title_text!r}")
    deck = result.deck
    questions = sum(len(f.questions) for f in deck.files)
    by_kind = Counter(card.kind for card in deck.cards)
    kinds = ", ".join(f"{by_kind[k]} {KIND_NAMES[k].split()[0]}" for k in KIND_NAMES if by_kind[k])
    unanswered, skipped = len(deck.unanswered), len(left_out(result))
    click.echo(
        f"{len(deck.files)} file(s), {questions} questions: {len(deck.cards)} cards"
        f"{f' ({kinds})' if kinds else ''}, {unanswered} unanswered"
        + (f", {skipped} passage(s) left out" if skipped else "")
        + ("" if quiet or verbose or not (unanswered or skipped) else " (-v lists them, or cardgen check)")
    )
    pdf = result.pdf
    if pdf is not None and not quiet:
        shrunk, split = len(pdf.shrunk), len(pdf.split)
        click.echo(
            f"PDF: {len(pdf.printed)} printed cards on {pdf.sheets} sheet(s), {pdf.pages} pages "
            f"({pdf.sheet.columns}×{pdf.sheet.rows} per {pdf.sheet.paper} sheet); "
            f"{shrunk} set smaller, {split} continued on further cards"
            + (f"; {pdf.reused_sheets} unchanged sheet(s) kept from the last PDF" if pdf.reused_sheets else "")
        )
    for path in result.outputs:
        size = f" ({path.stat().st_size / 1024:.0f} KiB)" if not quiet else ""
        click.echo(f"wrote {path}{size}")
    if verbose:
        click.echo("time: " + ", ".join(f"{stage} {seconds:.2f}s" for stage, seconds in result.timings))
    elif not quiet and result.timings:
        click.echo(f"time: {sum(seconds for _, seconds in result.timings):.1f}s")


def _loc(loc: SourceLoc | None) -> dict[str, Any]:
    return {"file": loc.file, "line": loc.line} if loc is not None else {"file": None, "line": None}


def build_json(result: BuildResult) -> dict[str, Any]:
    """The build's facts for scripts and editors (documented in the README)."""
    deck, pdf = result.deck, result.pdf
    return {
        "up_to_date": result.up_to_date,
        "deck": deck.name,
        "files": [f.display for f in deck.files],
        "questions": sum(len(f.questions) for f in deck.files),
        "cards": {str(kind): n for kind, n in Counter(card.kind for card in deck.cards).items()},
        "unanswered": [{**_loc(q.loc), "question": q.title_text} for q in deck.unanswered],
        "left_out": [{**_loc(p.loc), "message": p.message} for p in left_out(result)],
        "reworded": [{**_loc(r.question.loc), "was": r.was, "now": r.question.title_text} for r in result.reworded],
        "warnings": [{**_loc(n.loc), "message": n.message} for n in warnings_of(result)],
        "printed": None
        if pdf is None
        else {
            "cards": len(pdf.printed),
            "sheets": pdf.sheets,
            "pages": pdf.pages,
            "smaller": [{**_loc(card.question.loc), "kind": str(card.kind), "pt": pt} for card, pt in pdf.shrunk],
            "continued": [{**_loc(card.question.loc), "kind": str(card.kind), "cards": n} for card, n in pdf.split],
            "cut_off": [{**_loc(q.loc), "question": q.title_text, "face": FACE_NAMES[side]} for q, side in pdf.clipped],
            "reused_sheets": pdf.reused_sheets,
        },
        "outputs": [{"path": str(p), "bytes": p.stat().st_size} for p in result.outputs],
        "seconds": {stage: round(seconds, 3) for stage, seconds in result.timings},
    }


@contextmanager
def progress_bar(enabled: bool) -> Iterator[Callable[[int, int], None] | None]:
    """On a terminal: a bar of the sheets laid out so far, with the time left, while the PDF is made
    (a spinner before that). Elsewhere (pipes, CI, ``-q``, ``--json``): nothing."""
    if not enabled:
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeRemainingColumn

    columns = (SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
               TimeRemainingColumn())  # fmt: skip
    with Progress(*columns, console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("Reading the notes, writing the deck", total=None)

        def tell(done: int, total: int) -> None:
            bar.update(task, description="Laying out PDF sheets", completed=done, total=total)

        yield tell
