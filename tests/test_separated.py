"""Cards written between separator lines: Ankdown's ``%`` fields, markdown-to-anki's rules, mdanki's ``%``."""

from __future__ import annotations

from cardgen.commands.build import plan
from cardgen.config.options import BuildConfig
from tests.conftest import FIXTURES

SEPARATED = FIXTURES / "notes" / "separated"


def cards(name: str) -> list[tuple[str, str, str]]:
    deck = plan(BuildConfig(sources=(SEPARATED / name,), write_pdf=False), now=0)
    return [(c.fields[0], c.fields[1], c.guid) for c in deck.cards]


def test_ankdown_fields_and_cards() -> None:
    expected, variance, lone_list = cards("ankdown.md")
    assert "Expected Value of" in expected[0] and "mathbb{E}[f(x)] = \\sum_x" in expected[1]
    assert "math, probability" in expected[1]  # a third field (Ankdown's tags) is printed, not lost
    assert "<p>%</p>" not in expected[1]  # the separators themselves are not printed
    assert "Var}(f(x))" in variance[1] and "math, probability" not in variance[1]
    assert "a list that fronts a card" in lone_list[0] and "Its back." in lone_list[1]


def test_a_rule_parts_front_from_back_and_equals_signs_part_the_cards() -> None:
    (first, second) = cards("front-rule-back.md")
    assert "first card" in first[0] and first[1] == "<p>And here is the answer</p>"
    assert "second card" in second[0] and "yet another answer" in second[1]


def test_mdanki_front_above_the_percent_line_keeps_the_guid() -> None:
    plain, media = cards("mdanki.md")
    assert "inline and reference" in media[0] and "inline and reference" not in media[1]
    assert "Node.js" in media[1] and "<p>%</p>" not in media[1]
    # GUIDs from the 6th session's code (0b3f3d1), which printed "%" and all on the back.
    assert (plain[2], media[2]) == ("jJ5[h(+ow", "eY]2[nUo@!")


def test_obsidian_to_anki_notes_between_start_and_end() -> None:
    deck = plan(BuildConfig(sources=(SEPARATED / "obsidian-to-anki.md",), write_pdf=False), now=0)
    back = {c.front_text: c.fields[1] for c in deck.cards}
    assert back["What is the capital of France?"] == "<p>Paris</p>"  # the plugin's ID comment left out
    nile = back["Which is the longest river?"]  # "Front:" and "Back:" labels dropped, the list kept
    assert nile.startswith("<p>The Nile,</p>") and "<li>through eleven countries.</li>" in nile and "END" not in nile
    tags = {c.front_text: c.tags for c in deck.cards}["Which is the longest river?"]
    assert "rivers" in tags and "geography" in tags and "Tags" not in nile  # its Tags: line, as Anki tags
    assert "Rivers are long" in back["Rivers"] and "<p>START" not in back["Rivers"].replace("<p>STARTING", "")


def test_a_start_with_no_end_is_text() -> None:
    from cardgen.notes.read import parse_text
    from cardgen.notes.separated import marked_notes

    parsed = parse_text("START\nBasic\nWhat is X?\nBack: x\n\nMore text.\n", SEPARATED / "x.md")
    assert marked_notes(parsed.tree.children, parsed.lines) == []


def test_inka_sections_and_a_rule_that_opens_a_file() -> None:
    """A file opening with ``---`` over text that is not YAML keeps that text (it was read as front
    matter and vanished); inka's ``Deck:`` lines are reported and its numbered items are the cards."""
    deck = plan(BuildConfig(sources=(SEPARATED / "inka.md",), write_pdf=False), now=0)
    back = {c.front_text: c.fields[1] for c in deck.cards}
    assert back["What is the answer to the Ultimate Question of Life, the Universe, and Everything?"] == "<p>42</p>"
    assert back["Who wrote the Gettysburg Address?"] == "<p>Abraham Lincoln, too</p>"  # no cloze item in it
    rule_first = plan(BuildConfig(sources=(SEPARATED / "rule-first.md",), write_pdf=False), now=0).cards
    assert [c.front_text for c in rule_first] == ["What is a rule at the top of a file?"]


def test_front_matter_that_reads_as_keys_stays_front_matter() -> None:
    from cardgen.notes.read import parse_text

    jekyll = "---\nlayout:     post   \t\t# a tab before a comment: YAML refuses it\ntags:\n    - Fast\n---\n# T\n"
    assert parse_text(jekyll, SEPARATED / "x.md").tree.children[0].type == "front_matter"
    inka = "---\nDeck: Life\n\n1. What is it?\n\n> 42\n\n---\n"
    parsed = parse_text(inka, SEPARATED / "x.md")
    assert [n.type for n in parsed.tree.children][:2] == ["hr", "paragraph"]
    assert list(parsed.tree.children[1].map or ()) == [1, 2]  # line numbers as in the file
