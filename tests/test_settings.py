"""cardgen.toml / [tool.cardgen]: every key, validation messages, precedence of flags."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from cardgen.cli import main
from cardgen.config.settings import load_settings, make_config, validate
from cardgen.errors import ConfigError

FULL = """
sources = ["notes", "more.md"]
output = "out"
deck = "K8s"
subdecks = false
namespace = "k8s-notes"
question_level = 4
kinds = ["qa", "table"]
allow_html = true
language = "zh-TW"
apkg = true
pdf = false
paper = "letter"
card = "3x5in"
duplex = "short"
layout = "fold"
font_floor = 7
back_offset = [1.5, -0.5]
"""


def test_every_key(tmp_path: Path) -> None:
    (tmp_path / "cardgen.toml").write_text(FULL, encoding="utf-8")
    config = make_config(load_settings(tmp_path), {})
    assert config.sources == (Path("notes"), Path("more.md"))  # relative to the file, which is in tmp_path
    assert config.output_dir == Path("out")
    assert (config.deck_name, config.subdecks, config.namespace, config.question_level) == (
        "K8s",
        False,
        "k8s-notes",
        4,
    )
    assert config.kinds == {"qa", "table"} and config.allow_html and config.write_apkg and not config.write_pdf
    p = config.print_options
    assert (p.paper, p.duplex, p.layout, p.font_floor, p.back_offset, p.language) == (
        "letter",
        "short",
        "fold",
        7.0,
        (1.5, -0.5),
        "zh-TW",
    )
    assert p.card_size == pytest.approx((127.0, 76.2))


def test_pyproject_tool_table(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n\n[tool.cardgen]\npaper = "letter"\n')
    assert make_config(load_settings(tmp_path), {}).print_options.paper == "letter"


def test_flags_override_the_file(tmp_path: Path) -> None:
    (tmp_path / "cardgen.toml").write_text(FULL, encoding="utf-8")
    config = make_config(load_settings(tmp_path), {"paper": "a4", "deck": "Other", "pdf": None, "kinds": None})
    assert config.print_options.paper == "a4" and config.deck_name == "Other"
    assert not config.write_pdf and config.kinds == {"qa", "table"}  # unset flags keep the file's values


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        ('paper = "a5"', "cardgen.toml: paper: expected one of a4, letter, got 'a5'"),
        ('papr = "a4"', "cardgen.toml: unknown key 'papr' (did you mean 'paper'?)"),
        ("question_level = 9", "cardgen.toml: question_level: expected a heading level from 1 to 6, got 9"),
        ('kinds = ["qa", "flash"]', "cardgen.toml: kinds: expected a list of qa, table, term, cloze"),
        ('card = "huge"', "cardgen.toml: card: expected one of default, a7"),
        ("font_floor = 2", "cardgen.toml: font_floor: expected a font size in points from 4 to 14, got 2"),
        ("back_offset = [1]", "cardgen.toml: back_offset: expected [dx, dy] in mm, got [1]"),
        ("back_offset = [50, 0]", "cardgen.toml: back_offset: [50, 0] is more than 20 mm"),
        ('duplex = "sideways"', "cardgen.toml: duplex: expected one of long, short, got 'sideways'"),
        ('layout = "grid"', "cardgen.toml: layout: expected one of duplex, fold, got 'grid'"),
        ("allow_html = 1", "cardgen.toml: allow_html: expected true or false, got 1"),
        ('deck = ""', "cardgen.toml: deck: expected a non-empty string, got ''"),
        ("sources = 3", "cardgen.toml: sources: expected a folder or file, or a list of them, got 3"),
        ('language = "zh CN"', "cardgen.toml: language: expected a language tag"),
        ("subdecks = 'yes'", "cardgen.toml: subdecks: expected true or false, got 'yes'"),
        ('pdf = "no"', "cardgen.toml: pdf: expected true or false, got 'no'"),
        ('apkg = "no"', "cardgen.toml: apkg: expected true or false, got 'no'"),
        ("output = 1", "cardgen.toml: output: expected a non-empty string, got 1"),
        ("namespace = 1", "cardgen.toml: namespace: expected a non-empty string, got 1"),
    ],
)
def test_validation_messages(toml: str, message: str) -> None:
    import tomllib

    with pytest.raises(ConfigError) as info:
        validate(tomllib.loads(toml), "cardgen.toml")
    assert str(info.value).startswith(message)


def test_all_problems_reported_at_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "cardgen.toml").write_text('paper = "a5"\nduplx = "long"\nfont_floor = 100\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["build"])
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        "Error: cardgen.toml: paper: expected one of a4, letter, got 'a5'",
        "cardgen.toml: unknown key 'duplx' (did you mean 'duplex'?)",
        "cardgen.toml: font_floor: expected a font size in points from 4 to 14, got 100",
    ]


def test_broken_toml_is_a_clean_error(tmp_path: Path) -> None:
    (tmp_path / "cardgen.toml").write_text("paper = \n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"cardgen\.toml: not valid TOML"):
        load_settings(tmp_path)


def test_schema_covers_every_field_once() -> None:
    from dataclasses import fields

    from cardgen.config.options import BuildConfig
    from cardgen.config.printing import PrintOptions
    from cardgen.config.settings import PRINT, SETTINGS

    targets = [s.target for s in SETTINGS]
    assert len(targets) == len(set(targets))
    build_fields = {f.name for f in fields(BuildConfig)} - {"print_options"}
    print_fields = {PRINT + f.name for f in fields(PrintOptions)} - {PRINT + "workers"}  # not a user setting
    assert set(targets) == build_fields | print_fields


def test_init_template_is_the_defaults(tmp_path: Path) -> None:
    """The template `init` writes is made from the schema, reads back without a problem and changes nothing."""
    from cardgen.config.options import BuildConfig
    from cardgen.config.settings import SETTINGS, template

    (tmp_path / "cardgen.toml").write_text(template(), encoding="utf-8")
    assert make_config(load_settings(tmp_path), {}) == BuildConfig()
    text = template()
    for setting in SETTINGS:
        assert f"{setting.key} = " in text and setting.help in text


def test_every_flag_is_in_help_and_checked_like_the_file() -> None:
    from cardgen.config.settings import SETTINGS

    build_help = CliRunner().invoke(main, ["build", "--help"]).output
    sync_help = CliRunner().invoke(main, ["sync", "--help"]).output
    for setting in SETTINGS:
        if setting.flag and setting.flag_kind != "argument":
            assert setting.flag in sync_help
            assert (setting.flag in build_help) == (setting.scope == "build")
    result = CliRunner().invoke(main, ["check", "--paper", "a5"])
    assert result.exit_code == 2 and "'a5' is not one of 'a4', 'letter'" in result.output


def test_a_folder_gives_every_markdown_file_whatever_its_suffix_or_case(tmp_path: Path) -> None:
    from cardgen.config.options import BuildConfig

    for name in ("a.md", "b.markdown", "C.MD", "d.mdx", "sub/e.Markdown", "f.txt", "g.png", ".hidden/h.md"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("# x\n", encoding="utf-8")
    (tmp_path / "folder.md").mkdir()  # a folder named like a note is no note
    found = [p.relative_to(tmp_path.resolve()).as_posix() for p in BuildConfig(sources=(tmp_path,)).note_files()]
    assert found == ["C.MD", "a.md", "b.markdown", "d.mdx", "sub/e.Markdown"]
