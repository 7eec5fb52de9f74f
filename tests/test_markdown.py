"""The Markdown dialect: math for MathJax, highlighted code, raw HTML escaped or sanitised."""

from __future__ import annotations

from pathlib import Path

from cardgen.extract import extract
from cardgen.markdown import make_parser
from cardgen.parse import parse_text


def render(text: str, allow_html: bool = False) -> str:
    notes = extract(parse_text(f"## 1. Q\n\n{text}\n", Path("m.md")), allow_html=allow_html)
    return notes.questions[0].answer_html


def test_math_reaches_anki_as_mathjax_delimiters() -> None:
    assert render("Euler $e^{i\\pi}+1=0$ holds.") == (
        '<p>Euler <span class="cg-math">\\(e^{i\\pi}+1=0\\)</span> holds.</p>'
    )
    assert render("$$\nx^2 < y\n$$") == '<div class="cg-math">\\[x^2 &lt; y\\]</div>'


def test_dollars_that_are_not_math() -> None:
    for text in ["It costs $1600, $12 or $1.", "Exit code $? and $(cmd) and ${VAR}."]:
        assert "cg-math" not in render(text), text


def test_fenced_code_is_highlighted_with_classes() -> None:
    html = render("```python\nx = 1  # note\n```")
    assert '<span class="pyg-n">x</span>' in html and '<span class="pyg-c1"># note</span>' in html
    plain = render("```\n# not a heading\n```")
    assert "pyg-" not in plain and "# not a heading" in plain
    unknown = render("```nosuchlang\n<b>\n```")
    assert "&lt;b&gt;" in unknown


def test_raw_html_escaped_by_default_and_sanitised_when_allowed() -> None:
    text = '<div onclick="steal()">box</div>\n\n<script>alert(1)</script>\n\nA <a href="javascript:x()">link</a>.'
    escaped = render(text)
    assert "<div" not in escaped and "&lt;div onclick" in escaped
    allowed = render(text, allow_html=True)
    assert "<div>box</div>" in allowed
    assert "script" not in allowed and "onclick" not in allowed and "javascript" not in allowed


def test_parser_is_shared_per_setting() -> None:
    assert make_parser() is make_parser() and make_parser(True) is not make_parser(False)
