"""Footnotes go with every answer that cites them, wherever the notes define them."""

from __future__ import annotations

from cardgen.commands.build import plan
from cardgen.config.options import BuildConfig
from tests.conftest import FIXTURES


def test_each_answer_carries_the_footnotes_it_cites() -> None:
    deck = plan(BuildConfig(sources=(FIXTURES / "notes" / "blocks" / "footnotes.md",), write_pdf=False), now=0)
    back = {card.front_text: card.fields[1] for card in deck.cards}
    reverse, sort, generator = (
        back["How do you reverse a list?"],
        back["How do you sort a list?"],
        back["What is a generator?"],
    )
    copy_note = (
        '<div class="cg-footnote"><sup class="cg-footnote-ref">[copy]</sup>\n<p>It makes a new list.</p>\n</div>'
    )
    assert 'slicing.<sup class="cg-footnote-ref">[copy]</sup>' in reverse and copy_note in reverse
    assert "<p>It returns an iterator.</p>\n<p>Nothing is copied.</p>" in reverse  # a note of two paragraphs
    assert reverse.index("[copy]</sup>\n<p>") < reverse.index("[lazy]</sup>\n<p>")  # in the order cited
    assert copy_note in sort and "iterator" not in sort  # cited twice, printed with both
    assert "cg-footnote" not in generator and "[^missing] is no footnote" in generator  # no definition: text
    assert all("No answer cites this one" not in b for b in back.values())  # reported instead (fixture .txt)
