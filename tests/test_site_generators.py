"""Notes kept in site generators: Hugo's shortcodes and Jekyll's highlight tag (``notes/shortcodes.py``), MDX's imports and components (Docusaurus), MkDocs' attribute lists: what the site shows, not their markup."""

from __future__ import annotations

from cardgen.notes.extract import extract
from cardgen.notes.markdown import make_parser
from cardgen.notes.read import parse_file
from tests.conftest import FIXTURES

NOTES = FIXTURES / "notes" / "blocks" / "hugo-shortcodes.md"


def answers() -> dict[str, str]:
    return {q.title_text: q.answer_html for q in extract(parse_file(NOTES)).questions}


def test_a_highlight_shortcode_is_a_listing_and_a_notice_a_callout() -> None:
    goroutine = answers()["What is a goroutine?"]
    assert '<pre><code class="language-go">' in goroutine and "{{" not in goroutine
    assert '<div class="cg-callout cg-callout-tip">' in goroutine and "Use channels to communicate." in goroutine


def test_callouts_figures_tooltips_and_tabs_show_what_the_site_shows() -> None:
    pod = answers()["What is a Pod?"]
    assert "sharing a network namespace." in pod  # glossary_tooltip: its text
    assert '<div class="cg-callout cg-callout-note">' in pod and "<strong>ephemeral</strong>" in pod
    assert "A Pod with two containers" in pod  # the figure's caption, its image refused (absolute path)
    assert "<p>kind: Pod</p>" in pod and "tabs" not in pod  # a tab's content, the markers left out
    # A shortcode cardgen does not know stays as written: what it says is not lost.
    assert "{{&lt; feature-state for_k8s_version=&quot;v1.27&quot;" in pod


def test_a_table_of_contents_shortcode_shows_nothing() -> None:
    notes = extract(parse_file(NOTES))
    assert not any("toc" in problem.message for problem in notes.skipped)


def test_jekyll_s_highlight_tag_is_a_listing() -> None:
    notes = extract(parse_file(FIXTURES / "notes" / "blocks" / "liquid-highlight.md"))
    yielded = notes.questions[0].answer_html
    assert '<pre><code class="language-ruby">' in yielded and "endhighlight" not in yielded
    assert "{% include note.html" in yielded  # a tag cardgen does not know stays as written


def test_mdx_imports_show_nothing_and_components_their_labels() -> None:
    """Docusaurus notes: ``import Tabs from '@theme/Tabs';`` is no text on no card, ``<Tabs>`` and
    ``<TOCInline toc={toc} />`` show nothing, ``<TabItem label="JavaScript">`` its label; an HTML
    table written in capitals is still HTML."""
    notes = extract(parse_file(FIXTURES / "notes" / "blocks" / "mdx-components.md"))
    assert not notes.skipped
    constant, _, capitals = (q.answer_html for q in notes.questions)
    assert "<strong>JavaScript</strong>" in constant and "<strong>TypeScript</strong>" in constant
    assert "Tabs" not in constant and "TabItem" not in constant and "&lt;" not in constant
    assert "<table>" in capitals.lower() and "is case-insensitive" in capitals


def test_mkdocs_attribute_lists_after_links_and_images_are_not_words() -> None:
    """``[LeetCode](…){ .md-button target="_blank" }`` shows the link; an image keeps only its size,
    so a ``style`` cannot hide words in print; braces after code spans stay, as they are often code."""
    notes = extract(parse_file(FIXTURES / "notes" / "blocks" / "mkdocs-attr-list.md"))
    answer = notes.questions[0].answer_html
    assert '<a href="https://leetcode.cn/problems/climbing-stairs/">LeetCode</a>' in answer
    assert '<a href="https://example.org/solution">Solution</a>' in answer
    assert "rounded-button" not in answer and "display:none" not in answer
    assert "<code>dict</code>{} and <code>f</code>{.x}." in answer
    image = make_parser().render('![Stairs](stairs.png){ width="300" style="display:none" }')
    assert image == '<p><img src="stairs.png" alt="Stairs" width="300" /></p>\n'
