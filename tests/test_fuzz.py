"""Never crashes: any text either builds or raises a CardgenError, and every deck imports into Anki."""

from __future__ import annotations

import contextlib
import tempfile
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cardgen.cards.drafts import question_drafts
from cardgen.commands.build import build
from cardgen.config.options import BuildConfig
from cardgen.errors import CardgenError
from cardgen.notes.extract import extract
from cardgen.notes.read import parse_text
from tests.ankitools import AnkiCollection

pytestmark = pytest.mark.slow  # real Anki, WeasyPrint, fuzzing, killed builds or large files

PIECES = [
    "# ", "## ", "#### ", "###### ", "1. ", "1、", "Q1: ", "第2题", "- ", "* ", "  - ", "> ", "```\n", "```py\n", "~~~",
    "| a | b |\n| - | - |\n| 1 | 2 |\n", "| 特性 | A |\n| --- | --- |\n| x | - |\n", "**", "*", "_", "`", "：", ": ",
    "注意", "探针", "?", "？", "\n", "\n\n", "<!--", "-->", "<details>", "<summary>", "</summary>", "</details>",
    "<script>", "---\n", "+++\n", "{#id}", "$x$", "$$", "$1600", "![](a.png)", "![x](../../etc/passwd)", "\r\n",
    "\ufeff", "待补充", "Answer here", "{{c1::", "}}", " ", "\t", "text", "文本", "<!-- cardgen: columns -->\n",
    '<img src="a.png">', "<img src=x onerror=alert(1)>", "<b>", "</b>", "<br>", '<a href="#">↥ back to top</a>',
    '<div align="right">', "</div>", '<p align="center">', "<summary>Answer</summary>", "## 面试题\n",
    "## 面试题剖析\n", "## Table of Contents\n", "<sub>", '<b onclick="x()">', "</summary><br><b>\n",
]  # fmt: skip


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.unsafe: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "iframe", "object") or any(name.startswith("on") for name, _ in attrs):
            self.unsafe.append(tag)


def unsafe_tags(html: str) -> list[str]:
    """Elements a browser would run something for, as parsed from ``html``."""
    parser = _Tags()
    parser.feed(html)
    return parser.unsafe


documents = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=8)), max_size=40).map("".join)
ALL = frozenset({"qa", "table", "term", "cloze"})


@settings(max_examples=10_000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents)
def test_parse_extract_and_cards_never_crash(text: str) -> None:
    notes = extract(parse_text(text, Path("fuzz.md")))
    for q in notes.questions:
        assert q.loc.line >= 1 and q.title_text == q.title_text.strip()
        for html in (q.title_html, q.prompt_html, q.answer_html, *(b.html for b in q.answer_blocks)):
            # Raw HTML is not allowed here: no script and no event handler reaches a card as markup.
            assert not unsafe_tags(html), html
        if q.answered:
            for draft in question_drafts(q, ALL, "ctx", "fuzz.md"):
                assert draft.front_html and draft.fields


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents)
def test_built_decks_import_into_anki(text: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        notes = Path(tmp) / "notes" / "notes.md"
        notes.parent.mkdir()
        notes.write_text(text, encoding="utf-8", newline="")
        with contextlib.suppress(CardgenError):
            result = build(BuildConfig(sources=(notes.parent,), output_dir=Path(tmp) / "out", write_pdf=False))
            collection = AnkiCollection(Path(tmp) / "anki" / "c.anki2")
            try:
                log = collection.import_apkg(result.outputs[0])
                assert log.new == len(result.deck.cards) and log.conflicting == 0
                for question, answer in collection.render_all():
                    assert "templates/errors" not in question + answer  # Anki's template-error link
            finally:
                collection.close()
