"""Never crashes: any text either builds or raises a CardgenError, and every deck imports into Anki."""

from __future__ import annotations

import contextlib
import tempfile
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from cardgen.cards.drafts import question_drafts
from cardgen.commands.build import build, plan
from cardgen.commands.preview import preview_html
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
    "&lt;script&gt;alert(1)&lt;/script&gt;", "[x](javascript:alert(1))", '<a href="javascript:alert(2)">a</a>',
    "| <img src=/etc/hosts.png> | ![](/etc/x.png) |\n", "* exec：<img src=y onerror=alert(3)>执行\n", ":::note\n",
    ":::\n", "> [!NOTE]\n", "!!! tip\n    ", ":clap:", "<table><tr><td onclick=x>1</td></tr></table>\n",
    "#flashcards\n", "::", ":::", "?\n", "??\n", '=== "Tab"\n', "    ", "[^1]", "[^1]: ", "**Q:** ", "**A:** ",
    "问：", "答：", "- [ ] ", "**Answer**\n", "\n: ", "1. ### ", "   ", "<h3>", "</h3>", "<h2 onclick=x>",
    "**[⬆ Back to Top](#toc)**", "START\nBasic\n", "Back: ", "END\n", "%\n", "%%\n", "===\n", "[TOC]\n",
    "> [!question] ", "> [!faq]- ", '??? question "Q?"\n    ', "<details><summary>Why?</summary>", "- [x] ",
    "# Question (EN)\n", "## Answer (EN)\n", "## Ответ (RU)\n", "Q. ", "A. ", "* [a](#a)\n",
    # The 10th session's readings: Hugo, Jekyll, MDX, Logseq, vault separators, outlines.
    "{{< note >}}\n", "{{< /note >}}\n", "{{< highlight go >}}\n", "{{< /highlight >}}\n", "{{% notice tip %}}\n",
    '{{< glossary_tooltip text="x" >}}', '{{< figure src="a.png" caption="c" >}}\n', "{{< toc >}}\n",
    "{% highlight ruby %}\n", "{% endhighlight %}\n", "import X from 'y';\n", "<Tabs>\n", '<TabItem label="L">\n',
    "</TabItem>\n", "tags:: a, [[b]]\n", "collapsed:: true\n", "id:: 6502\n", "- DONE ", "- TODO ", ";;",
    ",,\n", "(6 Questions)", "### Front\n", "### Back\n", ">> [!success]- Answer\n>> ", "Frage: ", "Antwort: ",
]  # fmt: skip


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.unsafe: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "iframe", "object", "embed") or any(name.startswith("on") for name, _ in attrs):
            self.unsafe.append(tag)
        for name, value in attrs:
            url = (value or "").strip().lower()
            if name in ("href", "src") and url.startswith(("javascript:", "vbscript:")):
                self.unsafe.append(f"{tag} {name}={value}")
            # An image is a hashed media name beside the notes, or remote (never fetched by cardgen).
            if tag == "img" and name == "src" and not url.startswith(("cg-", "http://", "https://", "//", "data:")):
                self.unsafe.append(f"img src={value}")


def unsafe_tags(html: str) -> list[str]:
    """Elements a browser would run something for, as parsed from ``html``."""
    parser = _Tags()
    parser.feed(html)
    return parser.unsafe


documents = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=8)), max_size=40).map("".join)
ALL = frozenset({"qa", "table", "term", "cloze"})


@settings(max_examples=10_000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents)
@example("> :::note\n> ")  # found by CI: mdit-py-plugins' container rule read past the end
@example('#flashcards\n\nQ\n?\n- a\n\n=== "t"\n\n    x[^1]\n\n[^1]: y\n**Q:** a?\n**A:**')
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


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents, st.booleans())
def test_every_field_of_every_note_and_the_preview_are_safe(text: str, allow_html: bool) -> None:
    """Parsed, not grepped: no script element, no event handler, no javascript: URL and no image
    from outside the notes in any field of any note (Q&A, table, term, cloze) or in the preview
    page, with raw HTML shown as text or allowed through."""
    with tempfile.TemporaryDirectory() as tmp:
        notes = Path(tmp) / "notes" / "notes.md"
        notes.parent.mkdir()
        notes.write_text(text, encoding="utf-8", newline="")
        config = BuildConfig(sources=(notes.parent,), allow_html=allow_html, write_pdf=False)
        try:
            deck = plan(config, now=0)
        except CardgenError:
            return
        for card in deck.cards:
            for name, field in zip(type(card.fields)._fields, card.fields, strict=True):
                assert not unsafe_tags(field), (card.kind, name, field)
        assert unsafe_tags(preview_html(deck, "en")) == ["script"]  # the page's own search box, nothing else
