"""The WeasyPrint setup: the lean user-agent stylesheet, and when a worker may be forked."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from cardgen.pdf import engine


def pseudo_elements(stylesheet: object) -> list[str | None]:
    matcher = stylesheet.matcher  # type: ignore[attr-defined]
    tables = [getattr(matcher, name) for name in engine._MATCHER_TABLES]
    entries = [e for t in tables for group in (t.values() if isinstance(t, dict) else [t]) for e in group]
    return sorted((entry[3] for entry in entries), key=str)


def test_the_lean_stylesheet_drops_only_footnote_and_note_rules() -> None:
    engine.load_weasyprint()
    from weasyprint import CSS

    ua = """
    @namespace url(http://www.w3.org/1999/xhtml);
    li { display: list-item }
    ::marker { white-space: pre }
    ::footnote-call { content: counter(footnote) }
    ::footnote-marker { content: counter(footnote) ". " }
    ::note-callback { content: " ↩" }
    q::before { content: open-quote }
    p, div#x, .c::after { margin: 0 }
    """
    full = CSS(string=ua)
    lean = engine.lean_user_agent_stylesheet(full)
    assert pseudo_elements(lean) == sorted(["marker", None, "before", None, None, "after"], key=str)
    assert len(pseudo_elements(full)) == 9  # the original is left as it was


def test_weasyprints_own_stylesheet_loses_its_footnote_and_note_rules_only() -> None:
    from weasyprint.html import UA_STYLESHEET

    full, lean = pseudo_elements(UA_STYLESHEET), pseudo_elements(engine.lean_user_agent_stylesheet(UA_STYLESHEET))
    dropped = [p for p in full if isinstance(p, str) and p.startswith(("footnote-", "note-"))]
    assert len(dropped) >= 5 and sorted(lean + dropped, key=str) == full


def test_the_lean_stylesheet_replaces_weasyprints_own() -> None:
    from weasyprint.html import UA_STYLESHEET

    sheets = engine.html_class()(string="<p>x</p>")._ua_stylesheets()
    assert UA_STYLESHEET not in sheets and len(sheets) == 1


def test_no_worker_is_forked_once_fonts_are_set_up(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(engine, "_fonts_set_up", False)
    assert engine.fork_is_safe() == (sys.platform == "linux")
    engine.Renderer(tmp_path)
    assert not engine.fork_is_safe()


def test_tinyhtml5_patterns_are_found_again_and_parse_the_same(monkeypatch: pytest.MonkeyPatch) -> None:
    """tinyhtml5's own cache never hits (each call builds its pattern again); the mended one
    hits, and the documents it parses are the same, element by element."""
    import xml.etree.ElementTree as ET

    import tinyhtml5
    from tinyhtml5 import inputstream

    document = (
        '<!DOCTYPE html><html lang="zh-CN"><body><div class="card" style="transform: translate(1mm, 2mm)">'
        "<p>容器 &amp; <code>kubectl get pods -A</code><br>x &lt; y</p><!-- note -->"
        "<table><tr><th>a</th><td data-x='1'>b &#x4e2d;</td></tr></table><pre>  line\n\tindented</pre>"
        '<img src=a.png alt="x"></div></body></html>'
    )
    monkeypatch.setattr(inputstream, "characters_until_regex", {})
    own = ET.tostring(tinyhtml5.parse(document, namespace_html_elements=False))
    own_patterns = set(inputstream.characters_until_regex)
    assert all(isinstance(key[0], type(re.compile(""))) for key in own_patterns)  # stored under the pattern

    engine.mend_tinyhtml5_pattern_cache()
    mended = inputstream.characters_until_regex
    assert isinstance(mended, engine.CharsUntilPatterns)
    assert ET.tostring(tinyhtml5.parse(document, namespace_html_elements=False)) == own
    assert {(pattern.pattern, opposite) for pattern, opposite in own_patterns} == {
        (pattern.pattern, opposite) for (_, opposite), pattern in mended.items()
    }
    seen = dict(mended)
    tinyhtml5.parse(document, namespace_html_elements=False)
    assert dict(mended) == seen  # every lookup found its pattern: nothing new made


def test_harfbuzz_code_point_arrays_are_cffis_own_types_without_parsing(monkeypatch: pytest.MonkeyPatch) -> None:
    """An array of N code points comes from the mended cache as the very type cffi's parse
    gives, holds the same values, and no C is parsed for it; other types parse as before."""
    engine.load_weasyprint()
    from weasyprint.text.ffi import ffi

    monkeypatch.setattr(ffi, "_parsed_types", dict(ffi._parsed_types))
    parsed = ffi.typeof("hb_codepoint_t[37]")  # cffi's own parse
    engine.mend_cffi_array_types()
    assert isinstance(ffi._parsed_types, engine.ArrayTypes)

    def no_parsing(*args: object) -> None:
        raise AssertionError("C was parsed")

    with monkeypatch.context() as patch:
        patch.setattr(ffi, "_typeof_locked", no_parsing)
        assert ffi.typeof("hb_codepoint_t[37]") is parsed
        array = ffi.new("hb_codepoint_t[4001]", list(range(4001)))
        assert ffi.typeof(array) is ffi.typeof("hb_codepoint_t[4001]") and list(array) == list(range(4001))
        with pytest.raises(AssertionError, match="C was parsed"):
            ffi.typeof("unsigned short[3]")
    assert ffi.sizeof(ffi.typeof("unsigned short[3]")) == 6


# A fresh interpreter: WeasyPrint loaded through cardgen, then its fontTools paths used.
FONTTOOLS_WHEN_USED = r"""
import sys
from cardgen.pdf import engine
engine.load_weasyprint()
loaded = [name for name in ("fontTools.subset", "fontTools.varLib.instancer") if name in sys.modules]
from weasyprint.pdf import fonts
from fontTools import subset
assert fonts.subset.Subsetter is subset.Subsetter  # the stand-in reads the real module's attribute
from fontTools.varLib import instancer
try:
    fonts.instantiateVariableFont(None, {})  # calls the real function, which fails on no font
except Exception as error:
    import traceback
    files = [frame.filename for frame in traceback.extract_tb(error.__traceback__)]
print(loaded, any(name.endswith("instancer/__init__.py") for name in files))
"""


def test_fonttools_subsetter_and_instancer_load_when_weasyprint_uses_them() -> None:
    done = subprocess.run([sys.executable, "-c", FONTTOOLS_WHEN_USED], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["[]", "True"]


# A fresh interpreter in which the import from the linker's cache fails (made to, as a library
# missing from the cache would): WeasyPrint is imported again with the full lookup, quietly.
FIRST_TRY_FAILS = r"""
import ctypes.util, sys
cached = ctypes.util._findSoname_ldconfig
def failing(name):
    raise ImportError("not in the cache")
ctypes.util._findSoname_ldconfig = failing
asked = []
def full_lookup(name):
    asked.append(name)
    return cached(name)
ctypes.util.find_library = full_lookup
from cardgen.pdf import engine
engine.load_weasyprint()
from weasyprint.text import ffi
assert ctypes.util.find_library is full_lookup
assert "libgobject-2.0-0" in asked and ffi.pango is not None
print("imported")
"""

PLAIN = r"""
import ctypes.util
original = ctypes.util.find_library
from cardgen.pdf import engine
engine.load_weasyprint()
assert ctypes.util.find_library is original
from weasyprint.text import ffi
print(sorted(name for name in ("gobject", "pango", "harfbuzz", "harfbuzz_subset", "fontconfig", "pangoft2")
             if getattr(ffi, name) is not None))
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the dynamic linker's cache is Linux's")
def test_weasyprint_is_imported_from_the_linker_cache_or_else_as_before() -> None:
    done = subprocess.run([sys.executable, "-c", PLAIN], capture_output=True, text=True, check=True)
    assert "'harfbuzz_subset', 'pango', 'pangoft2'" in done.stdout
    done = subprocess.run([sys.executable, "-c", FIRST_TRY_FAILS], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout == "imported\n"  # WeasyPrint's advice from the failed first try is not shown
