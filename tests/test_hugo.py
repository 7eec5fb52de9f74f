"""Hugo's shortcodes (``notes/hugo.py``): what a Hugo site shows, not their markup."""

from __future__ import annotations

from cardgen.notes.extract import extract
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
