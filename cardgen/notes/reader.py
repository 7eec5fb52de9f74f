"""One pass over a note file's top-level blocks, for ``extract``: the question being read and
its body, the headings above it, and every question and finding so far.

``extract`` decides what each block is (a heading that asks, a bold question, a ``<details>``
opener…) and tells the ``Reader``; the ``Reader`` turns what it was told into questions
(``make_question``) and reports what is on no card.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from markdown_it import MarkdownIt
from markdown_it.token import Token
from markdown_it.tree import SyntaxTreeNode

from cardgen.model import Problem, Question, SourceLoc
from cardgen.notes import asking
from cardgen.notes.asking import asks, is_back_matter, labels_an_answer, lists_questions
from cardgen.notes.banks import Bank, read_bank
from cardgen.notes.callouts import answer_callout, split_at_answer, unwrapped
from cardgen.notes.choices import options_asked
from cardgen.notes.footnotes import definitions, with_footnotes
from cardgen.notes.fragments import (
    inline_tokens,
    inline_tokens_of,
    line_of,
    parse_fragment,
    summary_tail_blocks,
    text_tokens,
)
from cardgen.notes.htmlblocks import (
    asks_aside,
    closes_details,
    is_answer_summary,
    is_reveal_summary,
    raw_html,
    read_later_summary,
    shows_something,
    summary_runs_on,
    summary_tail,
)
from cardgen.notes.labels import A_MARK, paragraph, unlabelled
from cardgen.notes.media import MediaResolver, MediaRoots
from cardgen.notes.outline import heading_level, heading_text
from cardgen.notes.prompts import split_body
from cardgen.notes.question import links_only, make_question
from cardgen.notes.read import ParsedFile
from cardgen.notes.separated import MarkedNote, SeparatedCard
from cardgen.text import clipped, text_of
from cardgen.vocab import Kind

# A file with no more questions than this is about one thing: the text under its title answers the title.
MAX_QUESTIONS_OF_ONE_THING = 5


class Reader:
    """The state of one pass over a file's top-level blocks: the question being read, its body,
    the headings above it, and the questions read so far."""

    def __init__(
        self,
        parsed: ParsedFile,
        md: MarkdownIt,
        media: MediaRoots,
        level: int,
        skip: tuple[str, ...],
        facts: frozenset[Kind],
        pieces: bool = True,
    ) -> None:
        self.parsed, self.md, self.media, self.level, self.skip = parsed, md, media, level, skip
        self.facts = facts  # the kinds of fact cards wanted: only their facts are looked for
        self.pieces = pieces  # answers cut into printable pieces (for a PDF)
        self.questions: list[Question] = []
        self.skipped: list[Problem] = []
        self.asking_heading: tuple[int, str] | None = None  # the heading of the question being read
        self.bold_parent = ""  # the heading question that the bold questions after it follow up
        self.loose: list[SyntaxTreeNode] = []  # text under a heading that asks nothing
        self.title_node: SyntaxTreeNode | None = None  # the file's # title
        self.title_text: list[SyntaxTreeNode] | None = None  # the text under it, before its first section
        self.skipping = False  # in back matter: its text was reported with its heading
        self.back_matter_level: int | None = None  # the level of that heading: deeper ones are in it
        self.sections: list[tuple[int, str]] = []
        self.heads_topic: tuple[int, str] | None = None  # an asking heading above the level, heading what follows
        self.title = ""
        self.current: tuple[SourceLoc, list[Token]] | None = None
        self.body: list[SyntaxTreeNode] = []
        self.answer_start: int | None = None  # where an "Answer" <details> begins: before it is the question's
        self.in_details = False  # inside a <details> block: headings there belong to the answer
        self.prompt_runs_on = False  # inside a <summary> that spans blocks
        self.footnotes = definitions(parsed.tree)  # each goes with the answers that cite it
        self.footnotes_cited: set[str] = set()
        self.asked_in_callouts: set[SourceLoc] = set()  # where the callouts that ask stand
        # A <details> whose summary asks, inside an answer: (its opener, its question, its blocks so far).
        self.aside: tuple[SyntaxTreeNode, list[Token], list[SyntaxTreeNode]] | None = None
        self.asides: list[Question] = []  # questions asked inside the one being read, to follow it
        self.prompt_read_later = False  # the question being read had its prompt in its answer before

    def close(self) -> None:
        """The question being read is complete."""
        self.close_aside()  # a <details> left open at the end of the file is closed with it
        if self.current is not None:
            start, later = self.answer_start, self.prompt_read_later
            heading = self.asking_heading[1] if self.asking_heading is not None else None
            if start is None and (split := split_body(self.body, heading=heading)) is not None:
                self.body, start, later = split.body, split.start, True
            prompt, answer = (self.body[:start], self.body[start:]) if start is not None else ([], self.body)
            sections = [s for _, s in self.sections] + ([self.bold_parent] if self.bold_parent else [])
            # A heading that asks keeps its answer, even one written as questions and their answers.
            head = self.asking_heading
            plain_head = head is not None and not asks(head[1])
            at = self.answer_start  # where something marked the answer (a callout, an "Answer" <details>)
            marked = self.body[at] if at is not None and at < len(self.body) else None
            answer = unwrapped(answer)  # "::: details 答案": its body is the answer
            shown = [node for node in answer if shows_something(node, raw_html(node))]
            # Questions each over their marked answers ("练习题") are read with them.
            listed = [n for n in self.body if shows_something(n, raw_html(n))] if marked and prompt else shown
            bank = read_bank(listed, marked) if plain_head and (marked or not prompt) else None
            if bank is not None and head is not None and head[0] == self.level and len(bank.asked) < 2:
                # One line that asks, under a heading at the question level, is its answer, unless the
                # heading says it lists questions ("Follow-ups", "思考题") or the line is labelled as a
                # question with its answer ("Q: …" over "A: …"): the GUID stays the heading's then.
                one = bank.asked[0] if bank.asked else None
                if one is not None and one.labelled and not lists_questions(head[1]):
                    bank.asked[0] = replace(one, as_read_before=self.current[1])
                elif not lists_questions(head[1]):
                    bank = None
            if head is not None and plain_head and shown and all(links_only(n.to_tokens()) for n in shown):
                # "Other Answers", "Useful links": a list of links asks and answers nothing.
                self.skipped.append(Problem(self.current[0], f"section skipped (only links): {head[1]}"))
            elif bank is not None:
                self._bank(bank, [*sections, self.asking_heading[1]] if self.asking_heading else sections)
            elif not (plain_head and self.asides and not shown and not prompt):
                self.add(self.current[0], self.current[1], answer, sections, prompt, prompt_read_later=later)
            # else: a heading that asks nothing and only heads questions asked inside it is their category
        self.questions += self.asides
        self.asides = []
        self.current, self.body, self.answer_start, self.prompt_runs_on = None, [], None, False
        self.asking_heading, self.prompt_read_later = None, False

    def add(
        self,
        loc: SourceLoc,
        title: list[Token],
        answer: Sequence[SyntaxTreeNode],
        sections: list[str],
        prompt: Sequence[SyntaxTreeNode] = (),
        *,
        read_before: list[Token] | None = None,
        prompt_read_later: bool = False,
        tags: tuple[str, ...] = (),
    ) -> None:
        """A question read whole (``make_question``): kept, or reported when its title has no words."""
        media = MediaResolver(self.media.note_dir, self.media.root, vault=self.media.vault, lines=self.parsed.lines)
        answer = with_footnotes(answer, self.footnotes, self.footnotes_cited)
        question = make_question(
            loc, title, answer, sections, self.md, prompt, media, read_before,
            prompt_read_later=prompt_read_later, facts=self.facts, pieces=self.pieces,
        )  # fmt: skip
        if tags:  # tags the notes give outside the question's words (Obsidian_to_Anki's "Tags:" line)
            question = replace(question, tags=tuple(dict.fromkeys((*question.tags, *tags))))
        if question.title_text:
            self.questions.append(question)
            # Sub-headings over no text outline an answer not yet written: their words are on no card.
            outline = [] if question.answered else [node for node in answer if node.type == "heading"]
            for node in outline:
                if words := heading_text(node):
                    message = f"heading under an unanswered question, on no card: {words}"
                    self.skipped.append(Problem(self.parsed.loc(node), message))
        elif question.answered or question.prompt_html:  # an empty heading asks nothing: say what is lost
            self.skipped.append(Problem(loc, "a heading with no words asks nothing: the text under it is on no card"))

    def _bank(self, bank: Bank, sections: list[str]) -> None:
        """A heading whose text is a list of questions: a question per line, the heading a category."""
        file = self.parsed.display
        for asked in bank.asked:
            loc = SourceLoc(file, asked.line + 1)
            prompt, answer = options_asked(asked.answer) or ([], asked.answer)  # "A. …" ↵ "B. …" over "Answer: B"
            later, topics = bool(prompt), [*sections, *asked.topics]
            self.add(
                loc, asked.title, answer, topics, prompt, read_before=asked.as_read_before, prompt_read_later=later
            )
        for line, text in bank.left_out:
            self.skipped.append(Problem(SourceLoc(file, line + 1), f"not a question, on no card: {clipped(text, 60)}"))

    def bold(self, node: SyntaxTreeNode, title: list[Token]) -> None:
        """A bold-paragraph question: it ends the heading question being read (whose answer is
        what came before it) and follows it up, the heading question in its context."""
        head = self.asking_heading
        if head is not None and self.current is not None:
            said = any(shows_something(n, raw_html(n)) for n in self.body)
            if not said and not asks(head[1]):
                self.current, self.body = None, []  # the heading only heads its bold questions
            self.close()
            self.bold_parent = head[1]
        self.ask(node, title)

    def callout_question(self, node: SyntaxTreeNode, title: list[Token], body: list[SyntaxTreeNode]) -> None:
        """A callout that asks (``> [!question] …``): a question of its own, in the context of the
        question it stands in, whose answer goes on after it."""
        self.asked_in_callouts.add(self.parsed.loc(node))
        prompt, answer = split_at_answer(body)  # ">> [!success]- Answer" inside: the options over it, the front
        self._ask_aside(self.parsed.loc(node), title, answer, prompt, prompt_read_later=bool(prompt))  # GUID kept

    def marked_note(self, node: SyntaxTreeNode, note: MarkedNote) -> None:
        """An Obsidian_to_Anki note (``START`` … ``END``): a question of its own, like a callout that asks."""
        front = parse_fragment(self.md, *note.front)
        back = parse_fragment(self.md, *note.back) if note.back[0].strip() else []
        if not front:
            self.skipped.append(Problem(self.parsed.loc(node), "START … END note with nothing in it"))
            return
        title = inline_tokens_of(front[0]) if front[0].type == "paragraph" else text_tokens(front[0])
        self._ask_aside(self.parsed.loc(front[0]), title, back, front[1:], tags=note.tags)

    def asked_in_parts(
        self,
        node: SyntaxTreeNode,
        asked_by: SyntaxTreeNode,
        prompt: list[SyntaxTreeNode],
        answer: range,
        *,
        prompt_read_later: bool = False,
    ) -> None:
        """A question asked by ``asked_by``'s text and the ``prompt`` blocks, answered by the blocks
        at ``answer``: a file's "Question" and "Answer" sections, or a card file's front and back."""
        blocks = self.parsed.tree.children
        said = []  # what an answer heading says after its label ("参考答案：A，B，C")
        heading = blocks[answer.start - 1] if answer.start else None
        if heading is not None and heading.type == "heading":
            rest = unlabelled(inline_tokens_of(heading), A_MARK)
            said = [paragraph([rest], heading.map[0] if heading.map else 0)] if rest else []
        answered = [*said, *(blocks[i] for i in answer)]
        self.whole(node, inline_tokens_of(asked_by), prompt, answered, prompt_read_later=prompt_read_later)

    def separated(self, first: int, cards: list[SeparatedCard]) -> None:
        """The cards of a file written between separator lines, under its ``#`` title if any."""
        blocks = self.parsed.tree.children
        if first and blocks[first - 1].type == "heading":
            self.title = heading_text(blocks[first - 1])
        for card in cards:
            front = blocks[card.front.start]
            title = inline_tokens_of(front) if front.type == "paragraph" else text_tokens(front)
            self.whole(front, title, [blocks[i] for i in card.front[1:]], [blocks[i] for i in card.back])

    def whole(
        self,
        node: SyntaxTreeNode,
        title: list[Token],
        prompt: list[SyntaxTreeNode],
        answer: list[SyntaxTreeNode],
        *,
        prompt_read_later: bool = False,
    ) -> None:
        """A question read whole at once: asked at ``node``, the ``prompt`` under it, the ``answer``."""
        self.ask(node, title)
        self.body = [*prompt, *answer]
        self.answer_start, self.prompt_read_later = len(prompt), prompt_read_later
        self.close()

    def ask(self, node: SyntaxTreeNode, title: list[Token]) -> None:
        """A question starts at ``node``."""
        self.close()
        self.current = (self.parsed.loc(node), title)

    def details_opener(self, node: SyntaxTreeNode, raw: str | None, summary: str) -> None:
        if self.level != 7 and self.current is not None and not self.in_details and asks_aside(raw, summary):
            # "<details><summary>什么是触发器？</summary>…" inside an answer: a question of its own.
            self.aside = (node, inline_tokens(self.md, summary), [])
            self.aside[2].extend(summary_tail_blocks(self.md, node))
            self.in_details = not closes_details(raw)
            if not self.in_details:
                self.close_aside()
            return
        if is_answer_summary(summary) or self.level != 7:
            # An answer wrapped in <details>: keep collecting (up to its </details>, maybe in this block).
            self.in_details = not closes_details(raw)
            if self.current is not None and self.answer_start is None and is_answer_summary(summary):
                self.answer_start = len(self.body)
                self.prompt_read_later |= bool(self.body) and read_later_summary(summary)
            if self.current is not None and is_answer_summary(summary):
                for block in summary_tail_blocks(self.md, node):  # "<summary>Answer</summary>B</details>"
                    self.take(block)
            # Its summary and body are part of the answer; a summary that only says "expand" is not.
            reveal_only = is_reveal_summary(summary) and raw is not None and summary_tail(raw) is None
            if self.current is not None and summary and not is_answer_summary(summary) and not reveal_only:
                self.take(node)
            return
        self.ask(node, inline_tokens(self.md, summary))
        self.in_details = True
        self.prompt_runs_on = summary_runs_on(raw)  # the blocks up to </summary> are the question's
        self.body = summary_tail_blocks(self.md, node)
        if closes_details(raw):  # the whole question in one block
            self.close()
            self.in_details = False

    def take(self, node: SyntaxTreeNode) -> None:
        """A block of the question being read: of the ``<details>`` question aside, if one is open.
        A callout titled as an answer (``::: details 答案``) holds the answer: what came before it
        is the question's own (shown on the front; earlier versions had it in the answer)."""
        if self.aside is None and self.answer_start is None and answer_callout(node) is not None:
            self.answer_start, self.prompt_read_later = len(self.body), self.prompt_read_later or bool(self.body)
        (self.aside[2] if self.aside is not None else self.body).append(node)

    def end_details(self) -> None:
        """A ``</details>`` closes the fold being read: an aside it asked, or (when ``<details>`` ask
        the file's questions) the question."""
        self.in_details = False
        self.close_aside()
        if self.level == 7:
            self.close()

    def close_aside(self) -> None:
        """The ``<details>`` that asks aside is closed: its question, with the question it stands in as context."""
        if self.aside is not None:
            node, title, blocks = self.aside
            self.aside = None
            self._ask_aside(self.parsed.loc(node), title, blocks)

    def _ask_aside(
        self,
        loc: SourceLoc,
        title: list[Token],
        answer: list[SyntaxTreeNode],
        prompt: Sequence[SyntaxTreeNode] = (),
        *,
        tags: tuple[str, ...] = (),
        prompt_read_later: bool = False,
    ) -> None:
        """A question asked inside the one being read (a callout, a ``<details>``, a START … END
        note): that question is its context, and it comes right after that question."""
        standing_in = [self.asking_heading[1]] if self.asking_heading is not None else []
        before = len(self.questions)
        sections = [*(s for _, s in self.sections), *standing_in]
        self.add(loc, title, answer, sections, prompt, tags=tags, prompt_read_later=prompt_read_later)
        if self.current is not None:  # held until the question it stands in is added
            self.asides += self.questions[before:]
            del self.questions[before:]

    def report_section(self, heading: SyntaxTreeNode, why: str) -> None:
        """A section (its heading and blocks) that is on no card, and why."""
        self.skipped.append(Problem(self.parsed.loc(heading), f"{why}: {heading_text(heading)}"))

    def report_uncited_footnotes(self) -> None:
        for label, node in self.footnotes.items():
            if label not in self.footnotes_cited:
                message = f"footnote [^{label}] is on no card: no answer cites it"
                self.skipped.append(Problem(self.parsed.loc(node), message))

    def flush_loose(self) -> None:
        """Text under a heading that asks nothing (the title, a category): questions when it lists
        them, otherwise reported, since it is on no card."""
        loose, self.loose = self.loose, []
        if not loose or self.skipping:
            return
        bank = read_bank(loose)
        if bank is not None:
            self._bank(bank, [s for _, s in self.sections])
            return
        if self.title_node is not None and not self.sections and self.title_text is None:
            self.title_text = loose  # the title's own text: a card or reported, once the file is read
            return
        self._report_loose(loose, f"under {self.sections[-1][1]!r}" if self.sections else "before the first question")

    def _report_loose(self, loose: list[SyntaxTreeNode], where: str) -> None:
        said = (t.content if t.type == "inline" else text_of(t.content) for n in loose for t in n.to_tokens()
                if t.type in ("inline", "html_block"))  # fmt: skip
        words = " ".join(said).split()
        shown = clipped(" ".join(words), 50) or "(images or HTML only)"
        self.skipped.append(Problem(self.parsed.loc(loose[0]), f"text {where} is on no card: {shown}"))

    def title_card(self) -> None:
        """The text under the file's ``#`` title, before its first section: in a note about one thing
        (an Obsidian note: a definition, an embedded figure, then "Properties", "Examples") it is the
        answer to the title; under a collection of questions (headings that ask, or many) it is an
        introduction, reported."""
        if self.title_text is None or self.title_node is None:
            return
        # Questions asked in callouts are the note's self-tests, not a collection it introduces.
        collection = any(asks(q.title_text) for q in self.questions if q.loc not in self.asked_in_callouts)
        if collection or len(self.questions) > MAX_QUESTIONS_OF_ONE_THING:
            self._report_loose(self.title_text, "under the title")
            return
        before = len(self.questions)
        self.add(self.parsed.loc(self.title_node), inline_tokens_of(self.title_node), self.title_text, [])
        if len(self.questions) > before:  # it comes first in the file: first among the cards too
            self.questions.insert(0, self.questions.pop())

    def heading(self, node: SyntaxTreeNode, *, asks: bool) -> None:
        """A heading outside any answer: a question, the file's title, a category, or back matter."""
        if labels_an_answer(heading_text(node)) and self._answered_below():
            return  # "## Answer guide" under the question asked just before it: its answer follows
        below = self.back_matter_level
        if self.skipping and below is not None and heading_level(node) > below and not asking.asks(heading_text(node)):
            return  # a heading inside back matter (a table of contents' entries): skipped with it
        self.close()
        self.flush_loose()
        self.skipping = False
        self.bold_parent = ""
        node_level = heading_level(node)
        if self.heads_topic is not None:
            self.sections.append(self.heads_topic)
            self.heads_topic = None
        self.sections = [s for s in self.sections if s[0] < node_level]
        if asks:
            self.ask(node, inline_tokens_of(node))
            self.asking_heading = (node_level, heading_text(node))
            if node_level < self.level:
                self.heads_topic = (node_level, heading_text(node))
            return
        text = heading_text(node)
        if is_back_matter(text, self.skip):
            self.skipped.append(Problem(self.parsed.loc(node), f"section skipped (back matter): {text}"))
            self.skipping, self.back_matter_level = True, node_level  # its text is reported with it
        if node_level == 1 and not self.title and not self.questions:
            self.title, self.title_node = text, node
            return
        self.sections.append((node_level, text))

    def _answered_below(self) -> bool:
        """The question asked just before an answer label (a heading with nothing under it yet, or
        one line that asks, left loose under a title) is answered by what follows the label."""
        if self.current is not None:
            return not any(shows_something(node, raw_html(node)) for node in self.body)
        said = line_of(self.loose[-1]) if self.loose and not self.skipping else None
        if said is None or not asks(said):
            return False
        question = self.loose.pop()
        self.flush_loose()
        self.ask(question, inline_tokens_of(question))
        return True
