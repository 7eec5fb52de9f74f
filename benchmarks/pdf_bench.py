"""PDF: cardgen's whole PDF stage vs one bare WeasyPrint render + write of the same faces.

The bare run gets the final, already fitted sheets for free: it is the floor for printing
these faces at all. The ratio is what fitting, measuring and checking cost on top.

Then the rebuild after one answer changed, against the cold PDF stage: what reusing fitted
faces and unchanged sheets (``cardgen.pdf.cache``) saves.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

from benchmarks.synth import answered_notes
from cardgen.cards.deck import assemble
from cardgen.commands.build import load_notes
from cardgen.config.options import BuildConfig
from cardgen.config.printing import PrintOptions
from cardgen.identity.ledger import Ledger
from cardgen.pdf import markup
from cardgen.pdf.cache import cache_path
from cardgen.pdf.fonts import detect_language, stacks_for
from cardgen.pdf.writer import compose, write_pdf
from cardgen.text import text_of


def run(cards: int = 500, repeats: int = 3) -> dict[str, float]:
    from weasyprint import CSS, HTML
    from weasyprint.text.fonts import FontConfiguration

    with tempfile.TemporaryDirectory() as tmp:
        notes = Path(tmp) / "synthetic.md"
        notes.write_text(answered_notes(cards), encoding="utf-8")
        # Q&A cards only: the deck is the 500 cards the benchmark is about (table and term cards add ~3×).
        config = BuildConfig(sources=(notes,), output_dir=Path(tmp), kinds=frozenset({"qa"}))
        deck = assemble(config, load_notes(config), Ledger(), 0).deck
        options = PrintOptions()
        ours, bare = [], []
        report = None
        for _ in range(repeats):
            cache_path(Path(tmp) / "cardgen.pdf").unlink(missing_ok=True)  # cold: nothing to reuse
            start = time.perf_counter()
            report = write_pdf(deck.cards, Path(tmp) / "cardgen.pdf", options)
            ours.append(time.perf_counter() - start)

            language = detect_language(
                "".join(c.question.title_text + text_of(c.question.answer_html) for c in deck.cards)
            )
            style = markup.css(report.sheet, stacks_for(language), *options.card_size)
            html = markup.document(language, compose(report.printed, report.sheet, options))
            start = time.perf_counter()
            fonts = FontConfiguration()
            stylesheet = CSS(string=style, font_config=fonts)
            HTML(string=html).render(stylesheets=[stylesheet], font_config=fonts).write_pdf(Path(tmp) / "bare.pdf")
            bare.append(time.perf_counter() - start)
        assert report is not None
        # One answer edited (a card in the middle), then the PDF stage again, cache in place.
        edited = Path(tmp) / "synthetic.md"
        middle = deck.cards[len(deck.cards) // 2].question.title_text
        text = edited.read_text(encoding="utf-8")
        heading_end = text.index(middle) + len(middle)
        edited.write_text(text[:heading_end] + "\n\n一句新加的话。" + text[heading_end:], encoding="utf-8")
        edited_deck = assemble(config, load_notes(config), Ledger(), 0).deck
        start = time.perf_counter()
        rebuilt = write_pdf(edited_deck.cards, Path(tmp) / "cardgen.pdf", options)
        rebuild_s = time.perf_counter() - start
        result = {
            "cards": len(deck.cards),
            "printed": len(report.printed),
            "pages": report.pages,
            "cardgen_s": statistics.median(ours),
            "bare_s": statistics.median(bare),
        }
        result["ratio"] = result["cardgen_s"] / result["bare_s"]
        result |= {"rebuild_s": rebuild_s, "reused": rebuilt.reused_sheets, "sheets": rebuilt.sheets}
        result["rebuild_ratio"] = rebuild_s / result["cardgen_s"]
        return result


def main() -> None:
    r = run()
    print(f"PDF, {r['cards']:.0f} synthetic seed-shaped cards → {r['printed']:.0f} printed, {r['pages']:.0f} pages")
    print(f"  cardgen PDF stage        {r['cardgen_s']:7.2f} s (median of 3)")
    print(f"  bare WeasyPrint render+write of the same faces {r['bare_s']:7.2f} s")
    print(f"  ratio                    {r['ratio']:7.2f}×  (target ≤ 1.3×)")
    print(
        f"  one answer edited: PDF stage again {r['rebuild_s']:7.2f} s, {r['reused']:.0f} of {r['sheets']:.0f} sheets "
        f"kept → {r['rebuild_ratio']:.2f}× the cold PDF stage"
    )


if __name__ == "__main__":
    main()
