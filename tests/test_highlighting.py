"""Code highlighted ahead in a second process gives the same HTML as highlighting it here."""

from __future__ import annotations

import multiprocessing
import os
import time
from pathlib import Path

import pytest
from markdown_it import MarkdownIt
from markdown_it.token import Token

from cardgen.commands.build import load_notes
from cardgen.config.options import BuildConfig
from cardgen.notes import highlighting
from cardgen.notes.extract import extract
from cardgen.notes.read import parse_text

NOTES = """# Code

## How do you read a file?

```python
with open("notes.md") as f:
    text = f.read()
```

## How do you list files?

- In a shell:

  ```bash
  ls -la
  ```

```python
with open("notes.md") as f:
    text = f.read()
```

## What is this?

```nosuchlanguage
plain text stays escaped <b>
```

```jsx harmony
const el = <h1>Hi</h1>;
```
"""


def answers(text: str) -> list[str]:
    notes = extract(parse_text(text, Path("code.md")))
    return [q.answer_html + "".join(b.html for b in q.answer_blocks) for q in notes.questions]


def test_ahead_and_here_give_the_same_html(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(highlighting, "MIN_CODE_AHEAD", 10**12)
    here = answers(NOTES)
    monkeypatch.setattr(highlighting, "MIN_CODE_AHEAD", 0)
    ahead = answers(NOTES)
    assert highlighting._ahead is not None and highlighting._ahead.received  # the child did the work
    highlighting.stop_ahead()
    assert ahead == here and 'class="pyg-' in here[0] and "&lt;b&gt;" in here[2]


def test_a_child_that_dies_leaves_the_highlighting_to_this_process(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(highlighting, "MIN_CODE_AHEAD", 10**12)
    here = answers(NOTES)
    monkeypatch.setattr(highlighting, "MIN_CODE_AHEAD", 0)
    monkeypatch.setattr(highlighting, "_highlight_all", lambda listings, conn: os._exit(3))  # dies at once
    assert answers(NOTES) == here
    assert highlighting._ahead is not None and highlighting._ahead.conn is None  # given up on, after EOF
    highlighting.stop_ahead()


def test_a_child_that_hangs_is_stopped_and_the_work_done_here(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(highlighting, "MIN_CODE_AHEAD", 10**12)
    here = answers(NOTES)
    monkeypatch.setattr(highlighting, "MIN_CODE_AHEAD", 0)
    monkeypatch.setattr(highlighting, "MAX_WAIT", 0.2)
    monkeypatch.setattr(highlighting, "_highlight_all", lambda listings, conn: time.sleep(60))
    started = time.perf_counter()
    assert answers(NOTES) == here and time.perf_counter() - started < 5
    assert highlighting._ahead is not None and not highlighting._ahead.child.is_alive()
    highlighting.stop_ahead()


def test_no_child_is_left_once_the_notes_are_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(highlighting, "MIN_CODE_AHEAD", 0)
    (tmp_path / "code.md").write_text(NOTES, encoding="utf-8")
    load_notes(BuildConfig(sources=(tmp_path,)))
    assert highlighting._ahead is None and not multiprocessing.active_children()


def test_a_child_that_found_other_listings_is_not_used(monkeypatch: pytest.MonkeyPatch) -> None:
    """The child finds the listings by a parse of its own; its HTML is used only for the very
    listings this process parsed (their digest), never paired with others."""
    monkeypatch.setattr(highlighting, "MIN_CODE_AHEAD", 10**12)
    here = answers(NOTES)
    monkeypatch.setattr(highlighting, "MIN_CODE_AHEAD", 0)
    found = highlighting._block_tokens

    def one_fewer(md: MarkdownIt, text: str) -> list[Token]:
        tokens = found(md, text)
        first = next(n for n, token in enumerate(tokens) if token.type == "fence")
        return tokens[:first] + tokens[first + 1 :]

    monkeypatch.setattr(highlighting, "_block_tokens", one_fewer)
    assert answers(NOTES) == here
    assert highlighting._ahead is not None and highlighting._ahead.conn is None and not highlighting._ahead.received
    highlighting.stop_ahead()


def test_the_child_finds_the_listings_the_parse_gives() -> None:
    from cardgen.notes.markdown import make_parser

    md = make_parser()
    whole = highlighting.listings_of(md.parse(NOTES))
    assert highlighting.listings_of(highlighting._block_tokens(md, NOTES)) == whole and len(whole) == 5


def test_no_child_for_a_long_file_with_little_code(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(highlighting, "MIN_CODE_AHEAD", len(NOTES) - 1)  # long enough, but not its code
    answers(NOTES)
    assert highlighting._ahead is None and not multiprocessing.active_children()
