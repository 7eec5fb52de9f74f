"""PDF: cardgen's whole PDF stage vs one bare WeasyPrint render + write of the same faces.

The bare run gets the final, already fitted sheets for free: it is the floor for printing
these faces at all. The ratio is what fitting, measuring and checking cost on top.

Then the rebuild after one answer changed, against the cold PDF stage: what reusing fitted
faces and unchanged sheets (``cardgen.pdf.cache``) saves.

Every run is a fresh process, as a build is (a process that has set WeasyPrint's fonts up
spawns its PDF workers instead of forking them), and the runs alternate, so drift on the
machine hits both alike.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from benchmarks.synth import answered_notes

# One run in a fresh process: the notes' Q&A cards (the 500 cards the benchmark is about; table
# and term cards would add ~3×), then either cardgen's PDF stage or the bare render of its pages.
RUN = r"""
import json, sys, time
from pathlib import Path
from cardgen.cards.deck import assemble
from cardgen.commands.build import load_notes
from cardgen.config.options import BuildConfig
from cardgen.config.printing import PrintOptions
from cardgen.identity.ledger import Ledger
from cardgen.pdf import markup
from cardgen.pdf.cache import cache_path
from cardgen.pdf.fonts import detect_language, has_emoji, stacks_for
from cardgen.pdf.writer import compose, write_pdf
from cardgen.text import text_of

mode, notes, out = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])
config = BuildConfig(sources=(notes,), output_dir=out.parent, kinds=frozenset({"qa"}))
cards = assemble(config, load_notes(config), Ledger(), 0).deck.cards
options = PrintOptions()
if mode == "bare":
    from weasyprint import CSS, HTML
    from weasyprint.text.fonts import FontConfiguration

    report = write_pdf(cards, out, options)  # the fitted faces, not timed
    language = detect_language("".join(c.question.title_text + text_of(c.question.answer_html) for c in cards))
    emoji = any(has_emoji(c.front_text + "".join(b.text for b in c.back_blocks)) for c in cards)
    style = markup.css(report.sheet, stacks_for(language, emoji=emoji), *options.card_size)
    html = markup.document(language, compose(report.printed, report.sheet, options))
    start = time.perf_counter()
    fonts = FontConfiguration()
    HTML(string=html).render(stylesheets=[CSS(string=style, font_config=fonts)], font_config=fonts).write_pdf(
        out.with_name("bare.pdf")
    )
    print(json.dumps({"seconds": time.perf_counter() - start}))
else:
    if mode == "cold":
        cache_path(out).unlink(missing_ok=True)
    start = time.perf_counter()
    report = write_pdf(cards, out, options)
    seconds = time.perf_counter() - start
    print(json.dumps({"seconds": seconds, "printed": len(report.printed), "pages": report.pages,
                      "sheets": report.sheets, "reused": report.reused_sheets}))
"""


def measure(mode: str, notes: Path, out: Path) -> dict[str, float]:
    done = subprocess.run([sys.executable, "-c", RUN, mode, str(notes), str(out)], check=True, capture_output=True)
    return dict(json.loads(done.stdout.decode().splitlines()[-1]))


def run(cards: int = 500, repeats: int = 3) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        notes, out = Path(tmp) / "synthetic.md", Path(tmp) / "cardgen.pdf"
        notes.write_text(answered_notes(cards), encoding="utf-8")
        ours, bare = [], []
        for _ in range(repeats):
            ours.append(measure("cold", notes, out))
            bare.append(measure("bare", notes, out)["seconds"])
        # One answer edited (a card in the middle), then the PDF stage again, the cache in place.
        measure("cold", notes, out)
        text = notes.read_text(encoding="utf-8")
        middle = text.index(f"\n#### {cards // 2}.")
        heading_end = text.index("\n", middle + 1)
        notes.write_text(text[:heading_end] + "\n\n一句新加的话。" + text[heading_end:], encoding="utf-8")
        rebuilt = measure("again", notes, out)
    cold = statistics.median(r["seconds"] for r in ours)
    result = {"cards": cards, "printed": ours[0]["printed"], "pages": ours[0]["pages"], "cardgen_s": cold}
    result |= {"bare_s": statistics.median(bare), "ratio": cold / statistics.median(bare)}
    result |= {"rebuild_s": rebuilt["seconds"], "reused": rebuilt["reused"], "sheets": rebuilt["sheets"]}
    return result | {"rebuild_ratio": rebuilt["seconds"] / cold}


def main() -> None:
    r = run()
    print(f"PDF, {r['cards']:.0f} synthetic seed-shaped cards → {r['printed']:.0f} printed, {r['pages']:.0f} pages")
    print(f"  cardgen PDF stage        {r['cardgen_s']:7.2f} s (median of 3, fresh processes; target ≤ 12 s)")
    print(f"  bare WeasyPrint render+write of the same faces {r['bare_s']:7.2f} s")
    print(f"  ratio                    {r['ratio']:7.2f}×")
    print(
        f"  one answer edited: PDF stage again {r['rebuild_s']:7.2f} s, {r['reused']:.0f} of {r['sheets']:.0f} sheets "
        f"kept → {r['rebuild_ratio']:.2f}× the cold PDF stage"
    )


if __name__ == "__main__":
    main()
