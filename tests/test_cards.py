"""Atomic cards: comparison-table cells, definition bullets, cloze."""

from __future__ import annotations

from collections import Counter

from cardgen.cards.drafts import question_drafts, term_cards
from cardgen.cards.tables import table_cards, table_orientation
from cardgen.commands.build import plan
from cardgen.config.options import BuildConfig
from cardgen.model import NoteFile
from cardgen.notes.extract import extract
from cardgen.notes.read import parse_file
from tests.conftest import FIXTURES, SEED

ALL = frozenset({"qa", "table", "term", "cloze"})


def load(path: object) -> NoteFile:
    return extract(parse_file(path))  # type: ignore[arg-type]


def test_seed_tables_give_67_cards() -> None:
    notes = load(SEED)
    per_question = {q.number: len(table_cards(q, "", "")) for q in notes.questions if q.tables}
    assert per_question == {"5": 12, "19": 12, "20": 15, "21": 12, "25": 16}
    assert [table_orientation(t) for q in notes.questions for t in q.tables] == [
        "rows",
        "columns",
        "columns",
        "columns",
        "columns",
    ]


def test_seed_table_wording_both_orientations() -> None:
    questions = {q.number: q for q in load(SEED).questions}
    probe = {d.front_text: d for d in table_cards(questions["5"], "", "")}
    card = probe["存活探针（livenessProbe）的失败后果是？"]
    assert card.fields[1] == "重启容器"
    assert 'class="cg-hl">重启容器' in card.fields[2]  # the whole table, this cell highlighted
    flannel = {d.front_text: d.fields[1] for d in table_cards(questions["19"], "", "")}
    assert flannel["VXLAN模式的网络类型是？"] == "Overlay（隧道化，跨三层）"  # bold header: no ** in the wording
    assert flannel["Host-GW模式的VTEP 设备是？"] == "无需 VTEP，宿主机直接作为网关"
    ipvs = {d.front_text: d.fields[1] for d in table_cards(questions["25"], "", "")}
    assert ipvs["ipvs模式的查找性能是？"] == "O(1)哈希表查找"


def test_english_tables_placeholders_and_overrides() -> None:
    notes = load(FIXTURES / "tables.md")
    cards = {q.number: {d.front_text: d.fields[1] for d in table_cards(q, "", "")} for q in notes.questions}
    assert cards["1"] == {
        "Target of liveness probe?": "container alive",
        "Failure consequence of liveness probe?": "restart <strong>container</strong>",
        "Target of readiness probe?": "ready for traffic",
    }
    assert cards["2"] == {
        "Network of VXLAN?": "Overlay",
        "Network of Host-GW?": "Underlay",
        "Speed of Host-GW?": "high",
    }
    assert cards["3"] == {"Value of colour?": "red"}
    assert cards["4"] == {}


def test_cloze_question_becomes_a_cloze_note() -> None:
    q = load(FIXTURES / "tables.md").questions[4]
    (draft,) = question_drafts(q, ALL, "ctx", "tables.md")
    assert draft.kind == "cloze"
    assert "{{c1::pods}}" in draft.fields[0] and "{{c2::nodes::machines}}" in draft.fields[0]
    assert "[…]" in draft.front_html and "[machines]" in draft.front_html and "pods" not in draft.front_html
    assert "<b>pods</b>" in draft.back_blocks[0].html


def test_definition_detection() -> None:
    q = load(FIXTURES / "definitions.md").questions[0]
    found = {(t.term_text, t.lead): t.definition_html for t in q.terms}
    assert found == {
        ("exec", "检测方式"): "在容器内执行指定命令",
        ("高性能", "检测方式"): "使用哈希表查找",
        ("rr（Round Robin）", "检测方式"): "轮询",
        ("term", "检测方式"): "an ASCII colon followed by a space",
        ("注意", "检测方式"): "加粗里的冒号",
        ("nested", "检测方式"): "嵌套定义",
    }
    terms = {t.term_text: t for t in q.terms}
    assert terms["rr（Round Robin）"].term_html == "<code>rr</code>（Round Robin）"
    assert terms["注意"].term_html == "<strong>注意</strong>"


def test_seed_terms() -> None:
    notes = load(SEED)
    terms = Counter(q.number for q in notes.questions for _ in q.terms)
    assert terms == {"5": 3, "20": 1, "25": 29}
    probe = next(q for q in notes.questions if q.number == "5")
    fronts = [d.front_text for d in term_cards(probe, "", "")]
    assert fronts == [
        "探针有哪几种 › 检测方式 › exec",
        "探针有哪几种 › 检测方式 › httpGet",
        "探针有哪几种 › 检测方式 › tcpSocket",
    ]


def test_kinds_filter() -> None:
    q = next(q for q in load(SEED).questions if q.number == "5")
    assert Counter(d.kind for d in question_drafts(q, ALL, "", "")) == {"qa": 1, "table": 12, "term": 3}
    assert [d.kind for d in question_drafts(q, frozenset({"qa"}), "", "")] == ["qa"]
    assert Counter(d.kind for d in question_drafts(q, frozenset({"term"}), "", "")) == {"term": 3}


def test_a_table_of_card_sides_asks_each_front_as_written() -> None:
    """``| Front | Back |`` (or ``| 正面 | 背面 |``): each row is a card as written, its first cell
    the front, not "Back of el perro?". The GUID is the one the old wording had (it comes from
    the row and column, not from the wording), so re-importing updates the note and keeps its reviews."""
    notes = FIXTURES / "notes" / "facts" / "question-tables.md"
    cards = {c.front_text: c for c in plan(BuildConfig(sources=(notes,), write_pdf=False), now=0).cards}
    assert cards["el perro"].kind == "table" and "the dog" in cards["el perro"].fields[1]
    assert cards["el perro"].guid == "zrQz]HTj67"  # as "Back of el perro?" before
    assert cards["容器"].guid == "g;mcxt^=<8"  # as "容器的背面是？" before


def test_a_table_with_question_and_answer_columns_among_others_asks_each_row() -> None:
    """``| # | Question | Answer | Source |``: a card per row, the question on the front and the cell
    of its answer on the back (before, "1 of Question?": the numbers read as the things compared)."""
    notes = FIXTURES / "notes" / "facts" / "question-tables.md"
    cards = {c.front_text: c for c in plan(BuildConfig(sources=(notes,), write_pdf=False), now=0).cards}
    assert "Evicts a node" in cards["What does kubectl drain do?"].fields[1]
    assert "最小的部署单元" in cards["什么是 Pod？"].fields[1] and "稳定入口" in cards["什么是 Service？"].fields[1]
    assert not [front for front in cards if front.startswith(("1 of", "2 of", "1的"))]


def test_a_term_set_apart_in_bold_or_code_is_defined_after_a_dash() -> None:
    """``**Service** — a stable address``, ``` `kube-proxy` - programs … ```: term cards, the dash
    left out; a plain "a - b" is a sentence, and a term that asks is no term."""
    q = load(FIXTURES / "notes" / "facts" / "dash-definitions.md").questions[0]
    assert {t.term_text: t.definition_html for t in q.terms} == {
        "Service": "a stable address for a set of Pods",
        "Ingress": "HTTP routing into the cluster",
        "kube-proxy": "programs the Service rules on every node",
    }
