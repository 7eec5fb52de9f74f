"""Reusing the last PDF build: fitted faces and unchanged sheets, and never trusting a bad cache."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cardgen.commands.build import build
from cardgen.config.options import BuildConfig
from cardgen.config.printing import PrintOptions
from cardgen.pdf.cache import FitRecord, cache_path, restore
from cardgen.pdf.writer import PdfReport
from tests.pdftools import pages_chars, unembedded_fonts

pytestmark = pytest.mark.slow  # real Anki, WeasyPrint, fuzzing, killed builds or large files


def notes(count: int, long_first: bool = False) -> str:
    """``count`` short questions (8 make a sheet); the first one's answer long enough to split."""
    sections = []
    for n in range(1, count + 1):
        answer = f"答案 {n}：短的回答。"
        if n == 1 and long_first:
            answer = "\n\n".join(f"第 {k} 段：" + "很长的解释，" * 40 for k in range(8))
        sections.append(f"### {n}. 问题 {n} 是什么？\n\n{answer}\n")
    return "# 测试\n\n" + "\n".join(sections)


def build_at(folder: Path, text: str, workers: int = 1) -> PdfReport:
    source = folder / "source"
    source.mkdir(parents=True, exist_ok=True)
    (source / "notes.md").write_text(text, encoding="utf-8")
    config = BuildConfig(
        sources=(source,), output_dir=folder / "build", write_apkg=False, print_options=PrintOptions(workers=workers)
    )
    report = build(config).pdf
    assert report is not None
    return report


def positions(path: Path) -> list[list[tuple[str, float, float]]]:
    return [[(c.text, round(c.x, 1), round(c.y, 1)) for c in page] for page in pages_chars(path)]


def test_one_changed_answer_lays_out_one_sheet_and_prints_as_a_full_build(tmp_path: Path) -> None:
    text = notes(20)  # 3 sheets
    first = build_at(tmp_path / "inc", text)
    assert (first.sheets, first.reused_sheets) == (3, 0)
    edited = text.replace("答案 12：短的回答。", "答案 12：改过的回答。")
    second = build_at(tmp_path / "inc", edited)
    assert (second.sheets, second.reused_sheets) == (3, 2)
    cold = build_at(tmp_path / "cold", edited)
    assert cold.reused_sheets == 0
    assert positions(second.path) == positions(cold.path)
    assert unembedded_fonts(second.path) == []


def test_copied_and_new_sheets_from_several_workers_join_in_order(tmp_path: Path) -> None:
    """Two workers, chunks of new and copied sheets: the join takes each sheet from the right
    part or from the last PDF, in sheet order, and prints what a cold build prints."""
    text = notes(100)  # 13 sheets: several chunks
    build_at(tmp_path / "inc", text, workers=2)
    edited = text.replace("答案 12：短的回答。", "答案 12：改过的回答。").replace("答案 90：", "答案 九十：")
    second = build_at(tmp_path / "inc", edited, workers=2)
    assert (second.sheets, second.reused_sheets) == (13, 11)
    assert positions(second.path) == positions(build_at(tmp_path / "cold", edited, workers=2).path)
    assert unembedded_fonts(second.path) == []


def test_a_longer_answer_moves_the_cards_after_it(tmp_path: Path) -> None:
    build_at(tmp_path / "inc", notes(20))
    moved = build_at(tmp_path / "inc", notes(20, long_first=True))  # card 1 now takes several printed cards
    cold = build_at(tmp_path / "cold", notes(20, long_first=True))
    assert moved.reused_sheets == 0 and len(moved.printed) == len(cold.printed) > 20
    assert positions(moved.path) == positions(cold.path)


def test_damaged_cache_or_replaced_pdf_is_never_trusted(tmp_path: Path) -> None:
    text = notes(12)
    first = build_at(tmp_path, text)
    cache = cache_path(first.path)
    assert cache.parent == first.path.parent and cache.is_file()
    cache.write_text('{"format": 1, "setup": ', encoding="utf-8")  # cut off mid-write
    assert build_at(tmp_path, text.replace("答案 3：", "答案 三：")).reused_sheets == 0
    # A PDF that is not the one the cache describes (edited, or another build's) is not copied from.
    data = json.loads(cache.read_text(encoding="utf-8"))
    first.path.write_bytes(first.path.read_bytes() + b"\n% edited\n")
    assert json.loads(cache.read_text(encoding="utf-8")) == data
    report = build_at(tmp_path, text)
    assert report.reused_sheets == 0
    assert positions(report.path) == positions(build_at(tmp_path / "cold", text).path)


def test_a_fit_record_that_does_not_match_the_card_is_refitted(tmp_path: Path) -> None:
    report = build_at(tmp_path, notes(1))
    card = report.printed[0].card
    assert restore(FitRecord((1,), 14.0, (10.0,), False, 1.0, False), card) is not None
    assert restore(FitRecord((2,), 14.0, (10.0,), False, 1.0, False), card) is None  # blocks changed
    assert restore(FitRecord((1, 0), 14.0, (10.0,), False, 1.0, False), card) is None


def test_two_decks_in_one_folder_keep_their_own_caches(tmp_path: Path) -> None:
    def build_deck(name: str, text: str) -> PdfReport:
        source = tmp_path / name
        source.mkdir(exist_ok=True)
        (source / f"{name}.md").write_text(text, encoding="utf-8")
        options = PrintOptions(workers=1)
        config = BuildConfig(sources=(source,), output_dir=tmp_path / "build", write_apkg=False, print_options=options)
        report = build(config).pdf
        assert report is not None
        return report

    build_deck("first", notes(12))
    build_deck("second", notes(12).replace("# 测试", "# 第二"))  # another deck title, so another PDF
    again = build_deck("first", notes(12).replace("答案 3：", "答案 三："))
    assert again.reused_sheets == 1  # "second" did not overwrite what "first" kept
