"""Stage 1: what to build, from where, into where.

The settings (``cardgen.toml`` and the command line, see ``settings.py``) produce one
:class:`BuildConfig`; the stages after it read nothing else.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from cardgen.config.printing import PrintOptions
from cardgen.errors import ConfigError, NotesError
from cardgen.vocab import Kind

# Folder names too generic to name a deck after; the folder above them is used instead.
GENERIC_FOLDERS = frozenset({"source", "sources", "src", "notes", "docs", "md", "markdown"})
# The identity ledger's file name; it lives with the notes (see ``cardgen.identity.ledger``).
LEDGER_NAME = "cardgen.lock"
# What notes are saved as: the names editors and site generators give Markdown (MDX is Markdown with
# components), in any case (``NOTES.MD``); a folder's other files are images and the rest.
NOTE_SUFFIXES = (".md", ".markdown", ".mdown", ".mkd", ".mkdn", ".mdx")


@dataclass(frozen=True)
class BuildConfig:
    """Everything a build depends on besides the notes themselves."""

    sources: tuple[Path, ...] = (Path("source"),)
    """Note files and folders (folders are searched recursively for ``NOTE_SUFFIXES``)."""
    output_dir: Path = Path("build")
    """Where the ``.apkg`` and the PDF are written."""
    deck_name: str | None = None
    """Top deck name; by default the notes' title (one file) or their folder's name."""
    subdecks: bool | None = None
    """One sub-deck per note file; by default only when there are several files."""
    question_level: int | None = None
    """Heading level of the questions; by default detected per file."""
    namespace: str | None = None
    """Pins the GUID namespace so renaming the deck keeps note identities."""
    skip_headings: tuple[str, ...] = ()
    """Patterns (shell-style, case-insensitive) of headings whose sections are never questions,
    besides the back matter cardgen knows (References, 致谢…)."""
    allow_html: bool = False
    """Pass raw HTML from the notes through to cards instead of escaping it."""
    write_apkg: bool = True
    """Write the Anki package."""
    kinds: frozenset[Kind] = frozenset(Kind)
    """Which cards to make: ``qa`` (or ``cloze``), ``table``, ``term``."""
    anki_url: str = "http://127.0.0.1:8765"
    """Where AnkiConnect answers (``cardgen sync``)."""
    anki_key: str | None = None
    """AnkiConnect's API key, when it has one set."""
    write_pdf: bool = True
    """Write the print-ready PDF."""
    print_options: PrintOptions = field(default_factory=PrintOptions)
    """Paper, card size, duplex, layout, back offset, font floor."""

    def note_files(self) -> list[Path]:
        """The Markdown files to read, in a stable order, each once."""
        return list(self.note_roots())

    def note_roots(self) -> dict[Path, Path]:
        """Each Markdown file to read → the notes folder it belongs to (nothing outside it is read)."""
        files: dict[Path, Path] = {}
        for source in self.sources:
            if source.is_dir():
                # Dot-folders (.git, .obsidian, .trash) hold no notes; only parts below the source count,
                # so `cardgen build ../notes` still reads its notes.
                found = sorted(
                    p
                    for p in source.rglob("*")
                    if p.suffix.lower() in NOTE_SUFFIXES
                    and p.is_file()
                    and not any(part.startswith(".") for part in p.relative_to(source).parts)
                )
                for path in found:
                    files.setdefault(path.resolve(), source.resolve())
            elif source.is_file():
                files.setdefault(source.resolve(), source.resolve().parent)
            else:
                raise ConfigError(f"{source}: no such file or folder")
        return files

    def required_note_roots(self) -> dict[Path, Path]:
        """``note_roots``, or an error when the sources hold no notes at all."""
        roots = self.note_roots()
        if not roots:
            sources = ", ".join(str(s) for s in self.sources)
            raise NotesError(f"no Markdown notes (*.md, *.markdown, *.mdx…) found in {sources}")
        return roots

    def ledger_path(self) -> Path:
        """The identity ledger lives with the notes (first source folder)."""
        first = self.sources[0] if self.sources else Path(".")
        return (first if first.is_dir() else first.parent) / LEDGER_NAME

    def collection_name(self) -> str:
        """Default top-deck name for several note files: their folder's name."""
        first = (self.sources[0] if self.sources else Path(".")).resolve()
        folder = first if first.is_dir() else first.parent
        if folder.name.casefold() in GENERIC_FOLDERS and folder.parent.name:
            folder = folder.parent
        return folder.name or "cardgen"
