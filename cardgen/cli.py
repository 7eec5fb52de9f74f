"""The command line: parse options, call the pipeline, print what happened.

Nothing here decides anything about cards. A :class:`CardgenError` becomes one clean
line on stderr (``Error: file:line: message``) and exit status 1.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from cardgen import __version__
from cardgen.build import BuildResult, build
from cardgen.config import BuildConfig
from cardgen.errors import CardgenError

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


@main.command(
    epilog="""Examples:

\b
  cardgen build
  cardgen build notes/ --deck "Kubernetes" -o out/
  cardgen build interview.md --question-level 3"""
)
@click.argument("sources", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "-o",
    "--output",
    "output_dir",
    type=click.Path(path_type=Path, file_okay=False),
    default="build",
    show_default=True,
    help="Folder for the outputs.",
)
@click.option("--deck", "deck_name", metavar="NAME", help="Top deck name (default: the notes' title or folder).")
@click.option(
    "--question-level",
    type=click.IntRange(1, 6),
    metavar="N",
    help="Heading level of questions, 1-6 (default: detected per file).",
)
@click.option(
    "--namespace",
    metavar="TEXT",
    help="Pin the identity namespace, so renaming the deck keeps every note (default: the deck name).",
)
@click.option("--allow-html", is_flag=True, help="Pass raw HTML in the notes through instead of escaping it.")
@click.option("--no-apkg", is_flag=True, help="Do not write the Anki package.")
@user_errors
def build_command(
    sources: tuple[Path, ...],
    output_dir: Path,
    deck_name: str | None,
    question_level: int | None,
    namespace: str | None,
    allow_html: bool,
    no_apkg: bool,
) -> None:
    """Build flashcards from SOURCES (Markdown files or folders; default: source/)."""
    config = BuildConfig(
        sources=sources or (Path("source"),),
        output_dir=output_dir,
        deck_name=deck_name,
        question_level=question_level,
        namespace=namespace,
        allow_html=allow_html,
        write_apkg=not no_apkg,
    )
    print_summary(build(config))


main.add_command(build_command, name="build")


def print_summary(result: BuildResult) -> None:
    deck = result.deck
    for warning in result.warnings:
        click.secho(f"warning: {warning}", fg="yellow", err=True)
    unanswered = deck.unanswered
    for q in unanswered:
        click.echo(f"{q.loc}: unanswered: {q.title_text}")
    for r in result.reworded:
        click.echo(f"{r.question.loc}: reworded (same note kept): {r.was!r} → {r.question.title_text!r}")
    questions = sum(len(f.questions) for f in deck.files)
    click.echo(
        f"{len(deck.files)} file(s), {questions} questions: {len(deck.cards)} cards, {len(unanswered)} unanswered"
    )
    for path in result.outputs:
        click.echo(f"wrote {path}")
