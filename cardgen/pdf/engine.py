"""WeasyPrint, set up once per process: fonts, a fetcher that reads local files only, a lean
user-agent stylesheet, and its warnings collected instead of printed.

WeasyPrint is imported inside the functions: a build that writes no PDF never loads it.
"""

from __future__ import annotations

import copy
import io
import logging
import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager, redirect_stdout
from functools import cache
from pathlib import Path
from typing import Any

from cardgen.standins import deferred, standing_in

# Rules of WeasyPrint's HTML user-agent stylesheet for features cards never use: CSS footnotes
# (``float: footnote``) and notes. Each is a universal pseudo-element rule, so every element
# of every sheet got five pseudo-element styles computed for nothing (see docs/printing.md).
UNUSED_UA_PSEUDO_ELEMENTS = ("::footnote-", "::note-")

# Set once this process has set WeasyPrint's fonts up (fontconfig, Pango): from then on a worker
# is not forked from it, only spawned afresh.
_fonts_set_up = False


def load_weasyprint() -> None:
    """Import WeasyPrint, every part of cardgen through here, so that the first import is fast.

    WeasyPrint loads each C library by trying up to six names (Windows, macOS and Linux
    spellings); for a name that does not load directly, cffi asks ``ctypes.util.find_library``,
    which on Linux runs ``gcc`` and then ``ld`` for a name the dynamic linker's cache lacks:
    13 of the 22 names tried on Debian, ~10 ms each, ~0.17 s an import (WeasyPrint issue 1125
    asks why it runs gcc). While WeasyPrint is imported here, the lookup answers from the cache
    alone, which is what ``find_library`` returns first anyway for every name the cache has. A
    library the cache lacks fails that import; WeasyPrint is then imported again with the full
    lookup, so it is found as before, or WeasyPrint's own message says what is missing.

    WeasyPrint also imports fontTools' subsetter and variable font instancer at start-up (~60 ms,
    a quarter of the import), which it uses only to subset without HarfBuzz or to instantiate a
    variable font: stand-ins import them when used (``cardgen.standins``)."""
    if "weasyprint" in sys.modules:
        return
    with standing_in(
        {
            "fontTools.subset": deferred("fontTools.subset"),
            "fontTools.varLib.instancer": deferred("fontTools.varLib.instancer", ("instantiateVariableFont",)),
        }
    ):
        _import_weasyprint()


def _import_weasyprint() -> None:
    import ctypes.util

    from_cache = getattr(ctypes.util, "_findSoname_ldconfig", None)
    if not sys.platform.startswith("linux") or from_cache is None:
        import weasyprint

        return
    full_lookup = ctypes.util.find_library
    ctypes.util.find_library = from_cache
    try:
        with redirect_stdout(io.StringIO()):  # WeasyPrint prints its advice before it fails
            import weasyprint
    except (ImportError, OSError):
        for name in [name for name in sys.modules if name == "weasyprint" or name.startswith("weasyprint.")]:
            del sys.modules[name]
    finally:
        ctypes.util.find_library = full_lookup
    if "weasyprint" not in sys.modules:
        import weasyprint  # noqa: F401


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


# cssselect2's ``Matcher`` keeps its selectors in these, each entry
# ``(test, specificity, order, pseudo_element, payload)``.
_MATCHER_TABLES = (
    "id_selectors",
    "class_selectors",
    "lower_local_name_selectors",
    "namespace_selectors",
    "lang_attr_selectors",
    "other_selectors",
)


def lean_user_agent_stylesheet(stylesheet: Any) -> Any | None:
    """WeasyPrint's parsed user-agent ``stylesheet`` without the rules for
    ``UNUSED_UA_PSEUDO_ELEMENTS``: a copy whose selector matcher keeps every other entry. Made
    from the stylesheet WeasyPrint parsed when imported, not by parsing its text again (~30 ms a
    PDF worker, before its first sheet). None when the matcher is not cssselect2's as known."""
    matcher = getattr(stylesheet, "matcher", None)
    if matcher is None or not all(isinstance(getattr(matcher, name, None), (dict, list)) for name in _MATCHER_TABLES):
        return None
    unused = tuple(prefix.removeprefix("::") for prefix in UNUSED_UA_PSEUDO_ELEMENTS)

    def kept(entries: list[Any]) -> list[Any]:
        return [entry for entry in entries if not (isinstance(entry[3], str) and entry[3].startswith(unused))]

    lean_matcher = copy.copy(matcher)
    for name in _MATCHER_TABLES:
        table = getattr(matcher, name)
        lean_table = {key: kept(entries) for key, entries in table.items()} if isinstance(table, dict) else kept(table)
        setattr(lean_matcher, name, lean_table)
    lean = copy.copy(stylesheet)
    lean.matcher = lean_matcher
    return lean


class CharsUntilPatterns(dict[tuple[Any, bool], "re.Pattern[str]"]):
    """tinyhtml5's cache of the patterns its ``chars_until`` scans with, filled under the key
    it looks up.

    tinyhtml5 2.1 stores a new pattern with ``characters = cache[(characters, opposite)] =
    regex``; Python binds ``characters`` to the pattern before it builds the key, so the entry
    lands under ``(pattern, opposite)`` and every later lookup misses and builds the pattern's
    source again: a third of the time it takes to parse the HTML of the seed's sheets. The
    pattern made here is the one tinyhtml5 makes (same source, same flags)."""

    def __missing__(self, key: tuple[Any, bool]) -> re.Pattern[str]:
        characters, opposite = key
        source = "".join(f"\\x{ord(character):02x}" for character in characters)
        if not opposite:
            source = f"^{source}"
        pattern = self[key] = re.compile(f"[{source}]+")
        return pattern


def mend_tinyhtml5_pattern_cache() -> None:
    """Put :class:`CharsUntilPatterns` in place of tinyhtml5's own cache, if it still has one
    (a tinyhtml5 without it parses the same, at its own speed)."""
    try:
        from tinyhtml5 import inputstream
    except ImportError:
        return
    if type(getattr(inputstream, "characters_until_regex", None)) is dict:
        inputstream.characters_until_regex = CharsUntilPatterns()


class ArrayTypes(dict[Any, Any]):
    """cffi's cache of parsed C types (``FFI._parsed_types``), answering an array of HarfBuzz
    code points of any length from the pointer type, without parsing C.

    WeasyPrint subsets a font by passing its glyph ids as ``ffi.new("hb_codepoint_t[N]", …)``,
    N the count of glyphs used: a new type name for nearly every font of every PDF part, which
    cffi parses with pycparser (1.6 ms each, ~20 a part). ``new_array_type`` is what cffi's own
    parse ends in, and returns the same cached type object."""

    def __init__(self, ffi: Any, parsed: dict[Any, Any]) -> None:
        super().__init__(parsed)
        self.new_array_type = ffi._backend.new_array_type
        self.pointer = ffi.typeof("hb_codepoint_t *")  # parsed once, here

    def __missing__(self, key: Any) -> Any:
        match = _CODEPOINT_ARRAY.fullmatch(key) if isinstance(key, str) else None
        if match is None:
            raise KeyError(key)  # cffi parses it, as before
        array = self.new_array_type(self.pointer, int(match.group(1)))
        parsed = self[key] = (array, False)  # (type, "is a function type")
        return parsed


_CODEPOINT_ARRAY = re.compile(r"hb_codepoint_t\[(\d+)\]")


def mend_cffi_array_types() -> None:
    """Put :class:`ArrayTypes` in place of the cache of WeasyPrint's ``ffi``, if it still is a
    plain dict with a backend that makes array types (otherwise it parses, at its own speed)."""
    try:
        from weasyprint.text.ffi import ffi
    except ImportError:
        return
    parsed = getattr(ffi, "_parsed_types", None)
    if type(parsed) is dict and hasattr(getattr(ffi, "_backend", None), "new_array_type"):
        ffi._parsed_types = ArrayTypes(ffi, parsed)


@cache
def html_class() -> Any:
    """WeasyPrint's ``HTML`` with the lean user-agent stylesheet; plain ``HTML`` when this
    WeasyPrint does not keep its stylesheet where version 70 does (same pages, only slower).
    tinyhtml5's pattern cache and cffi's type cache are mended on the way
    (:class:`CharsUntilPatterns`, :class:`ArrayTypes`)."""
    load_weasyprint()
    from weasyprint import HTML

    mend_tinyhtml5_pattern_cache()
    mend_cffi_array_types()

    try:
        from weasyprint.html import UA_STYLESHEET
    except ImportError:
        return HTML
    lean = lean_user_agent_stylesheet(UA_STYLESHEET)
    if lean is None or not callable(getattr(HTML, "_ua_stylesheets", None)):
        return HTML

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
        load_weasyprint()
        from weasyprint.text.fonts import FontConfiguration
        from weasyprint.urls import URLFetcher

        global _fonts_set_up
        _fonts_set_up = True
        self.base_url = str(base_url) + "/"
        self.fonts = FontConfiguration()
        self.fetcher = URLFetcher(allowed_protocols={"file"})
        self.stylesheets: dict[str, Any] = {}

    def stylesheet(self, style: str) -> Any:
        """The CSS ``style`` parsed (its fonts loaded), once."""
        from weasyprint import CSS

        if (stylesheet := self.stylesheets.get(style)) is None:
            stylesheet = self.stylesheets[style] = CSS(string=style, font_config=self.fonts)
        return stylesheet

    def render(self, document_html: str, style: str) -> Any:
        """Lay ``document_html`` out with the CSS ``style``."""
        html = html_class()(string=document_html, base_url=self.base_url, url_fetcher=self.fetcher)
        return html.render(stylesheets=[self.stylesheet(style)], font_config=self.fonts)


def harfbuzz_subset_available() -> bool:
    load_weasyprint()
    from weasyprint.text import ffi

    return getattr(ffi, "harfbuzz_subset", None) is not None
