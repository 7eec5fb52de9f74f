"""WeasyPrint, set up once per process: fonts, a fetcher that reads local files only, a lean
user-agent stylesheet, and its warnings collected instead of printed.

WeasyPrint is imported inside the functions: a build that writes no PDF never loads it.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import Any

# Rules of WeasyPrint's HTML user-agent stylesheet for features cards never use: CSS footnotes
# (``float: footnote``) and notes. Each is a universal pseudo-element rule, so every element
# of every sheet got five pseudo-element styles computed for nothing (see docs/printing.md).
UNUSED_UA_PSEUDO_ELEMENTS = ("::footnote-", "::note-")

# Set once this process has set WeasyPrint's fonts up (fontconfig, Pango): from then on a worker
# is not forked from it, only spawned afresh.
_fonts_set_up = False


def fork_is_safe() -> bool:
    """A PDF worker may be forked from this process: on Linux, before WeasyPrint's fonts are set
    up here. A forked worker starts at once; a spawned one loads Python, WeasyPrint and the fonts
    again (about a second). Importing WeasyPrint only opens its libraries, which forking keeps."""
    return sys.platform == "linux" and not _fonts_set_up


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


@contextmanager
def weasyprint_warnings() -> Iterator[list[str]]:
    """Collect WeasyPrint's warnings (``.notdef glyph rendered``…) instead of letting them print."""
    logger = logging.getLogger("weasyprint")
    handler = _Collect()
    logger.addHandler(handler)
    old_propagate = logger.propagate
    logger.propagate = False
    try:
        yield handler.messages
    finally:
        logger.removeHandler(handler)
        logger.propagate = old_propagate


def lean_user_agent_css(ua: str) -> str:
    """``ua`` (a user-agent stylesheet) without the rules for ``UNUSED_UA_PSEUDO_ELEMENTS``."""
    import tinycss2

    rules = tinycss2.parse_stylesheet(ua, skip_comments=True, skip_whitespace=True)
    kept = [
        rule
        for rule in rules
        if rule.type != "qualified-rule"
        or not tinycss2.serialize(rule.prelude).strip().startswith(UNUSED_UA_PSEUDO_ELEMENTS)
    ]
    return "\n".join(rule.serialize() for rule in kept)


@cache
def html_class() -> Any:
    """WeasyPrint's ``HTML`` with the lean user-agent stylesheet; plain ``HTML`` when this
    WeasyPrint does not keep its stylesheet where version 70 does (same pages, only slower)."""
    from weasyprint import CSS, HTML

    try:
        from weasyprint.html import UA, UA_COUNTER_STYLE, UA_STYLESHEET
    except ImportError:
        return HTML
    if not callable(getattr(HTML, "_ua_stylesheets", None)):
        return HTML
    lean = CSS(string=lean_user_agent_css(UA), counter_style=UA_COUNTER_STYLE)

    class LeanHTML(HTML):  # type: ignore[misc]
        def _ua_stylesheets(self, forms: bool = False) -> list[Any]:
            return [lean if sheet is UA_STYLESHEET else sheet for sheet in super()._ua_stylesheets(forms)]

    return LeanHTML


class Renderer:
    """One WeasyPrint setup (fonts loaded once) for every layout of a build.

    Images are found by their media names in ``base_url`` (a folder of links to the notes'
    images); only local files are read, remote URLs are never fetched. A stylesheet is parsed
    and its selectors compiled once, not again for every document laid out with it (that cost
    ~20 ms a document, where a sheet's layout is ~250 ms)."""

    def __init__(self, base_url: Path) -> None:
        from weasyprint.text.fonts import FontConfiguration
        from weasyprint.urls import URLFetcher

        global _fonts_set_up
        _fonts_set_up = True
        self.base_url = str(base_url) + "/"
        self.fonts = FontConfiguration()
        self.fetcher = URLFetcher(allowed_protocols={"file"})
        self.stylesheets: dict[str, Any] = {}

    def render(self, document_html: str, style: str) -> Any:
        """Lay ``document_html`` out with the CSS ``style``."""
        from weasyprint import CSS

        if (stylesheet := self.stylesheets.get(style)) is None:
            stylesheet = self.stylesheets[style] = CSS(string=style, font_config=self.fonts)
        html = html_class()(string=document_html, base_url=self.base_url, url_fetcher=self.fetcher)
        return html.render(stylesheets=[stylesheet], font_config=self.fonts)


def harfbuzz_subset_available() -> bool:
    from weasyprint.text import ffi

    return getattr(ffi, "harfbuzz_subset", None) is not None
