"""The ledger's faults, seen from a real Anki collection: after a git merge conflict or damage, a
rebuild and re-import duplicate nothing and lose no review."""

from __future__ import annotations

from pathlib import Path

import pytest

from cardgen.commands.build import build
from cardgen.config.options import BuildConfig
from tests.ankitools import AnkiCollection

pytestmark = pytest.mark.slow  # real Anki

APKG = Path("build/kubernetes-interview.apkg")
LEDGER = Path("source/cardgen.lock")
NOTES = Path("source/kubernetes-interview.md")
T0 = 1_800_000_000
APKG_ONLY = BuildConfig(write_pdf=False, kinds=frozenset({"qa"}))
NEW_QUESTION = "#### 31.Kubernetes中存在哪几种负载均衡"


def edit(old: str, new: str) -> None:
    text = NOTES.read_text(encoding="utf-8")
    assert old in text
    NOTES.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_a_ledger_with_merge_conflicts_keeps_every_note_and_review(project: Path, collection: AnkiCollection) -> None:
    build(APKG_ONLY, now=T0)
    collection.import_apkg(APKG)
    reviews = collection.review_all()
    base_notes, base_ledger = NOTES.read_text(encoding="utf-8"), LEDGER.read_text(encoding="utf-8")

    edit("#### 5.探针有哪几种", "#### 5.探针有哪几种类型")  # branch A rewords a question
    build(APKG_ONLY, now=T0 + 60)
    ours = LEDGER.read_text(encoding="utf-8").splitlines()
    NOTES.write_text(base_notes, encoding="utf-8")  # branch B answers a question
    LEDGER.write_text(base_ledger, encoding="utf-8")
    edit(NEW_QUESTION, f"{NEW_QUESTION}\n\nService、Ingress 和外部负载均衡器。\n")
    build(APKG_ONLY, now=T0 + 120)
    theirs = LEDGER.read_text(encoding="utf-8").splitlines()

    # git merged the notes; the ledger conflicted all over (the worst case).
    edit("#### 5.探针有哪几种", "#### 5.探针有哪几种类型")
    LEDGER.write_text("\n".join(["<<<<<<< ours", *ours, "=======", *theirs, ">>>>>>> theirs"]) + "\n", encoding="utf-8")
    result = build(APKG_ONLY, now=T0 + 180)
    assert any("merge conflicts; resolved" in w for w in result.warnings)
    assert "<<<<<<<" not in LEDGER.read_text(encoding="utf-8")

    log = collection.import_apkg(APKG)
    assert (log.new, log.conflicting) == (1, 0)  # the answered question; nothing duplicated
    assert len(collection.notes()) == 8
    assert collection.review_counts() == reviews, "no review history lost"
    assert any(str(n["Question"]) == "探针有哪几种类型" for n in collection.notes().values())  # type: ignore[index]


def test_a_damaged_ledger_is_kept_and_the_notes_keep_their_reviews(project: Path, collection: AnkiCollection) -> None:
    build(APKG_ONLY, now=T0)
    collection.import_apkg(APKG)
    reviews = collection.review_all()
    LEDGER.write_text(LEDGER.read_text(encoding="utf-8")[:-40], encoding="utf-8")  # cut short
    damaged = LEDGER.read_bytes()

    result = build(APKG_ONLY, now=T0 + 60, force=True)
    (copy,) = Path("source").glob("cardgen.lock.damaged-*")
    assert copy.read_bytes() == damaged and any(copy.name in w for w in result.warnings)
    log = collection.import_apkg(APKG)
    assert (log.new, log.conflicting) == (0, 0) and len(collection.notes()) == 7
    assert collection.review_counts() == reviews, "no review history lost"
