"""GUIDs, normalisation and the ledger."""

from __future__ import annotations

from pathlib import Path

from cardgen.config.options import LEDGER_NAME
from cardgen.identity import guid as identity
from cardgen.identity.ledger import Ledger, dump_ledger, load_ledger
from cardgen.model import Question, SourceLoc


def q(text: str, number: str = "", answer: str = "<p>a</p>", line: int = 1) -> Question:
    return Question(SourceLoc("n.md", line), number, text, text, answer, (answer,), ())


def test_normalisation_folds_width_case_space_and_trailing_punctuation() -> None:
    n = identity.normalise_question
    assert n("kube-proxy的作用？") == n("kube-proxy 的作用?") == n("KUBE-PROXY的作用")
    assert n("Ｐｏｄ　创建过程") == n("pod创建过程")
    assert n("What  is\ta Pod?") == "what is a pod"
    assert n("a、b。c") == "a,b.c"
    assert n("What is a pod") != n("What is a node")


def test_guid_is_stable_and_namespaced() -> None:
    a = identity.question_guid("deck", identity.normalise_question("探针有哪几种"))
    assert a == identity.question_guid("deck", identity.normalise_question("探针有哪几种？"))
    assert a != identity.question_guid("other deck", identity.normalise_question("探针有哪几种"))


def test_assign_keeps_mtime_of_unchanged_notes_and_moves_changed_ones() -> None:
    items = [("n.md", q("one"), "h1"), ("n.md", q("two"), "h2")]
    ids, entries = identity.assign(items, Ledger(), "ns", now=100)
    assert [i.mtime for i in ids] == [100, 100]
    changed = [("n.md", q("one"), "h1"), ("n.md", q("two"), "h2-edited")]
    ids2, _ = identity.assign(changed, Ledger(tuple(entries)), "ns", now=100)
    assert [i.guid for i in ids2] == [i.guid for i in ids]
    assert [i.mtime for i in ids2] == [100, 101], "a change must be newer even within the same second"


def test_rewording_keeps_guid_and_a_new_question_with_the_old_text_gets_another() -> None:
    _, entries = identity.assign([("n.md", q("探针有哪几种", "5"), "h")], Ledger(), "ns", now=1)
    ledger = Ledger(tuple(entries))
    ids, entries2 = identity.assign([("n.md", q("探针有哪几种类型", "5"), "h2")], ledger, "ns", now=2)
    assert ids[0].guid == entries[0].guid and ids[0].reworded_from == "探针有哪几种"
    # The old text comes back as a separate question: it must not collide with the reworded note.
    ids3, _ = identity.assign(
        [("n.md", q("探针有哪几种类型", "5"), "h2"), ("n.md", q("探针有哪几种", "6"), "h3")],
        Ledger(tuple(entries2)),
        "ns",
        now=3,
    )
    assert ids3[0].guid == entries[0].guid and ids3[1].guid != ids3[0].guid


def test_same_number_and_answer_counts_as_rewording_even_when_text_differs() -> None:
    _, entries = identity.assign([("n.md", q("Alpha", "3", "<p>x</p>"), "h")], Ledger(), "ns", now=1)
    ids, _ = identity.assign(
        [("n.md", q("Completely new words", "3", "<p>x</p>"), "h")], Ledger(tuple(entries)), "ns", now=2
    )
    assert ids[0].guid == entries[0].guid
    ids, _ = identity.assign(
        [("other.md", q("Completely new words", "3", "<p>x</p>"), "h")], Ledger(tuple(entries)), "ns", now=2
    )
    assert ids[0].guid != entries[0].guid, "rewordings are only looked for within the same file"


def test_unrelated_question_is_not_a_rewording() -> None:
    _, entries = identity.assign([("n.md", q("Pod创建过程", "6"), "h")], Ledger(), "ns", now=1)
    ids, _ = identity.assign([("n.md", q("如何实现集群的高可用", "18"), "h")], Ledger(tuple(entries)), "ns", 2)
    assert ids[0].guid != entries[0].guid and not ids[0].reworded_from


def test_ledger_round_trip_is_one_line_per_note(tmp_path: Path) -> None:
    _, entries = identity.assign([("n.md", q("one"), "h1"), ("n.md", q("二"), "h2")], Ledger(), "ns", 5)
    path = tmp_path / LEDGER_NAME
    path.write_text(dump_ledger(entries), encoding="utf-8")
    assert load_ledger(path).entries == tuple(entries)
    assert sum('"guid"' in line for line in path.read_text(encoding="utf-8").splitlines()) == 2
    assert "二" in path.read_text(encoding="utf-8")


def test_damaged_ledger_is_reported_and_ignored(tmp_path: Path) -> None:
    path = tmp_path / LEDGER_NAME
    for damage in ['{"format": 1, "notes": [{"guid": 1}', "[]", '{"format": 99, "notes": []}', "\x00\x01"]:
        path.write_text(damage, encoding="utf-8")
        ledger = load_ledger(path)
        assert ledger.entries == () and str(path) in ledger.problem
