"""The whole pipeline on disk: decks, tags, duplicates, atomic outputs."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from cardgen.commands.build import build
from cardgen.config.options import BuildConfig
from cardgen.errors import CardgenError
from tests.ankitools import AnkiCollection


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.slow  # writes the PDF
def test_seed_build_outputs(project: Path) -> None:
    result = build(BuildConfig())
    assert result.outputs == (Path("build/kubernetes-interview.apkg"), Path("build/kubernetes-interview.pdf"))
    kinds = [c.kind for c in result.deck.cards]
    assert (kinds.count("qa"), kinds.count("table"), kinds.count("term")) == (7, 67, 33)
    assert len(result.deck.unanswered) == 24
    assert zipfile.ZipFile(result.outputs[0]).namelist() == ["collection.anki2", "media"]
    assert (project / "source" / "cardgen.lock").exists()
    card = [c for c in result.deck.cards if c.kind == "qa"][1]
    assert card.question.title_text == "探针有哪几种" and card.tags == ("cardgen::qa", "kubernetes-interview")


def test_several_files_make_sub_decks_and_tags(tmp_path: Path, collection: AnkiCollection) -> None:
    write(tmp_path / "notes" / "net.md", "# Networking\n\n## Basics\n\n### What is a VLAN?\n\nA virtual LAN.\n")
    write(tmp_path / "notes" / "deep" / "k8s.md", "### What is a Pod?\n\nThe smallest unit.\n")
    result = build(
        BuildConfig(
            sources=(tmp_path / "notes",), output_dir=tmp_path / "out", write_pdf=False, deck_name="Study Notes"
        )
    )
    decks = [c.deck for c in result.deck.cards]
    assert decks == ["Study Notes::k8s", "Study Notes::Networking"]
    assert result.deck.cards[1].tags == ("cardgen::qa", "net", "Basics")
    assert result.deck.cards[1].context == "Networking / Basics"
    collection.import_apkg(tmp_path / "out" / "Study-Notes.apkg")
    names = {collection.col.decks.name(collection.col.get_card(cid).did) for cid in collection.col.find_cards("")}
    assert names == {"Study Notes::k8s", "Study Notes::Networking"}


def test_duplicate_questions_fail_naming_both_places(tmp_path: Path) -> None:
    write(tmp_path / "a.md", "## 1. What is a Pod?\n\nOne.\n\n## Intro\n\ntext\n\n## 7. what is a pod\n\nTwo.\n")
    with pytest.raises(CardgenError) as info:
        build(BuildConfig(sources=(tmp_path,), output_dir=tmp_path / "out", write_pdf=False))
    message = str(info.value)
    assert "a.md:9" in message and "a.md:1" in message and "duplicate question" in message


def test_the_same_question_in_two_files_makes_two_notes(tmp_path: Path) -> None:
    """Two notes of a vault both have `## Properties`: each file's sub-deck keeps its own note."""
    write(tmp_path / "a.md", "# Normal\n\n## Properties\n\nSymmetric.\n")
    write(tmp_path / "b.md", "# Binomial\n\n## Properties\n\nDiscrete.\n")
    result = build(BuildConfig(sources=(tmp_path,), output_dir=tmp_path / "out", write_pdf=False))
    guids = {card.deck: card.guid for card in result.deck.cards}
    assert len(guids) == 2 and len(set(guids.values())) == 2


def test_same_question_under_different_headings_makes_two_notes(tmp_path: Path, collection: AnkiCollection) -> None:
    notes = write(
        tmp_path / "notes" / "redis.md",
        "# Redis\n\n## Overview\n\n### Data types\n\nFive.\n\n## Versus Memcached\n\n### Data types\n\nMore.\n",
    )
    config = BuildConfig(sources=(notes.parent,), output_dir=tmp_path / "out", write_pdf=False)
    first = build(config)
    guids = [c.guid for c in first.deck.cards]
    assert len(set(guids)) == 2
    assert collection.import_apkg(first.outputs[0]).new == 2
    # Only the clashing questions carry their headings in their identity, and it is stable.
    assert [c.question.identity_text for c in first.deck.cards] == [
        "Overview Data types",
        "Versus Memcached Data types",
    ]
    assert [c.guid for c in build(config, force=True).deck.cards] == guids


def test_failed_build_keeps_previous_outputs(project: Path) -> None:
    build(BuildConfig(write_pdf=False))
    apkg = project / "build" / "kubernetes-interview.apkg"
    ledger = project / "source" / "cardgen.lock"
    before = apkg.read_bytes(), ledger.read_bytes()
    notes = project / "source" / "kubernetes-interview.md"
    notes.write_text(notes.read_text(encoding="utf-8") + "\n#### 32.探针有哪几种\n\n重复\n", encoding="utf-8")
    with pytest.raises(CardgenError):
        build(BuildConfig(write_pdf=False))
    assert (apkg.read_bytes(), ledger.read_bytes()) == before
    assert sorted(p.name for p in apkg.parent.iterdir()) == [".cardgen-state.json", "kubernetes-interview.apkg"], (
        "no temp files"
    )


def test_moving_a_question_to_another_file_keeps_its_note(tmp_path: Path) -> None:
    a = write(tmp_path / "notes" / "a.md", "## 1. Alpha?\n\nA.\n\n## 2. Beta?\n\nB.\n")
    b = write(tmp_path / "notes" / "b.md", "## 1. Gamma?\n\nC.\n")
    config = BuildConfig(sources=(tmp_path / "notes",), output_dir=tmp_path / "out", write_pdf=False, deck_name="D")
    first = {c.question.title_text: c.guid for c in build(config, now=10).deck.cards}
    a.write_text("## 1. Alpha?\n\nA.\n", encoding="utf-8")
    b.write_text("## 1. Gamma?\n\nC.\n\n## 2. Beta?\n\nB.\n", encoding="utf-8")
    second = {c.question.title_text: c.guid for c in build(config, now=20).deck.cards}
    assert first == second


def test_no_notes_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    with pytest.raises(CardgenError, match="no Markdown notes"):
        build(BuildConfig(sources=(tmp_path / "empty",), write_pdf=False))
    with pytest.raises(CardgenError, match="no such file or folder"):
        build(BuildConfig(sources=(tmp_path / "missing",), write_pdf=False))


def test_not_utf8_names_file_line_and_offset(tmp_path: Path) -> None:
    (tmp_path / "bad.md").write_bytes(b"## Q\n\nok\n" + b"caf\xe9\n")
    with pytest.raises(CardgenError) as info:
        build(BuildConfig(sources=(tmp_path,), output_dir=tmp_path / "out", write_pdf=False))
    assert "bad.md:4" in str(info.value) and "byte offset 12" in str(info.value)


def test_a_second_question_with_the_same_title_keeps_the_first_ones_note(tmp_path: Path) -> None:
    notes = write(tmp_path / "notes" / "redis.md", "# Redis\n\n## Overview\n\n### Data types\n\nFive.\n")
    config = BuildConfig(sources=(notes.parent,), output_dir=tmp_path / "out", write_pdf=False)
    (first,) = build(config).deck.cards
    write(notes, notes.read_text(encoding="utf-8") + "\n## Versus Memcached\n\n### Data types\n\nMore.\n")
    again, other = build(config).deck.cards
    # Its identity now carries its heading; the ledger recognises it as the same question.
    assert again.question.identity_text == "Overview Data types" and again.guid == first.guid
    assert other.guid != first.guid
