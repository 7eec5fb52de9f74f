"""Text and character helpers shared by every stage (kept tiny: it is imported on every run)."""

from __future__ import annotations

import html
import re

# Emoji and the symbols written like them (☑, ⭐, ✅, 🔹), with their joiners and variation selectors:
# one character class, inside the brackets of every pattern that looks for them.
PICTOGRAPHS = "\u200d\ufe0f\U0001f000-\U0001faff\u2600-\u27bf\u2b00-\u2bff"
ARROWS = "\u2190-\u21ff"

_TAG = re.compile(r"<[^>]+>")
IMG_TAG = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
"""One ``<img …>`` tag in HTML cardgen rendered."""
_ATTRIBUTE = re.compile(r"""([\w-]+)\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)""")


def text_of(fragment: str) -> str:
    """The text an HTML fragment shows (tags dropped, entities decoded)."""
    return html.unescape(_TAG.sub("", fragment))


def clipped(text: str, limit: int) -> str:
    """``text`` cut to ``limit`` characters, an ellipsis marking the cut (for messages and labels)."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def img_sources(fragment: str) -> list[str]:
    """The ``src`` of every image in an HTML fragment, in order."""
    return [img_attributes(tag.group(0)).get("src", "") for tag in IMG_TAG.finditer(fragment)]


def is_remote(src: str) -> bool:
    """An image cardgen never fetches: Anki loads it when online, print shows its alt text."""
    return src.lower().startswith(("http://", "https://", "//"))


def printed_images(fragment: str) -> int:
    """How many images an HTML fragment prints as images (a remote one prints as its alt text)."""
    return sum(not is_remote(src) for src in img_sources(fragment)) if "<img" in fragment else 0


def img_attributes(tag: str) -> dict[str, str]:
    """The attributes of one ``<img …>`` tag, names lower-cased, values unquoted and unescaped."""
    return {m.group(1).lower(): html.unescape(m.group(2).strip("\"'")) for m in _ATTRIBUTE.finditer(tag[4:])}


def is_cjk(char: str) -> bool:
    """True for Han, kana, Hangul and CJK/full-width punctuation."""
    if not char:
        return False
    code = ord(char)
    return (
        0x3000 <= code <= 0x9FFF  # CJK punctuation, kana, CJK unified ideographs
        or 0xAC00 <= code <= 0xD7AF  # Hangul syllables
        or 0xF900 <= code <= 0xFAFF  # CJK compatibility ideographs
        or 0xFF00 <= code <= 0xFFEF  # full-width forms (：，（）)
        or 0x20000 <= code <= 0x3FFFF  # CJK extension planes
    )
