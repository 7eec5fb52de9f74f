"""Notes written for Obsidian's Spaced Repetition plugin (``#flashcards``): what the cards say.
The fronts and findings are pinned in ``tests/fixtures/notes/srs/*.txt``."""

from __future__ import annotations

from pathlib import Path

from cardgen.commands.build import plan
from cardgen.config.options import BuildConfig
from cardgen.model import Card
from tests.conftest import FIXTURES

SRS = FIXTURES / "notes" / "srs"


def cards(name: str) -> dict[str, Card]:
    deck = plan(BuildConfig(sources=(SRS / name,), write_pdf=False), now=0)
    return {card.front_text: card for card in deck.cards}


def test_single_and_multi_line_cards_with_what_answers_them() -> None:
    found = cards("networking.md")
    back = {front: card.fields[1] for front, card in found.items()}
    assert back["What does DNS stand for"].startswith("<p>Domain Name System</p>")
    assert back["TCP vs UDP"].startswith("<p>Connection-oriented vs connectionless</p>")  # ":::" too
    assert back["Default DNS port"].startswith("<p>53</p>")  # in a list item
    assert back["What is a subnet mask?"].startswith(
        "<p>It splits an IP address into network and host parts.\nIt is written like <code>255.255.255.0</code>.</p>"
    )
    ranges = back["Which private ranges are there?"]  # the list right below the "?" line
    assert "<li><code>10.0.0.0/8</code></li>" in ranges and "<li><code>192.168.0.0/16</code></li>" in ranges
    assert back["How do you list routes on Linux?"].startswith('<pre><code class="language-sh">ip')  # "??", a fence
    assert "closing thoughts" not in "".join(back.values())  # after a blank line: notes, not answer
    assert found["What is a subnet mask?"].deck == "Networking"
    assert set(found["What is a subnet mask?"].tags) >= {"flashcards::networking", "study"}
    assert found["What is a subnet mask?"].question.sections == ("Addressing",)


def test_key_value_fields_of_an_untagged_note_are_no_cards() -> None:
    assert list(cards("dataview.md")) == ["What is a router?"]


def test_a_tag_in_the_title_makes_a_flashcards_note() -> None:
    found = cards("inline-tag.md")
    assert {front: card.fields[1] for front, card in found.items()} == {
        "Which status code means Not Found": "<p>404</p>",
        "Which method is idempotent and safe": "<p>GET</p>",
    }


def test_card_tags_of_the_flashcards_plugin_mark_fronts() -> None:
    """flashcards-obsidian's ``#card``: after a heading (any level) or a line, which is the front,
    the back the lines right below it up to a blank line; or ``#card`` alone under a heading. Its
    ``::`` lines are cards too. Text after the blank line is reported, and ``card`` is no tag."""
    found = cards("card-tags.md")
    back = {front: card.fields[1] for front, card in found.items()}
    assert back["What does the mitochondrion do?"].startswith("<p>It produces most of the cell's ATP.</p>")
    assert "a note, not part of the card" not in back["What does the mitochondrion do?"]
    assert back["Which organelle makes proteins?"].startswith("<p>The ribosome.</p>")  # level 3, #card-reverse
    assert back["What is osmosis?"].startswith("<p>Diffusion of water across a membrane.</p>")
    assert back["Photosynthesis"].startswith("<p>Light energy turned into chemical energy.</p>")
    assert back["Nucleus"].startswith("<p>Holds the DNA</p>")
    # A ``::`` line with the tag after it is the plugin's inline card: it was reported unanswered.
    assert back["Mitosis"].startswith("<p>Division of a cell into two identical cells</p>")
    assert found["Photosynthesis"].question.sections == ()
    assert not [tag for card in found.values() for tag in card.tags if tag in ("card", "card-reverse")]


def test_logseq_cards_answer_with_their_nested_blocks_not_their_review_record() -> None:
    """A Logseq page is all list items: ``- Front #card`` over its back, nested; the properties
    Logseq writes under a reviewed card's front (``card-repeats:: 2``) are no part of it."""
    found = cards("logseq-cards.md")
    back = {front: card.fields[1] for front, card in found.items()}
    assert back["What is a Pod?"].startswith("<ul>\n<li>The smallest deployable unit in Kubernetes.</li>")
    assert "card-" not in back["What is a Pod?"]
    assert back["What is a Service?"].startswith("<ul>\n<li>A stable address for a set of Pods.</li>")


def test_a_topic_tag_that_starts_with_card_marks_no_card(tmp_path: Path) -> None:
    """``#card-games`` is a topic: the note is read as notes, not as a Flashcards plugin note."""
    notes = tmp_path / "games.md"
    notes.write_text("## What is a trick-taking game?\n\nA game played in rounds.\n\n- see #card-games\n")
    deck = plan(BuildConfig(sources=(notes,), write_pdf=False), now=0)
    assert [c.front_text for c in deck.cards] == ["What is a trick-taking game?"]


VAULT = SRS / "vault"


def test_a_vault_s_own_tags_and_separators_mark_its_cards() -> None:
    """The plugin's settings in ``.obsidian`` (``#os`` notes, ``;;`` and ``,,``) are the vault's
    markers; a note without one of its tags holds no cards, whatever its lines look like."""
    found = cards("vault/Subjects/custom-markers.md")
    back = {front: card.fields[1] for front, card in found.items()}
    assert back["What is a process?"].startswith("<p>A program in execution</p>")
    assert back["What is a thread?"].startswith("<p>The smallest unit the scheduler runs</p>")  # ";;;"
    assert back["What does fork() return in the child?"].startswith("<p>0 (the parent gets the child's PID)</p>")
    # A task's box is no part of its question, but the GUID stays derived from the line as read before.
    assert found["What is a process?"].question.identity_title == "[ ] What is a process?"
    assert list(cards("vault/Subjects/untagged.md")) == ["What is a switch?"]


def test_vault_settings_fall_back_to_the_plugin_s_defaults(tmp_path: Path) -> None:
    from cardgen.notes.vault import DEFAULT, SrsSettings, vault_settings

    assert vault_settings(tmp_path) == DEFAULT  # no vault
    settings = tmp_path / ".obsidian" / "plugins" / "obsidian-spaced-repetition" / "data.json"
    settings.parent.mkdir(parents=True)
    (tmp_path / "notes").mkdir()
    settings.write_text('{"settings": {"singlelineCardSeparator": ";;", "flashcardTags": ["#deck", 3]}}')
    assert vault_settings(tmp_path / "notes") == SrsSettings(tags=("deck",), inline=";;")  # older key names
    settings.write_text("{not json")
    assert vault_settings(tmp_path / "notes") == DEFAULT
    (tmp_path / ".obsidian").joinpath("app.json").write_text("{}")
    settings.unlink()
    assert vault_settings(tmp_path / "notes") == DEFAULT  # a vault without the plugin


def test_questions_asked_in_own_words_beside_the_plugin_s_cards() -> None:
    """A flashcards note with practice questions below its cards (a heading over the question and an
    "Answer" callout, a heading that asks): those are cards too; its prose stays reported, and a
    question a plugin card already asks is not made twice."""
    found = cards("own-words.md")
    assert list(found) == ["Are security groups stateful?", "Can a NACL deny?", "Q1", "What does a NACL attach to?"]
    practice = found["Q1"]
    assert "Which two of these block a single IP range?" in practice.front_html
    assert "<li>B. A NACL deny rule</li>" in practice.front_html
    assert practice.fields[1].startswith("<p><strong>B</strong> only")
    assert practice.question.sections == ("Practice",)
    assert found["What does a NACL attach to?"].fields[1].startswith("<p>A subnet, never a single instance.</p>")


def test_front_lines_that_run_on_into_a_list() -> None:
    """ "Which of these…" over "- A" "- B" over "?": the list is on the front, the answer below the
    "?" line (and the list right below it) on the back. Read before as the last item's question, the
    card keeps that GUID."""
    found = cards("list-front.md")
    stages = found["Which stage of the cycle are these steps part of:"]
    assert (
        "<li>Design of data structures</li>" in stages.front_html
        and "<li>Algorithms are created</li>" in stages.front_html
    )
    assert "?" not in stages.front_text and stages.fields[1].startswith("<p>Planning and designing the solution</p>")
    assert stages.question.identity_title == "Algorithms are created"
    # The GUIDs the previous version gave these notes (their last item's line as the question).
    assert (stages.guid, found["Which of these are stateless?"].guid) == ("lT:>NgbLDd", "r$wJ/xp}/J")
    stateless = found["Which of these are stateless?"]
    assert "<li>B. Network ACLs</li>" in stateless.front_html
    assert (
        stateless.fields[1].startswith("<p>B only.</p>") and "Their rules see each packet alone." in stateless.fields[1]
    )


def test_a_vault_s_cloze_settings_choose_what_deletes(tmp_path: Path) -> None:
    """``convertHighlightsToClozes: false`` and ``convertBoldTextToClozes: true``: bold deletes, a
    highlight stays a highlight (and its block, then no card, is reported)."""
    settings = tmp_path / ".obsidian" / "plugins" / "obsidian-spaced-repetition" / "data.json"
    settings.parent.mkdir(parents=True)
    settings.write_text('{"settings": {"convertHighlightsToClozes": false, "convertBoldTextToClozes": true}}')
    note = tmp_path / "cells.md"
    note.write_text(
        "#flashcards\n\nThe **nucleus** holds DNA.\n\nThe ==cytoplasm== fills the cell.\n", encoding="utf-8"
    )
    deck = plan(BuildConfig(sources=(note,), write_pdf=False), now=0)
    assert [(card.kind, card.front_text) for card in deck.cards] == [("cloze", "The … holds DNA.")]
    assert "{{c1::nucleus}}" in deck.cards[0].fields[0]
    (notes,) = deck.files
    assert [problem.loc.line for problem in notes.skipped] == [5]
