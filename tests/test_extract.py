"""Finding questions and answers, on Markdown fixture files and on the seed."""

from __future__ import annotations

from pathlib import Path

import pytest

from cardgen.model import NoteFile
from cardgen.notes.extract import extract
from cardgen.notes.read import parse_file, parse_text
from tests.conftest import FIXTURES, SEED


def load(name: str, level: int | None = None) -> NoteFile:
    return extract(parse_file(FIXTURES / name), level)


def test_seed_questions() -> None:
    notes = extract(parse_file(SEED))
    assert notes.question_level == 4
    assert len(notes.questions) == 31
    answered = [q for q in notes.questions if q.answered]
    assert [q.number for q in answered] == ["1", "5", "9", "19", "20", "21", "25"]
    assert len(notes.questions) - len(answered) == 24
    assert notes.questions[4].title_text == "探针有哪几种"
    assert notes.questions[4].loc.line == 30
    assert notes.title == "kubernetes-interview"
    # Question 2's two empty sub-headings make it one unanswered question, not three.
    assert notes.questions[1].title_text == "如果从零开始部署集群" and not notes.questions[1].answered


def test_answers_are_cut_into_printable_pieces_only_when_asked() -> None:
    """A build without a PDF asks for no pieces (``pieces=False``): the same questions and answers."""
    printed = extract(parse_file(SEED)).questions
    unprinted = extract(parse_file(SEED), pieces=False).questions
    assert [(q.title_text, q.answer_html) for q in unprinted] == [(q.title_text, q.answer_html) for q in printed]
    assert sum(len(q.answer_blocks) for q in printed) > len(printed)
    assert not any(q.answer_blocks for q in unprinted)


def test_more_numberings_are_labels_and_keep_their_guids() -> None:
    """``第三题：``, ``【6】``, ``Question #8:`` (read from the 11th session) leave the question's
    words; each note keeps the GUID the previous version derived from the title with them."""
    from cardgen.commands.build import plan
    from cardgen.config.options import BuildConfig

    notes = FIXTURES / "notes" / "fronts" / "more-numberings.md"
    cards = plan(BuildConfig(sources=(notes,), write_pdf=False), now=0).cards
    assert [(c.front_text, c.fields[2]) for c in cards if c.fields[2] in ("三", "6", "8")] == [
        ("什么是Ingress？", "三"),
        ("什么是kubelet？", "6"),
        ("What is a DaemonSet?", "8"),
    ]
    assert [c.guid for c in cards] == [
        "z?X(m#QJ~7", "d9z*|ef6dd", "y@>/*,5d)X", "iYywRO@e$^", "dYG4a5A#Ty",
        "fThC8c9t?L", "o{%}&qfL`9", "tVtRUIGL2}", "hKy6!PG_^}",
    ]  # fmt: skip


def test_a_details_block_without_a_summary_keeps_its_words() -> None:
    """``<details>`` ↵ text ↵ ``</details>`` in one HTML block: its text is part of the answer (the
    block closes a ``<details>``, and was dropped as a closer only, the text lost unsaid)."""
    notes = extract(parse_file(FIXTURES / "notes" / "htmlblocks" / "details-without-summary.md"))
    deployment = notes.questions[0]
    assert deployment.title_text == "What is a Deployment?"
    assert "Manages ReplicaSets." in deployment.answer_html and "step by step" in deployment.answer_html
    assert "details" not in deployment.answer_html  # the fold's tags are not shown as text


def test_a_heading_labelled_as_a_question_inside_an_answer_is_a_question() -> None:
    """learning-zone's notes: ``## Q. ***What is npm?***`` then, inside its answer, ``#### Q. ***How to
    make post request?***``: a question of its own (the answer before it no longer holds it), and
    ``## # 1. INTRODUCTION`` over nothing, among headings that nearly all ask, divides them."""
    notes = extract(parse_file(FIXTURES / "notes" / "outline" / "divider-headings.md"))
    npm = next(q for q in notes.questions if q.title_text == "What is npm?")
    assert "Node Package Manager" in npm.answer_html and "post request" not in npm.answer_html
    post = next(q for q in notes.questions if "post request" in q.title_text)
    assert not post.answered  # "*ToDo*" is a placeholder: reported unanswered
    assert not any("INTRODUCTION" in q.title_text for q in notes.questions)
    assert any("heading over no text" in p.message and "INTRODUCTION" in p.message for p in notes.skipped)


def test_numbering_styles_are_labels_not_question_text() -> None:
    notes = load("numbering.md")
    assert [(q.number, q.title_text) for q in notes.questions] == [
        ("1", "First question"),
        ("2", "Second question"),
        ("3", "Third question"),
        ("4", "Fourth question"),
        ("5", "Fifth question"),
        ("6", "Sixth question"),
        ("", "Seventh question"),
        ("8", "Eighth question without a space"),
        ("一", "Ninth question"),
        ("", "2024 plans without punctuation"),
    ]
    assert notes.questions[0].sections == ("Numbering styles",)


def test_unanswered_sections() -> None:
    notes = load("unanswered.md")
    assert notes.title == "Unanswered things"
    assert [(q.number, q.answered) for q in notes.questions] == [
        ("1", False),
        ("2", False),
        ("3", False),
        ("4", False),
        ("5", True),
        ("6", False),
    ]
    assert "Real content under a sub-heading." in notes.questions[4].answer_html
    assert "<h3>Part A</h3>" in notes.questions[4].answer_html


def test_structure_fences_lists_tables_subheadings_html() -> None:
    notes = load("structure.md")
    assert notes.title == "Kubernetes notes"
    assert notes.question_level == 3
    assert [q.title_text for q in notes.questions] == [
        "What does the fence hold?",
        "Nested lists and a table",
        "Raw HTML is escaped",
    ]
    fence, lists, html = (q.answer_html for q in notes.questions)
    assert "# this is a shell comment, not a heading" in fence and "<pre><code" in fence
    assert lists.count("<ul>") == 2 and "<ol>" in lists and "<strong>bold</strong>" in lists
    assert "<table>" in lists and "<td>1</td>" in lists
    assert "<h4>Sub-heading inside the answer</h4>" in lists and "More answer text." in lists
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "onclick" not in html and "<b>html</b>" in html  # the tag kept, its handler dropped
    assert [q.sections for q in notes.questions] == [("Networking",), ("Networking",), ("Storage",)]
    assert all("comment" not in q.title_text for q in notes.questions)
    assert [q.loc.line for q in notes.questions] == [10, 18, 39]


def test_question_level_can_be_forced() -> None:
    notes = load("structure.md", level=2)
    assert [q.title_text for q in notes.questions] == ["Networking", "Storage"]


def test_cjk_bold_and_line_breaks() -> None:
    answer = load("cjk.md").questions[0].answer_html
    assert "<strong>注意：</strong>当节点不可用时第二行" in answer
    assert "English line one\nline two" in answer


def test_toml_front_matter_is_skipped_and_lines_kept() -> None:
    notes = load("toml-front-matter.md")
    assert [(q.title_text, q.loc.line) for q in notes.questions] == [("What is TOML front matter?", 6)]


def test_front_matter_with_tabs_before_comments_keeps_its_tags(tmp_path: Path) -> None:
    """Jekyll forgives a tab before a comment (``layout: post\t# …``); YAML does not, and the
    front matter's tags were dropped without a word. Read with the tabs as spaces, they are kept."""
    path = tmp_path / "post.md"
    path.write_text("---\nlayout:     post\t\t# the layout\ntags:\t\t#tags\n    - Fast\n---\n## Q?\n\nA.\n")
    notes = extract(parse_file(path))
    assert notes.tags == ("Fast",) and notes.questions[0].title_text == "Q?"


@pytest.mark.parametrize("newline", ["\r\n", "\n"])
@pytest.mark.parametrize("bom", ["\ufeff", ""])
def test_crlf_and_bom(tmp_path: Path, newline: str, bom: str) -> None:
    path = tmp_path / "notes.md"
    path.write_bytes((bom + "## 1. Question\n\nAnswer\n\n## 2. Other\n").replace("\n", newline).encode("utf-8"))
    notes = extract(parse_file(path))
    assert [(q.title_text, q.loc.line, q.answered) for q in notes.questions] == [
        ("Question", 1, True),
        ("Other", 5, False),
    ]
    assert notes.questions[0].answer_html == "<p>Answer</p>"


def test_details_blocks_are_questions_and_headings_categories() -> None:
    notes = load("details.md")
    assert [(q.title_text, q.answered, q.loc.line) for q in notes.questions] == [
        ("What is a Pod?", True, 3),
        ("What is a Node?", False, 13),
        ("Why use Kubernetes?", True, 18),
    ]
    pod, node, why = notes.questions
    assert pod.title_html == "What is a <code>Pod</code>?" and pod.sections == ("Kubernetes 101",)
    assert "<li>one or more containers</li>" in pod.answer_html
    assert "details" not in pod.answer_html and "&lt;b&gt;" not in pod.answer_html
    assert "<script>" not in node.title_html
    assert "<h4>Because</h4>" in why.answer_html


def test_answer_inside_details_keeps_its_headings() -> None:
    text = (
        "###### 1. What's the output?\n\n```js\nsayHi();\n```\n\n"
        "<details><summary><b>Answer</b></summary>\n<p>\n\n#### Answer: D\n\nBecause of hoisting.\n\n</p>\n</details>\n\n"
        "---\n\n###### 2. Next?\n\n<details><summary><b>Answer</b></summary>\n<p>\n\n#### Answer: A\n\n</p>\n</details>\n"
    )
    notes = extract(parse_text(text, Path("js.md")))
    assert [q.title_text for q in notes.questions] == ["What's the output?", "Next?"]
    first = notes.questions[0].answer_html
    assert notes.questions[0].prompt_text == "sayHi();"  # the code is part of the question
    assert "<h4>Answer: D</h4>" in first and "Because of hoisting." in first
    assert "summary" not in first


def test_question_continues_until_the_answer_details() -> None:
    text = (
        "###### 1. What's the output?\n\n```js\nconsole.log(1);\n```\n\n- A: `1`\n- B: `2`\n\n"
        "<details><summary><b>Answer</b></summary>\n<p>\n\n#### Answer: A\n\n</p>\n</details>\n\n"
        "###### 2. What's the output?\n\n```js\nconsole.log(2);\n```\n\n"
        "<details><summary><b>Answer</b></summary>\n<p>\n\n#### Answer: B\n\n</p>\n</details>\n"
    )
    first, second = extract(parse_text(text, Path("js.md"))).questions
    assert "console.log(1);" in first.prompt_text and "<li>A: <code>1</code></li>" in first.prompt_html
    assert "console.log" not in first.answer_html and "<h4>Answer: A</h4>" in first.answer_html
    assert first.title_text == second.title_text and first.identity_text != second.identity_text


def test_bold_paragraph_questions() -> None:
    text = (
        "## Basics\n\n**What is a model? 👶**\n\nA function.\n\n<br/>\n\n"
        "**What is a loss? ‍⭐️**\n\nAnswer here\n\n## Advanced\n\n**Why `Adam`? 🚀**\n\nMomentum.\n\n"
        "**Bold, but a statement.**\n\nMore text.\n"
    )
    notes = extract(parse_text(text, Path("ds.md")))
    assert [(q.title_text, q.sections, q.answered) for q in notes.questions] == [
        ("What is a model?", ("Basics",), True),
        ("What is a loss?", ("Basics",), False),
        ("Why Adam?", ("Advanced",), True),
    ]
    assert notes.questions[2].title_html == "Why <code>Adam</code>?"
    assert "Bold, but a statement." in notes.questions[2].answer_html


def test_bold_italic_and_underscored_paragraph_questions() -> None:
    """``***What is an IP address?***`` (bold inside italics) asks as ``**…**`` and ``__…__`` do; it
    was part of the answer before it."""
    notes = extract(parse_file(FIXTURES / "notes" / "htmlblocks" / "bold-italic-questions.md"))
    answers = {q.title_text: q.answer_html for q in notes.questions}
    assert answers["What is an IP address?"] == "<p>A logical address of a host.</p>"
    assert "IP address" not in answers["What is a MAC address?"]


def test_mixed_levels_leaf_headings_above_the_level_are_questions() -> None:
    notes = load("mixed-levels.md")
    assert notes.question_level == 3
    assert [(q.title_text, q.sections, q.answered) for q in notes.questions] == [
        ("What does a TCP handshake carry?", ("Networking",), False),
        ("Why four segments to close?", ("Networking",), False),
        ("What is the Ethernet MTU?", (), False),  # a `##` with no sub-heading
        ("What is netfilter?", ("Firewall",), True),
        # Its own text would be lost otherwise; it still heads the questions under it.
        ("Replication", (), True),
        ("Full sync", ("Replication",), True),
        ("Partial sync", ("Replication",), True),
    ]  # "Table of Contents" is never a question


def test_empty_headings_after_the_last_answer_are_questions() -> None:
    notes = load("trailing-questions.md")
    assert [(q.title_text, q.answered) for q in notes.questions] == [
        ("What is a Dockerfile?", True),
        ("What is an orphan volume?", True),
        ("What is paravirtualization?", False),
        ("Can a Dockerfile be generated from an image?", False),
    ]
    # "↥ back to top" links are navigation, not part of any answer.
    assert all("back to top" not in q.answer_html for q in notes.questions)


def test_question_asked_in_a_sections_body() -> None:
    notes = load("interview-section.md")
    asked, psychology = notes.questions
    assert asked.title_text == "缓存雪崩" and asked.prompt_text == "Redis 崩溃之后会怎么样？系统该如何应对？"
    assert asked.answer_html.startswith("<h3>缓存雪崩</h3>") and "查询不存在的数据" in asked.answer_html
    assert asked.loc.line == 3
    assert psychology.title_text == "面试官心理分析" and psychology.answered


def test_details_summary_spanning_blocks_and_answers_without_blank_lines() -> None:
    notes = load("details-multiline.md")
    assert [(q.loc.line, q.title_text, q.answered) for q in notes.questions] == [
        (3, "Explain the purpose of the following lines", True),
        (15, "What does kube-proxy do?", True),
        (20, "Place the components in the drawing", True),
        (25, "Not answered yet", False),
    ]
    listing, proxy, drawing, _ = notes.questions
    assert "livenessProbe" in listing.prompt_html and "livenessProbe" not in listing.answer_html
    assert listing.answer_html == "<p>It restarts a container that stops answering.\n</b></p>"
    assert proxy.answer_html == "<p>It implements Services on every node.</p>"
    ((name, path),) = drawing.media
    assert path.name == "diagram.png" and f'<img src="{name}"' in drawing.answer_html


def test_a_file_that_is_one_card_front_rule_back() -> None:
    notes = load("notes/outline/card-file.md")
    (card,) = notes.questions
    assert card.title_text == "What does the activation of layer 1 equal?" and card.loc.line == 6
    assert "\\sigma" in card.prompt_html and "\\sigma" not in card.answer_html
    assert (
        card.answer_html == "<p>The weighted sum of layer 0's activations plus the bias, squashed by the sigmoid.</p>"
    )
    assert notes.tags == ("ml",) and not notes.skipped
    (reversed_card,) = load("notes/outline/card-file-reversed.md").questions
    assert reversed_card.answer_html == "<p>Sometimes the question is the answer</p>"  # the doubled rule parts nothing
    # Three parts are an article with rules in it, not a card: reported, as before.
    article = load("notes/outline/rules-part-an-article.md")
    assert not article.questions and "on no card" in article.skipped[0].message


def test_bracketed_numbers_are_labels_and_the_guid_stays_derived_as_before() -> None:
    from cardgen.notes.read import parse_text

    text = "# OS\n\n### （1）什么是分页？\n\n分页。\n\n### (2) What is a segment?\n\nA part.\n\n### （三）什么是段？\n\n段。\n"
    questions = extract(parse_text(text, FIXTURES / "brackets.md")).questions
    assert [(q.number, q.title_text) for q in questions] == [
        ("1", "什么是分页？"),
        ("2", "What is a segment?"),
        ("三", "什么是段？"),
    ]
    # Earlier versions kept "（1）" in the title, and derived the GUID from it: it stays derived so.
    assert [q.identity_title for q in questions] == ["（1）什么是分页？", "(2) What is a segment?", "（三）什么是段？"]


def test_dotted_numbers_without_a_final_dot_are_labels_and_the_guid_stays_derived_as_before() -> None:
    """``### 1.1 What is a socket?`` printed "1 What is a socket?" before the 8th session (only
    "1." was read as the label): the label is now "1.1", and the GUID stays the old one."""
    from cardgen.commands.build import plan
    from cardgen.config.options import BuildConfig

    notes = FIXTURES / "notes" / "fronts" / "dotted-numbering.md"
    cards = plan(BuildConfig(sources=(notes,), write_pdf=False), now=0).cards
    assert [(c.question.number, c.front_text, c.guid) for c in cards] == [
        ("1.1", "What is a socket?", "t(o4b^Q>t2"),
        ("1.2", "什么是端口？", "u3)(Rn:4U?"),
    ]


def test_a_question_written_out_under_a_plain_heading_is_the_front_when_the_answer_is_labelled() -> None:
    """``### Question 2`` over the question, then ``**Answer:** …``: the question is shown on the
    front and the label left out of the answer (before, the front said only "Question 2" and the
    question stood on the back). The GUID is the one the old reading gave."""
    from cardgen.commands.build import plan
    from cardgen.config.options import BuildConfig
    from cardgen.text import text_of

    notes = FIXTURES / "notes" / "fronts" / "numbered-question-headings.md"
    cards = plan(BuildConfig(sources=(notes,), write_pdf=False, kinds=frozenset({"qa"})), now=0).cards
    second = cards[1]
    assert text_of(second.question.prompt_html).strip() == "What does typeof null return?"
    assert text_of(second.question.answer_html).strip() == '"object", a historical bug.'
    assert second.guid == "muWsjG8?%d"  # as before, when the question stood in the answer


def test_an_answer_heading_under_a_plain_heading_labels_its_answer() -> None:
    """``## Question 1`` over the question written out, then ``### Answer`` over the answer: the
    question is on the front and the label in neither side. Before, ``### Answer`` (a leaf heading)
    set the question level: each "Answer" was a card and each question an unanswered one."""
    from cardgen.commands.build import plan
    from cardgen.config.options import BuildConfig
    from cardgen.text import text_of

    notes = FIXTURES / "notes" / "fronts" / "answer-heading-under-plain-heading.md"
    cards = plan(BuildConfig(sources=(notes,), write_pdf=False, kinds=frozenset({"qa"})), now=0).cards
    shown = [(text_of(c.question.prompt_html).strip(), text_of(c.question.answer_html).strip()) for c in cards]
    assert shown == [
        ("What is a closure?", "A function together with the scope it was created in."),
        ("Which keyword declares a block-scoped constant?", "const"),
        ("", "Declarations are moved to the top of their scope."),
    ]


def test_a_prompt_read_later_is_that_question_s_alone(tmp_path: Path) -> None:
    """A prompt that moved to the front (above ``::: details 答案``) is left out of that question's
    identity only: the next question's prompt, on its front as before (above an "Answer"
    ``<details>``), stays in its identity, so its GUID does not change."""
    path = tmp_path / "quiz.md"
    path.write_text(
        "## Question 1\n\nWhat is a Pod?\n\n::: details 答案\nThe smallest unit.\n:::\n\n"
        "## Question 2\n\nWhat is a Node?\n\n<details><summary>Answer</summary>\n\nA machine.\n\n</details>\n"
    )
    first, second = extract(parse_file(path)).questions
    assert first.prompt_read_later and first.identity_text == "Question 1"
    assert not second.prompt_read_later and second.identity_text == "Question 2 What is a Node?"


def test_a_view_answer_summary_puts_the_question_on_the_front_and_keeps_its_guid() -> None:
    """``<summary>查看答案</summary>`` ("view the answer") under ``### 问题 1`` over the question written
    out: the question is on the front, the summary on neither side; the GUIDs are the ones the
    previous cardgen gave (taken from a build with it), when the question stood in the answer."""
    from cardgen.commands.build import plan
    from cardgen.config.options import BuildConfig
    from cardgen.text import text_of

    notes = FIXTURES / "notes" / "htmlblocks" / "view-answer-summaries.md"
    cards = plan(BuildConfig(sources=(notes,), write_pdf=False, kinds=frozenset({"qa"})), now=0).cards
    first = cards[0]
    assert text_of(first.question.prompt_html).strip() == "PSA 中对照组的转化代表什么？"
    assert text_of(first.question.answer_html).strip() == "对照组转化 = 有机转化"
    assert [c.guid for c in cards[:2]] == ["o1ieLg#1hG", "t{l5|nr1Q="]
    assert "点击查看答案" not in cards[2].question.answer_html


def test_facts_are_looked_for_only_for_the_cards_asked_for() -> None:
    """``--kinds qa`` makes no table or term cards: their facts are not looked for, and the
    Q&A card (its answer, its identity) is the same either way."""
    from cardgen.vocab import Kind

    def read(name: str, facts: frozenset[Kind]) -> NoteFile:
        return extract(parse_file(FIXTURES / name), facts=facts)

    tables, definitions = read("tables.md", frozenset(Kind)), read("definitions.md", frozenset(Kind))
    assert any(q.tables for q in tables.questions) and any(q.terms for q in definitions.questions)
    for name, full in (("tables.md", tables), ("definitions.md", definitions)):
        qa_only = read(name, frozenset({Kind.QA}))
        assert not any(q.tables or q.terms for q in qa_only.questions)
        assert [(q.title_text, q.answer_html) for q in qa_only.questions] == [
            (q.title_text, q.answer_html) for q in full.questions
        ]
        only_tables = read(name, frozenset({Kind.TABLE}))
        assert [q.tables for q in only_tables.questions] == [q.tables for q in full.questions]
        assert not any(q.terms for q in only_tables.questions)


def test_a_title_all_in_bold_loses_the_bold_and_its_numbering_but_not_its_guid() -> None:
    """``**Q1. What is a Pod?**`` over its answer: asked as "What is a Pod?", numbered 1; the GUID
    stays derived from the line as read before (the previous version's GUIDs, pinned)."""
    from cardgen.commands.build import plan
    from cardgen.config.options import BuildConfig

    path = FIXTURES / "notes" / "fronts" / "bold-numbered-lines.md"
    pod, replica_set = plan(BuildConfig(sources=(path,), write_pdf=False), now=0).cards
    assert (pod.question.title_text, pod.question.number, pod.question.title_html) == (
        "What is a Pod?",
        "1",
        "What is a Pod?",
    )
    assert pod.question.identity_title == "Q1. What is a Pod?"
    assert (pod.guid, replica_set.guid) == ("z=:l/n~V*(", "C`}g.myOB,")


def test_a_decoration_before_the_numbering_is_part_of_the_label() -> None:
    """``## 🔹 1. What is Docker?``: asked as "What is Docker?", numbered 1, its GUID the one the
    previous version gave the title as read then (pinned)."""
    from cardgen.commands.build import plan
    from cardgen.config.options import BuildConfig

    path = FIXTURES / "notes" / "fronts" / "decorated-numbering.md"
    cards = plan(BuildConfig(sources=(path,), write_pdf=False), now=0).cards
    assert [(c.question.title_text, c.question.number) for c in cards] == [
        ("What is Docker?", "1"), ("What is an image?", "2"), ("What is a volume?", "3"),
    ]  # fmt: skip
    assert [c.guid for c in cards] == ["u~LNxZ9F4h", "n2<pzC]r0E", "c;q7f]ETwp"]


def test_a_file_of_one_question_over_its_labelled_parts() -> None:
    """30-seconds-of-interviews: ``### What is …?`` over ``#### Answer``, ``#### Good to hear`` and
    ``##### Additional links``: one card, its parts in its answer (was a card per label)."""
    notes = extract(parse_file(FIXTURES / "notes" / "outline" / "one-question-file.md"))
    (q,) = notes.questions
    assert q.title_text.startswith("What is the difference between the equality operators")
    assert q.answer_html.startswith("<p>Triple equals") and "<h4>Good to hear</h4>" in q.answer_html
    assert "Answer</h4>" not in q.answer_html  # the label itself is no part of the answer


def test_md2anki_note_ids_are_no_part_of_the_front_and_the_guid_stays_derived_as_before() -> None:
    """``## What is a Pod? (39a1b5ea-…)``: Md2Anki's note id is not printed; the GUIDs are the
    previous version's (which printed it), pinned; a parenthesis that is words stays."""
    from cardgen.commands.build import plan
    from cardgen.config.options import BuildConfig

    path = FIXTURES / "notes" / "fronts" / "md2anki-note-ids.md"
    cards = plan(BuildConfig(sources=(path,), write_pdf=False), now=0).cards
    assert [(c.question.title_html, c.guid) for c in cards] == [
        ("What is a Pod?", "u.%n*hfj?f"),
        ('Which formula? <span class="cg-math">\\(a^2\\)</span>', "vvU?C?wjXB"),
        ("Why (not) a Deployment? (for stateless apps)", "sc?]!YL/yr"),
    ]


def test_a_details_closer_at_the_end_of_a_paragraph_ends_the_fold() -> None:
    """devops-exercises closes each answer on the paragraph's own last line (``text`` ↵
    ``</b></details>``, inline HTML to CommonMark, in a list's last item too): the fold ends there,
    so the category heading after it heads the next questions instead of ending the last answer."""
    notes = extract(parse_file(FIXTURES / "notes" / "htmlblocks" / "details-closer-in-paragraph.md"))
    found = {q.title_text: q for q in notes.questions}
    assert "Deployments" not in found["Which volumes do you know?"].answer_html
    assert "Services" not in found["What is a Deployment?"].answer_html
    assert found["What is a Deployment?"].sections[-1] == "Deployments"
    assert found["What is a Service?"].sections[-1] == "Services"
