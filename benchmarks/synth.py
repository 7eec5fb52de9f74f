"""Synthetic notes shaped like the seed: numbered #### questions, Chinese and English prose,
bullets, definition bullets, comparison tables, code, and a share of unanswered questions.
Deterministic for a given seed."""

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
