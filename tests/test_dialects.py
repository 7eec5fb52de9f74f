"""Dialects of other people's notes: callouts, emoji shortcodes, HTML structure, escaped breaks."""

from __future__ import annotations

import pytest

from cardgen.notes.markdown import make_parser


def render(text: str) -> str:
    return make_parser().render(text)


@pytest.mark.parametrize(
    ("source", "kind", "title"),
    [
        (":::note\n注意事项。\n:::\n", "note", "Note"),
        (":::info Latest version\nSee the site.\n:::\n", "info", "Latest version"),
        ('!!! warning "Careful"\n    Body.\n', "warning", "Careful"),
        ('??? success "参考答案"\n    1. 答案\n', "success", "参考答案"),
        ("> [!TIP]\n> Use probes.\n", "tip", "Tip"),
    ],
)
def test_callouts_render_alike(source: str, kind: str, title: str) -> None:
    html = render(source)
    assert f'<div class="cg-callout cg-callout-{kind}">' in html
    assert f'<p class="cg-callout-title">{title}</p>' in html
    assert ":::" not in html and "!!!" not in html and "???" not in html and "[!" not in html


def test_shortcodes_become_emoji_but_not_in_code() -> None:
    html = render(":white_check_mark: **Do:** run `npm:inspect:quick` and :clap:\n\n```\nerror:clap:\n```\n")
    assert "✅" in html and "👏" in html and "npm:inspect:quick" in html and "error:clap:" in html
    assert render("<strong>:new: Vaporwave</strong>\n") == "<p><strong>🆕 Vaporwave</strong></p>\n"


def test_html_structure_stays_structure_without_attributes() -> None:
    html = render('<table class="x" onclick="alert(1)"><tr><td style="color:red">a</td></tr></table>\n')
    assert html.startswith("<table><tbody><tr><td>a</td></tr></tbody></table>")
    listing = render('<ol class="postList"><li name="e3" id="e3">Use a declarative syntax</li></ol>\n')
    assert listing.strip() == "<ol><li>Use a declarative syntax</li></ol>"
    assert "onclick" not in html and "&lt;" not in html + listing


def test_escaped_break_in_a_cell_is_a_break() -> None:
    html = render("| a | b |\n| - | - |\n| x | one\\</br\\> two |\n")
    assert "one<br />" in html and "&lt;" not in html


def test_content_tabs_are_titled_callouts_and_end_where_the_indent_does() -> None:
    source = (
        "Reverse it:\n\n"
        '=== "Python"\n\n    ```python\n    xs[::-1]\n    ```\n\n'
        '=== "Java"\n\n    Use `Collections.reverse`.\n\n    - in place\n\n'
        "After the tabs.\n"
    )
    html = make_parser().render(source)
    python, java = html.split('<div class="cg-callout cg-callout-example">')[1:]
    assert python.startswith('\n<p class="cg-callout-title">Python</p>\n<pre><code class="language-python">')
    assert java.startswith('\n<p class="cg-callout-title">Java</p>\n<p>Use <code>Collections.reverse</code>.</p>')
    assert "<li>in place</li>" in java
    assert java.endswith("</div>\n<p>After the tabs.</p>\n")
    assert "===" not in html


def test_definition_lists_are_definition_lists() -> None:
    html = make_parser().render("Term *One*\n: Its definition.\n\nA line\n: that is not a term's.\n")
    assert html.startswith("<dl>\n<dt>Term <em>One</em></dt>\n<dd>Its definition.</dd>\n")
    assert "<dt>A line</dt>" in html and ": that" not in html


def test_a_definition_list_makes_term_cards() -> None:
    from cardgen.commands.build import plan
    from cardgen.config.options import BuildConfig
    from tests.conftest import FIXTURES

    notes = FIXTURES / "notes" / "facts" / "definition-list.md"
    deck = plan(BuildConfig(sources=(notes,), write_pdf=False), now=0)
    terms = {card.front_text: card.fields[1] for card in deck.cards if card.kind == "term"}
    assert terms == {
        "What are the probes? › Three kinds › liveness": "restarts the container",
        "What are the probes? › Three kinds › readiness": "gates traffic",
        "What are the probes? › Three kinds › startup": "holds the others back",
    }
