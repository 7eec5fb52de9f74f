"""Font stacks and glyph coverage for the PDF."""

from __future__ import annotations

from cardgen.pdf.fonts import detect_language, missing_families, stacks_for, uncovered


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
