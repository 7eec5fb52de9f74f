"""``cardgen preview``: every card's front and back as Anki will show them, in one HTML page.

The note types' own templates and CSS are filled in with the notes' fields by a small
renderer for the part of Anki's template language cardgen uses (``{{Field}}``,
``{{#Field}}…{{/Field}}``, ``{{FrontSide}}``, ``{{cloze:Text}}``); a test checks that its
output matches real Anki's rendering, card by card.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

from cardgen.anki.styles import ANKI_CSS
from cardgen.anki.writer import models
from cardgen.cards.drafts import CLOZE
from cardgen.model import Card, Deck
from cardgen.output import write_text_atomic
from cardgen.vocab import Kind

SECTION = re.compile(r"\{\{([#^])([^}]+)\}\}(.*?)\{\{/\2\}\}", re.S)
FIELD = re.compile(r"\{\{([^#^/}][^}]*)\}\}")


def fill(template: str, fields: dict[str, str], front: str = "", cloze: int = 0, answer: bool = False) -> str:
    """Anki's template substitution for the subset cardgen's note types use."""

    def section(m: re.Match[str]) -> str:
        present = bool(fields.get(m.group(2).strip(), "").strip())
        return fill(m.group(3), fields, front, cloze, answer) if present == (m.group(1) == "#") else ""

    def field(m: re.Match[str]) -> str:
        name = m.group(1).strip()
        if name == "FrontSide":
            return front
        if name.startswith("cloze:"):
            return render_cloze(fields.get(name[6:], ""), cloze, answer)
        return fields.get(name, "")

    return FIELD.sub(field, SECTION.sub(section, template))


def render_cloze(text: str, ordinal: int, answer: bool) -> str:
    def one(m: re.Match[str]) -> str:
        if int(m.group(1)) != ordinal:
            return m.group(2)
        if answer:
            return f'<span class="cloze">{m.group(2)}</span>'
        return f'<span class="cloze">[{m.group(3) or "..."}]</span>'

    return CLOZE.sub(one, text)


def card_faces(card: Card) -> list[tuple[str, str]]:
    """(front, back) HTML of each Anki card the note makes (one, or one per cloze number)."""
    model = models()[card.kind]
    fields = card.fields._asdict()
    template = model.templates[0]
    ordinals = sorted({int(m.group(1)) for m in CLOZE.finditer(card.fields[0])}) if card.kind == Kind.CLOZE else [0]
    faces = []
    for ordinal in ordinals:
        front = fill(template["qfmt"], fields, cloze=ordinal)
        faces.append((front, fill(template["afmt"], fields, front, ordinal, answer=True)))
    return faces


PAGE = """<!DOCTYPE html>
<html lang="{lang}"><head><meta charset="utf-8"><title>{title} — cardgen preview</title>
<style>
{css}
body {{ margin: 0; background: #e9e9ee; font-family: sans-serif; }}
header {{ position: sticky; top: 0; background: #fff; padding: 0.6em 1em; border-bottom: 1px solid #ccc; z-index: 1; }}
header input {{ width: 24em; max-width: 60vw; font-size: 1em; padding: 0.3em; }}
.pair {{ display: grid; grid-template-columns: 1fr 1fr; gap: 1em; margin: 1em; }}
.pair > .card {{ background: #fff; border-radius: 8px; padding: 1em; max-width: none; margin: 0;
  box-shadow: 0 1px 3px rgba(0,0,0,.15); }}
.label {{ grid-column: 1 / 3; font-size: 0.8em; color: #555; margin-bottom: -0.6em; }}
.hidden {{ display: none; }}
</style></head>
<body>
<header><strong>{title}</strong> · {count} cards ·
<input id="q" type="search" placeholder="Search cards…" autofocus> <span id="n"></span></header>
<main>
{cards}
</main>
<script>
const q = document.getElementById("q"), n = document.getElementById("n");
const pairs = Array.from(document.querySelectorAll(".pair"));
q.addEventListener("input", () => {{
  const words = q.value.toLowerCase().split(/\\s+/).filter(Boolean);
  let shown = 0;
  for (const p of pairs) {{
    const hit = words.every(w => p.textContent.toLowerCase().includes(w));
    p.classList.toggle("hidden", !hit);
    shown += hit;
  }}
  n.textContent = words.length ? shown + " shown" : "";
}});
</script>
</body></html>
"""


def preview_html(deck: Deck, lang: str) -> str:
    pairs = []
    count = 0
    for card in deck.cards:
        for front, back in card_faces(card):
            count += 1
            label = html.escape(f"{card.question.loc} · {card.kind} · {card.deck}")
            pairs.append(
                f'<section class="pair" data-kind="{card.kind}"><div class="label">{label}</div>'
                f'<div class="card">{front}</div><div class="card">{back}</div></section>'
            )
    return PAGE.format(lang=lang, title=html.escape(deck.name), css=ANKI_CSS, count=count, cards="\n".join(pairs))


def write_preview(deck: Deck, path: Path, lang: str) -> Path:
    write_text_atomic(path, preview_html(deck, lang))
    return path
