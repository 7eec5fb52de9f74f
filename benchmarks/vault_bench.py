"""A vault of many small notes, `.apkg` only: cardgen against the markdown-it + genanki floor.

Each note is a deck of its own (a subdeck per file, as cardgen makes them), which is where genanki's
own writer slows down: it rewrites the collection's whole deck and note-type lists (JSON) for every
deck, so its time grows with the square of the decks. The floor writes with it, as any tool built
on genanki does; cardgen writes both lists once (``anki/writer._write_decks``). Fresh processes,
median of 3.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

NOTES = 800
FOLDERS = 20

FLOOR = r"""
import sys, pathlib, genanki
from markdown_it import MarkdownIt
md = MarkdownIt("commonmark")
model = genanki.Model(1607392319, "Floor", fields=[{"name": "Q"}, {"name": "A"}],
                      templates=[{"name": "c", "qfmt": "{{Q}}", "afmt": "{{A}}"}])
decks = []
for n, path in enumerate(sorted(pathlib.Path(sys.argv[1]).rglob("*.md"))):
    deck = genanki.Deck(2059400110 + n, "Vault::" + path.stem)
    tokens = md.parse(path.read_text(encoding="utf-8"))
    for i, t in enumerate(tokens):
        if t.type == "heading_open" and t.tag == "h2":
            answer = md.renderer.render(tokens[i + 3 : i + 6], md.options, {})
            deck.add_note(genanki.Note(model=model, fields=[tokens[i + 1].content, answer]))
    decks.append(deck)
genanki.Package(decks).write_to_file(sys.argv[2])
"""


def vault(folder: Path) -> None:
    """``NOTES`` notes in ``FOLDERS`` folders, two questions each, front matter and a wikilink."""
    for i in range(NOTES):
        note = folder / f"topic{i % FOLDERS}" / f"note-{i}.md"
        note.parent.mkdir(parents=True, exist_ok=True)
        note.write_text(
            f"---\ntags: [t{i % 7}]\n---\n# Note {i}\n\n## What is concept {i}?\n\n"
            f"It is the {i}th concept, see [[note-{(i + 1) % NOTES}]].\n\n"
            f"## Why does {i} matter?\n\n- reason one\n- reason two\n",
            encoding="utf-8",
        )


def timed(command: list[str], cwd: Path) -> float:
    start = time.perf_counter()
    subprocess.run(command, cwd=cwd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def run(repeats: int = 3) -> dict[str, float]:
    cardgen = str(Path(sys.executable).parent / "cardgen")
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        vault(work / "source")
        (work / "floor.py").write_text(FLOOR, encoding="utf-8")
        runs: dict[str, list[float]] = {"cardgen": [], "floor": []}
        for _ in range(repeats):
            runs["cardgen"].append(timed([cardgen, "build", "--no-pdf", "--force", "-q"], work))
            runs["floor"].append(timed([sys.executable, "floor.py", "source", "floor.apkg"], work))
    return {name: statistics.median(times) for name, times in runs.items()}


def main() -> None:
    r = run()
    print(f"vault of {NOTES} notes ({NOTES} decks), .apkg only (fresh processes, median of 3)")
    print(f"  cardgen {r['cardgen']:6.2f} s | floor (markdown-it + genanki) {r['floor']:6.2f} s")
    print(f"  → {r['cardgen'] / r['floor']:.2f}× the floor")


if __name__ == "__main__":
    main()
