"""Build the same notes with two checkouts of cardgen and compare the PDFs page by page.

    python scripts/compare_pages.py BEFORE_TREE AFTER_TREE OUT_DIR NOTES...

Each checkout builds every NOTES folder or file (PDF only, Q&A, table and term cards) with
this Python; the pages of each pair of PDFs are rendered at 100 dpi (``pdftoppm``) and compared
pixel by pixel. Prints the pages that differ and exits 1 if any do. Used to show that a change
meant to make printing faster prints exactly the same.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

from PIL import Image, ImageChops


def build(tree: Path, notes: Path, out: Path) -> float:
    env = dict(os.environ, PYTHONPATH=str(tree))
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "cardgen.cli", "build", str(notes), "-o", str(out), "--no-apkg", "-q", "--force"],
        cwd=tree, env=env, check=True, capture_output=True,
    )  # fmt: skip
    return time.perf_counter() - start


def pages(pdf: Path, prefix: Path) -> list[Path]:
    subprocess.run(["pdftoppm", "-r", "100", "-png", str(pdf), str(prefix)], check=True)
    return sorted(prefix.parent.glob(prefix.name + "-*.png"))


def main() -> int:
    before, after, out = Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3])
    differ = 0
    for n, notes in enumerate(Path(p).resolve() for p in sys.argv[4:]):
        times, pdfs = [], []
        for side, tree in (("before", before), ("after", after)):
            target = out / f"{n}-{side}"
            shutil.rmtree(target, ignore_errors=True)  # nothing left from an earlier comparison
            times.append(build(tree.resolve(), notes, target))
            (pdf,) = target.glob("*.pdf")
            pdfs.append(pages(pdf, target / "page"))
        old, new = pdfs
        changed = [
            a.name for a, b in zip(old, new, strict=False)
            if ImageChops.difference(Image.open(a).convert("RGB"), Image.open(b).convert("RGB")).getbbox()
        ]  # fmt: skip
        same = not changed and len(old) == len(new)
        differ += not same
        print(f"{notes.name}: {len(old)} → {len(new)} pages, {times[0]:.1f} s → {times[1]:.1f} s, "
              + ("identical" if same else f"differ: {', '.join(changed[:8]) or 'page count'}"), flush=True)  # fmt: skip
    return 1 if differ else 0


if __name__ == "__main__":
    raise SystemExit(main())
