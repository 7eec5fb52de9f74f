"""A note that is one question, asked in its front matter.

Sites and vaults that keep one question per file often put the question in the front matter
(``title: "How do you …?"``) and write the answer under headings that only label its parts
("Short answer", "Detailed explanation", "Example"). Read heading by heading, such a file made
a card per label ("Short answer" on the front) and the question was on none. When the front
matter's ``question`` or ``title`` asks and no heading or question the file was read into asks,
the file is that one question, its whole text the answer, its headings kept inside it.
"""

from __future__ import annotations

from markdown_it.tree import SyntaxTreeNode

from cardgen.notes.asking import asks, is_back_matter
from cardgen.notes.footnotes import DEFINITION
from cardgen.notes.htmlblocks import is_directive, is_page_navigation, is_wrapper_html, raw_html
from cardgen.notes.outline import heading_level, heading_text

# Front matter keys that hold the note's question, the more specific first.
QUESTION_KEYS = ("question", "title")


def front_matter_question(tree: SyntaxTreeNode) -> tuple[SyntaxTreeNode, str] | None:
    """The front matter block and the question its ``question`` or ``title`` asks, if any."""
    node = tree.children[0] if tree.children and tree.children[0].type == "front_matter" else None
    if node is None or not any(key in node.content for key in QUESTION_KEYS):
        return None
    import yaml  # only for files with front matter

    try:
        data = yaml.safe_load(node.content)
    except yaml.YAMLError:
        return None
    for key in QUESTION_KEYS if isinstance(data, dict) else ():
        value = data.get(key)
        if isinstance(value, str) and asks(" ".join(value.split())):
            return node, " ".join(value.split())
    return None


def answer_of_the_file(
    blocks: list[SyntaxTreeNode], skip: tuple[str, ...]
) -> tuple[list[SyntaxTreeNode], list[SyntaxTreeNode]]:
    """The blocks after the front matter that answer, and the back matter headings left out with
    their sections ("Sources", "References"…). Footnote definitions go with the answer that cites
    them; navigation and editor directives are not answer text."""
    answer: list[SyntaxTreeNode] = []
    back_matter: list[SyntaxTreeNode] = []
    skipping_below: int | None = None  # the level of the back matter heading being skipped
    for node in blocks[1:]:
        if node.type == "heading":
            if skipping_below is not None and heading_level(node) > skipping_below:
                continue
            skipping_below = None
            if is_back_matter(heading_text(node), skip):
                back_matter.append(node)
                skipping_below = heading_level(node)
                continue
        if skipping_below is not None or node.type == DEFINITION:
            continue
        if is_wrapper_html(raw_html(node)) or is_page_navigation(node) or is_directive(node):
            continue
        answer.append(node)
    return answer, back_matter
