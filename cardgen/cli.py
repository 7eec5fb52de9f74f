"""The command line: parse options, call the pipeline, print what happened.

Nothing here decides anything about cards. A :class:`CardgenError` becomes one clean
line on stderr (``Error: file:line: message``) and exit status 1.
"""

from __future__ import annotations

import functools
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from cardgen import __version__, settings
from cardgen.build import BuildResult, build, plan, safe_filename
from cardgen.config import BuildConfig
from cardgen.errors import CardgenError, ConfigError
from cardgen.layout import CARD_PRESETS, DUPLEX_MODES, LAYOUTS, PAPERS, parse_card_size
from cardgen.model import SourceLoc
from cardgen.settings import load_settings, make_config

if TYPE_CHECKING:
    from cardgen.pdf import PdfReport

F = TypeVar("F", bound=Callable[..., Any])


def user_errors(func: F) -> F:
    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except CardgenError as exc:
            raise click.ClickException(str(exc)) from exc

    return wrapper  # type: ignore[return-value]


@click.group(
    context_settings={"help_option_names": ["-h", "--help"]},
    epilog="Example:\n\n\b\n  cardgen build              # source/ → build/<deck>.apkg",
)
@click.version_option(__version__, prog_name="cardgen")
def main() -> None:
    """Turn Markdown study notes into Anki flashcards."""


def build_options(func: F) -> F:
    """Options shared by build, check, watch and preview. Unset options fall back to cardgen.toml."""
    options = [
        click.argument("sources", nargs=-1, type=click.Path(path_type=Path)),
        click.option(
            "-o",
            "--output",
            type=click.Path(path_type=Path, file_okay=False),
            help="Folder for the outputs (default: build).",
        ),
        click.option("--deck", metavar="NAME", help="Top deck name (default: the notes' title or folder)."),
        click.option(
            "--question-level",
            type=click.IntRange(1, 6),
            metavar="N",
            help="Heading level of questions, 1-6 (default: detected per file).",
        ),
        click.option(
            "--namespace",
            metavar="TEXT",
            help="Pin the identity namespace, so renaming the deck keeps every note (default: the deck).",
        ),
        click.option(
            "--allow-html",
            is_flag=True,
            default=None,
            help="Pass raw HTML in the notes through instead of escaping it.",
        ),
        click.option("--kinds", metavar="LIST", help="Cards to make, comma-separated: qa, table, term (default: all)."),
        click.option("--no-apkg", "apkg", flag_value=False, default=None, help="Do not write the Anki package."),
        click.option("--no-pdf", "pdf", flag_value=False, default=None, help="Do not write the PDF."),
        click.option(
            "--paper",
            type=click.Choice(sorted(PAPERS), case_sensitive=False),
            help="Paper size of the PDF (default: a4).",
        ),
        click.option(
            "--card",
            metavar="SIZE",
            help=f"Card size: {', '.join(CARD_PRESETS)} (default: 95x65 mm), or WxH in mm or in.",
        ),
        click.option(
            "--duplex",
            type=click.Choice(DUPLEX_MODES),
            help="The edge your printer flips on when printing double-sided (default: long).",
        ),
        click.option(
            "--layout",
            type=click.Choice(LAYOUTS),
            help="duplex: fronts and backs on alternate pages (default); fold: side by side.",
        ),
        click.option("--back-offset", metavar="DX,DY", help="Shift back pages by DX,DY mm (duplex drift)."),
        click.option(
            "--font-floor",
            type=click.FloatRange(4, 14),
            metavar="PT",
            help="Smallest font size before an answer continues on another card (default: 6.5).",
        ),
    ]
    for option in reversed(options):
        func = option(func)
    return func


def config_from(flags: dict[str, Any]) -> BuildConfig:
    """cardgen.toml (or [tool.cardgen]) in the working directory, overridden by the flags given."""
    given = {
        "sources": flags.get("sources") or None,
        "output": flags.get("output"),
        "deck": flags.get("deck"),
        "question_level": flags.get("question_level"),
        "namespace": flags.get("namespace"),
        "allow_html": flags.get("allow_html"),
        "kinds": parse_kinds(flags["kinds"]) if flags.get("kinds") else None,
        "apkg": flags.get("apkg"),
        "pdf": flags.get("pdf"),
        "paper": flags["paper"].lower() if flags.get("paper") else None,
        "card": parse_card_size(flags["card"]) if flags.get("card") else None,
        "duplex": flags.get("duplex"),
        "layout": flags.get("layout"),
        "back_offset": parse_offset(flags["back_offset"]) if flags.get("back_offset") else None,
        "font_floor": flags.get("font_floor"),
    }
    return make_config(load_settings(Path.cwd()), given)


@main.command(
    "build",
    epilog="""Examples:

\b
  cardgen build
  cardgen build notes/ --deck "Kubernetes" -o out/
  cardgen build interview.md --question-level 3 --paper letter --duplex short""",
)
@build_options
@click.option("--strict", is_flag=True, help="Fail (exit 1) on warnings from `cardgen check`, writing nothing.")
@click.option("-q", "--quiet", is_flag=True, help="Only the summary line, warnings and errors.")
@click.option("-v", "--verbose", is_flag=True, help="Also time per stage and output sizes.")
@click.option("--force", is_flag=True, help="Rebuild even when nothing changed since the last build.")
@user_errors
def build_command(strict: bool, quiet: bool, verbose: bool, force: bool, **flags: Any) -> None:
    """Build flashcards from SOURCES (Markdown files or folders; default: source/)."""

    config = config_from(flags)
    if strict:
        from cardgen.check import check, failed, summary

        findings = check(config)
        if failed(findings, strict=True):
            for finding in findings:
                if finding.level != "note":
                    click.echo(str(finding), err=True)
            raise click.ClickException(f"--strict: {summary(findings)}; nothing was written")
    if sys.stderr.isatty() and not quiet:
        from rich.console import Console

        with Console(stderr=True).status("Building cards (the PDF takes a moment)…"):
            result = build(config, force=force)
    else:
        result = build(config, force=force)
    if result.up_to_date:
        click.echo(f"up to date: {', '.join(str(p) for p in result.outputs)} (--force rebuilds anyway)")
        return
    print_summary(result, quiet=quiet, verbose=verbose)


@main.command(
    "check",
    epilog="""Examples:

\b
  cardgen check
  cardgen check notes/ --strict      # warnings fail too (for CI)""",
)
@build_options
@click.option("--strict", is_flag=True, help="Exit 1 on warnings as well as errors.")
@user_errors
def check_command(strict: bool, **flags: Any) -> None:
    """Lint the notes without writing anything: file:line: level: message."""
    from cardgen.check import check, failed, summary

    findings = check(config_from(flags))
    for finding in findings:
        click.echo(str(finding))
    click.echo(summary(findings))
    if failed(findings, strict):
        raise SystemExit(1)


@main.command(
    "preview",
    epilog="""Examples:

\b
  cardgen preview                    # then open build/<deck>.html in a browser""",
)
@build_options
@user_errors
def preview_command(**flags: Any) -> None:
    """Write build/<deck>.html: every card's front and back as Anki shows them, searchable."""
    from cardgen.fonts import detect_language
    from cardgen.preview import write_preview

    config = config_from(flags)
    deck = plan(config)
    language = config.print_options.language or detect_language("".join(c.front_text for c in deck.cards))
    path = write_preview(deck, config.output_dir / f"{safe_filename(deck.name)}.html", language)
    click.echo(f"wrote {path} ({len(deck.cards)} notes)")


@main.command(
    "watch",
    epilog="""Examples:

\b
  cardgen watch
  cardgen watch notes/ --no-pdf      # faster while writing""",
)
@build_options
@user_errors
def watch_command(**flags: Any) -> None:
    """Build, then rebuild whenever a note, image or cardgen.toml changes."""
    from cardgen.watch import watch

    watch(config_from(flags), click.echo)


@main.command(
    "init",
    epilog="""Examples:

\b
  cardgen init                       # here
  cardgen init my-notes && cd my-notes && cardgen build""",
)
@click.argument("directory", type=click.Path(path_type=Path, file_okay=False), default=".")
@user_errors
def init_command(directory: Path) -> None:
    """Start a notes project in DIRECTORY: a commented cardgen.toml and an example note."""
    from cardgen.init import init_project

    for path in init_project(directory):
        click.echo(f"wrote {path}")


def parse_kinds(text: str) -> frozenset[str]:
    """``--kinds qa,table``: checked by the same rule as ``kinds`` in cardgen.toml."""
    try:
        return settings.KEYS["kinds"](text.lower())  # type: ignore[no-any-return]
    except ValueError as exc:
        raise ConfigError(f"kinds: {exc}") from None


def parse_offset(text: str) -> tuple[float, float]:
    """``--back-offset 1.5,-0.5``: checked by the same rule as ``back_offset`` in cardgen.toml."""
    try:
        values = [float(part) for part in text.split(",")]
    except ValueError:
        values = []
    if len(values) != 2:
        raise ConfigError(f"back offset: expected DX,DY in mm (e.g. 1.5,-0.5), got {text!r}")
    try:
        return settings.KEYS["back_offset"](values)  # type: ignore[no-any-return]
    except ValueError as exc:
        raise ConfigError(f"back offset: {exc}") from None


KIND_NAMES = {"qa": "Q&A card", "cloze": "cloze card", "table": "table card", "term": "term card"}


def fit_summary(pdf: PdfReport) -> list[str]:
    """One line per question and card kind: which printed cards were shrunk or split."""
    sizes: dict[tuple[SourceLoc, str, str], list[float]] = {}
    splits: dict[tuple[SourceLoc, str, str], int] = {}
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
        what = KIND_NAMES[kind] + ("s" if kind in ("table", "term") else "")
        lines.append(f"{loc}: {title}: {what} printed {', '.join(detail)}")
    return lines


def print_summary(result: BuildResult, *, quiet: bool = False, verbose: bool = False) -> None:
    deck = result.deck
    for warning in result.warnings:
        click.secho(f"warning: {warning}", fg="yellow", err=True)
    unanswered = deck.unanswered
    pdf = result.pdf
    for q in (q for f in deck.files for q in f.questions):
        for problem in q.problems:
            click.secho(f"{q.loc}: warning: {problem}", fg="yellow", err=True)
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
    kinds = ", ".join(
        f"{by_kind[k]} {KIND_NAMES[k].split()[0]}" for k in ("qa", "cloze", "table", "term") if by_kind[k]
    )
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


if __name__ == "__main__":
    main()
