"""The Markdown dialect: math for MathJax, highlighted code, raw HTML escaped or sanitised."""

from __future__ import annotations

from pathlib import Path

from cardgen.notes.extract import extract
from cardgen.notes.markdown import make_parser
from cardgen.notes.media import MediaResolver
from cardgen.notes.read import parse_text
from cardgen.notes.sanitising import sanitise, sanitise_all


def render(text: str, allow_html: bool = False) -> str:
    notes = extract(parse_text(f"## 1. Q\n\n{text}\n", Path("m.md")), allow_html=allow_html)
    return notes.questions[0].answer_html


def test_math_reaches_anki_as_mathjax_delimiters() -> None:
    assert render("Euler $e^{i\\pi}+1=0$ holds.") == (
        '<p>Euler <span class="cg-math">\\(e^{i\\pi}+1=0\\)</span> holds.</p>'
    )
    assert render("$$\nx^2 < y\n$$") == '<div class="cg-math">\\[x^2 &lt; y\\]</div>'


def test_mathjax_delimiters_written_in_the_notes_stay_math() -> None:
    """``\\(…\\)`` and ``\\[…\\]`` (as Anki and MathJax write them) are math too, not escaped brackets."""
    assert render("Mean \\(\\mu\\) here.") == '<p>Mean <span class="cg-math">\\(\\mu\\)</span> here.</p>'
    assert render("\\[\n\\sum_x p(x)\n\\]") == '<div class="cg-math">\\[\\sum_x p(x)\\]</div>'
    assert render("\\[ E = mc^2 \\] (1)") == '<div class="cg-math">\\[E = mc^2 \\tag{1}\\]</div>'
    assert render("A \\[link\\] and \\( alone.") == "<p>A [link] and ( alone.</p>"  # escapes, as before


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
    # No raw tag passes: layout tags and links keep only their text, anything else shows as text.
    assert escaped == "<p>box</p>\n<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n<p>A link.</p>"
    allowed = render(text, allow_html=True)
    assert "<div>box</div>" in allowed
    assert "script" not in allowed and "onclick" not in allowed and "javascript" not in allowed


def test_a_large_batch_is_sanitised_in_order_as_one_fragment_at_a_time_is() -> None:
    # Large enough for the two-thread path; every fragment different, some with what nh3 removes.
    fragments = [f'<p onclick="x({n})">card {n}</p><script>alert({n})</script>' for n in range(1000)]
    cleaned = sanitise_all(fragments)
    assert cleaned == [sanitise(fragment) for fragment in fragments]
    assert cleaned[0] == "<p>card 0</p>" and cleaned[999] == "<p>card 999</p>"
    assert sanitise_all(fragments[:3]) == cleaned[:3]


def test_parser_is_shared_per_setting() -> None:
    assert make_parser() is make_parser() and make_parser(True) is not make_parser(False)


def test_formatting_tags_rebuilt_without_attributes_when_html_is_not_allowed() -> None:
    html = render('H<sub>2</sub>O is <b>water</b><br>and <b onclick="x()">this</b> <i style="a">too</i>.')
    assert html == "<p>H<sub>2</sub>O is <b>water</b><br />and <b>this</b> <i>too</i>.</p>"


def test_details_wrappers_leave_no_text_behind() -> None:
    # The stray </b> is rebuilt as a bare end tag, which HTML parsers ignore; nothing shows as text.
    assert render("The answer.\n</b></details>") == "<p>The answer.\n</b></p>"


def render_with(text: str, media: MediaResolver, allow_html: bool = False) -> str:
    md = make_parser(allow_html)
    return str(md.renderer.render(md.parse(text), md.options, {"media": media})).strip()


def test_html_images_go_through_the_media_resolver(tmp_path: Path) -> None:
    (tmp_path / "pics").mkdir()
    (tmp_path / "pics" / "a.png").write_bytes(b"png bytes")
    resolver = MediaResolver(tmp_path, tmp_path)
    html = render_with('<p align="center">\n<img src="pics/a.png" alt="A &amp; B" onerror="x()">\n</p>', resolver)
    name = next(iter(resolver.found))
    assert html == f'<p>\n<img src="{name}" alt="A &amp; B" />\n</p>'
    refused = render_with('<img src="../../etc/passwd">', MediaResolver(tmp_path / "pics", tmp_path / "pics"))
    assert refused == '<p><span class="cg-missing">[image]</span></p>'
    allowed = render_with('<img src="pics/a.png" width="9">', MediaResolver(tmp_path, tmp_path), allow_html=True)
    assert f'src="{name}"' in allowed and 'width="9"' in allowed
