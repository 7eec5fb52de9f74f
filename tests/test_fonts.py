"""Font stacks and glyph coverage for the PDF."""

from __future__ import annotations

from cardgen.pdf.fonts import (
    EMOJI_FACE,
    detect_language,
    font_faces,
    has_emoji,
    missing_families,
    stacks_for,
    uncovered,
)


def test_language_from_the_script() -> None:
    assert detect_language("探针有哪几种") == "zh-CN"
    assert detect_language("プローブ") == "ja"
    assert detect_language("프로브") == "ko"
    assert detect_language("What is a probe?") == "en"


def test_every_stack_names_a_cjk_face_of_the_language() -> None:
    assert stacks_for("zh-CN").sans[1] == "Noto Sans CJK SC"
    assert stacks_for("zh-TW").mono[1] == "Noto Sans Mono CJK TC"
    assert stacks_for("en").sans[-1] == stacks_for("en").mono[-1] == "Noto Color Emoji"
    assert stacks_for("en").sans[0] == "DejaVu Sans"


def test_uncovered_characters_are_found_once_in_order() -> None:
    stacks = stacks_for("zh-CN")
    assert missing_families(stacks) == []
    assert uncovered("探针 probe 𐀀 x 𐀀 \t ⭐ ✅ 🌈 👏", stacks) == ["𐀀"]


def test_the_emoji_face_only_where_the_notes_have_emoji() -> None:
    """Loading the emoji face costs every PDF worker ~40 ms: a deck without an emoji character
    names no emoji face; one with ⭐, ✅, © or 🌈 does, and only for those characters."""
    assert not any(has_emoji(text) for text in ("探针 probe → 1 # *", "x ≥ y", "\u2b56"))
    assert all(has_emoji(text) for text in ("⭐", "done ✅", "© 2024", "🌈 rainbow", "⭕"))
    plain, with_emoji = stacks_for("zh-CN", emoji=False), stacks_for("zh-CN")
    assert "Noto Color Emoji" not in plain.sans + plain.mono and font_faces(plain) == ""
    assert EMOJI_FACE not in plain.css(plain.sans) and EMOJI_FACE in with_emoji.css(with_emoji.sans)
    assert "unicode-range" in font_faces(with_emoji) and EMOJI_FACE in font_faces(with_emoji)
