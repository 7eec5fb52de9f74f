"""Long edit histories in real Anki: rounds of random edits, each rebuilt and re-imported into the
same collection after some reviews. After every round: no duplicate notes, every edit applied, no
reviewed card lost its history."""

from __future__ import annotations

import random
import re
import unicodedata
from pathlib import Path

import pytest

from cardgen.commands.build import build
from cardgen.config.options import BuildConfig
from tests.ankitools import AnkiCollection

pytestmark = pytest.mark.slow  # real Anki, WeasyPrint, fuzzing, killed builds or large files

ROUNDS = 12
T0 = 1_800_000_000


def split_sections(text: str) -> tuple[str, list[list[str]]]:
    """(preamble, [[heading, body], …]) at `#### ` headings (test bookkeeping, not cardgen's parser)."""
    parts = re.split(r"(?m)^(?=#### )", text)
    return parts[0], [[p.split("\n", 1)[0], p.split("\n", 1)[1] if "\n" in p else ""] for p in parts[1:]]


def join_sections(preamble: str, sections: list[list[str]]) -> str:
    return preamble + "".join(f"{h}\n{b}" if b.endswith("\n") else f"{h}\n{b}\n" for h, b in sections)


def answered(sections: list[list[str]]) -> list[int]:
    return [i for i, (_, body) in enumerate(sections) if re.search(r"[^\s#]", re.sub(r"(?m)^#+ .*$", "", body))]


def test_twelve_rounds_of_edits(project: Path, collection: AnkiCollection) -> None:
    rng = random.Random(20261125)
    source = project / "source"
    a = source / "kubernetes-interview.md"
    b = source / "more.md"
    b.write_text("#### 100.什么是 Pod\n\nPod 是最小的调度单位。\n", encoding="utf-8")
    config = BuildConfig(write_pdf=False)
    figures = {"edits": 0, "reworded": 0, "added": 0, "deleted": 0, "moved": 0, "cells": 0, "reviews": 0}
    history: dict[int, int] = {}

    for round_ in range(ROUNDS + 1):
        if round_:
            files = {path: split_sections(path.read_text(encoding="utf-8")) for path in (a, b)}
            for _ in range(rng.randint(2, 5)):
                path = rng.choice([a, b])
                pre, sections = files[path]
                candidates = answered(sections)
                op = rng.choice(["edit", "reword", "add", "delete", "move", "cell"])
                if op == "add" or not candidates:
                    sections.append(
                        [f"#### {200 + round_}.第{round_}轮新增问题{rng.randint(0, 9999)}", f"\n答案 {round_}。\n\n"]
                    )
                    figures["added"] += 1
                    continue
                i = rng.choice(candidates)
                if op == "edit":
                    sections[i][1] = sections[i][1].rstrip("\n") + f"\n\n第{round_}轮补充。\n\n"
                    figures["edits"] += 1
                elif op == "reword":
                    sections[i][0] += "呢"
                    figures["reworded"] += 1
                elif op == "delete" and len(candidates) > 2:
                    del sections[i]
                    figures["deleted"] += 1
                elif op == "move":
                    other = b if path == a else a
                    files[other][1].append(sections.pop(i))
                    figures["moved"] += 1
                elif op == "cell" and "|" in sections[i][1]:
                    rows = [
                        r for r in sections[i][1].split("\n") if r.startswith("|") and "---" not in r and ":-" not in r
                    ]
                    row = rng.choice(rows[1:]) if len(rows) > 1 else None
                    if row:
                        cells = row.split("|")
                        cells[2] = f" {cells[2].strip()}（第{round_}轮） "
                        sections[i][1] = sections[i][1].replace(row, "|".join(cells), 1)
                        figures["cells"] += 1
            for path, (pre, sections) in files.items():
                path.write_text(join_sections(pre, sections), encoding="utf-8")

        result = build(config, now=T0 + 60 * round_, force=True)  # check every round, changed or not
        log = collection.import_apkg(result.outputs[0])
        assert log.conflicting == 0

        # Every current card is in Anki exactly once, with exactly the fields just built.
        notes = collection.notes()
        for card in result.deck.cards:
            note = notes[card.guid]
            expected = [unicodedata.normalize("NFC", f) for f in card.fields]
            assert list(note.fields) == expected, f"round {round_}: {card.front_text} not updated"  # type: ignore[attr-defined]
        fronts = {}
        for guid in {c.guid for c in result.deck.cards}:
            first_field = str(notes[guid].fields[0])  # type: ignore[attr-defined]
            assert first_field not in fronts or fronts[first_field] == guid, f"round {round_}: duplicate {first_field}"
            fronts[first_field] = guid

        # No reviewed card lost its history; then review a few more.
        counts = collection.review_counts()
        assert all(counts.get(cid, 0) >= n for cid, n in history.items()), f"round {round_}: review history lost"
        card_ids = collection.col.find_cards("")
        for cid in rng.sample(list(card_ids), k=min(5, len(card_ids))):
            card = collection.col.get_card(cid)
            card.start_timer()
            collection.col.sched.answerCard(card, rng.choice([2, 3, 4]))
            figures["reviews"] += 1
        history = collection.review_counts()

    assert sum(figures.values()) > ROUNDS * 2
    print(f"\n{ROUNDS} rounds: {figures}; notes in Anki {len(collection.notes())}, reviewed cards {len(history)}")
