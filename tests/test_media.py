"""Images: embedded under content-hashed names, shown in the PDF, never read from outside the notes."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PIL import Image

from cardgen.commands.build import build
from cardgen.config.options import BuildConfig
from tests.ankitools import AnkiCollection


def png(path: Path, colour: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", (40, 20), colour).save(path)
    return path


def notes(tmp_path: Path) -> Path:
    root = tmp_path / "notes"
    png(root / "a" / "img.png", "red")
    png(root / "b" / "img.png", "blue")
    (tmp_path / "secret.png").write_bytes((root / "a" / "img.png").read_bytes())
    os.symlink(tmp_path / "secret.png", root / "a" / "escape.png")
    (root / "a" / "one.md").write_text(
        "## 1. Red?\n\n![red](img.png)\n\n## 2. Outside?\n\nSee ![s](../../secret.png) and ![l](escape.png) "
        "and ![abs](/etc/passwd).\n\n## 3. Remote?\n\n![r](https://example.com/x.png)\n\n## 4. Missing?\n\n![m](nope.png)\n",
        encoding="utf-8",
    )
    (root / "b" / "two.md").write_text("## 1. Blue?\n\n![blue](img.png)\n", encoding="utf-8")
    return root


def test_images_in_the_deck_and_in_anki(tmp_path: Path, collection: AnkiCollection) -> None:
    root = notes(tmp_path)
    result = build(BuildConfig(sources=(root,), output_dir=tmp_path / "out", deck_name="Media"))
    cards = {c.question.title_text: c for c in result.deck.cards}
    red, blue = cards["Red?"].question.media, cards["Blue?"].question.media
    assert len(red) == len(blue) == 1 and red[0][0] != blue[0][0], "two img.png must not collide"
    assert f'src="{red[0][0]}"' in cards["Red?"].fields[1]
    outside = cards["Outside?"].question
    assert outside.media == () and len(outside.problems) == 3
    assert all("refused" in p.message for p in outside.problems)
    assert "secret" not in str(result.outputs) and cards["Outside?"].fields[1].count("cg-missing") == 3
    assert 'src="https://example.com/x.png"' in cards["Remote?"].fields[1]  # left for Anki; never fetched here
    assert [p.message for p in cards["Missing?"].question.problems] == ["missing image: nope.png"]

    collection.import_apkg(tmp_path / "out" / "Media.apkg")
    media_dir = Path(collection.col.media.dir())
    assert sorted(p.name for p in media_dir.iterdir()) == sorted([red[0][0], blue[0][0]])
    assert (media_dir / red[0][0]).read_bytes() == (root / "a" / "img.png").read_bytes()


@pytest.mark.slow  # writes the PDF
def test_images_print_in_the_pdf(tmp_path: Path) -> None:
    root = notes(tmp_path)
    result = build(BuildConfig(sources=(root,), output_dir=tmp_path / "out", deck_name="Media", write_apkg=False))
    assert result.pdf is not None
    import pdfplumber

    with pdfplumber.open(result.pdf.path) as pdf:
        images = sum(len(page.images) for page in pdf.pages)
    assert images == 2  # red and blue; the refused, remote and missing ones are not drawn


def test_html_img_tags_are_images_too(tmp_path: Path, collection: AnkiCollection) -> None:
    root = tmp_path / "notes"
    png(root / "assets" / "arch.png", "green")
    (root / "docker.md").write_text(
        '## Q. What does Docker look like?\n\n<p align="center">\n  <img src="assets/arch.png" alt="Docker" '
        'onerror="steal()" width="400" />\n</p>\n\n## Q. And outside?\n\n<img src="../../etc/passwd">\n',
        encoding="utf-8",
    )
    result = build(BuildConfig(sources=(root,), output_dir=tmp_path / "out", deck_name="Html", write_pdf=False))
    arch, outside = result.deck.cards
    ((name, source),) = arch.question.media
    assert source == (root / "assets" / "arch.png").resolve()
    assert arch.fields[1] == f'<p>\n  <img src="{name}" alt="Docker">\n</p>'  # no onerror, no tag soup
    assert outside.question.media == () and "refused" in outside.question.problems[0].message

    collection.import_apkg(tmp_path / "out" / "Html.apkg")
    assert (Path(collection.col.media.dir()) / name).read_bytes() == (root / "assets" / "arch.png").read_bytes()
