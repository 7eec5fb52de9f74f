"""Writing outputs so that a failed or killed build never leaves a broken file behind."""

from __future__ import annotations

import contextlib
import glob
import os
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from cardgen.errors import CardgenError


@contextmanager
def atomic_path(path: Path) -> Iterator[Path]:
    """Yield a temporary path beside ``path``; on success it replaces ``path`` in one rename.

    On any exception the temporary file is removed and ``path`` is left as it was.
    """
    with atomic_paths(path) as (tmp,):
        yield tmp


@contextmanager
def atomic_paths(*paths: Path) -> Iterator[tuple[Path, ...]]:
    """``atomic_path`` for outputs that belong together (the deck and the ledger describing it):
    every file is written and flushed to disk before the first rename, and the renames follow
    one another at once, so a build killed meanwhile leaves all old or all new but for a few
    microseconds between two renames."""
    temps: list[Path] = []
    try:
        for path in paths:
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
                _remove_stale_temporaries(path)
                fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
            except OSError as exc:
                raise CardgenError(f"cannot write {path}: {exc.strerror}") from exc
            os.close(fd)
            temps.append(Path(name))
        try:
            yield tuple(temps)
            for tmp, path in zip(temps, paths, strict=True):
                with open(tmp, "rb") as fh:  # the bytes must be on disk before the rename makes them the file
                    os.fsync(fh.fileno())
                # mkstemp creates 0600; give the output the mode a plain open() would (or the old file's).
                tmp.chmod(path.stat().st_mode & 0o777 if path.exists() else 0o666 & ~_umask())
            for tmp, path in zip(temps, paths, strict=True):
                os.replace(tmp, path)
        except OSError as exc:  # a full disk, a folder made read-only meanwhile: the old files stay
            names = " and ".join(str(p) for p in paths)
            raise CardgenError(
                f"cannot write {names}: {exc.strerror or exc}; the previous files are untouched"
            ) from exc
    finally:
        for tmp in temps:
            tmp.unlink(missing_ok=True)


# A temporary file this old belongs to a build that was killed (a running build writes in seconds).
STALE_SECONDS = 15 * 60


def _remove_stale_temporaries(path: Path) -> None:
    for old in path.parent.glob(f".{glob.escape(path.name)}.*.tmp"):
        with contextlib.suppress(OSError):
            if time.time() - old.stat().st_mtime > STALE_SECONDS:
                old.unlink()


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


def write_text_atomic(path: Path, text: str) -> None:
    with atomic_path(path) as tmp:
        tmp.write_text(text, encoding="utf-8")
