"""The one render path: everything of a note that becomes card HTML (titles, prompts, answers,
table cells, definition terms) is rendered here, with the note file's media resolver in the
renderer's ``env`` (so every image anywhere is resolved or refused the same way) and, when raw
HTML is allowed through, sanitised by nh3 (so no script or event handler reaches a field).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.token import Token

from cardgen.model import AnswerBlock
from cardgen.notes.blocks import Block, answer_block, render_blocks
from cardgen.notes.markdown import SafeRenderer
from cardgen.notes.media import MediaResolver, natural_size_mm
from cardgen.notes.sanitising import sanitise
from cardgen.text import img_sources, is_remote


class CardHtml:
    """Renders one question's Markdown to card HTML."""

    def __init__(self, md: MarkdownIt, media: MediaResolver | None = None) -> None:
        renderer = md.renderer
        assert isinstance(renderer, SafeRenderer)
        self.md, self.renderer = md, renderer
        self.env: dict[str, Any] = {"media": media} if media is not None else {}
        self.media = media

    def _clean(self, fragment: str) -> str:
        # Without allow_html the renderer itself lets no raw HTML through (SafeRenderer._tame); every
        # field of every note passes nh3 once more at the end of the cards stage, in both modes.
        return sanitise(fragment) if self.renderer.allow_html and fragment else fragment

    def inline(self, tokens: Sequence[Token]) -> str:
        """Inline tokens (a title, a cell, a term) as HTML."""
        return self._clean(self.renderer.renderInline(list(tokens), self.md.options, self.env).strip())

    def blocks(self, tokens: Sequence[Token]) -> str:
        """Block tokens (a prompt) as HTML."""
        return self._clean(self.renderer.render(list(tokens), self.md.options, self.env).strip()) if tokens else ""

    def answer(self, blocks: Sequence[Block], *, pieces: bool = True) -> tuple[str, tuple[AnswerBlock, ...]]:
        """An answer's HTML, whole and (``pieces``) in printable pieces; without, no pieces."""
        whole, printable = render_blocks(self.md, self.env, blocks, pieces=pieces)
        cleaned = [(p, self._clean(p.html)) for p in printable]
        typed = tuple(
            answer_block(p.kind, html, last=p.last, continues=p.continues, image_sizes=self._image_sizes(html))
            for p, html in cleaned
        )
        return self._clean(whole), typed

    def _image_sizes(self, fragment: str) -> tuple[tuple[float, float], ...]:
        """Each image's natural size, from the file the resolver embedded for it."""
        if "<img" not in fragment:
            return ()
        found = self.media.found if self.media is not None else {}
        printed = (src for src in img_sources(fragment) if not is_remote(src))  # a remote one prints as its alt text
        return tuple(natural_size_mm(found[src]) if src in found else (0.0, 0.0) for src in printed)
