"""Shared fixtures: a throwaway project with the seed notes, and real Anki collections."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.ankitools import AnkiCollection

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "source" / "kubernetes-interview.md"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
CORPUS = ROOT.parent / "shared" / "corpus"


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A project folder with ``source/kubernetes-interview.md`` (a copy of the seed), as the cwd."""
    (tmp_path / "source").mkdir()
    shutil.copy(SEED, tmp_path / "source" / SEED.name)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """A test that imports into a real Anki collection is slow wherever it is."""
    for item in items:
        if "collection" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.slow)


@pytest.fixture
def collection(tmp_path: Path) -> Iterator[AnkiCollection]:
    col = AnkiCollection(tmp_path / "anki" / "collection.anki2")
    yield col
    col.close()
