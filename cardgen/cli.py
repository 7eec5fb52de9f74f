"""The command line: parse options, call the pipeline, print what happened.

Nothing here decides anything about cards. A :class:`CardgenError` becomes one clean
line on stderr (``Error: file:line: message``) and exit status 1.
"""

from __future__ import annotations

import functools
import gc
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from cardgen import __version__
from cardgen.commands.build import build, plan, safe_filename
from cardgen.commands.report import build_json, print_summary, progress_bar
from cardgen.config import settings
from cardgen.config.options import BuildConfig
from cardgen.config.settings import load_settings, make_config
from cardgen.errors import CardgenError

if TYPE_CHECKING:
    pass

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


def _option(setting: settings.Setting) -> Callable[[F], F]:
    """The click option (or argument) of one setting; its value is checked later, by the schema."""
    flag = setting.flag
    assert flag is not None
    if setting.flag_kind == "argument":
        return click.argument(setting.key, nargs=-1, type=click.Path(path_type=Path))
    default = settings.default(setting)
    shown = ""
    if default is not None and setting.template_default is None:
        shown = f" (default: {settings.template_value(setting).strip(chr(34))})"
    if setting.flag_kind == "on":
        return click.option(flag, setting.key, is_flag=True, default=None, help=setting.help)
    if setting.flag_kind == "off":
        return click.option(flag, setting.key, flag_value=False, default=None, help=setting.flag_help)
    if setting.flag_kind == "choice":
        choices = click.Choice([str(v) for v in settings.CHOICES[setting.key]], case_sensitive=False)
        return click.option(flag, setting.key, type=choices, help=setting.help + shown)
    short = ("-o",) if setting.key == "output" else ()
    return click.option(*short, flag, setting.key, metavar=setting.metavar, help=setting.help + shown)


def build_options(func: F, scopes: tuple[str, ...] = ("build",)) -> F:
    """Options shared by build, check, watch and preview, made from the settings schema.
    Unset options fall back to cardgen.toml."""
    for setting in reversed(settings.SETTINGS):
        if setting.flag is not None and setting.scope in scopes:
            func = _option(setting)(func)
    return func


def anki_options(func: F) -> F:
    """The build options and those of AnkiConnect (sync, watch --sync)."""
    return build_options(func, ("build", "anki"))


def config_from(flags: dict[str, Any]) -> BuildConfig:
    """cardgen.toml (or [tool.cardgen]) in the working directory, overridden by the flags given."""
    return make_config(load_settings(Path.cwd()), settings.from_flags(flags))


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
@click.option(
    "-v", "--verbose", is_flag=True, help="Also every unanswered question, shrunk or split card, and time per stage."
)
@click.option("--force", is_flag=True, help="Rebuild even when nothing changed since the last build.")
@click.option("--json", "as_json", is_flag=True, help="Print what the build did as JSON (see the README).")
@user_errors
def build_command(strict: bool, quiet: bool, verbose: bool, force: bool, as_json: bool, **flags: Any) -> None:
    """Build flashcards from SOURCES (Markdown files or folders; default: source/)."""

    config = config_from(flags)
    if strict:
        from cardgen.commands.check import check, failed, summary

        findings = check(config)
        if failed(findings, strict=True):
            for finding in findings:
                if finding.level != "note":
                    click.echo(str(finding), err=True)
            raise click.ClickException(f"--strict: {summary(findings)}; nothing was written")
    with progress_bar(sys.stderr.isatty() and not quiet and not as_json) as progress:
        result = build(config, force=force, progress=progress)
    if as_json:
        click.echo(json.dumps(build_json(result), ensure_ascii=False, indent=2))
        return
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
@click.option("--json", "as_json", is_flag=True, help="Print the findings as JSON (see the README).")
@user_errors
def check_command(strict: bool, as_json: bool, **flags: Any) -> None:
    """Lint the notes without writing anything: file:line: level: message."""
    from cardgen.commands.check import check, failed, findings_json, summary

    findings = check(config_from(flags))
    if as_json:
        click.echo(json.dumps(findings_json(findings), ensure_ascii=False, indent=2))
    else:
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
    from cardgen.commands.preview import write_preview
    from cardgen.pdf.fonts import detect_language

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
  cardgen watch notes/ --no-pdf      # faster while writing
  cardgen watch --sync               # and push every rebuild into the running Anki""",
)
@anki_options
@click.option("--sync", "push", is_flag=True, help="After each rebuild, push the deck into the running Anki.")
@user_errors
def watch_command(push: bool, **flags: Any) -> None:
    """Build, then rebuild whenever a note, image or cardgen.toml changes."""
    from cardgen.commands.watch import watch

    config_from(flags)  # bad settings stop here, before anything is watched
    watch(lambda: config_from(flags), click.echo, sync=push)


@main.command(
    "sync",
    epilog="""Examples:

\b
  cardgen sync                       # build, then import into the running Anki
  cardgen sync --dry-run             # what would be added, updated, removed
  cardgen sync --prune               # also delete notes the notes no longer make""",
)
@anki_options
@click.option("--prune", is_flag=True, help="Delete from Anki the notes the notes no longer make (else: tag them).")
@click.option("--dry-run", is_flag=True, help="Show what would change in Anki; change nothing, write nothing.")
@user_errors
def sync_command(prune: bool, dry_run: bool, **flags: Any) -> None:
    """Build, then push the deck into the running Anki through AnkiConnect (add-on 2055492159)."""
    from cardgen.anki.connect import AnkiConnect
    from cardgen.commands.sync import describe, sync

    config = config_from(flags)
    anki = AnkiConnect(config.anki_url, config.anki_key)
    with progress_bar(sys.stderr.isatty() and not dry_run) as progress:
        report = sync(config, anki, prune=prune, dry_run=dry_run, progress=progress)
    if report.build is not None:
        print_summary(report.build, quiet=True)
    for line in describe(report):
        click.echo(line)


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
    from cardgen.commands.init import init_project

    for path in init_project(directory):
        click.echo(f"wrote {path}")


def run() -> None:
    """The ``cardgen`` console script: the commands, then the way out without a last collection.

    A build leaves about a million objects in reference cycles (the notes' syntax trees, whose
    nodes point to their parents) when it reads 1,000 long questions. The interpreter's final
    collection would walk all of them for nothing: ~0.7 s of a 5 s ``--no-pdf`` build. Frozen,
    they are left to the operating system with the rest of the process (docs/benchmarks.md)."""
    try:
        main()
    finally:
        gc.freeze()


if __name__ == "__main__":
    run()
