"""Question banks whose questions carry their answers with them: labelled ``Q:``/``A:`` lines
(plain or bold), and list items that ask on their first line (or in bold) and answer after it.
The fronts are pinned in ``tests/fixtures/notes/banks/*.txt``; here, what the backs say."""

from __future__ import annotations

from cardgen.commands.build import plan
from cardgen.config.options import BuildConfig
from cardgen.identity.guid import normalise_question, question_guid
from tests.conftest import FIXTURES

BANKS = FIXTURES / "notes" / "banks"


def backs(name: str) -> dict[str, str]:
    deck = plan(BuildConfig(sources=(BANKS / name,), write_pdf=False), now=0)
    return {card.front_text: card.fields[1] for card in deck.cards}


def test_labels_leave_the_question_and_the_answer() -> None:
    found = backs("labelled-in-bold.md")
    assert found["What does docker ps show?"].startswith("<p>The running containers.</p>")
    assert found["What does docker images show?"].startswith("<p>The local images.</p>")
    assert found["What does docker rm do?"].startswith("<p>It removes stopped containers.</p>")
    assert found["什么是节点？"].startswith("<p>运行 Pod 的机器。</p>")
    assert found["什么是污点？"].startswith("<p>让 Pod 避开节点的标记。</p>")
    assert found["What is a volume?"].startswith("<p>Storage a Pod mounts.</p>")
    assert found["What is a claim?"].startswith("<p>A request for storage.</p>")
    for back in found.values():
        assert "Answer" not in back and "答：" not in back and "<strong>A" not in back


def test_items_that_ask_then_answer() -> None:
    found = backs("asked-and-answered-items.md")
    assert found["What is kubelet?"].startswith("<p>The agent on every node.</p>")
    assert found["What is kube-proxy?"].startswith("<p>It programs the Service rules\non every node.</p>")
    assert found["What is a taint?"].startswith("<p>It repels Pods from a node.</p>")
    probes = found["Why use probes?"]
    assert "<li>liveness restarts stuck containers</li>" in probes and "<li>readiness gates traffic</li>" in probes
    assert "What is a toleration?" not in found  # unanswered: reported, on no card
    assert found["What is a StatefulSet?"].startswith("<ul>\n<li>Pods with stable identities.</li>")  # box dropped


def test_an_answer_label_is_no_part_of_the_answer() -> None:
    found = backs("answer-labels.md")
    assert found["What is a Pod?"].startswith("<p>The smallest deployable unit.</p>")
    assert found["What is a Node?"].startswith("<p>A worker machine.\nIt runs Pods.</p>")
    assert found["什么是命名空间？"].startswith("<p>资源隔离的逻辑分组。</p>")
    assert found["What is a Service?"].startswith("<p>A stable address for a set of Pods.</p>")
    assert found["What is an A record?"].startswith("<p>the DNS record that maps a name")
    assert found['What does the "A:" label mean here?'].startswith("<p>A label is text;")


# The GUIDs the previous cardgen (before it left labels and task boxes out of questions) gave
# these questions of read-before.md, taken from a build with it: a newer cardgen keeps them.
GUIDS_GIVEN = {
    "什么是节点？": ("+ZG,QXx]Z", "问：什么是节点？"),
    "What is a taint?": ("mgF9]54^Fo", "Q: What is a taint?"),
    "What is a ReplicaSet?": ("Q7+AO50r:1", "[ ] What is a ReplicaSet?"),
    "What is a Deployment?": ("B}}?A5L)E{", "What is a Deployment?"),
}


def test_a_question_read_otherwise_keeps_its_guid() -> None:
    deck = plan(BuildConfig(sources=(BANKS / "read-before.md",), write_pdf=False), now=0)
    guids = {card.front_text: card.guid for card in deck.cards}
    for front, (guid, read_before) in GUIDS_GIVEN.items():
        assert guids[front] == guid == question_guid(deck.name, normalise_question(read_before)), front


def test_a_heading_or_bold_question_asks_without_its_label() -> None:
    """``### 问：…`` and ``**Question: …?**`` ask without the label, and keep the GUIDs the
    previous cardgen gave them (taken from a build with it)."""
    deck = plan(BuildConfig(sources=(FIXTURES / "notes" / "fronts" / "question-labels.md",), write_pdf=False), now=0)
    guids = {card.front_text: card.guid for card in deck.cards}
    assert guids == {"什么是 Pod？": "v1cEnwM:Tc", "What is a Node?": "N{Y[*0^KYz", "What is a Service?": "x+~={8*q#E"}
