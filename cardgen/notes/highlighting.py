"""Code listings highlighted by Pygments, ahead of need in a second process for files full of code.

Pygments lexes in pure Python: 0.9 s of CPU for the 378 listings (350 KB) of a 1,000-question
file of long answers, a fifth of reading it. A child forked just before this process parses the
file finds the listings itself, by markdown-it's block-level parse alone (the listings are whole
by then: the inline parse, a third of the whole, is left out), and highlights them in document
order while this process parses the file, builds its syntax tree and reads its questions.
``highlight`` takes a listing's HTML from the child when the child has it in hand, and highlights
the listing itself otherwise (a listing written out again in pieces, a child that failed).

The child first sends a digest of the listings it found; once the file is parsed here
(``expect_ahead``), its HTML is used only if that digest is the one of this process's own
listings, so the two can never be paired wrongly. Forked before the parse, from a process not
yet holding the file's millions of tokens, the fork is cheap and this process does not pay for
copying the pages it then writes (forked after the parse, building the syntax tree took a third
longer).

Only where fork is the safe default (Linux), only with a second core, and only for files with
more than ``MIN_CODE_AHEAD`` characters of code: forking and exchanging the results costs a few
milliseconds, which small files would not win back. The child is stopped when the file is read.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import queue
import sys
import threading
from collections import Counter
from collections.abc import Sequence
from multiprocessing.connection import Connection

import pygments
from markdown_it import MarkdownIt
from markdown_it.common.utils import unescapeAll
from markdown_it.rules_core import StateCore
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
    """A child finding a file's listings and highlighting them in order, and what it has sent so far."""

    def __init__(self, md: MarkdownIt, text: str) -> None:
        self.listings: list[Listing] = []  # this process's own, once the file is parsed here
        self.waiting: Counter[Listing] = Counter()  # listings the child will still send
        self.received: dict[Listing, str] = {}
        self.sent = 0
        receiving, sending = multiprocessing.Pipe(duplex=False)
        context = multiprocessing.get_context("fork")
        self.child = context.Process(target=_highlight_file, args=(md, text, sending), daemon=True)
        self.child.start()
        sending.close()
        self.conn: Connection | None = receiving

    def expect(self, listings: list[Listing]) -> None:
        """The listings as this process parsed them: the child's HTML is theirs only if it found
        the very same, in the same order (its digest says)."""
        try:
            if self.conn is None or not self.conn.poll(MAX_WAIT) or self.conn.recv_bytes() != _digest(listings):
                raise EOFError  # a child that found other listings, or none, is of no use
        except (EOFError, OSError):
            self.stop()
            return
        self.listings, self.waiting = listings, Counter(listings)

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


def _highlight_file(md: MarkdownIt, text: str, conn: Connection) -> None:
    """In the child: the file's listings found, their digest sent, then each one's HTML in order."""
    try:
        listings = listings_of(_block_tokens(md, text))
        if sum(len(code) for code, _ in listings) >= MIN_CODE_AHEAD:
            conn.send_bytes(_digest(listings))
            _highlight_all(listings, conn)
    except (BrokenPipeError, OSError):
        pass  # the parent stopped listening: the file is read
    finally:
        conn.close()


def _highlight_all(listings: Sequence[Listing], conn: Connection) -> None:
    """Each listing's HTML, sent by a thread of its own: the parent reads only once it needs the
    first one, and a full pipe (64 KB; a file's HTML is megabytes) must not stop the lexing."""
    done: queue.SimpleQueue[bytes | None] = queue.SimpleQueue()

    def send() -> None:
        try:
            while (html := done.get()) is not None:
                conn.send_bytes(html)
        except OSError:
            pass  # the parent stopped listening: the file is read

    sender = threading.Thread(target=send, daemon=True)
    sender.start()
    for code, lang in listings:
        done.put(pygments_html(code, lang).encode())
    done.put(None)
    sender.join()


def _block_tokens(md: MarkdownIt, text: str) -> list[Token]:
    """The file's tokens as ``md`` parses it up to its block-level parse (no inline parse): every
    listing is whole by then."""
    state = StateCore(text, md, {})
    for name, rule in zip(md.core.ruler.get_active_rules(), md.core.ruler.getRules(""), strict=True):
        rule(state)
        if name == "block":
            break
    return state.tokens


def listings_of(tokens: Sequence[Token]) -> list[Listing]:
    """The listings markdown-it will hand ``highlight``, in order: fences that name a language."""
    return [(t.content, _language(t.info)) for t in tokens if t.type == "fence" and t.info.strip()]


def _digest(listings: Sequence[Listing]) -> bytes:
    hashed = hashlib.blake2b(digest_size=16)
    for code, lang in listings:
        hashed.update(f"{len(code)}:{len(lang)}:{code}{lang}".encode())
    return hashed.digest()


_ahead: _Ahead | None = None


def start_ahead(md: MarkdownIt, text: str) -> None:
    """Fork a child to find and highlight the listings of a file about to be parsed with ``md``,
    when it may pay off (a file shorter than ``MIN_CODE_AHEAD`` holds less code than that)."""
    global _ahead
    stop_ahead()
    if len(text) >= MIN_CODE_AHEAD and _can_fork():
        _ahead = _Ahead(md, text)


def expect_ahead(tokens: Sequence[Token]) -> None:
    """The file is parsed: the child's work is used if it pays off and is for these listings."""
    if _ahead is None:
        return
    listings = listings_of(tokens)
    if sum(len(code) for code, _ in listings) < MIN_CODE_AHEAD:
        stop_ahead()
    else:
        _ahead.expect(listings)


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
