"""The deck in real Anki: import, render, review, edit the notes, rebuild, re-import."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from cardgen.anki import writer as anki
from cardgen.commands.build import build
from cardgen.config.options import BuildConfig
from tests.ankitools import AnkiCollection
from tests.conftest import FIXTURES

pytestmark = pytest.mark.slow  # real Anki, WeasyPrint, fuzzing, killed builds or large files

APKG = Path("build/kubernetes-interview.apkg")
T0 = 1_800_000_000
APKG_ONLY = BuildConfig(write_pdf=False, kinds=frozenset({"qa"}))


def notes_file(project: Path) -> Path:
    return project / "source" / "kubernetes-interview.md"


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_seed_imports_renders_and_reviews(project: Path, collection: AnkiCollection) -> None:
    build(APKG_ONLY, now=T0)
    log = collection.import_apkg(APKG)
    assert (log.new, log.updated, log.conflicting) == (7, 0, 0)
    rendered = collection.render_all()
    assert len(rendered) == 7
    for question, answer in rendered:
        assert 'class="cg-question"' in question and 'class="cg-answer"' in answer
        shown_question = re.sub(r"<[^>]+>|\s", "", question)
        shown_answer = re.sub(r"<[^>]+>|\s", "", answer.split('<hr id="answer">')[1])
        assert shown_question and len(shown_answer) > 20, (question, answer)
        assert "{{" not in question + answer and "template" not in (question + answer).lower()
    questions = {q for q, _ in rendered}
    assert any("探针有哪几种" in q for q in questions)
    reviews = collection.review_all()
    assert len(reviews) == 7 and set(reviews.values()) == {1}


def test_new_cards_follow_the_notes_order(project: Path, collection: AnkiCollection) -> None:
    build(APKG_ONLY, now=T0)
    collection.import_apkg(APKG)
    cards = [collection.col.get_card(cid) for cid in collection.col.find_cards("")]
    numbers = [card.note()["Number"] for card in sorted(cards, key=lambda c: c.due)]
    assert numbers == ["1", "5", "9", "19", "20", "21", "25"]


def test_edits_update_in_place_and_keep_reviews(project: Path, collection: AnkiCollection) -> None:
    notes = notes_file(project)
    build(APKG_ONLY, now=T0)
    collection.import_apkg(APKG)
    before = collection.notes()
    cards_before = collection.card_ids_by_guid()
    reviews_before = collection.review_all()
    guid_of = {str(n["Number"]): g for g, n in before.items()}  # type: ignore[index]

    # Change one answer, reword one question, add one, delete one, renumber all.
    edit(notes, "简而言之一个是找到所有符合条件的", "简而言之：预选找到所有符合条件的节点")
    edit(notes, "#### 5.探针有哪几种", "#### 5.探针有哪几种类型")
    last = "#### 31.Kubernetes中存在哪几种负载均衡"
    edit(notes, last, f"{last}\n\nService、Ingress 和外部负载均衡器。\n")
    text = notes.read_text(encoding="utf-8")
    start = text.index("#### 20.Calico")
    text = text[:start] + text[text.index("#### 21.") :]
    text = re.sub(r"^#### (\d+)\.", lambda m: f"#### {int(m.group(1)) + 100}.", text, flags=re.M)
    notes.write_text(text, encoding="utf-8")

    result = build(APKG_ONLY, now=T0 + 60)
    assert [r.question.title_text for r in result.reworded] == ["探针有哪几种类型"]
    log = collection.import_apkg(APKG)
    assert log.new == 1 and log.conflicting == 0
    after = collection.notes()
    assert len(after) == 8, "the deleted question stays in Anki (imports never delete) but nothing is duplicated"
    assert len({str(n["Question"]) for n in after.values()}) == 8  # type: ignore[index]

    assert "预选找到所有符合条件的节点" in str(after[guid_of["9"]]["Answer"])  # type: ignore[index]
    assert str(after[guid_of["5"]]["Question"]) == "探针有哪几种类型"  # type: ignore[index]
    assert str(after[guid_of["5"]]["Number"]) == "105"  # type: ignore[index]
    for guid, card_ids in cards_before.items():
        assert collection.card_ids_by_guid()[guid] == card_ids, "same note, same cards"
    assert collection.review_counts() == reviews_before, "no review history lost"
    new = [n for g, n in after.items() if g not in before]
    assert len(new) == 1 and "负载均衡" in str(new[0]["Question"])  # type: ignore[index]

    # A rebuild with no changes modifies nothing.
    build(APKG_ONLY, now=T0 + 120)
    mods = {g: n.mod for g, n in collection.notes().items()}  # type: ignore[attr-defined]
    log = collection.import_apkg(APKG)
    assert (log.new, log.updated) == (0, 0)
    assert {g: n.mod for g, n in collection.notes().items()} == mods  # type: ignore[attr-defined]


def test_deleting_the_ledger_creates_no_duplicates(project: Path, collection: AnkiCollection) -> None:
    build(APKG_ONLY, now=T0)
    collection.import_apkg(APKG)
    (project / "source" / "cardgen.lock").unlink()
    build(APKG_ONLY, now=T0 + 60)
    log = collection.import_apkg(APKG)
    assert log.new == 0
    assert len(collection.notes()) == 7


def test_note_type_is_frozen() -> None:
    """Field and template names can never change; styling changes need a newer MODEL_REVISION."""
    frozen = {
        "qa": (1_733_415_926, "cardgen Q&A", ["Question", "Answer", "Number", "Context", "Source", "Extra"], "Card 1"),
        "table": (
            1_733_415_927,
            "cardgen Table",
            ["Question", "Answer", "Table", "Context", "Source", "Extra"],
            "Card 1",
        ),
        "term": (1_733_415_928, "cardgen Term", ["Term", "Definition", "Lead", "Context", "Source", "Extra"], "Card 1"),
        "cloze": (1_733_415_929, "cardgen Cloze", ["Text", "Extra", "Context", "Source"], "Cloze"),
    }
    for kind, model in anki.models().items():
        fields = [f["name"] for f in model.fields]
        assert (model.model_id, model.name, fields, model.templates[0]["name"]) == frozen[kind]
    # If this fails you changed a template or the CSS: bump MODEL_REVISION, then update the fingerprint here.
    assert (anki.styling_fingerprint(), anki.MODEL_REVISION) == ("2eb967a494e5", 1_795_967_595)


def test_table_term_and_cloze_cards_in_anki(project: Path, collection: AnkiCollection) -> None:
    notes = notes_file(project)
    edit(
        notes,
        "#### 3.两种集群部署方式有何区别\n",
        "#### 3.两种集群部署方式有何区别\n\nkubeadm 用 {{c1::静态 Pod}} 运行控制面。\n",
    )
    config = BuildConfig(write_pdf=False)
    build(config, now=T0)
    log = collection.import_apkg(APKG)
    assert (log.new, log.conflicting) == (108, 0)
    kinds = {note.note_type()["name"] for note in collection.notes().values()}  # type: ignore[attr-defined]
    assert kinds == {"cardgen Q&A", "cardgen Table", "cardgen Term", "cardgen Cloze"}
    for question, answer in collection.render_all():
        assert "{{" not in question + answer and "template" not in (question + answer).lower()
        assert re.sub(r"<[^>]+>|\s", "", answer) != re.sub(r"<[^>]+>|\s", "", question)
    cloze_q, cloze_a = next((q, a) for q, a in collection.render_all() if "cloze" in q)
    assert "静态 Pod" not in cloze_q and "静态 Pod" in cloze_a
    reviews = collection.review_all()

    # Edit one cell's value and reword the question that owns the table.
    edit(
        notes,
        "| 存活探针（livenessProbe）  |   容器是否存活    |            重启容器 ",
        "| 存活探针（livenessProbe）  |   容器是否存活    |   重启容器（kubelet 执行）",
    )
    edit(notes, "#### 5.探针有哪几种", "#### 5.探针有哪几种类型")
    build(config, now=T0 + 60)
    log = collection.import_apkg(APKG)
    assert log.new == 0 and log.conflicting == 0
    assert log.updated == 1 + 12 + 3, "the Q&A, its 12 table cards and 3 terms (they show the question)"
    cell = [
        n
        for n in collection.notes().values()
        if "Question" in n and str(n["Question"]).endswith("存活探针（livenessProbe）的失败后果是？")  # type: ignore[attr-defined,index]
    ]
    assert len(cell) == 1 and str(cell[0]["Answer"]) == "重启容器（kubelet 执行）"  # type: ignore[index]
    assert len(collection.notes()) == 108
    assert collection.review_counts() == reviews


def test_obsidian_highlight_clozes_are_cloze_notes_in_anki(tmp_path: Path, collection: AnkiCollection) -> None:
    """A Spaced Repetition note's ``==highlight==`` block: one cloze note, a card per deletion, the
    sentence shown once (no question over itself)."""
    notes = tmp_path / "notes"
    notes.mkdir()
    shutil.copy(FIXTURES / "notes" / "srs" / "clozes.md", notes / "clozes.md")
    apkg = tmp_path / "out" / "Cells.apkg"
    build(BuildConfig(sources=(notes / "clozes.md",), output_dir=tmp_path / "out", write_pdf=False), now=T0)
    log = collection.import_apkg(apkg)
    assert (log.new, log.conflicting) == (
        4,
        0,
    )  # three cloze notes (one written with Anki's own {{c1::…}}) and a Q&A note
    # What each side shows (Anki keeps a deletion's text in a data attribute of its markup).
    rendered = [(re.sub(r"<[^>]+>", "", q), re.sub(r"<[^>]+>", "", a)) for q, a in collection.render_all()]
    assert len(rendered) == 6  # the ribosome's note has two deletions: two cards; the nucleus's too
    ribosome = [(q, a) for q, a in rendered if "makes" in q]
    assert len(ribosome) == 2
    for question, answer in ribosome:
        assert question.count("from") == 1 and "{{" not in question + answer  # once, not over itself
    first, second = sorted(ribosome, key=lambda qa: "ribosome" in qa[0])
    assert "ribosome" not in first[0] and "proteins" in first[0] and "ribosome" in first[1]
    assert "proteins" not in second[0] and "ribosome" in second[0]
