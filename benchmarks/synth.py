"""Synthetic notes, deterministic for a given seed, in two shapes:

- ``seed``: shaped like the seed notes: numbered #### questions, Chinese and English prose,
  bullets, definition bullets, comparison tables, code, and a share of unanswered questions;
- ``long``: every question answered at length, as study notes by other people often are:
  several paragraphs mixing English and Chinese, nested lists, more and larger tables, and
  longer code listings.
"""

from __future__ import annotations

import random
from pathlib import Path

SEED_NOTES = Path(__file__).resolve().parent.parent / "source" / "kubernetes-interview.md"
_ENGLISH_TEXT = (
    "the scheduler picks a node for each pod by filtering and scoring candidates while the kubelet "
    "reports status to the api server and controllers reconcile desired state with actual state"
)
ENGLISH = tuple(_ENGLISH_TEXT.split())


def _hanzi(rng: random.Random, pool: str, n: int) -> str:
    return "".join(rng.choice(pool) for _ in range(n))


def _pool() -> str:
    text = SEED_NOTES.read_text(encoding="utf-8") if SEED_NOTES.exists() else "容器调度节点服务网络存储"
    return "".join(sorted({ch for ch in text if "\u4e00" <= ch <= "\u9fff"}))


def question(rng: random.Random, pool: str, number: int) -> str:
    if rng.random() < 0.3:
        title = " ".join(rng.choice(ENGLISH) for _ in range(rng.randint(4, 9))).capitalize() + "?"
    else:
        title = _hanzi(rng, pool, rng.randint(6, 16))
    parts = [f"#### {number}.{title} {number}\n"]
    if rng.random() < 0.4:  # the seed leaves most questions unanswered
        return "\n".join(parts) + "\n"
    for _ in range(rng.randint(1, 3)):
        parts.append(_hanzi(rng, pool, rng.randint(30, 120)) + f"`code{rng.randint(1, 99)}`" + "。\n")
    if rng.random() < 0.6:
        parts.append("检测方式：\n")
        parts.extend(f"* term{i}：{_hanzi(rng, pool, rng.randint(10, 40))}" for i in range(rng.randint(2, 5)))
        parts.append("")
    if rng.random() < 0.3:
        cols = rng.randint(2, 4)
        parts.append("| 特性 | " + " | ".join(f"方案{c}" for c in range(cols)) + " |")
        parts.append("|" + " --- |" * (cols + 1))
        for r in range(rng.randint(2, 6)):
            cells = " | ".join(_hanzi(rng, pool, rng.randint(2, 10)) for _ in range(cols))
            parts.append(f"| 属性{r} | {cells} |")
        parts.append("")
    if rng.random() < 0.2:
        parts.append("```bash\n# list pods\nkubectl get pods -A -o wide\n```\n")
    return "\n".join(parts) + "\n"


def notes(questions: int, seed: int = 1) -> str:
    rng = random.Random(seed)
    pool = _pool()
    return "".join(question(rng, pool, n) for n in range(1, questions + 1))


def answered_notes(cards: int, seed: int = 1) -> str:
    """Notes with exactly ``cards`` answered questions (unanswered ones are dropped)."""
    rng = random.Random(seed)
    pool = _pool()
    out, n = [], 0
    while len(out) < cards:
        n += 1
        text = question(rng, pool, n)
        if text.count("\n") > 3:
            out.append(text)
    return "".join(out)


def _english(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(ENGLISH) for _ in range(words))


def long_question(rng: random.Random, pool: str, number: int) -> str:
    english = rng.random() < 0.5
    title = _english(rng, rng.randint(5, 12)).capitalize() + "?" if english else _hanzi(rng, pool, rng.randint(8, 20))
    parts = [f"#### {number}. {title}\n"]
    for _ in range(rng.randint(2, 6)):
        prose = (
            _english(rng, rng.randint(20, 70)).capitalize() + "."
            if english
            else _hanzi(rng, pool, rng.randint(60, 200))
        )
        parts.append(
            f"{prose} **{_hanzi(rng, pool, 4)}** `{_english(rng, 1)}()` {_english(rng, rng.randint(3, 12))}.\n"
        )
    if rng.random() < 0.7:
        for i in range(rng.randint(3, 9)):
            parts.append(f"- {_english(rng, rng.randint(3, 10))}：{_hanzi(rng, pool, rng.randint(5, 30))}")
            if rng.random() < 0.3:
                parts.append(f"  - {_english(rng, rng.randint(2, 8))} {i}")
        parts.append("")
    for _ in range(rng.choice((0, 1, 1, 2))):
        cols = rng.randint(3, 5)
        parts.append("| aspect | " + " | ".join(f"{_english(rng, 1)} {c}" for c in range(cols)) + " |")
        parts.append("|" + " --- |" * (cols + 1))
        for r in range(rng.randint(4, 10)):
            cells = " | ".join(
                _english(rng, rng.randint(1, 6)) if rng.random() < 0.5 else _hanzi(rng, pool, rng.randint(2, 14))
                for _ in range(cols)
            )
            parts.append(f"| row {r} | {cells} |")
        parts.append("")
    if rng.random() < 0.4:
        lines = [
            f"    {_english(rng, 1)}_{i} = {_english(rng, 1)}({i})  # {_english(rng, 3)}"
            for i in range(rng.randint(10, 30))
        ]
        parts.append("```python\ndef example():\n" + "\n".join(lines) + "\n```\n")
    return "\n".join(parts) + "\n"


def long_notes(questions: int, seed: int = 1) -> str:
    rng = random.Random(seed)
    pool = _pool()
    return "".join(long_question(rng, pool, n) for n in range(1, questions + 1))


SHAPES = {"seed": notes, "long": long_notes}
"""Generators by shape name: ``SHAPES[shape](questions)`` is the notes' text."""
