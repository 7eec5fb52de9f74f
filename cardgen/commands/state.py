"""Incremental builds: a build whose inputs did not change writes nothing and says "up to date".

The inputs are cardgen's version and note-type revision, the settings, and every file under
the notes' folders (notes, images, the ledger). Their hash, and the hashes of the outputs it
produced, are kept in ``build/.cardgen-state.json``; the file is safe to delete, and a
damaged or stale one is ignored, never trusted.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import fields, is_dataclass
from pathlib import Path
from typing import Any

from cardgen import __version__
from cardgen.anki.revision import MODEL_REVISION
from cardgen.config.options import BuildConfig
from cardgen.notes.vault import settings_files as vault_settings_files
from cardgen.output import write_text_atomic

STATE_NAME = ".cardgen-state.json"
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp", ".bmp")


def _digest(path: Path) -> str:
    """The file's hash; an unreadable file hashes to a value no file has, so the build goes on and
    reports the file where it reads it."""
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return "unreadable"


def input_files(config: BuildConfig) -> list[Path]:
    files: set[Path] = set()
    for source in config.sources:
        if source.is_dir():
            files.update(p for p in source.rglob("*") if p.is_file() and not p.name.startswith("."))
        elif source.is_file():
            files.add(source)
            files.update(p for p in source.parent.rglob("*") if p.suffix.lower() in IMAGE_SUFFIXES)
    ledger = config.ledger_path()
    if ledger.is_file():
        files.add(ledger)
    files.update(vault_settings_files(config.sources))  # a vault's settings say which lines are cards
    return sorted(files)


def canonical(value: Any) -> Any:
    """A JSON-able form that is the same in every process (sets sorted: their order is hash-seeded)."""
    if is_dataclass(value) and not isinstance(value, type):
        return {f.name: canonical(getattr(value, f.name)) for f in fields(value)}
    if isinstance(value, set | frozenset):
        return sorted(canonical(v) for v in value)
    if isinstance(value, tuple | list):
        return [canonical(v) for v in value]
    if isinstance(value, Path):
        return str(value)
    return value


def fingerprint(config: BuildConfig) -> str:
    settings = json.dumps(canonical(config), sort_keys=True)
    h = hashlib.sha256(f"{__version__}\x1f{MODEL_REVISION}\x1f{settings}".encode())
    for path in input_files(config):
        h.update(str(path).encode() + b"\x00" + _digest(path).encode())
    return h.hexdigest()


def _state_path(config: BuildConfig) -> Path:
    return config.output_dir / STATE_NAME


def unchanged_outputs(config: BuildConfig, current: str) -> list[Path] | None:
    """The outputs of the last build if its inputs were exactly these and its outputs are untouched."""
    try:
        state = json.loads(_state_path(config).read_text(encoding="utf-8"))
        if state.get("fingerprint") != current:
            return None
        outputs = [(Path(name), digest) for name, digest in state["outputs"]]
    except (OSError, ValueError, TypeError, KeyError):
        return None
    if not outputs or not all(path.is_file() and _digest(path) == digest for path, digest in outputs):
        return None
    return [path for path, _ in outputs]


def record(config: BuildConfig, outputs: Sequence[Path]) -> None:
    """Remember this build's inputs (as they are now, ledger included) and outputs."""
    state = {"fingerprint": fingerprint(config), "outputs": [[str(p), _digest(p)] for p in outputs]}
    write_text_atomic(_state_path(config), json.dumps(state, indent=1) + "\n")
