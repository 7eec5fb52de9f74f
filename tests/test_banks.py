"""Question banks whose questions carry their answers with them: labelled ``Q:``/``A:`` lines
(plain or bold), and list items that ask on their first line (or in bold) and answer after it.
The fronts are pinned in ``tests/fixtures/notes/banks/*.txt``; here, what the backs say."""

from __future__ import annotations

from pathlib import Path

import pytest

from cardgen.commands.build import plan
from cardgen.config.options import BuildConfig
from cardgen.identity.guid import normalise_question, question_guid
from cardgen.text import text_of
from tests.conftest import FIXTURES

BANKS = FIXTURES / "notes" / "banks"


def backs(name: str) -> dict[str, str]:
    deck = plan(BuildConfig(sources=(BANKS / name,), write_pdf=False), now=0)
    return {card.front_text: card.fields[1] for card in deck.cards}


# How each back begins: the answer's own first words, no label, nothing of the question.
BACKS_BEGIN = {
    "labelled-in-bold.md": {
        "What does docker ps show?": "<p>The running containers.</p>",
        "What does docker images show?": "<p>The local images.</p>",
        "What does docker rm do?": "<p>It removes stopped containers.</p>",
        "什么是节点？": "<p>运行 Pod 的机器。</p>",
        "什么是污点？": "<p>让 Pod 避开节点的标记。</p>",
        "What is a volume?": "<p>Storage a Pod mounts.</p>",
        "What is a claim?": "<p>A request for storage.</p>",
    },
    "asked-and-answered-items.md": {
        "What is kubelet?": "<p>The agent on every node.</p>",
        "What is kube-proxy?": "<p>It programs the Service rules\non every node.</p>",
        "What is a taint?": "<p>It repels Pods from a node.</p>",
        "Why use probes?": "<ul>\n<li>liveness restarts stuck containers</li>\n<li>readiness gates traffic</li>",
        "What is a StatefulSet?": "<ul>\n<li>Pods with stable identities.</li>",  # its task box left out
    },
    "answer-labels.md": {
        "What is a Pod?": "<p>The smallest deployable unit.</p>",
        "What is a Node?": "<p>A worker machine.\nIt runs Pods.</p>",
        "什么是命名空间？": "<p>资源隔离的逻辑分组。</p>",
        "What is a Service?": "<p>A stable address for a set of Pods.</p>",
        "What is an A record?": "<p>the DNS record that maps a name",
        'What does the "A:" label mean here?': "<p>A label is text;",
    },
    "qa-same-line.md": {
        "What port does HTTPS use?": "<p>443.</p>",
        "What does DNS stand for?": "<p>Domain Name System.\nIt also caches answers.</p>",
        "What is TCP?": "<p>A reliable stream protocol.</p>",
        "What is ARP?": "<p>Address resolution for IPv4.</p>",
        "如何做滚动更新？": "<p>使用 Deployment。</p>",
        "如何回滚？": "<p>kubectl rollout undo。</p>",
    },
    "front-back-lines.md": {
        "el perro": "<p>the dog</p>",
        "la casa": "<p>the house</p>",
        "la puerta": "<p>the door</p>",
    },
    "numbered-and-paired-labels.md": {
        "What is a Pod?": "<p>The smallest deployable unit.</p>",
        "What is DNS?": "<p>Domain Name System.</p>",
        "什么是进程？": "<p>正在运行的程序。</p>",
        "Find a cycle.": "<p>Floyd",
    },
    "bold-question-paragraphs.md": {
        "What is an image?": "<p>A read-only template with instructions for creating a container.</p>",
        "What is a layer?": "<p>Each instruction in a Dockerfile creates one, cached and reused.</p>\n<p>Layers are shared",
        "How do I shrink an image?": "<p>Use multi-stage builds and a small base.</p>",
    },
    "list-details-answers.md": {
        "What is JSX?": "<p>A syntax extension that looks like HTML.</p>",
        "What is a hook?": "<p>A function that lets components use state.</p>",
        "What is the virtual DOM?": "<p>An in-memory copy of the DOM.</p>",
    },
    "lead-in-over-questions.md": {
        "What is TCP?": "<ul>\n<li>A reliable, ordered byte stream.</li>",
        "什么是 DNS？": "<p>域名到地址的解析系统。</p>",
    },
    "chinese-labels.md": {
        "HashMap 的底层实现？": "<p>数组 + 链表 + 红黑树。</p>",
        "ArrayList 和 LinkedList 的区别？": "<p>一个是数组，一个是链表。</p>",
    },
}


@pytest.mark.parametrize("name", sorted(BACKS_BEGIN))
def test_each_back_begins_with_its_answer(name: str) -> None:
    found = backs(name)
    for front, begins in BACKS_BEGIN[name].items():
        assert found[front].startswith(begins), (front, found[front][:80])
    assert not any(back.startswith(("<p>Answer", "<p>答：", "<p><strong>A")) for back in found.values())


def test_an_unanswered_bullet_is_no_card() -> None:
    assert "What is a toleration?" not in backs("asked-and-answered-items.md")  # reported instead


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


def test_a_q_a_answer_goes_on_over_what_follows_until_something_asks() -> None:
    """``Q:``/``A:`` then more paragraphs and a list: they answer too (they were reported as on no
    card); a paragraph holding a question mark is not taken into the answer above it: reported."""
    deck = plan(BuildConfig(sources=(BANKS / "qa-answer-continues.md",), write_pdf=False), now=0)
    answers = {c.front_text: text_of(c.question.answer_html) for c in deck.cards}
    assert "retransmits lost segments" in answers["What is TCP?"] and "flow control" in answers["What is TCP?"]
    assert "Never on its own" not in answers["What is UDP?"]


def test_list_items_of_q_a_lines_are_questions_not_definitions() -> None:
    """``- Q：如何做滚动更新？`` over ``A：…``: each item is a question and its answer; before, the
    "Q：" read as a term being defined, and "Q" was a term card."""
    deck = plan(BuildConfig(sources=(BANKS / "qa-list-items.md",), write_pdf=False), now=0)
    answers = {c.front_text: text_of(c.question.answer_html) for c in deck.cards if c.kind == "qa"}
    assert "逐步替换" in answers["如何做滚动更新？"] and "自动扩缩容" in answers["什么是 HPA？"]
    assert [c.front_text for c in deck.cards if c.kind == "term"] == ["Networking › exec"]


def test_a_question_answered_on_its_own_line_is_known_by_the_question_alone(tmp_path: Path) -> None:
    """``Q: What port does HTTPS use? A: 443.``: a card per line, the label left out of both sides;
    its GUID comes from the question, so a corrected answer keeps the note's reviews."""
    text = (BANKS / "qa-same-line.md").read_text(encoding="utf-8")
    edited = tmp_path / "qa-same-line.md"
    edited.write_text(
        text.replace("A: 443.", "A: 443 (TLS).").replace("答：使用 Deployment。", "答：kubectl rollout。")
    )

    def guids(path: Path) -> dict[str, str]:
        return {c.front_text: c.guid for c in plan(BuildConfig(sources=(path,), write_pdf=False), now=0).cards}

    before, after = guids(BANKS / "qa-same-line.md"), guids(edited)
    assert before == after and len(before) == 7
    assert backs("qa-same-line.md")["Is A: B a valid YAML mapping?"].startswith("<p>Yes, a one-key mapping.")


def test_answer_callouts_answer_the_questions_before_them() -> None:
    """VuePress's ``::: details 答案``: after a list of questions, its numbered items answer them in
    order; after a paragraph, it answers that paragraph (which asks, whatever its end); under a
    heading, what stands before it is the question's own (on the front) and the callout's body the
    answer, its title left out. ``## 五、高频面试题`` heads its questions: it is none itself."""
    deck = plan(BuildConfig(sources=(BANKS / "answer-callouts.md",), write_pdf=False, kinds=frozenset({"qa"})), now=0)
    cards = {c.front_text: c for c in deck.cards}
    answers = {front: text_of(c.question.answer_html).strip() for front, c in cards.items()}
    assert answers["触发器是手动调用还是自动执行？"] == "自动执行。"
    assert answers["触发器适合隐藏复杂业务流程吗？"] == "不适合。"
    assert answers["【选词填空】在空格中填入适当的属性："] == "color"
    assert answers["Redis Cluster 为什么是 16384 个槽位？"].startswith("Redis Cluster 使用 16384 个槽位")
    seventh = cards["题 7 - 解构赋值"].question
    assert "输出什么" in text_of(seventh.prompt_html) and answers["题 7 - 解构赋值"] == "arr: [1, 2, 3]"
    assert seventh.prompt_read_later  # its GUID is the one it had when the prompt stood in the answer
    assert not [a for a in answers.values() if a.startswith("答案")]


def test_one_labelled_pair_under_a_heading_is_its_question_with_the_heading_s_guid() -> None:
    """``## Pods`` over ``Q: What is a Pod?`` / ``A: …`` alone: the card asks the labelled question
    (one unlabelled line that asks stays the heading's answer); the note keeps the GUID the previous
    version gave the heading's card (pinned)."""
    path = FIXTURES / "notes" / "banks" / "one-labelled-pair.md"
    dns, pod, services = plan(BuildConfig(sources=(path,), write_pdf=False), now=0).cards
    assert (dns.front_text, pod.front_text, services.front_text) == ("¿Qué es DNS?", "What is a Pod?", "Services")
    assert pod.fields[1].startswith("<p>The smallest deployable unit.</p>") and pod.question.sections == ("Pods",)
    assert (dns.guid, pod.guid, services.guid) == ("PxbWAnZR:Q", "JX%YDVYN8e", "bWm*2>&L?$")


def test_an_answer_folded_on_one_line_is_the_answer() -> None:
    """``<details><summary>Answer</summary>B</details>`` on one line, under a heading, a bold
    question or a listed one: what follows the summary is the answer. It was dropped: the
    question was reported unanswered, or, with more text after the fold, its answer lost unsaid."""
    notes = FIXTURES / "notes" / "htmlblocks" / "one-line-details-answers.md"
    deck = plan(BuildConfig(sources=(notes,), write_pdf=False), now=0)
    backs = {c.front_text: text_of(c.fields[1]).strip() for c in deck.cards}
    assert backs == {
        "Which of the following is TRUE?": "B",
        "What follows it is still read": "A paragraph after the fold.",
        "What is a Pod?": "The smallest deployable unit.",
        "What is a Node?": "A worker machine.",
        "What is 2+2?": "4",
        "What is 3+3?": "6, as 3 * 2 is.",
    }
    listed = next(c for c in deck.cards if c.front_text == "What is 3+3?")
    assert "<strong>6</strong>" in listed.fields[1] and "<code>3 * 2</code>" in listed.fields[1]
    assert "Answer" not in listed.fields[1]  # the summary is a label, not a word of the answer


def test_dash_labelled_pairs_lose_their_labels_and_keep_their_guids() -> None:
    """``Q - …`` over ``A - …`` (``Question 3 – …`` / ``Answer – …``): labels dropped from both sides;
    each note keeps the GUID the previous version derived from the line, label and all."""
    deck = plan(BuildConfig(sources=(BANKS / "dash-labels.md",), write_pdf=False), now=0)
    assert [(c.front_text, text_of(c.fields[1]).strip()) for c in deck.cards] == [
        ("What is Kafka?", "A distributed log."),
        ("What is a partition?", "An ordered, immutable sequence of records."),
        ("What is a consumer group?", "Consumers that share the work of reading a topic."),
        ("Which of these is a broker setting?", "log.retention.hours"),
    ]
    assert [c.guid for c in deck.cards] == ["h!DAC.aLm,", "pcJF|?}1}!", "m*-2AOY:&k", "i:#fZBbm=;"]


def test_bracketed_and_reference_answer_labels_are_dropped() -> None:
    """``【答案】…`` and ``参考回答：…`` open an answer as ``答案：`` does: the label is no part of it."""
    assert {front: text_of(back).split() for front, back in backs("bracketed-answer-labels.md").items()} == {
        "什么是进程？": ["进程是资源分配的基本单位。", "【解析】线程是调度的基本单位。"],
        "什么是上下文切换？": ["保存当前任务状态并恢复另一个任务的状态。"],
        "什么是死锁？": ["多个进程互相等待对方持有的资源。"],
    }


def test_labels_in_more_languages_are_dropped_and_keep_their_guids() -> None:
    """``Câu hỏi:``/``Đáp án:``, ``Pertanyaan:``/``Jawaban:``, ``Soru:``/``Cevap:``, ``Pytanie:``/
    ``Odpowiedź:``, ``Vraag:``/``Antwoord:`` (read since the 11th session): labels dropped on both sides;
    each note keeps the GUID the previous version derived from the line, label and all."""
    deck = plan(BuildConfig(sources=(BANKS / "labels-in-more-languages.md",), write_pdf=False), now=0)
    assert [(c.front_text, text_of(c.fields[1]).strip(), c.guid) for c in deck.cards] == [
        ("TCP là gì?", "Giao thức truyền tải tin cậy.", "n3eEzW}N2E"),
        ("Apa itu UDP?", "Protokol tanpa koneksi.", "G9]Bwkm3!3"),
        ("DNS nedir?", "Alan adı çözümleme sistemi.", "k9[mDu/;Av"),
        ("Co to jest ARP?", "Protokół rozwiązywania adresów.", "wq[?&X_rzG"),
        ("Wat is ICMP?", "Een protocol voor foutmeldingen.", "K.8w?wS@a-"),
    ]
