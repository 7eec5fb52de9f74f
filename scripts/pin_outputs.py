"""Dump what cardgen makes of the seed, the corpus and the fixtures, to compare two versions.

    python scripts/pin_outputs.py OUT.json [--pdf]

Each deck's notes (kind, GUID, deck, fields, tags) for every notes folder, and with --pdf the
seed PDF's words with their positions. Used to show that a refactoring changes no output:
run it before and after and diff the two files.
"""

from __future__ import annotations

import json
import sys
import tempfile
from dataclasses import replace
from pathlib import Path

from cardgen.commands.build import plan
from cardgen.config.options import BuildConfig

ROOT = Path.cwd()  # run from the project root
NOW = 1_800_000_000


def folders() -> list[Path]:
    corpus = ROOT.parent / "shared" / "corpus"
    found = [ROOT / "source"]
    found += sorted(p for p in corpus.iterdir() if p.is_dir()) if corpus.is_dir() else []
    found += sorted((ROOT / "tests" / "fixtures").glob("*.md"))
    return found


def notes(path: Path, allow_html: bool) -> list[dict[str, object]]:
    deck = plan(BuildConfig(sources=(path,), allow_html=allow_html), now=NOW)
    return [
        {"kind": str(c.kind), "guid": c.guid, "deck": c.deck, "fields": list(c.fields), "tags": list(c.tags)}
        for c in deck.cards
    ]


def pdf_words() -> list[list[object]]:
    import pdfplumber

    from cardgen.commands.build import build

    with tempfile.TemporaryDirectory() as tmp:
        config = BuildConfig(sources=(ROOT / "source",), output_dir=Path(tmp), write_apkg=False)
        result = build(replace(config), now=NOW, force=True)
        pdf = next(p for p in result.outputs if p.suffix == ".pdf")
        with pdfplumber.open(pdf) as doc:
            return [
                [i, w["text"], round(w["x0"], 1), round(w["top"], 1)]
                for i, page in enumerate(doc.pages)
                for w in page.extract_words()
            ]


def main() -> None:
    out: dict[str, object] = {}
    for folder in folders():
        key = folder.relative_to(folder.parent.parent).as_posix()
        for allow_html in (False, True):
            try:
                out[f"{key} allow_html={allow_html}"] = notes(folder, allow_html)
            except Exception as exc:  # a notes error is an output too
                out[f"{key} allow_html={allow_html}"] = f"error: {exc}"
    if "--pdf" in sys.argv:
        out["seed pdf"] = pdf_words()
    Path(sys.argv[1]).write_text(json.dumps(out, ensure_ascii=False, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
