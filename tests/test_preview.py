"""cardgen preview shows each card as real Anki renders it."""

from __future__ import annotations

import re
from pathlib import Path

from click.testing import CliRunner

from cardgen.cli import main
from cardgen.commands.build import build, plan
from cardgen.commands.preview import card_faces
from cardgen.config.options import BuildConfig
from tests.ankitools import AnkiCollection


def visible(html: str) -> str:
    html = re.sub(r"<style.*?</style>", "", html, flags=re.S)
    return re.sub(r"\s+", "", re.sub(r"<[^>]+>", "", html))


def test_preview_matches_anki_rendering(project: Path, collection: AnkiCollection) -> None:
    notes = project / "source" / "kubernetes-interview.md"
    text = notes.read_text(encoding="utf-8").replace(
        "#### 3.两种集群部署方式有何区别\n",
        "#### 3.两种集群部署方式有何区别\n\n{{c1::kubeadm}} 与 {{c2::二进制::方式}} 部署。\n",
    )
    notes.write_text(text, encoding="utf-8")
    config = BuildConfig(write_pdf=False)
    build(config, now=1_800_000_000)
    collection.import_apkg(project / "build" / "kubernetes-interview.apkg")
    anki = {}
    for cid in collection.col.find_cards(""):
        card = collection.col.get_card(cid)
        out = card.render_output(reload=True, browser=False)
        anki[(card.note().guid, card.ord)] = (visible(out.question_text), visible(out.answer_text))
    ours = {}
    for card in plan(config, now=1_800_000_000).cards:
        for ordinal, (front, back) in enumerate(card_faces(card)):
            ours[(card.guid, ordinal)] = (visible(front), visible(back))
    assert len(ours) == len(anki) == 109  # 108 notes, the cloze note makes two cards
    assert ours == anki


def test_preview_command_writes_a_searchable_page(project: Path) -> None:
    result = CliRunner().invoke(main, ["preview"])
    assert result.exit_code == 0, result.output
    page = (project / "build" / "kubernetes-interview.html").read_text(encoding="utf-8")
    assert page.count('class="pair"') == 107 and 'type="search"' in page and '<html lang="zh-CN">' in page
    assert "探针有哪几种" in page and not (project / "build" / "kubernetes-interview.apkg").exists()
    assert not (project / "source" / "cardgen.lock").exists(), "preview writes no ledger"
