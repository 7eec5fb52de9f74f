"""`.apkg` only: cardgen vs markdown-anki-decks vs the floor (markdown-it + genanki, minimal).

All run as fresh processes on the same synthetic notes, so start-up counts for each. The floor
runs twice: as written, and with Python's cycle collector off, as cardgen runs its notes stage
(``cardgen.collector``): at 1,000 long answers the collector alone is a third of the floor as
written, so only the second is the least these two libraries can do.
markdown-anki-decks is installed into its own virtual environment (``.bench-peers/``) because it
pins an old typer that needs click < 8.1.
"""

from __future__ import annotations

import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from benchmarks.synth import SHAPES

ROOT = Path(__file__).resolve().parent.parent
PEERS = ROOT / ".bench-peers"
# (shape, questions): the seed's shape at three sizes, and longer answers by other people.
RUNS = (("seed", 100), ("seed", 1000), ("seed", 5000), ("long", 1000))

FLOOR = r"""
import gc, sys, genanki
from markdown_it import MarkdownIt
src, out = sys.argv[1], sys.argv[2]
if sys.argv[3:] == ["--no-gc"]:
    gc.disable()
md = MarkdownIt("commonmark").enable("table")
tokens = md.parse(open(src, encoding="utf-8").read())
model = genanki.Model(1607392319, "Floor", fields=[{"name": "Q"}, {"name": "A"}],
                      templates=[{"name": "c", "qfmt": "{{Q}}", "afmt": "{{A}}"}])
deck = genanki.Deck(2059400110, "Floor")
question, body = None, []
def flush():
    if question and body:
        deck.add_note(genanki.Note(model=model, fields=[question, md.renderer.render(body, md.options, {})]))
for i, t in enumerate(tokens):
    if t.type == "heading_open":
        flush(); question, body = tokens[i + 1].content, []
    elif question and t.type not in ("heading_close",) and not (i and tokens[i - 1].type == "heading_open"):
        body.append(t)
flush()
genanki.Package(deck).write_to_file(out)
"""


def peer_python() -> Path:
    python = PEERS / "bin" / "python"
    if not (PEERS / "bin" / "mdankideck").exists():
        subprocess.run([sys.executable, "-m", "venv", str(PEERS)], check=True)
        install = [str(python), "-m", "pip", "install", "-q", "markdown-anki-decks", "click<8.1"]
        subprocess.run(install, check=True, env=clean_env())
    return python


def flattened(text: str) -> str:
    """markdown-anki-decks wants `#` deck / `##` question files."""
    return "# Deck\n\n" + re.sub(r"(?m)^#### ", "## ", text)


def clean_env() -> dict[str, str]:
    """No PYTHONPATH: the peer's environment must not see this checkout."""
    return {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}


def timed(command: list[str], cwd: Path) -> float:
    start = time.perf_counter()
    subprocess.run(command, cwd=cwd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=clean_env())
    return time.perf_counter() - start


def run(repeats: int = 3) -> list[dict[str, Any]]:
    peer = peer_python()
    # Byte-compile the checkout as `pip install` does for the libraries (genanki, markdown-it):
    # an editable install under PYTHONDONTWRITEBYTECODE would otherwise compile cardgen every run.
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "cardgen")], check=True)
    cardgen = str(Path(sys.executable).parent / "cardgen")
    rows = []
    for shape, size in RUNS:
        with tempfile.TemporaryDirectory() as tmp:
            work = Path(tmp)
            (work / "source").mkdir()
            (work / "mad").mkdir()
            (work / "mad-out").mkdir()
            text = SHAPES[shape](size)
            (work / "source" / "notes.md").write_text(text, encoding="utf-8")
            (work / "mad" / "deck.md").write_text(flattened(text), encoding="utf-8")
            (work / "floor.py").write_text(FLOOR, encoding="utf-8")
            runs: dict[str, list[float]] = {"cardgen": [], "cardgen_all": [], "mad": [], "floor": [], "floor_no_gc": []}
            for _ in range(repeats):
                runs["cardgen"].append(timed([cardgen, "build", "--no-pdf", "--kinds", "qa", "--force", "-q"], work))
                runs["cardgen_all"].append(timed([cardgen, "build", "--no-pdf", "--force", "-q"], work))
                runs["mad"].append(timed([str(peer.parent / "mdankideck"), "mad", "mad-out"], work))
                runs["floor"].append(timed([sys.executable, "floor.py", "source/notes.md", "floor.apkg"], work))
                floor_no_gc = [sys.executable, "floor.py", "source/notes.md", "floor.apkg", "--no-gc"]
                runs["floor_no_gc"].append(timed(floor_no_gc, work))
            row = {"shape": shape, "questions": float(size)} | {k: statistics.median(v) for k, v in runs.items()}
            rows.append(row)
    return rows


def main() -> None:
    print(
        "apkg only (fresh processes, median of 3):"
        " cardgen --kinds qa | all kinds | markdown-anki-decks | floor (as written / collector off)"
    )
    for r in run():
        print(
            f"  {r['shape']:>4} {r['questions']:5.0f} questions: cardgen {r['cardgen']:6.2f} s"
            f" (all kinds {r['cardgen_all']:6.2f} s)"
            f" | markdown-anki-decks {r['mad']:6.2f} s | floor {r['floor']:6.2f} s / {r['floor_no_gc']:6.2f} s"
            f" → {r['cardgen'] / r['mad']:.2f}× markdown-anki-decks,"
            f" {r['cardgen'] / r['floor']:.2f}× / {r['cardgen'] / r['floor_no_gc']:.2f}× floor"
            f" (the floor itself {r['floor_no_gc'] / r['mad']:.2f}× markdown-anki-decks)"
        )


if __name__ == "__main__":
    main()
