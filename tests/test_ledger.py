"""The identity ledger file: sorted lines, git merge conflicts resolved, damage kept and told apart."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cardgen.commands.build import build
from cardgen.config.options import BuildConfig
from cardgen.identity.ledger import LedgerEntry, dump_ledger, load_ledger


def entry(guid: str, question: str, mtime: int = 1) -> LedgerEntry:
    return LedgerEntry(guid, "n.md", question, "", "a", "c", mtime)


def test_one_sorted_line_per_note_and_the_old_format_still_reads(tmp_path: Path) -> None:
    path = tmp_path / "cardgen.lock"
    text = dump_ledger([entry("b", "two"), entry("a", "one")])
    lines = text.splitlines()
    assert json.loads(lines[0])["format"] == 2 and [json.loads(x)["guid"] for x in lines[1:]] == ["a", "b"]
    path.write_text(text, encoding="utf-8")
    assert [e.guid for e in load_ledger(path).entries] == ["a", "b"]
    old = '{\n"comment": "x",\n"format": 1,\n"notes": [\n  ' + json.dumps(vars(entry("a", "one"))) + "\n]\n}\n"
    path.write_text(old, encoding="utf-8")
    assert load_ledger(path) == load_ledger(path) and load_ledger(path).entries == (entry("a", "one"),)


def test_a_merge_conflict_is_resolved_to_both_sides(tmp_path: Path) -> None:
    path = tmp_path / "cardgen.lock"
    head = dump_ledger([entry("a", "one"), entry("b", "two", mtime=5)]).splitlines()
    theirs = dump_ledger([entry("a", "one"), entry("b", "two", mtime=9), entry("c", "three")]).splitlines()
    conflicted = [head[0], head[1], "<<<<<<< HEAD", head[2], "=======", theirs[2], theirs[3], ">>>>>>> branch"]
    path.write_text("\n".join(conflicted) + "\n", encoding="utf-8")
    ledger = load_ledger(path)
    assert {e.guid: e.mtime for e in ledger.entries} == {"a": 1, "b": 9, "c": 1}
    assert "merge conflicts; resolved" in ledger.problem and not ledger.damaged


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ('{"format": 2}\n{"guid": "a"}\n', "line 2: missing 'file'"),
        (
            '{"format": 2}\n{"guid": "a", "file": "n.md", "question": "q", "number": "", "answer": "", '
            '"content": "", "mtime": "soon"}\n',
            "line 2: 'mtime' is not a int",
        ),
        ('{"format": 2}\n{"guid": ', "Expecting value"),
        ("not a ledger at all", "Expecting value"),
    ],
)
def test_damage_says_what_and_where(tmp_path: Path, text: str, reason: str) -> None:
    path = tmp_path / "cardgen.lock"
    path.write_text(text, encoding="utf-8")
    ledger = load_ledger(path)
    assert ledger.damaged and ledger.entries == () and reason in ledger.problem
    assert "lose their review history" in ledger.problem


def test_a_build_keeps_a_copy_of_a_damaged_ledger(tmp_path: Path) -> None:
    (tmp_path / "source").mkdir()
    (tmp_path / "source" / "n.md").write_text("## What is a Pod?\n\nThe smallest unit.\n", encoding="utf-8")
    config = BuildConfig(sources=(tmp_path / "source",), output_dir=tmp_path / "build", write_pdf=False)
    build(config)
    ledger = tmp_path / "source" / "cardgen.lock"
    ledger.write_text(ledger.read_text(encoding="utf-8")[:-20], encoding="utf-8")  # cut short
    damaged = ledger.read_bytes()
    result = build(config, force=True)
    (copy,) = sorted((tmp_path / "source").glob("cardgen.lock.damaged-*"))
    assert copy.read_bytes() == damaged
    assert any(f"A copy is kept as {copy.name}" in w for w in result.warnings)
    assert load_ledger(ledger).problem == ""  # the new one is whole
