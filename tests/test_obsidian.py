"""Obsidian vaults: embeds, wikilinks, highlights, comments, block ids, tags and callouts."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from cardgen.commands.build import plan
from cardgen.config.options import BuildConfig
from tests.conftest import CORPUS, FIXTURES

VAULT = FIXTURES / "obsidian" / "vault"
RAW = re.compile(r"\[\[|\]\]|==|%%|\[!|\^[A-Za-z0-9]{6}\b")


def cards(vault: Path) -> dict[str, object]:
    return {c.front_text: c for c in plan(BuildConfig(sources=(vault,), write_pdf=False), now=0).cards}


def shown(html: str) -> str:
    """A field without its math, where `==` or `^` may be the notes' own."""
    return re.sub(r'<(span|div) class="cg-math">.*?</\1>', "", html, flags=re.S)


def test_a_vault_note_as_obsidian_shows_it(tmp_path: Path) -> None:
    vault = tmp_path / "vault"
    shutil.copytree(VAULT, vault)
    found = cards(vault)
    service = found["What does a Service do?"]
    answer = service.fields[1]  # type: ignore[attr-defined]
    assert "pods a stable address; see Networking › kube-proxy and Other." in answer
    assert "<mark>ClusterIP</mark>" in answer and "private note" not in answer and "comment block" not in answer
    assert "C# client" in answer
    assert '<div class="cg-callout cg-callout-tip">' in answer and '<p class="cg-callout-title">Remember</p>' in answer
    assert "a1b2c3" not in answer and not RAW.search(shown(answer))
    ((name, path),) = service.question.media  # type: ignore[attr-defined]
    assert path == (vault / "attachments" / "diagram.png").resolve() and f'src="{name}"' in answer
    assert 'width="300"' in answer
    assert service.tags == ("cardgen::qa", "k8s", "interview", "networking")  # type: ignore[attr-defined]
    proxy = found["What is kube-proxy?"]
    assert "It programs iptables or IPVS rules on every node." in proxy.fields[1]  # type: ignore[attr-defined]
    assert "Not included" not in proxy.fields[1]  # type: ignore[attr-defined]
    assert "networking::proxy" in proxy.tags  # type: ignore[attr-defined]
    missing = found["What is missing?"]
    assert [p.message for p in missing.question.problems] == [  # type: ignore[attr-defined]
        "embedded note 'Nowhere' not found in the notes folder",
        "missing image: nothing.png",
    ]
    assert not any(".obsidian" in str(c.question.loc) for c in found.values())  # type: ignore[attr-defined]


@pytest.mark.skipif(not (CORPUS / "StudyNotes-vault").is_dir(), reason="../shared/corpus is not here")
def test_the_corpus_vault_slice() -> None:
    """6 notes of a real vault: every embedded image in the deck, no Obsidian syntax left in any field,
    front-matter tags on every note, questions free of tags. Each note's text under its title (the
    definition, the figure) answers the title: its sections (Properties, Examples) ask nothing."""
    found = plan(BuildConfig(sources=(CORPUS / "StudyNotes-vault",), write_pdf=False), now=0).cards
    assert len(found) == 13
    media = {name for c in found for name, _ in c.question.media}
    assert (
        len(media) == 3
    )  # ![[Normal Distribution.png|400]], ![[Binomial Distribution.png|400]], ![[Empirical Rule.png]]
    for card in found:
        assert {"mat::PAS", "cegep::2"} <= set(card.tags)
        assert "#" not in card.front_text
        for field in card.fields:
            assert not RAW.search(shown(field)), (card.front_text, field)


def test_an_ambiguous_embed_is_reported_naming_the_candidates(tmp_path: Path) -> None:
    vault = tmp_path / "vault"
    shutil.copytree(VAULT, vault)
    (vault / "old").mkdir()
    shutil.copy(vault / "attachments" / "diagram.png", vault / "old" / "diagram.png")
    service = cards(vault)["What does a Service do?"]
    (problem,) = service.question.problems  # type: ignore[attr-defined]
    assert (
        problem.message
        == "image 'diagram.png' is ambiguous (attachments/diagram.png, old/diagram.png); using the first"
    )
    assert problem.loc.line == 10


def test_block_ids_end_lines_or_stand_alone() -> None:
    """An id ending a line goes; a paragraph of only an id goes whole; a caret elsewhere stays."""
    from cardgen.notes.markdown import make_parser

    md = make_parser()
    html = md.render("Pods move. ^a1b2c3\nNext line ^x-1\n\n^lone-id\n\nx^2 and 2 ^ 3 stay\n")
    assert html == "<p>Pods move.\nNext line</p>\n\n<p>x^2 and 2 ^ 3 stay</p>\n"
    assert md.render("No caret here.\n") == "<p>No caret here.</p>\n"


def test_query_blocks_are_marked_on_the_card_and_reported() -> None:
    """```dataview and ```tasks blocks list what Obsidian finds, which no card can: the card shows
    that a query stood there, not its code; ``check`` names each with its line. A listing stays."""
    notes = FIXTURES / "notes" / "blocks" / "obsidian-queries.md"
    cards = {c.front_text: c.fields[1] for c in plan(BuildConfig(sources=(notes,), write_pdf=False), now=0).cards}
    assert '<span class="cg-missing">[dataview query]</span>' in cards["What is a Pod?"]
    assert "LIST FROM" not in cards["What is a Pod?"]
    deployment = cards["What is a Deployment?"]
    assert "[tasks query]" in deployment and "not done" not in deployment and "a listing stays" in deployment
