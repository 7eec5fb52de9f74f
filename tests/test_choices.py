"""Multiple-choice questions: options from a ticked task list go on the front, ticked on the back."""

from __future__ import annotations

from cardgen.commands.build import plan
from cardgen.config.options import BuildConfig
from tests.conftest import FIXTURES

EXAM = FIXTURES / "notes" / "choices" / "exam.md"
# Built with the 6th session's code (0b3f3d1), which showed the options on the back only.
GUIDS = {
    "Which AWS service stores objects?": "hOAFM1!X7y",
    "Which services are serverless? (Choose TWO)": "g0J;`d(B^:",
    "What is on the release checklist?": "G6B~+Ts[w#",
    "Which region is closest?": "ReRwhyYZ(P",
}


def test_options_ask_on_the_front_and_the_ticked_ones_answer() -> None:
    cards = {c.front_text: c for c in plan(BuildConfig(sources=(EXAM,), write_pdf=False), now=0).cards}
    s3 = cards["Which AWS service stores objects?"].fields
    assert "<li>☐ Amazon EBS.</li>\n<li>☐ Amazon S3.</li>" in s3[0]  # every box empty on the front
    assert "<li>☐ Amazon EBS.</li>\n<li>☑ Amazon S3.</li>" in s3[1] and "[x]" not in s3[1]
    serverless = cards["Which services are serverless? (Choose TWO)"].fields
    assert "<li>☑ AWS Lambda.</li>" in serverless[1] and "<li>☑ AWS Fargate.</li>" in serverless[1]  # [X] too
    assert "S3 is storage" in serverless[1] and "S3 is storage" not in serverless[0]  # the rest stays an answer
    # Every box ticked is a checklist, an item without a box no option: both stay answers as written.
    for checklist in ("What is on the release checklist?", "Which region is closest?"):
        assert "cg-prompt" not in cards[checklist].fields[0] and "[" in cards[checklist].fields[1]


def test_asking_with_the_options_keeps_every_guid() -> None:
    deck = plan(BuildConfig(sources=(EXAM,), write_pdf=False), now=0)
    assert {c.front_text: c.guid for c in deck.cards} == GUIDS


def test_options_after_the_code_they_ask_about() -> None:
    """LinkedIn-quiz style: ``#### Q2. What is the output of this code?`` over a listing over the
    options: listing and options on the front, the ticked option on the back; the GUID the previous
    version gave the card (listing and options on its back then) is kept."""
    notes = FIXTURES / "notes" / "choices" / "options-after-code.md"
    cards = {c.front_text: c for c in plan(BuildConfig(sources=(notes,), write_pdf=False), now=0).cards}
    output = cards["What is the output of this code?"]
    assert '<code class="language-python">' in output.fields[0] and "<li>☐ 5</li>" in output.fields[0]
    assert output.fields[1].startswith("<ul>\n<li>☑ 5</li>") and "print" not in output.fields[1]
    assert output.guid == "DahYcoU?CK"


LETTERED = FIXTURES / "notes" / "choices" / "lettered-options.md"


def test_lettered_options_over_a_labelled_answer_ask_on_the_front() -> None:
    """``A. …`` ↵ ``B. …`` (a paragraph's lines, or a list's items) over ``**Answer:** C``: the
    options are asked with the question, one per line, and only the answer is on the back; under
    a heading and in a numbered list of questions alike. The GUIDs are those the previous version
    gave these notes, with the options on the back."""
    deck = plan(BuildConfig(sources=(LETTERED,), write_pdf=False), now=0)
    cards = {c.front_text: c for c in deck.cards}
    strongest = cards["Which password is the strongest?"].fields
    assert "<p>A. 12345678<br>\nB. password123<br>\nC. CyberSafe@2026#</p>" in strongest[0]
    assert strongest[1] == "<p>C</p>"
    moon = cards["Which mission landed on the Moon first?"].fields
    # What comes before the options is part of the question too.
    assert "Think of the late sixties." in moon[0] and "<li>a) Apollo 11</li>" in moon[0]
    assert moon[1] == "<p>a) Apollo 11, in July 1969.</p>"
    for listed, answer in (("Which protocol is connectionless?", "B"), ("Which port does HTTPS use?", "B")):
        fields = cards[listed].fields
        assert "cg-prompt" in fields[0] and "<br>" in fields[0] and fields[1] == f"<p>{answer}</p>"
    # Letters that skip (A, C) are no options: not set one per line; but under a heading that asks,
    # what stands before the labelled answer is still asked with it (``prompts.split_body``).
    skipped = cards["Which letters start these lines?"].fields
    assert "A. Lincoln wrote the address.\nC. is a language." in skipped[0] and "<br>" not in skipped[0]
    assert skipped[1] == "<p>not options, as the letters skip B.</p>"
    assert {c.front_text: c.guid for c in deck.cards} == {
        "Which password is the strongest?": "IF&KQzX^7N",
        "Which mission landed on the Moon first?": "wG*9^Nyx;9",
        "Which letters start these lines?": "cnn/oogh-,",
        "Which protocol is connectionless?": "Nn~`Mi2P~Z",
        "Which port does HTTPS use?": "mnmn)}nfxP",
    }
