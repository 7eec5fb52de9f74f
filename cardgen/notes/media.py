"""Images in notes: found beside the notes, embedded under content-hashed names.

Anki keeps media by file name only, so two ``img.png`` from different folders would
collide; each image is named after a hash of its bytes instead. Paths that leave the
notes' folder (``../../etc/passwd``, absolute paths, symlinks pointing out) are refused,
and remote URLs are never fetched.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

REMOTE_SCHEMES = ("http", "https", "data", "ftp")


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

    def resolve(self, src: str) -> str | None:
        """The media name to use for ``src``; ``src`` itself if remote; None if left out."""
        parts = urlsplit(src)
        if parts.scheme.lower() in REMOTE_SCHEMES or src.startswith("//"):
            if parts.scheme.lower() != "data":
                message = f"remote image {src} is not fetched: Anki loads it when online, print shows its alt text"
                self.problems.append((self.line, message))
            return src
        if parts.scheme or Path(unquote(parts.path)).is_absolute():
            self.problems.append(
                (self.line, f"image {src!r} refused: absolute paths are not allowed, use a path beside the notes")
            )
            return None
        candidate = (self.note_dir / unquote(parts.path)).resolve()
        if not candidate.is_relative_to(self.root.resolve()):
            self.problems.append((self.line, f"image {src!r} refused: it is outside the notes folder {self.root}"))
            return None
        if not candidate.is_file():
            self.problems.append((self.line, f"missing image: {src}"))
            return None
        try:
            digest = hashlib.sha256(candidate.read_bytes()).hexdigest()[:20]
        except OSError as exc:
            self.problems.append((self.line, f"image {src!r} cannot be read: {exc.strerror}"))
            return None
        name = f"cg-{digest}{candidate.suffix.lower()}"
        self.found[name] = candidate
        return name
