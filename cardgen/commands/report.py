"""What a command did, as the lines a user reads: the build summary and the printed-card report."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

import click

from cardgen.commands.build import BuildResult
from cardgen.model import SourceLoc
from cardgen.vocab import Kind

if TYPE_CHECKING:
    from cardgen.pdf.writer import PdfReport


KIND_NAMES = {Kind.QA: "Q&A card", Kind.CLOZE: "cloze card", Kind.TABLE: "table card", Kind.TERM: "term card"}


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


def print_summary(result: BuildResult, *, quiet: bool = False, verbose: bool = False) -> None:
    deck = result.deck
    for warning in result.warnings:
        click.secho(f"warning: {warning}", fg="yellow", err=True)
    for problem in result.problems:
        click.secho(f"{problem.loc}: warning: {problem.message}", fg="yellow", err=True)
    unanswered = deck.unanswered
    pdf = result.pdf
    for q in (q for f in deck.files for q in f.questions):
        for problem in q.problems:
            click.secho(f"{problem.loc}: warning: {problem.message}", fg="yellow", err=True)
    if not quiet:
        for q in unanswered:
            click.echo(f"{q.loc}: unanswered: {q.title_text}")
        for r in result.reworded:
            click.echo(f"{r.question.loc}: reworded (same note kept): {r.was!r} → {r.question.title_text!r}")
        for line in fit_summary(pdf) if pdf is not None else []:
            click.echo(line)
    if pdf is not None:
        for q in pdf.clipped:
            click.secho(
                f"{q.loc}: warning: too long for one card even at the smallest size; cut off: {q.title_text}",
                fg="yellow",
            )
        for loc, chars in pdf.missing_glyphs:
            click.secho(f"{loc}: warning: no font can print {chars!r}; they will show as boxes", fg="yellow")
        for warning in pdf.warnings:
            click.secho(f"warning: {warning}", fg="yellow", err=True)
    questions = sum(len(f.questions) for f in deck.files)
    by_kind = Counter(card.kind for card in deck.cards)
    kinds = ", ".join(f"{by_kind[k]} {KIND_NAMES[k].split()[0]}" for k in KIND_NAMES if by_kind[k])
    click.echo(
        f"{len(deck.files)} file(s), {questions} questions: {len(deck.cards)} cards"
        f"{f' ({kinds})' if kinds else ''}, {len(unanswered)} unanswered"
    )
    if pdf is not None and not quiet:
        click.echo(
            f"PDF: {len(pdf.printed)} printed cards on {pdf.sheets} sheet(s), {pdf.pages} pages "
            f"({pdf.sheet.columns}×{pdf.sheet.rows} per {pdf.sheet.paper} sheet)"
            + (f"; {pdf.reused_sheets} unchanged sheet(s) kept from the last PDF" if pdf.reused_sheets else "")
        )
    for path in result.outputs:
        size = f" ({path.stat().st_size / 1024:.0f} KiB)" if verbose else ""
        click.echo(f"wrote {path}{size}")
    if verbose:
        click.echo("time: " + ", ".join(f"{stage} {seconds:.2f}s" for stage, seconds in result.timings))
