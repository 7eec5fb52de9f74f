"""Whole builds, as a user runs them: fresh processes, nothing left from an earlier build.

- The seed: ``cardgen build`` (all card kinds, ``.apkg`` and PDF) into an empty folder, against
  one plain WeasyPrint render of the same notes file as a single A4 document in the same CJK
  font (markdown-it to HTML, then HTML to PDF, in a fresh process too): what printing the notes
  at all costs.
- 1,000 synthetic questions (``synth.notes``), all card kinds, ``.apkg`` and PDF: time and the
  peak memory of the largest process.
"""

from __future__ import annotations

import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.synth import SEED_NOTES, notes

PLAIN = r"""
import sys
from markdown_it import MarkdownIt
from weasyprint import HTML
body = MarkdownIt("commonmark").enable("table").render(open(sys.argv[1], encoding="utf-8").read())
style = '@page { size: A4 } html { font-family: "DejaVu Sans", "Noto Sans CJK SC" }'
HTML(string=f'<html lang="zh-CN"><meta charset="utf-8"><style>{style}</style>{body}').write_pdf(sys.argv[2])
"""

# Runs a command and prints the peak resident memory of its largest process (KiB).
PEAK = r"""
import resource, subprocess, sys
subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""


def timed(command: list[str]) -> tuple[float, int]:
    """Wall time of ``command`` and the peak memory (KiB) of its largest process."""
    start = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", PEAK, *command], check=True, capture_output=True, text=True)
    return time.perf_counter() - start, int(out.stdout.split()[-1])


def cardgen_build(notes_dir: Path, out: Path) -> list[str]:
    shutil.rmtree(out, ignore_errors=True)
    return [sys.executable, "-m", "cardgen.cli", "build", str(notes_dir), "-o", str(out), "-q"]


def seed(repeats: int = 3) -> dict[str, float]:
    ours, plain = [], []
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "source"
        source.mkdir()
        shutil.copy(SEED_NOTES, source / SEED_NOTES.name)
        for _ in range(repeats):  # interleaved, so drift on the machine hits both alike
            ours.append(timed(cardgen_build(source, Path(tmp) / "build"))[0])
            plain.append(timed([sys.executable, "-c", PLAIN, str(SEED_NOTES), str(Path(tmp) / "plain.pdf")])[0])
    result = {"cardgen_s": statistics.median(ours), "plain_s": statistics.median(plain)}
    return result | {"ratio": result["cardgen_s"] / result["plain_s"]}


def thousand() -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "source"
        source.mkdir()
        (source / "synthetic.md").write_text(notes(1000), encoding="utf-8")
        seconds, peak_kib = timed(cardgen_build(source, Path(tmp) / "build"))
    return {"seconds": seconds, "peak_mb": peak_kib / 1024}


def main() -> None:
    result = seed()
    print(
        f"seed cold build: cardgen {result['cardgen_s']:.2f} s, plain WeasyPrint render "
        f"{result['plain_s']:.2f} s, ratio {result['ratio']:.2f}× (target ≤ 2×)"
    )
    big = thousand()
    print(f"1,000 questions, all kinds, .apkg + PDF: {big['seconds']:.1f} s (target ≤ 60 s), "
          f"peak {big['peak_mb']:.0f} MB (target ≤ 600 MB)")  # fmt: skip


if __name__ == "__main__":
    main()
