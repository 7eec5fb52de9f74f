"""Real notes by other people (../shared/corpus): every file builds, and the counts are right.

The files are read where they are (several licences forbid copying them into the project);
the tests skip when ../shared is not beside the checkout.
"""

from __future__ import annotations

import re
import shutil
from collections import Counter
from pathlib import Path

import emoji
import pytest

from cardgen.cards.deck import assemble
from cardgen.commands.build import build, load_notes
from cardgen.config.options import BuildConfig
from cardgen.identity.ledger import Ledger
from cardgen.notes.extract import extract
from cardgen.notes.read import parse_file
from tests.conftest import CORPUS

FILES = sorted(CORPUS.glob("*/*.md")) if CORPUS.is_dir() else []
pytestmark = pytest.mark.skipif(not FILES, reason="../shared/corpus is not here")

# (questions, answered, unanswered), checked by reading each file:
EXPECTED = {
    # 56 `####` questions under 7 `###` topics; 12 have nothing under them (SOURCES.md agrees). 7 topic
    # headings hold only a link to another note (lines 364-398): skipped, each reported by check.
    "hodie-aurora-blog": (49, 37, 12),
    # 26 `###` questions under `##` categories, all answered (25 of them starting "答：").
    "docker_practice": (26, 26, 0),
    # 12 real `###` questions; the 12 English ones inside <!-- comments --> are not questions.
    "kubernetes-website": (12, 12, 0),
    # 155 `######` questions; the `#### Answer` headings inside <details> belong to the answers.
    "javascript-questions": (155, 155, 0),
    # `#` deck, 5 `##` cards.
    "markdown-anki-decks": (5, 5, 0),
    # `#` deck, 4 `##` questions with `(uuid)` suffixes.
    "Md2Anki": (4, 4, 0),
    # 165 bold-paragraph questions (`grep -cE '^\*\*.*[?？][^*]*\*\*$'`), one with a stray "I" after its
    # difficulty mark (line 370); 14 answered only "Answer here" (`grep -c "Answer here"`). Each `##` topic
    # opens straight with a bold question, so it is a category, not an unanswered question.
    "data-science-interviews": (165, 151, 14),
    # Yanki's one note per file: a front ("Hi" and an equation), a `---` rule, the back.
    "yanki": (1, 1, 0),
    # 341 `<details><summary>` questions (`grep -c "<summary>"`); 26 have nothing between `</summary>`
    # and `</details>` but `<br><b>`/`</b>`. 22 summaries run on over a code listing or a list. And the
    # line "What's your goal?" under the title, answered by the list after it.
    "devops-exercises": (342, 316, 26),
    # 80 answered `## Q.` and 16 empty `#### Q.` after the last answer; `## Table of Contents` is no question.
    "docker-and-kubernetes-basics": (96, 80, 16),
    # Skeleton with questions at `##` and `###` (`####` under `### 主从复制的优化策略` outline that
    # question): 13 `##` and 15 `###`; only `## 实战例题` has text (a list of two exercises).
    "cyber_security_learning": (28, 1, 27),
    # Topic notes: 28 `###` sections, 6 `##` sections without sub-sections (参考资料 is a reference list),
    # and 6 `##` sections with text of their own before their `###` (二、五、八、十、十一、十四).
    "CS-Notes": (40, 40, 0),
    # The question is the text under `## 面试题`, answered by `## 面试题剖析` (its 3 `###` included);
    # `## 面试官心理分析` stays a card of its own.
    "advanced-java": (2, 2, 0),
    # A walkthrough, not Q&A: 12 `###` steps, 4 `## Step` sections and `## Additional talking points`
    # (with its `#### NoSQL`) each with text of their own; `### Caching` lists three questions (Where to
    # cache / What to cache / When to update the cache, each answered by its nested links) and
    # `### Asynchronism and microservices` holds only links (skipped): 17 - 2 + 3.
    "system-design-primer": (18, 18, 0),
    # 46 `####` (19 end in ？, 25 ⭐ topics, String, 什么是 Java 内存模型) + the 5 bold follow-ups + 8 `###` with
    # text of their own (面向对象, NIO, 并发机制的底层实现, 同步容器和并发容器, 并发锁, 原子变量类, 并发工具类,
    # 线程池) + `### Map`'s one line "请描述 HashMap 的实现原理？" + the empty `### JDK8`, `### 内存管理`, `### OOM`.
    # Unanswered: those three, the HashMap line, and `#### 什么是 Callable 和 Future？什么是 FutureTask？`
    # (its two bold follow-ups answer it, each a card of its own).
    "javacore": (63, 58, 5),
    # 79 sections at `####` and the sections above with text of their own; all answered.
    "db-tutorial": (79, 79, 0),
    # 5 `###` exercises, each with its prompt, sub-questions and answer admonition.
    "hello-algo": (5, 5, 0),
    # 32 `###` minus `### Other Answers` (only links, skipped).
    "front-end-interview-handbook": (31, 31, 0),
    # 200 `- ` questions (`sed -n 14,239p readme.md | grep -c '^- '`), none answered, under 9 topic
    # headings that become categories; and 8 course-blurb `##` sections with text (10 minus `## Git
    # Repository` and `## Youtube Playlists`, only links).
    "spring-interview-guide": (208, 8, 200),
    # 23 + 16 listed sample questions (no answers) and `### Computational complexity of ML algorithms`,
    # whose body is `- [TBD]`: 40 unanswered; 24 topic sections answered.
    "Machine-Learning-Interviews": (64, 24, 40),
    # 9 `##` sections with text, and the 3 bold questions of `## :question: FAQs` (which opens with them, so
    # it is their category); `## :clap: Credits` is back matter; the `<details>` default configuration
    # is part of `## :wrench: Configuration`.
    "onedarkpro.nvim": (12, 12, 0),
    # Every section with text of its own: the 50 `## ⚪` best practices, the intro `##`s, Translations;
    # their `<details>` "✏ Code Examples" (46 summaries, none asks) are part of each
    # practice's answer, not 46 questions. Unanswered: the empty `###` at lines 24, 26, 95 (`### Ready to
    # start?`) and 373. Table of Contents, Team and Contributors are back matter, the 6 `####` section
    # links under `## Table of Contents` with it (they were cards until the 8th session), the 4 `###`
    # member bios under `# Team` with it (they were cards until the 10th session).
    "javascript-testing-best-practices": (58, 54, 4),
}


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.parent.name)
def test_every_corpus_file_builds(path: Path, tmp_path: Path) -> None:
    # Build from a copy: the ledger is written beside the notes, and ../shared is read-only.
    shutil.copytree(path.parent, tmp_path / "notes")
    result = build(BuildConfig(sources=(tmp_path / "notes" / path.name,), output_dir=tmp_path / "out", write_pdf=False))
    assert result.outputs and result.outputs[0].stat().st_size > 0


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_corpus_counts(name: str) -> None:
    (path,) = sorted((CORPUS / name).glob("*.md"))
    notes = extract(parse_file(path))
    answered = sum(q.answered for q in notes.questions)
    assert (len(notes.questions), answered, len(notes.questions) - answered) == EXPECTED[name]


def test_kubernetes_website_comment_headings_are_not_questions() -> None:
    notes = extract(parse_file(CORPUS / "kubernetes-website" / "2020-12-02-dockershim-faq.md"))
    assert all(not q.title_text.isascii() for q in notes.questions)  # the English ones are in comments
    assert all("{#" not in q.title_text for q in notes.questions)


def test_docker_practice_answers_start_after_their_da_label() -> None:
    """Every answer there but one opens with "答：" (once alone above a list): the label is
    dropped, and each answer starts with the words after it (none begins late or early)."""
    path = CORPUS / "docker_practice" / "README.md"
    notes = extract(parse_file(path))
    after_label = re.findall(r"(?m)^答：(.*)$", path.read_text(encoding="utf-8").replace("`", ""))
    labelled = [q for q in notes.questions if q.loc.line != 100]  # 仓库、注册服务器、注册索引有何关系？: no label
    assert len(after_label) == len(labelled) == 25
    for question, words in zip(labelled, after_label, strict=True):
        shown = re.sub(r"<[^>]+>", "", question.answer_html).lstrip()
        assert shown.startswith(words[:4]) and not shown.startswith("答"), (question.loc.line, shown[:20])
    assert "<li>创建容器时用" in next(q for q in labelled if q.loc.line == 82).answer_html.split("</li>")[0]


# Tags that show as "&lt;tag&gt;" only when raw HTML was shown as text instead of being rendered.
ESCAPED_TAG = re.compile(r"&lt;/?(?:table|tr|td|th|p|div|br|li|ul|ol|pre|hr|img|span|a|b|strong|details|summary)\b")
DECKS = sorted(p for p in CORPUS.iterdir() if p.is_dir()) if CORPUS.is_dir() else []


@pytest.mark.parametrize("folder", DECKS, ids=lambda p: p.name)
def test_no_repeated_front_and_no_dialect_left_raw(folder: Path) -> None:
    """What other people's notes are judged by: no two cards of a deck share a front, no literal
    `:::`, `:shortcode:` or escaped HTML tag in any field (code and math aside)."""
    config = BuildConfig(sources=(folder,))
    deck = assemble(config, load_notes(config), Ledger(), 0).deck
    fronts = Counter(
        (c.deck, c.front_text.casefold(), c.question.prompt_text if c.kind == "qa" else "") for c in deck.cards
    )
    assert [front for front, n in fronts.items() if n > 1] == []
    for card in deck.cards:
        for field in card.fields:
            shown = re.sub(r'<pre.*?</pre>|<code>.*?</code>|<span class="cg-math">.*?</span>', "", field, flags=re.S)
            plain = re.sub(r"<[^>]+>", "", shown)
            assert not re.search(r"(^|\n):::", plain), (card.front_text, field)
            assert emoji.emojize(plain, language="alias") == plain, (card.front_text, field)
            assert not ESCAPED_TAG.search(shown), (card.front_text, field)
