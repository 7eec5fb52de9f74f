"""Images in notes: found beside the notes, embedded under content-hashed names.

Anki keeps media by file name only, so two ``img.png`` from different folders would
collide; each image is named after a hash of its bytes instead. Paths that leave the
notes' folder (``../../etc/passwd``, absolute paths, symlinks pointing out) are refused,
and remote URLs are never fetched.
"""

from __future__ import annotations

import functools
import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

REMOTE_SCHEMES = ("http", "https", "data", "ftp")
# How far below its block's first line an image's own line is looked for.
MAX_BLOCK_LINES = 500


@dataclass
class MediaResolver:
    """Resolves image sources of one note file; remembers what it embedded and what it refused."""

    note_dir: Path
    """The folder of the note file (relative sources start here)."""
    root: Path
    """The notes' folder: nothing outside it is read."""
    found: dict[str, Path] = field(default_factory=dict)
    """Media name → file."""
    problems: list[tuple[int | None, str]] = field(default_factory=list)
    """Why some images were left out: (0-based line of the block that shows it, or None; message)."""
    line: int | None = None
    """The 0-based line of the block being rendered (set by the renderer), for the problems' places."""
    vault: Vault | None = None
    """The notes folder's files, for embeds found by name (shared by one note file's questions)."""
    lines: tuple[str, ...] = ()
    """The note file's lines, to place a problem on the line that names the image, not the line its
    block (a list item, a table) starts on."""

    def _where(self, src: str) -> int | None:
        """The 0-based line naming ``src``: the first from the block's line on that holds it (the
        block's line when none does, as for an image of an embedded note)."""
        if self.line is None or not src:
            return self.line
        end = min(len(self.lines), self.line + MAX_BLOCK_LINES)
        return next((n for n in range(self.line, end) if src in self.lines[n]), self.line)

    def resolve(self, src: str) -> str | None:
        """The media name to use for ``src``; ``src`` itself if remote; None if left out."""

        def report(message: str) -> None:
            self.problems.append((self._where(src), message))

        parts = urlsplit(src)
        if parts.scheme.lower() in REMOTE_SCHEMES or src.startswith("//"):
            if parts.scheme.lower() != "data":
                report(f"remote image {src} is not fetched: Anki loads it when online, print shows its alt text")
            return src
        if parts.scheme or Path(unquote(parts.path)).is_absolute():
            report(f"image {src!r} refused: absolute paths are not allowed, use a path beside the notes")
            return None
        candidate = (self.note_dir / unquote(parts.path)).resolve()
        if not candidate.is_relative_to(self.root.resolve()):
            report(f"image {src!r} refused: it is outside the notes folder {self.root}")
            return None
        if not candidate.is_file():
            found = self.in_vault(unquote(parts.path), "image")
            if found is None:
                report(f"missing image: {src}")
                return None
            candidate = found
        try:
            digest = hashlib.sha256(candidate.read_bytes()).hexdigest()[:20]
        except OSError as exc:
            report(f"image {src!r} cannot be read: {exc.strerror}")
            return None
        name = f"cg-{digest}{candidate.suffix.lower()}"
        return self._embedded(name, candidate)

    def _embedded(self, name: str, candidate: Path) -> str:
        self.found[name] = candidate
        return name

    def in_vault(self, name: str, what: str) -> Path | None:
        """A file named like ``name`` (``diagram.png``, ``sub/diagram.png``, ``Other note``) anywhere
        in the notes folder, as Obsidian finds embeds: the one whose path ends so, the shortest of
        several (reported, naming them)."""
        wanted = Path(name).as_posix().casefold()
        if what == "note" and not wanted.endswith(".md"):
            wanted += ".md"
        vault = self.vault or Vault(self.root)
        matches = [p for p in vault.files if p.as_posix().casefold().endswith("/" + wanted)]
        if not matches:
            return None
        matches.sort(key=lambda p: (len(p.parts), p.as_posix()))
        if len(matches) > 1:
            shown = ", ".join(p.relative_to(self.root.resolve()).as_posix() for p in matches)
            self.problems.append((self.line, f"{what} {name!r} is ambiguous ({shown}); using the first"))
        return matches[0]


class Vault:
    """Every file below the notes folder (dot-folders such as ``.obsidian`` and ``.trash`` aside),
    listed once per note file and only when an embed needs it."""

    def __init__(self, root: Path) -> None:
        self.root = root.resolve()
        self._files: tuple[Path, ...] | None = None

    @property
    def files(self) -> tuple[Path, ...]:
        if self._files is None:
            self._files = tuple(p for p in self.root.rglob("*") if p.is_file() and not self._hidden(p))
        return self._files

    def _hidden(self, path: Path) -> bool:
        return any(part.startswith(".") for part in path.relative_to(self.root).parts)


MM_PER_PX = 25.4 / 96  # CSS pixels, which is how WeasyPrint sizes an image by default


@dataclass(frozen=True)
class MediaRoots:
    """Where a file's images are looked for: beside it, and nowhere outside ``root``."""

    note_dir: Path
    """The note file's folder."""
    root: Path
    """The notes' folder."""
    vault: Vault
    """Its files, for embeds found by name."""


@functools.lru_cache(maxsize=512)
def natural_size_mm(path: Path) -> tuple[float, float]:
    """An image file's natural size in mm, read from its header (Pillow, which WeasyPrint uses to
    read images too); (0, 0) when it cannot be read."""
    from PIL import Image, UnidentifiedImageError  # only for notes with images

    try:
        with Image.open(path) as image:
            width, height = image.size
    except (OSError, UnidentifiedImageError, ValueError):
        return 0.0, 0.0
    return width * MM_PER_PX, height * MM_PER_PX
