"""The one render path: titles, answers, table cells and terms are sanitised and their images resolved alike."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from cardgen.notes.extract import extract
from cardgen.notes.read import parse_file
from tests.conftest import FIXTURES


@pytest.mark.parametrize("allow_html", [False, True])
def test_cells_and_terms_go_through_the_sanitiser_and_the_resolver(tmp_path: Path, allow_html: bool) -> None:
    notes = tmp_path / "notes"
    notes.mkdir()
    shutil.copy(FIXTURES / "render" / "unsafe-cells.md", notes / "unsafe-cells.md")
    (q,) = extract(parse_file(notes / "unsafe-cells.md"), allow_html=allow_html, root=notes).questions
    table, terms = q.tables[0], q.terms
    fields = [c.html for row in (table.header, *table.rows) for c in row] + [t.term_html for t in terms]
    fields += [t.definition_html for t in terms] + [q.answer_html, *(b.html for b in q.answer_blocks)]
    for html in fields:
        lowered = html.lower()
        assert "<script" not in lowered and "onerror" not in lowered and "/etc/hosts" not in lowered, html
    # Every image is refused or missing, each reported where it is.
    problems = [(p.loc.line, p.message) for p in q.problems]
    assert (
        8,
        "image '/etc/hosts.png' refused: absolute paths are not allowed, use a path beside the notes",
    ) in problems
    assert any(line == 11 and "'../outside.png' refused" in message for line, message in problems), problems
    assert any(line == 7 and "missing image: x" in message for line, message in problems), problems
    assert '<span class="cg-missing">[探针图]</span>' in table.rows[1][1].html
    assert q.media == ()


def test_a_heading_cannot_smuggle_markup_into_the_context_field(tmp_path: Path) -> None:
    """Entities in a heading decode to text such as "<script>"; the Context field shows it as text."""
    from cardgen.commands.build import plan
    from cardgen.config.options import BuildConfig

    (tmp_path / "n.md").write_text("## &lt;script&gt;alert(1)&lt;/script&gt;\n\n### What is X?\n\nA thing.\n")
    (card,) = plan(BuildConfig(sources=(tmp_path,))).cards
    assert card.fields.Context == "n / &lt;script&gt;alert(1)&lt;/script&gt;"
