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
