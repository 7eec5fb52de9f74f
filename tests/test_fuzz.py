"""Never crashes: any text either builds or raises a CardgenError."""

from __future__ import annotations

import contextlib
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cardgen.build import build
from cardgen.config import BuildConfig
from cardgen.errors import CardgenError
from cardgen.extract import extract
from cardgen.parse import parse_text

PIECES = [
    "# ",
    "## ",
    "#### ",
    "###### ",
    "1. ",
    "1、",
    "Q1: ",
    "第2题",
    "- ",
    "* ",
    "  - ",
    "> ",
    "```\n",
    "~~~",
    "| a | b |\n| - | - |\n| 1 | 2 |\n",
    "**",
    "*",
    "_",
    "`",
    "：",
    "注意",
    "探针",
    "?",
    "？",
    "\n",
    "\n\n",
    "<!--",
    "-->",
    "<details>",
    "<summary>",
    "<script>",
    "---\n",
    "+++\n",
    "{#id}",
    "$x$",
    "![](a.png)",
    "\r\n",
    "\ufeff",
    "待补充",
    "Answer here",
    " ",
    "\t",
    "text",
    "文本",
]
documents = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=8)), max_size=40).map("".join)


@settings(max_examples=300, deadline=None)
@given(documents)
def test_extract_never_crashes(text: str) -> None:
    notes = extract(parse_text(text, Path("fuzz.md")))
    for q in notes.questions:
        assert q.loc.line >= 1 and q.title_text == q.title_text.strip()


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents)
def test_build_never_crashes(text: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        notes = Path(tmp) / "notes.md"
        notes.write_text(text, encoding="utf-8", newline="")
        with contextlib.suppress(CardgenError):
            build(BuildConfig(sources=(notes,), output_dir=Path(tmp) / "out", write_pdf=False))
