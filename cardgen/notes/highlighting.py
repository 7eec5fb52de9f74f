"""Code listings highlighted by Pygments, ahead of need in a second process for files full of code.

Pygments lexes in pure Python: 0.9 s of CPU for the 378 listings (350 KB) of a 1,000-question
file of long answers, a fifth of reading it. While this process builds the file's syntax tree
and reads its questions, a child forked right after the parse highlights the file's listings in
document order and sends each one's HTML back; ``highlight`` takes a listing's HTML from it when
the child has it in hand, and highlights the listing itself otherwise (a listing written out
again in pieces, a child that failed). The child inherits the listings with the fork, so nothing
is sent to it, and it is stopped when the file is read.

Only where fork is the safe default (Linux), only with a second core, and only for files with
more than ``MIN_CODE_AHEAD`` characters of code: forking and exchanging the results costs a few
milliseconds, which small files would not win back.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
import threading
from collections import Counter
from collections.abc import Sequence
from multiprocessing.connection import Connection

import pygments
from markdown_it.common.utils import unescapeAll
from markdown_it.token import Token
from pygments.formatters import HtmlFormatter
from pygments.lexers import get_lexer_by_name
from pygments.util import ClassNotFound

_FORMATTER = HtmlFormatter(nowrap=True, classprefix="pyg-")
MIN_CODE_AHEAD = 30_000
# Seconds to wait for the child's next listing before highlighting here instead: it lexes a
# listing in milliseconds, and a file's worth in about a second.
MAX_WAIT = 10.0

Listing = tuple[str, str]  # (code, the language markdown-it names to ``highlight``: the fence info's first word)


def pygments_html(code: str, lang: str) -> str:
    """Pygments HTML for a listing in a known language; "" lets markdown-it escape it plainly."""
    if not lang:
        return ""
    try:
        lexer = get_lexer_by_name(lang.split()[0])
    except ClassNotFound:
        return ""
    return str(pygments.highlight(code, lexer, _FORMATTER))


class _Ahead:
    """A child highlighting ``listings`` in order, and what it has sent so far."""

    def __init__(self, listings: list[Listing]) -> None:
        self.listings = listings
        self.waiting = Counter(listings)  # listings the child will still send
        self.received: dict[Listing, str] = {}
        self.sent = 0
        receiving, sending = multiprocessing.Pipe(duplex=False)
        context = multiprocessing.get_context("fork")
        self.child = context.Process(target=_highlight_all, args=(listings, sending), daemon=True)
        self.child.start()
        sending.close()
        self.conn: Connection | None = receiving

    def take(self, listing: Listing) -> str | None:
        """The listing's HTML from the child; None when the child is not highlighting it."""
        if listing in self.received:
            return self.received[listing]
        if not self.waiting[listing] or self.conn is None:
            return None
        while listing not in self.received:
            try:
                if not self.conn.poll(MAX_WAIT):
                    raise TimeoutError  # the child is stuck
                html = self.conn.recv_bytes().decode()
            except (EOFError, OSError):  # the child failed or hangs: highlight here from now on
                self.stop()
                return None
            done = self.listings[self.sent]
            self.sent += 1
            self.waiting[done] -= 1
            self.received[done] = html
        return self.received[listing]

    def stop(self) -> None:
        if self.conn is not None:
            self.conn.close()
            self.conn = None
        if self.child.is_alive():
            self.child.terminate()
        self.child.join()


def _highlight_all(listings: Sequence[Listing], conn: Connection) -> None:
    try:
        for code, lang in listings:
            conn.send_bytes(pygments_html(code, lang).encode())
    except (BrokenPipeError, OSError):
        pass  # the parent stopped listening: the file is read
    finally:
        conn.close()


_ahead: _Ahead | None = None


def start_ahead(tokens: Sequence[Token]) -> None:
    """Fork a child to highlight the listings of a file just parsed, when that pays off."""
    global _ahead
    stop_ahead()
    listings = [(t.content, _language(t.info)) for t in tokens if t.type == "fence" and t.info.strip()]
    if sum(len(code) for code, _ in listings) < MIN_CODE_AHEAD or not _can_fork():
        return
    _ahead = _Ahead(listings)


def stop_ahead() -> None:
    """Stop the child, if any; listings it did not send are highlighted here when asked for."""
    global _ahead
    if _ahead is not None:
        _ahead.stop()
        _ahead = None


def highlight(code: str, lang: str, attrs: str) -> str:
    """markdown-it's ``highlight`` option: from the child when it has the listing, else here."""
    if _ahead is not None and (html := _ahead.take((code, lang))) is not None:
        return html
    return pygments_html(code, lang)


def _language(info: str) -> str:
    """The language markdown-it passes to ``highlight`` for a fence's info string (as near as
    needs be: a listing whose language is read otherwise is highlighted here, not ahead)."""
    words = unescapeAll(info).split(maxsplit=1)
    return words[0] if words else ""


def _can_fork() -> bool:
    """Linux, a second core, and no other thread that could hold a lock the child would need."""
    return sys.platform == "linux" and (os.cpu_count() or 1) > 1 and threading.active_count() == 1
