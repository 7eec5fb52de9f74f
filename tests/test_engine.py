"""The WeasyPrint setup: the lean user-agent stylesheet, and when a worker may be forked."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from cardgen.pdf import engine


def test_the_lean_stylesheet_drops_only_footnote_and_note_rules() -> None:
    ua = """
    @namespace url(http://www.w3.org/1999/xhtml);
    li { display: list-item }
    ::marker { white-space: pre }
    ::footnote-call { content: counter(footnote) }
    ::footnote-marker { content: counter(footnote) ". " }
    ::note-callback { content: " ↩" }
    q::before { content: open-quote }
    """
    lean = engine.lean_user_agent_css(ua)
    assert "footnote" not in lean and "note-callback" not in lean
    for kept in ("@namespace", "li", "::marker", "q::before", "open-quote"):
        assert kept in lean


def test_the_lean_stylesheet_replaces_weasyprints_own() -> None:
    from weasyprint.html import UA_STYLESHEET

    sheets = engine.html_class()(string="<p>x</p>")._ua_stylesheets()
    assert UA_STYLESHEET not in sheets and len(sheets) == 1


def test_no_worker_is_forked_once_fonts_are_set_up(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(engine, "_fonts_set_up", False)
    assert engine.fork_is_safe() == (sys.platform == "linux")
    engine.Renderer(tmp_path)
    assert not engine.fork_is_safe()
