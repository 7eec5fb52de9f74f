"""Question banks whose questions carry their answers with them: labelled ``Q:``/``A:`` lines
(plain or bold), and list items that ask on their first line (or in bold) and answer after it.
The fronts are pinned in ``tests/fixtures/notes/banks/*.txt``; here, what the backs say."""

from __future__ import annotations

from cardgen.commands.build import plan
from cardgen.config.options import BuildConfig
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
