"""Fonts for the PDF: which families print each language, and which characters they can print.

Chinese set without a language tag, or in a font stack with no named CJK member, comes
out in Japanese glyph forms or as tofu (docs/printing.md). So every stack names a CJK
face matched to the notes' language, and every character is checked against the fonts
before rendering, so a missing glyph is reported at its ``file:line`` instead of printed
as an empty box.
"""

from __future__ import annotations

import re
import subprocess
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from cardgen.text import is_cjk

# The CJK faces of Debian's fonts-noto-cjk, by the notes' language.
CJK_REGION = {"zh-CN": "SC", "zh-TW": "TC", "ja": "JP", "ko": "KR"}
LATIN_SANS = "DejaVu Sans"
LATIN_MONO = "DejaVu Sans Mono"
# Last in every stack, and only for emoji code points: named plainly, Pango takes it for digits
# and "#" too (they are emoji characters as well), see docs/printing.md.
EMOJI = "Noto Color Emoji"
EMOJI_FACE = "cg-emoji"
NOT_REGULAR = ("Bold", "Oblique", "Condensed")  # in a font file's name
EMOJI_RANGES = (
    "U+00A9, U+00AE, U+203C, U+2049, U+2122, U+2139, U+2194-21AA, U+231A-23FF, U+24C2, U+25AA-27BF, "
    "U+2934-2935, U+2B05-2B55, U+3030, U+303D, U+3297, U+3299, U+1F000-1FAFF"
)


@dataclass(frozen=True)
class FontStacks:
    """The font families the PDF names, in fallback order."""

    sans: tuple[str, ...]
    """Text."""
    mono: tuple[str, ...]
    """Code."""

    def css(self, stack: tuple[str, ...]) -> str:
        families = (EMOJI_FACE if family == EMOJI else family for family in stack)
        generic = ", monospace" if stack == self.mono else ", sans-serif"
        return ", ".join(f'"{family}"' for family in families) + generic


def font_faces(stacks: FontStacks) -> str:
    """The ``@font-face`` rules the stacks' CSS names rely on."""
    if EMOJI not in stacks.sans:
        return ""
    return f'@font-face {{ font-family: "{EMOJI_FACE}"; src: local("{EMOJI}"); unicode-range: {EMOJI_RANGES}; }}'


def _character_class(ranges: str) -> re.Pattern[str]:
    """A pattern matching one character of CSS ``unicode-range`` spans (``U+00A9, U+2194-21AA``)."""
    spans = (span.strip().removeprefix("U+").partition("-") for span in ranges.split(","))
    members = (f"\\U{int(a, 16):08x}" + (f"-\\U{int(b, 16):08x}" if b else "") for a, _, b in spans)
    return re.compile("[" + "".join(members) + "]")


_EMOJI_CHARACTER = _character_class(EMOJI_RANGES)


def has_emoji(text: str) -> bool:
    """Whether ``text`` has a character the emoji face prints (``EMOJI_RANGES``). A PDF without
    one names no emoji face: loading it costs each PDF worker ~40 ms before its first sheet."""
    return _EMOJI_CHARACTER.search(text) is not None


def detect_language(text: str) -> str:
    """A BCP 47 tag for the notes: kana → ``ja``, Hangul → ``ko``, Han → ``zh-CN``, else ``en``."""
    han = kana = hangul = 0
    for ch in text:
        code = ord(ch)
        if 0x3040 <= code <= 0x30FF:
            kana += 1
        elif 0xAC00 <= code <= 0xD7AF:
            hangul += 1
        elif is_cjk(ch) and unicodedata.category(ch) == "Lo":
            han += 1
    if kana:
        return "ja"
    if hangul:
        return "ko"
    return "zh-CN" if han else "en"


def stacks_for(language: str, *, emoji: bool = True) -> FontStacks:
    """The stacks for notes in ``language``; with the emoji face last, unless ``emoji`` is False."""
    region = CJK_REGION.get(language, "SC")
    last = (EMOJI,) if emoji else ()
    # Latin first so English reads in a Latin design; the CJK face catches every CJK character.
    return FontStacks(
        sans=(LATIN_SANS, f"Noto Sans CJK {region}", *last),
        mono=(LATIN_MONO, f"Noto Sans Mono CJK {region}", *last),
    )


# (file, charset) of each face fontconfig has, by family, for the families asked about so far.
_FACES: dict[str, tuple[tuple[str, str], ...]] = {}


def look_up(families: Iterable[str]) -> None:
    """Ask fontconfig (``fc-list``) about each family not asked about yet: one process a family,
    all started at once, so a build waits for the slowest, not for the sum (six families: ~25 ms
    one after the other, several times that while the PDF workers hold the cores)."""
    asked = [family for family in dict.fromkeys(families) if family not in _FACES]
    running = []
    for family in asked:
        try:
            command = ["fc-list", "--format=%{file}\t%{charset}\n", family]
            running.append(
                (family, subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True))
            )
        except OSError:  # no fontconfig: no family is installed
            _FACES[family] = ()
    for family, process in running:
        try:
            out, _ = process.communicate(timeout=30)
        except subprocess.SubprocessError:
            process.kill()
            process.wait()
            out = ""
        faces = {(file, charset) for file, _, charset in (line.partition("\t") for line in out.splitlines())}
        # The regular face first: the one whose coverage is read.
        _FACES[family] = tuple(sorted(faces, key=lambda face: (any(style in face[0] for style in NOT_REGULAR), face)))


def _faces(family: str) -> tuple[tuple[str, str], ...]:
    """(file, charset) of each face fontconfig has for ``family``, the regular face first; empty
    if it has none or fontconfig is absent."""
    look_up([family])
    return _FACES[family]


def family_files(family: str) -> tuple[str, ...]:
    """Font files fontconfig has for ``family``, the regular face first."""
    return tuple(dict.fromkeys(file for file, _ in _faces(family)))


@cache
def family_coverage(family: str) -> frozenset[int]:
    """Code points the family's regular face maps to a glyph: fontconfig's charset of the face,
    read from its cache (``fc-list``), the same set Pango picks fonts by. Reading the cmap with
    fontTools instead cost ~0.45 s a build with the CJK faces."""
    faces = _faces(family)
    if not faces:
        return frozenset()
    covered: set[int] = set()
    for span in faces[0][1].split():
        first, _, last = span.partition("-")
        try:
            covered.update(range(int(first, 16), int(last or first, 16) + 1))
        except ValueError:
            continue  # not fontconfig's charset syntax: nothing claimed
    return frozenset(covered)


def missing_families(stacks: FontStacks) -> list[str]:
    look_up((*stacks.sans, *stacks.mono))
    return [family for family in (*stacks.sans, *stacks.mono) if not family_files(family)]


@cache
def stacks_coverage(stacks: FontStacks) -> frozenset[int]:
    """Code points some font of either stack prints (the union is made once: CJK fonts map
    some 65,000 code points each, and joining them per card took 5 ms a card)."""
    return frozenset().union(*(family_coverage(family) for family in (*stacks.sans, *stacks.mono)))


def uncovered(text: str, stacks: FontStacks) -> list[str]:
    """Characters of ``text`` that no font in either stack can print (in order, once each)."""
    covered = stacks_coverage(stacks)
    missing: dict[str, None] = {}
    for ch in text:
        if ch in missing or ord(ch) in covered:
            continue
        if unicodedata.category(ch) in ("Cc", "Cf", "Zs", "Zl", "Zp") or ch in "\n\t\r":
            continue
        missing[ch] = None
    return list(missing)
