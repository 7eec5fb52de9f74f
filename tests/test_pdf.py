"""The PDF read back: page sizes, duplex alignment, fitted faces, CJK text, fonts, splits."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from cardgen.commands.build import BuildResult, build
from cardgen.config.options import BuildConfig
from cardgen.config.printing import PAPERS, PrintOptions
from cardgen.pdf.layout import Sheet, Slot
from cardgen.pdf.metrics import PAD_TOP
from cardgen.pdf.writer import PdfReport
from cardgen.text import text_of
from cardgen.vocab import Side
from tests.conftest import FIXTURES, SEED
from tests.pdftools import chars_of, page_sizes_mm, pages_chars, text_in, unembedded_fonts

pytestmark = pytest.mark.slow  # real Anki, WeasyPrint, fuzzing, killed builds or large files

CARD_W, CARD_H = 95.0, 65.0


def build_pdf(tmp: Path, notes: Path = SEED, **options: object) -> tuple[BuildResult, PdfReport, Path]:
    (tmp / "source").mkdir(parents=True)
    shutil.copy(notes, tmp / "source" / notes.name)
    config = BuildConfig(
        sources=(tmp / "source",), output_dir=tmp / "build", write_apkg=False, print_options=PrintOptions(**options)
    )
    result = build(config)
    assert result.pdf is not None
    return result, result.pdf, result.pdf.path


@pytest.fixture(scope="module")
def seed_long(tmp_path_factory: pytest.TempPathFactory) -> tuple[BuildResult, PdfReport, Path]:
    return build_pdf(tmp_path_factory.mktemp("long"))


def slot_text(chars: list, slot: Slot, width: float = CARD_W) -> str:
    return text_in(chars, slot.x, slot.y, width, CARD_H)


def first_words(html: str, n: int = 6) -> str:
    return "".join(text_of(html).split())[:n]


def check_alignment(report: PdfReport, path: Path, back_slot: Callable[[Sheet, int], Slot]) -> None:
    pages = pages_chars(path)
    sheet = report.sheet
    assert len(pages) == 2 * report.sheets
    for n, pc in enumerate(report.printed):
        s, k = divmod(n, sheet.per_sheet)
        question = "".join(text_of(pc.card.front_html).split())
        heading = "".join(text_of(pc.card.heading_html).split())
        front = slot_text(pages[2 * s], sheet.front(k))
        back = slot_text(pages[2 * s + 1], back_slot(sheet, k))
        assert question in front, (n, front)
        assert heading in back, (n, back)  # the question repeated small as the back's header
        assert first_words(pc.blocks[0].html) in back, (n, back)
        if pc.parts > 1:
            assert f"{pc.part}/{pc.parts}" in front and f"{pc.part}/{pc.parts}" in back


def check_everything_inside_cards(report: PdfReport, path: Path, back_slot: Callable[[Sheet, int], Slot]) -> None:
    """No face's text lies outside its card: every character is inside some card's box."""
    sheet = report.sheet
    for index, chars in enumerate(pages_chars(path)):
        s, is_back = divmod(index, 2)
        count = min(sheet.per_sheet, len(report.printed) - s * sheet.per_sheet)
        slots = [back_slot(sheet, k) if is_back else sheet.front(k) for k in range(count)]
        for c in chars:
            assert any(sl.x <= c.x <= sl.x + CARD_W and sl.y + 1 <= c.y <= sl.y + CARD_H - 1 for sl in slots), (
                f"page {index + 1}: {c.text!r} at ({c.x:.1f}, {c.y:.1f}) mm is outside every card"
            )


def test_seed_pdf_pages_are_exactly_a4(seed_long: tuple[BuildResult, PdfReport, Path]) -> None:
    _, report, path = seed_long
    assert report.sheets == -(-len(report.printed) // 8) and report.pages == 2 * report.sheets
    assert {pc.card.kind for pc in report.printed} == {"qa", "table", "term"}
    for width, height in page_sizes_mm(path):
        assert (width, height) == pytest.approx(PAPERS["a4"], abs=0.05)


def test_long_edge_duplex_alignment(seed_long: tuple[BuildResult, PdfReport, Path]) -> None:
    _, report, path = seed_long
    check_alignment(report, path, lambda sheet, k: sheet.back(k, "long"))
    check_everything_inside_cards(report, path, lambda sheet, k: sheet.back(k, "long"))


def test_chinese_text_extracts_and_fonts_are_embedded(seed_long: tuple[BuildResult, PdfReport, Path]) -> None:
    _, report, path = seed_long
    pages = pages_chars(path)
    n = next(n for n, pc in enumerate(report.printed) if pc.card.question.number == "5" and pc.card.kind == "qa")
    s, k = divmod(n, report.sheet.per_sheet)
    assert "探针有哪几种" in slot_text(pages[2 * s], report.sheet.front(k))
    assert "kubelet通过执行探针检查容器健康状态" in slot_text(pages[2 * s + 1], report.sheet.back(k))
    assert unembedded_fonts(path) == []
    assert report.missing_glyphs == () and report.clipped == ()


def printed_on_backs(report: PdfReport, path: Path, numbers: list[int]) -> str:
    """The text inside the backs of the printed cards ``numbers`` (long-edge duplex): what was
    printed, not what the text layer holds beyond a card's edge."""
    pages = pages_chars(path)
    printed = ""
    for n in numbers:
        s, k = divmod(n, report.sheet.per_sheet)
        slot = report.sheet.back(k, "long")
        printed += text_in(pages[2 * s + 1], slot.x, slot.y + PAD_TOP, CARD_W, CARD_H - PAD_TOP)
    return printed


def test_kube_proxy_answer_is_split_and_complete(seed_long: tuple[BuildResult, PdfReport, Path]) -> None:
    result, report, path = seed_long
    parts = [(n, pc) for n, pc in enumerate(report.printed) if pc.card.question.number == "25" and pc.card.kind == "qa"]
    assert len(parts) > 1 and [pc.part for _, pc in parts] == list(range(1, len(parts) + 1))
    assert any(c.question.number == "25" and c.kind == "qa" and count == len(parts) for c, count in report.split)
    printed = printed_on_backs(report, path, [n for n, _ in parts])
    answer = next(c for c in result.deck.cards if c.question.number == "25").question.answer_html
    assert result.deck.cards[0].kind == "qa"
    missing = chars_of(text_of(answer)) - chars_of(printed)
    assert not missing, f"characters of the answer not printed: {missing}"
    assert all(min(pc.back_pt, pc.front_pt) >= 6.5 for _, pc in parts)


def test_short_edge_duplex(tmp_path: Path) -> None:
    _, report, path = build_pdf(tmp_path, duplex="short")
    check_alignment(report, path, lambda sheet, k: sheet.back(k, "short"))
    check_everything_inside_cards(report, path, lambda sheet, k: sheet.back(k, "short"))


def test_letter_paper_and_back_offset(tmp_path: Path) -> None:
    _, report, path = build_pdf(tmp_path, paper="letter", back_offset=(2.0, -1.0))
    for size in page_sizes_mm(path):
        assert size == pytest.approx(PAPERS["letter"], abs=0.05)
    shifted = lambda sheet, k: Slot(sheet.back(k).x + 2.0, sheet.back(k).y - 1.0)  # noqa: E731
    check_alignment(report, path, shifted)


def test_fold_layout(tmp_path: Path) -> None:
    _, report, path = build_pdf(tmp_path, layout="fold")
    pages = pages_chars(path)
    sheet = report.sheet
    assert len(pages) == report.sheets == -(-len(report.printed) // sheet.per_sheet)
    for n, pc in enumerate(report.printed):
        s, k = divmod(n, sheet.per_sheet)
        slot = sheet.front(k)
        front = slot_text(pages[s], slot)
        back = slot_text(pages[s], Slot(slot.x + CARD_W, slot.y))
        question = "".join(text_of(pc.card.front_html).split())
        assert question in front and first_words(pc.blocks[0].html) in back


def test_missing_glyph_is_reported(tmp_path: Path) -> None:
    notes = tmp_path / "in" / "glyphs.md"
    notes.parent.mkdir()
    notes.write_text("## 1. Linear B?\n\nThe first sign is 𐀀.\n", encoding="utf-8")
    _, report, _ = build_pdf(tmp_path / "out", notes=notes)
    assert [(loc.file, loc.line, chars) for loc, chars in report.missing_glyphs] == [
        (str(tmp_path / "out" / "source" / "glyphs.md"), 1, "𐀀")
    ]


def test_emoji_print_in_colour_and_digits_stay_in_the_text_face(tmp_path: Path) -> None:
    """⭐ and ✅ (and :clap: after the emoji pass) print from the emoji font; "#1" in the card's corner
    does not, although "#" and digits are emoji characters too."""
    import pdfplumber

    notes = tmp_path / "in" / "emoji.md"
    notes.parent.mkdir()
    notes.write_text("## 1. Which marks?\n\n⭐ stars, ✅ done, :clap: claps.\n", encoding="utf-8")
    _, report, path = build_pdf(tmp_path / "out", notes=notes)
    assert report.missing_glyphs == ()
    with pdfplumber.open(path) as pdf:
        chars = [c for page in pdf.pages for c in page.chars]
    fonts = {c["text"]: c["fontname"] for c in chars}
    assert "Noto-Color-Emoji" in fonts["⭐"] and "Noto-Color-Emoji" in fonts["👏"]
    assert "DejaVu" in fonts["#"] and "DejaVu" in fonts["1"]


def test_two_processes_print_the_same_pages(tmp_path: Path) -> None:
    """Two workers take chunks of sheets in turn and their parts are joined: the same pages as one."""
    _, one, one_path = build_pdf(tmp_path / "one", workers=1)
    _, two, two_path = build_pdf(tmp_path / "two", workers=2)

    def plan(report: PdfReport) -> list[tuple[str, int, int, float, float]]:
        return [(pc.card.guid, pc.part, pc.parts, pc.front_pt, pc.back_pt) for pc in report.printed]

    assert plan(one) == plan(two) and one.pages == two.pages
    assert page_sizes_mm(one_path) == page_sizes_mm(two_path)
    for a, b in zip(pages_chars(one_path), pages_chars(two_path), strict=True):
        assert [(c.text, round(c.x, 1), round(c.y, 1)) for c in a] == [
            (c.text, round(c.x, 1), round(c.y, 1)) for c in b
        ]
    assert unembedded_fonts(two_path) == []


def test_large_decks_print_in_bounded_parts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A worker writes a part whenever it holds MAX_SHEETS_PER_PART sheets: the parts joined
    print the same pages as one part."""
    import cardgen.pdf.workers
    import cardgen.pdf.writer

    notes = tmp_path / "parts.md"
    notes.write_text("".join(f"### {n}. 问题 {n}？\n\n回答 {n}。\n\n" for n in range(1, 21)), encoding="utf-8")
    _, whole, whole_path = build_pdf(tmp_path / "whole", notes=notes, workers=1)
    monkeypatch.setattr(cardgen.pdf.workers, "MAX_SHEETS_PER_PART", 1)  # before the workers are forked
    joined: list[int] = []
    join = cardgen.pdf.writer.join
    monkeypatch.setattr(cardgen.pdf.writer, "join", lambda *a: joined.append(len(a[1])) or join(*a))
    _, parted, parted_path = build_pdf(tmp_path / "parted", notes=notes, workers=1)
    assert whole.sheets == parted.sheets == 3 and joined[0] > 1
    assert [[(c.text, round(c.x, 1), round(c.y, 1)) for c in page] for page in pages_chars(parted_path)] == [
        [(c.text, round(c.x, 1), round(c.y, 1)) for c in page] for page in pages_chars(whole_path)
    ]
    assert unembedded_fonts(parted_path) == []


def test_long_code_continues_on_further_cards_and_nothing_is_cut(tmp_path: Path) -> None:
    """A 90-line listing prints every line inside some card's back (not clipped at the bottom of one),
    the continuation cards marked; a lead-in list item travels with what it introduces; a remote image
    prints as its alt text and host."""
    lines = [f"local setting_{n:02d} = {n} -- line {n}" for n in range(90)]
    notes = tmp_path / "in" / "code.md"
    notes.parent.mkdir()
    notes.write_text(
        "## 1. How is it configured?\n\nSee ![diagram](https://example.com/d.png).\n\n"
        "1. Use the plugin:\n\n```lua\n" + "\n".join(lines) + "\n```\n",
        encoding="utf-8",
    )
    result, report, path = build_pdf(tmp_path / "out", notes=notes)
    assert report.clipped == [] or report.clipped == ()
    parts = [(n, pc) for n, pc in enumerate(report.printed) if pc.card.kind == "qa"]
    assert len(parts) > 2
    # The lead-in item is on the card its listing starts on, right above it; every later card
    # opens mid-listing, marked.
    ((start, at),) = [
        (i, k)
        for i, (_, pc) in enumerate(parts)
        for k, b in enumerate(pc.blocks)
        if b.text.strip() == "Use the plugin:"
    ]
    after = parts[start][1].blocks[at + 1]
    assert after.kind == "code" and not after.continues
    assert all(pc.blocks[0].continues for _, pc in parts[start + 1 :])
    printed = printed_on_backs(report, path, [n for n, _ in parts])
    for line in lines:
        assert line.replace(" ", "") in printed.replace(" ", ""), line
    assert "[diagram—example.com]" in printed.replace(" ", "")
    problems = [p.message for p in result.deck.files[0].questions[0].problems]
    assert problems == [
        "remote image https://example.com/d.png is not fetched: Anki loads it when online, print shows its alt text"
    ]


def test_a_back_repeats_the_question_not_its_prompt(tmp_path: Path) -> None:
    """A quiz question's listing and options are on the front; the back's header is only the question,
    so a long answer has the card to itself: printed whole, on one card, nothing cut."""
    listing = "\n".join(f"  console.log(value_{n});" for n in range(8))
    answer = " ".join(f"Sentence {n} of the explanation says why the output is what it is." for n in range(12))
    notes = tmp_path / "in" / "quiz.md"
    notes.parent.mkdir()
    notes.write_text(
        f"###### 1. What's the output?\n\n```javascript\nfunction f() {{\n{listing}\n}}\n```\n\n"
        f"- A: `1`\n- B: `2`\n- C: `3`\n- D: `undefined`\n\n<details><summary><b>Answer</b></summary>\n<p>\n\n"
        f"#### Answer: D\n\n{answer}\n\n</p>\n</details>\n",
        encoding="utf-8",
    )
    _, report, path = build_pdf(tmp_path / "out", notes=notes)
    ((n, pc),) = [(n, pc) for n, pc in enumerate(report.printed) if pc.card.kind == "qa"]
    assert not report.clipped and pc.parts == 1
    front = slot_text(pages_chars(path)[0], report.sheet.front(n))
    back = printed_on_backs(report, path, [n]).replace(" ", "")
    assert "console.log(value_7)" in front.replace(" ", "") and "D:undefined" in front.replace(" ", "")
    assert "What'stheoutput?" in back and "console.log" not in back and "D:undefined" not in back
    assert "Sentence11oftheexplanationsayswhytheoutputiswhatitis." in back


def test_a_cut_off_card_says_which_face_is_cut(tmp_path: Path) -> None:
    """A question with four options cannot fit a 40 × 25 mm card: it is reported as the
    question cut off (a front cannot continue on another card), with what to try."""
    from cardgen.commands.report import warnings_of

    result, report, _ = build_pdf(tmp_path, FIXTURES / "print" / "tall-front.md", card_size=(40.0, 25.0))
    assert [(q.title_text, side) for q, side in report.clipped] == [
        ("What are the three phases of event propagation?", Side.FRONT)
    ]
    (notice,) = [n for n in warnings_of(result) if "cut off" in n.message]
    assert notice.message.startswith("the question is cut off") and "--card a6" in notice.message


def test_an_ordered_list_keeps_its_numbers_in_print(tmp_path: Path) -> None:
    """Each item of an ordered list prints as a piece of its own (``<ol start>``): its number is
    printed, not "1." again, and a list written to start at 3 (or 512) starts there."""
    notes = tmp_path / "in" / "lists.md"
    notes.parent.mkdir()
    notes.write_text(
        "## How do you deploy?\n\nSteps:\n\n1. Build the image.\n2. Push it.\n3. Roll out.\n\n"
        "## And then?\n\n3. Watch the rollout.\n4. Roll back if needed.\n\n"
        "## What is rule 512?\n\n512. Never deploy on a Friday.\n513. Never.\n",
        encoding="utf-8",
    )
    _, report, path = build_pdf(tmp_path / "out", notes=notes)
    numbers = [n for n, pc in enumerate(report.printed) if pc.card.kind == "qa"]
    printed = printed_on_backs(report, path, numbers).replace(" ", "")
    expected = ("1.Buildtheimage.", "2.Pushit.", "3.Rollout.", "3.Watchtherollout.", "4.Rollbackifneeded.")
    for line in (*expected, "512.NeverdeployonaFriday.", "513.Never."):
        assert line in printed, (line, printed)


def test_a_long_paragraph_continues_and_a_long_word_breaks(tmp_path: Path) -> None:
    """A paragraph taller than a card even at the floor size continues on further cards, cut between
    its sentences (it was cut off); a word wider than the card (a long identifier in code) breaks
    (its end was clipped at the card's edge, with no warning)."""
    sentences = [f"第{n}句话说明了这个很长的段落为什么需要在下一张卡片上继续打印。" for n in range(60)]
    from cardgen.commands.report import warnings_of

    word = "AbstractSingletonProxyFactoryBeanConfigurationPropertiesBindingPostProcessorRegistrar"
    notes = tmp_path / "in" / "long.md"
    notes.parent.mkdir()
    notes.write_text(
        f"## 这个很长的段落说了什么？\n\n{''.join(sentences)}\n\n## What is it called?\n\nUse `{word}` in Spring.\n",
        encoding="utf-8",
    )
    result, report, path = build_pdf(tmp_path / "out", notes=notes)
    assert not report.clipped
    assert not [w for w in warnings_of(result) if "cut off" in w.message]
    long = [n for n, pc in enumerate(report.printed) if pc.card.question.title_text.startswith("这个很长")]
    assert len(long) > 1 and all(report.printed[n].blocks[0].continues for n in long[1:])
    printed = printed_on_backs(report, path, long)
    assert all(sentence in printed for sentence in sentences)
    (named,) = [n for n, pc in enumerate(report.printed) if pc.card.question.title_text == "What is it called?"]
    assert word in printed_on_backs(report, path, [named]).replace(" ", "")


def test_a_long_outline_item_continues_between_its_nested_items(tmp_path: Path) -> None:
    """One list item whose nested list is taller than a card (an outline of notes) continues on
    further cards between its nested items (it was cut off), the continued pieces without a
    bullet of their own."""
    nested = [f"第{n}点：线程栈包含了当前线程执行的方法调用相关信息，以及所有本地变量。" for n in range(40)]
    notes = tmp_path / "in" / "outline.md"
    notes.parent.mkdir()
    notes.write_text("## 什么是 Java 内存模型？\n\n- JMM 把内存分成了两部分\n" + "".join(f"  - {n}\n" for n in nested))
    _, report, path = build_pdf(tmp_path / "out", notes=notes)
    assert not report.clipped
    parts = [n for n, pc in enumerate(report.printed) if pc.card.kind == "qa"]
    assert len(parts) > 1 and all(report.printed[n].blocks[0].continues for n in parts[1:])
    printed = printed_on_backs(report, path, parts).replace(" ", "")
    assert "JMM把内存分成了两部分" in printed and all(n.replace(" ", "") in printed for n in nested)
