"""Stage 3: find the questions and answers in a parsed note file.

Questions are headings at the file's *question level*; headings above it are categories
(deck title, breadcrumb, tags), headings below it belong to the answer. The level is
detected per file as the level holding the most *leaf* headings (headings not followed by
a deeper one): categories have sub-headings, questions mostly do not. This picks ``####``
in the seed, ``######`` in javascript-questions (whose ``#### Answer`` headings follow the
questions) and ``##`` in files that use ``## Q.`` headings. Which headings ask, in notes less
tidy than that, is ``outline``'s; questions written in HTML are read by ``htmlblocks``. This
module decides what each top-level block is; ``reader.Reader`` makes the questions of it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from functools import partial
from pathlib import Path

from cardgen.errors import ConfigError
from cardgen.model import NoteFile, Problem, Question, SourceLoc
from cardgen.notes.asking import asks
from cardgen.notes.callouts import question_callout
from cardgen.notes.footnotes import DEFINITION
from cardgen.notes.fragments import inline_tokens, inline_tokens_of
from cardgen.notes.htmlblocks import (
    bold_question,
    closes_details,
    details_summary,
    ends_in_closer,
    is_answer_summary,
    is_directive,
    is_page_navigation,
    is_wrapper_html,
    raw_html,
    shows_something,
)
from cardgen.notes.markdown import make_parser
from cardgen.notes.media import MediaRoots, Vault
from cardgen.notes.obsidian import front_matter_tags
from cardgen.notes.outline import (
    detect_question_level,
    front_and_back,
    heading_level,
    heading_text,
    question_headings,
)
from cardgen.notes.question import FACT_KINDS
from cardgen.notes.read import ParsedFile
from cardgen.notes.reader import Reader
from cardgen.notes.sections import interview_sections
from cardgen.notes.separated import marked_notes, separated_cards
from cardgen.notes.srs import Flashcards, is_flashcards_note, read_flashcards, text_on_no_card
from cardgen.notes.titled import MAX_LABELLED_PARTS, one_question
from cardgen.notes.tree import syntax_tree
from cardgen.notes.vault import vault_settings
from cardgen.text import text_of
from cardgen.vocab import Kind


def extract(
    parsed: ParsedFile,
    question_level: int | None = None,
    *,
    allow_html: bool = False,
    root: Path | None = None,
    skip_headings: tuple[str, ...] = (),
    facts: frozenset[Kind] = FACT_KINDS,
    pieces: bool = True,
    as_flashcards: bool = True,
) -> NoteFile:
    """Every question of one file, with its answer rendered to HTML.

    Questions are headings at the question level, or ``<details><summary>question</summary>``
    blocks (then every heading is a category). A ``<details>`` whose summary says "Answer"
    is part of the answer around it, headings inside included. Bold-paragraph questions
    (``**Why …?**``) are questions wherever they are, even inside a heading question's answer,
    which then ends there. A section whose text is a list of questions (or lines that ask) gives
    a question per line (``banks``). Back matter and headings ``skip_headings`` names ask nothing.
    Comparison tables and definitions are looked for only when ``facts`` asks for their cards,
    and answers are cut into printable pieces only when ``pieces`` (a PDF is made).
    A note of Obsidian flashcards gives its cards, and the questions it asks in its own words
    outside them (``as_flashcards=False``: read as plain notes, whatever its tags).
    """
    if question_level is not None and not 1 <= question_level <= 6:
        raise ConfigError(f"question level must be 1 to 6, got {question_level}")
    tree = parsed.tree
    raws = [raw_html(node) for node in tree.children]
    summaries = [details_summary(raw) for raw in raws]
    asked = [t for t in summaries if t and not is_answer_summary(t)]
    # <details> blocks ask the questions when a fair share of their summaries ask (devops-exercises);
    # "✏ Code Examples" forty times over is collapsed answer material, not forty questions.
    details_questions = len(asked) if 5 * sum(asks(t) for t in asked) >= 2 * len(asked) else 0
    bolds = [bold_question(node) for node in tree.children]
    # With <details> questions, level 7 (below every heading) makes all headings categories.
    level = (
        7
        if question_level is None and details_questions >= 2
        else question_level or detect_question_level(tree, skip_headings)
    )
    shows = [shows_something(node, raw) for node, raw in zip(tree.children, raws, strict=True)]
    tidy = question_level is not None or level == 7
    roles = question_headings(tree.children, shows, level, tidy=tidy, skip=skip_headings)
    asking_heads, labels = roles.asking, roles.labels
    md = make_parser(allow_html)
    folder = root or parsed.path.parent
    roots = MediaRoots(parsed.path.parent, folder, Vault(folder))
    new_reader = partial(Reader, parsed, md, roots, level, skip_headings, facts, pieces)
    reader = new_reader()
    tags = front_matter_tags(parsed.front_matter)
    srs = vault_settings(parsed.path.parent)  # the vault's card markers, when it sets its own
    if question_level is None and as_flashcards and is_flashcards_note(tree, tags, srs):  # Spaced Repetition
        plainly = partial(
            extract, allow_html=allow_html, root=root, skip_headings=skip_headings, facts=facts, pieces=pieces
        )
        return _flashcards_note(parsed, reader, read_flashcards(tree, srs), plainly, tags)

    if question_level is None and (separated := separated_cards(tree.children)) is not None:
        reader.separated(*separated)  # Ankdown, markdown-to-anki: cards between separator lines
        reader.report_uncited_footnotes()
        title = reader.title or deck_title(parsed.path)
        return NoteFile(parsed.path, parsed.display, title, 0, tuple(reader.questions), tags, tuple(reader.skipped))

    interview = interview_sections(tree.children) if question_level is None and level != 7 else None
    skipped = interview.blocks() if interview is not None else set()  # its sections, headings included
    marked = {note.blocks.start: note for note in marked_notes(tree.children, parsed.lines)}  # START … END
    skipped |= {i for note in marked.values() for i in note.blocks}
    asked_at = {asked.heading: asked for asked in interview.asked} if interview is not None else {}
    # "# Зачем нужен crossinline?" right over "# Question (EN)": the question the sections ask, as a title.
    restating = {
        asked.heading - 1
        for asked in (interview.asked if interview is not None else ())
        if asked.heading
        and tree.children[asked.heading - 1].type == "heading"
        and asked.heading - 1 not in asked_at
        and asks(heading_text(tree.children[asked.heading - 1]))
    }
    for index in sorted(restating):
        reader.report_section(tree.children[index], "heading restates the question the sections below ask")
        if heading_level(tree.children[index]) == 1 and not reader.title:
            reader.title = heading_text(tree.children[index])  # the deck's name, as a title is
    skipped |= restating
    for unpaired in interview.unanswering if interview is not None else ():
        reader.report_section(tree.children[unpaired.start], "section answers no question here, on no card")

    for index, (node, raw, summary, bold) in enumerate(zip(tree.children, raws, summaries, bolds, strict=True)):
        if node.type == DEFINITION:
            continue  # a footnote: printed with the answers that cite it
        if index in marked:
            reader.marked_note(node, marked[index])
        elif index in skipped:
            if (in_parts := asked_at.get(index)) is not None:  # the question's section
                asked_by = tree.children[in_parts.asked_by]
                asked_by = asked_by.children[0] if asked_by.type == "blockquote" else asked_by
                prompt = [tree.children[i] for i in in_parts.prompt]
                later = in_parts.prompt_read_later
                reader.asked_in_parts(node, asked_by, prompt, in_parts.answer, prompt_read_later=later)
        elif bold is not None and not reader.in_details:
            reader.bold(node, bold)
        elif not reader.in_details and (callout := question_callout(node)) is not None:
            reader.callout_question(node, *callout)
        elif summary is not None:
            reader.details_opener(node, raw, summary)
        elif closes_details(raw):
            if not is_wrapper_html(raw):  # words in the closing block ("<details>↵text↵</details>"): kept
                if reader.current is not None:
                    reader.take(node)
                elif shows_something(node, raw):
                    reader.loose.append(node)
            reader.end_details()
        else:
            if reader.prompt_runs_on and raw is not None and "</summary>" in raw.lower():
                reader.answer_start, reader.prompt_runs_on = len(reader.body), False
            if is_wrapper_html(raw) or is_page_navigation(node) or is_directive(node):
                continue
            # A heading below the level inside a question is part of its answer, unless it asks.
            is_heading = node.type == "heading"
            in_answer = (
                is_heading
                and reader.current is not None
                and heading_level(node) > level
                and index not in asking_heads | labels
            )
            if is_heading and not reader.in_details and not in_answer:
                reader.heading(node, asks=index in asking_heads)
                if index in labels:  # "Basic Concepts (6 Questions)" over nothing: its words on no card
                    reader.report_section(node, "heading over no text, on no card")
            elif reader.current is not None:
                reader.take(node)
            elif not reader.in_details and shows_something(node, raw):
                reader.loose.append(node)
            if reader.in_details and ends_in_closer(node):  # "answer text" ↵ "</b></details>"
                reader.end_details()
    reader.close()
    reader.flush_loose()
    reader.title_card()
    card = front_and_back(tree.children) if question_level is None else None
    if card is not None and _asked_at_most(reader.questions, parsed.loc(front := tree.children[card[0]])):
        # Read as one card, its rule parting front from back, the file leaves nothing out.
        reader = new_reader()
        reader.asked_in_parts(front, front, [tree.children[i] for i in card[1]], card[2])

    one = one_question(tree, parsed.front_matter, skip_headings) if question_level is None else None
    if one is not None and not any(asks(q.title_text) for q in reader.questions):
        if len(reader.questions) > MAX_LABELLED_PARTS:
            message = f"the front matter asks, on no card (the note's {len(reader.questions)} sections are): {one.text}"
            reader.skipped.append(Problem(parsed.loc(tree.children[0]), message))
        else:  # a note that is one question, asked in its front matter, its headings only labels
            reader = new_reader()
            from_front_matter = one.asked_by.type == "front_matter"
            asking = inline_tokens(md, one.text) if from_front_matter else inline_tokens_of(one.asked_by)
            reader.whole(one.asked_by, asking, [], one.answer)
            for heading in one.back_matter:
                reader.report_section(heading, "section skipped (back matter)")

    reader.report_uncited_footnotes()
    return NoteFile(
        path=parsed.path,
        display=parsed.display,
        title=reader.title or deck_title(parsed.path),
        question_level=level if level <= 6 else 0,
        questions=tuple(reader.questions),
        tags=tags,
        skipped=tuple(reader.skipped),
    )


def _asked_at_most(questions: list[Question], front: SourceLoc) -> bool:
    """No question, or only the one a card file's front asks."""
    return not questions or (len(questions) == 1 and questions[0].loc == front)


# Files that stand for their folder: a deck is named after the folder, not "README".
FOLDER_FILES = frozenset({"readme", "index", "_index"})


def deck_title(path: Path) -> str:
    """A file's deck title when it has no ``#`` title: its name, or its folder's for a README."""
    if path.stem.casefold() in FOLDER_FILES and path.resolve().parent.name:
        return path.resolve().parent.name
    return path.stem


def _flashcards_note(
    parsed: ParsedFile, reader: Reader, note: Flashcards, read_plainly: Callable[..., NoteFile], tags: tuple[str, ...]
) -> NoteFile:
    """A note of the plugin's flashcards: its cards, and the questions it asks in its own words in
    the text on none of them (``read_plainly``: ``extract`` with the build's options)."""
    between = _read_between_cards(parsed, note, read_plainly)
    reader.title = note.title
    for card in note.cards:
        # A front's list was on no card before (read as the question of its last item): it is left
        # out of the identity, so the note keeps its GUID.
        at, later = SourceLoc(parsed.display, card.line + 1), bool(card.prompt)
        reader.add(at, card.question, card.answer, card.sections, card.prompt, read_before=card.read_before,
                   prompt_read_later=later)  # fmt: skip
    # The text around the cards is reported, a section at a time (but what was read plainly).
    reports = note.reports(note.loose if between is not None else ())
    reader.skipped += [Problem(SourceLoc(parsed.display, line + 1), why) for line, why in reports]
    questions = list(reader.questions)
    if between is not None:
        plain, headings = between
        carded = {q.title_text.casefold() for q in questions}
        loose = sorted(where[0] for i in note.loose if (where := parsed.tree.children[i].map))
        own_questions, own_notes = _asked_in_own_words(plain, headings, carded, loose, reader.title)
        questions += own_questions
        reader.skipped += [*own_notes, *plain.skipped]
        reader.skipped.sort(key=lambda problem: problem.loc.line)
    reader.report_uncited_footnotes()
    questions.sort(key=lambda q: q.loc.line)
    title = reader.title or deck_title(parsed.path)
    return NoteFile(parsed.path, parsed.display, title, 0, tuple(questions), tags, tuple(reader.skipped))


def _read_between_cards(
    parsed: ParsedFile, note: Flashcards, read_plainly: Callable[..., NoteFile]
) -> tuple[NoteFile, set[int]] | None:
    """The text of a flashcards note that is on none of its cards (with the headings above it),
    read as plain notes: a note can ask in its own words beside the plugin's cards (``### Q1``
    over a question and an "Answer" callout). Also the 0-based lines of those headings. None
    when all its text is on cards."""
    if not note.loose:
        return None
    blocks = parsed.tree.children
    loose, kept = set(note.loose), set(note.loose)
    above: list[tuple[int, int]] = []  # (level, index) of the headings over the block being passed
    for index, node in enumerate(blocks):  # the headings over the text: its questions, and their context
        if node.type == "heading":
            level = heading_level(node)
            above = [heading for heading in above if heading[0] < level]
            if index not in note.fronts:  # a card's front: the text under it is not its answer
                above.append((level, index))
        elif index in loose:
            kept.update(heading for _, heading in above)
    tokens = [token for index in sorted(kept) for token in blocks[index].to_tokens()]
    headings = {node.map[0] for node in (blocks[i] for i in kept) if node.type == "heading" and node.map}
    return read_plainly(replace(parsed, tree=syntax_tree(tokens)), as_flashcards=False), headings


def _asked_in_own_words(
    plain: NoteFile, headings: set[int], carded: set[str], loose: list[int], title: str
) -> tuple[list[Question], list[Problem]]:
    """Of what ``_read_between_cards`` read, the questions: what asks, or marks its answer, or is
    no heading (a callout that asks, a question list). A heading that does neither heads notes
    around the cards, as the plugin has them, and a question a card asks already is not asked
    twice: their text is reported, where it starts (``loose``: the 0-based lines where the text on
    no card starts), as the plugin's other text is."""
    kept, notes = [], []
    for q in plain.questions:
        heading = q.loc.line - 1 in headings
        if q.title_text.casefold() not in carded and (asks(q.title_text) or q.prompt_html or not heading):
            kept.append(q)
        elif q.answered or q.prompt_html:
            line = next((start for start in loose if start >= q.loc.line - 1), q.loc.line - 1)
            text = " ".join(text_of(q.prompt_html + " " + q.answer_html).split())
            message = text_on_no_card("" if q.title_text == title else q.title_text, text)
            notes.append(Problem(replace(q.loc, line=line + 1), message))
    return kept, notes
