"""The one settings schema: every key of ``cardgen.toml`` (or ``[tool.cardgen]`` in ``pyproject.toml``)
with its check, its place in :class:`BuildConfig`, its help and its command-line flag.

The CLI's options, the TOML validation, the merge (defaults ← file ← flags) and the ``init``
template are all made from :data:`SETTINGS`, so a key is added in one place. Every key is
validated and *all* problems are reported at once, each as ``cardgen.toml: key: problem``; an
unknown key gets a "did you mean".
"""

from __future__ import annotations

import difflib
import json
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace
from enum import StrEnum
from pathlib import Path
from typing import Any, Literal

from cardgen.config.options import BuildConfig
from cardgen.config.printing import CARD_PRESETS, PrintOptions, parse_card_size
from cardgen.errors import ConfigError
from cardgen.vocab import Duplex, Kind, Layout, Paper

CONFIG_NAME = "cardgen.toml"
PRINT = "print_options."

FlagKind = Literal["argument", "text", "choice", "on", "off"]


@dataclass(frozen=True)
class Setting:
    """One key of the settings."""

    key: str
    """The key in ``cardgen.toml``."""
    target: str
    """The :class:`BuildConfig` field it sets (``print_options.<field>`` for a print setting)."""
    check: Callable[[Any], Any]
    """Turns a TOML value into the setting's value; raises ``ValueError`` saying what was expected."""
    help: str
    """One line, for ``--help`` and the ``init`` template."""
    flag: str | None = None
    """The command-line option (``--paper``), ``SOURCES`` for the argument, or None when there is none."""
    flag_kind: FlagKind = "text"
    """How the flag is given: a value, a choice, an on/off switch, or the positional argument."""
    metavar: str | None = None
    """The flag's value as ``--help`` shows it."""
    from_flag: Callable[[Any], Any] = lambda value: value
    """Turns the flag's text into the TOML form, so the flag is checked by the same rule."""
    example: str | None = None
    """TOML for the ``init`` template when the default is None (shown commented out)."""
    template_default: str | None = None
    """TOML for the ``init`` template when the default is not written the way the setting reads it."""
    flag_help: str | None = None
    """Help for the flag when it says something else than the key (``--no-pdf``)."""
    scope: Literal["build", "anki"] = "build"
    """Which commands take the flag: every command that builds, or only those that talk to Anki."""


def _choice(vocabulary: type[StrEnum]) -> Callable[[Any], Any]:
    options = [str(v) for v in vocabulary]

    def check(value: Any) -> Any:
        if not isinstance(value, str) or value.lower() not in options:
            raise ValueError(f"expected one of {', '.join(options)}, got {value!r}")
        return vocabulary(value.lower())

    return check


def _string(value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"expected a non-empty string, got {value!r}")
    return value


def _bool(value: Any) -> bool:
    if not isinstance(value, bool):
        raise ValueError(f"expected true or false, got {value!r}")
    return value


def _level(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 6:
        raise ValueError(f"expected a heading level from 1 to 6, got {value!r}")
    return value


def _sources(value: Any) -> tuple[Path, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not value or not all(isinstance(v, str) for v in value):
        raise ValueError(f"expected a folder or file, or a list of them, got {value!r}")
    return tuple(Path(v) for v in value)


def _patterns(value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise ValueError(f'expected a list of heading patterns such as ["Exercises*"], got {value!r}')
    return tuple(v.strip() for v in value)


def _kinds(value: Any) -> frozenset[Kind]:
    if isinstance(value, str):
        value = [v.strip().lower() for v in value.split(",")]
    names = [str(k) for k in Kind]
    if not isinstance(value, list) or not value or not all(isinstance(v, str) and v in names for v in value):
        raise ValueError(f"expected a list of {', '.join(names)}, got {value!r}")
    return frozenset(Kind(v) for v in value)


def _card(value: Any) -> tuple[float, float]:
    if not isinstance(value, str):
        raise ValueError(f"expected a preset name or WxH, got {value!r}")
    try:
        return parse_card_size(value)
    except ConfigError as exc:
        raise ValueError(exc.message.removeprefix("card size: ")) from None


def _floor(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not 4 <= value <= 14:
        raise ValueError(f"expected a font size in points from 4 to 14, got {value!r}")
    return float(value)


def _offset(value: Any) -> tuple[float, float]:
    if (
        not isinstance(value, list)
        or len(value) != 2
        or not all(isinstance(v, int | float) and not isinstance(v, bool) for v in value)
    ):
        raise ValueError(f"expected [dx, dy] in mm, got {value!r}")
    if max(abs(v) for v in value) > 20:
        raise ValueError(f"{value!r} is more than 20 mm; check the units (mm)")
    return float(value[0]), float(value[1])


def _offset_flag(text: str) -> list[float]:
    try:
        values = [float(part) for part in text.split(",")]
    except ValueError:
        values = []
    if len(values) != 2:
        raise ValueError(f"expected DX,DY in mm (e.g. 1.5,-0.5), got {text!r}")
    return values


def _url(value: Any) -> str:
    if not isinstance(value, str) or not value.startswith(("http://", "https://")):
        raise ValueError(f"expected an http:// URL such as http://127.0.0.1:8765, got {value!r}")
    return value


def _language(value: Any) -> str:
    if not isinstance(value, str) or not value.replace("-", "").isalnum():
        raise ValueError(f"expected a language tag such as zh-CN, en, ja, got {value!r}")
    return value


def _number(kind: Callable[[str], Any]) -> Callable[[str], Any]:
    def parse(text: str) -> Any:
        try:
            return kind(text)
        except ValueError:
            raise ValueError(f"expected a number, got {text!r}") from None

    return parse


SETTINGS: tuple[Setting, ...] = (
    Setting("sources", "sources", _sources, "Where the notes are: folders (searched for *.md, *.mdx…) or files.",
            flag="SOURCES", flag_kind="argument", from_flag=lambda v: [str(p) for p in v] or None),
    Setting("output", "output_dir", lambda v: Path(_string(v)), "Folder for the outputs.",
            flag="--output", metavar="DIR", from_flag=str),
    Setting("deck", "deck_name", _string, "Top deck name (default: the notes' title, or their folder's name).",
            flag="--deck", metavar="NAME", example='"Kubernetes interview"'),
    Setting("subdecks", "subdecks", _bool, "One sub-deck per note file (default: only with several files).",
            example="true"),
    Setting("namespace", "namespace", _string,
            "Pin the identity namespace, so renaming the deck keeps every note (default: the deck).",
            flag="--namespace", metavar="TEXT", example='"kubernetes-interview"'),
    Setting("question_level", "question_level", _level, "Heading level of questions, 1-6 (default: detected per file).",
            flag="--question-level", metavar="N", from_flag=_number(int), example="4"),
    Setting("kinds", "kinds", _kinds,
            "Cards to make: qa (question and answer, or cloze), table (a card per comparison-table cell), "
            "term (a card per 'term: definition' bullet), cloze.",
            flag="--kinds", metavar="LIST"),
    Setting("skip_headings", "skip_headings", _patterns,
            "Headings whose sections make no cards, besides References, Credits, 参考资料… "
            "(patterns: * matches any text).",
            template_default='[]'),
    Setting("allow_html", "allow_html", _bool,
            "Pass raw HTML in the notes through (sanitised) instead of showing it as text.",
            flag="--allow-html", flag_kind="on"),
    Setting("language", PRINT + "language", _language,
            "Language of the notes, for fonts and glyph forms in the PDF (default: detected).",
            flag="--language", metavar="TAG", example='"zh-CN"'),
    Setting("apkg", "write_apkg", _bool, "Write the Anki package.", flag="--no-apkg", flag_kind="off",
            flag_help="Do not write the Anki package."),
    Setting("pdf", "write_pdf", _bool, "Write the print-ready PDF.", flag="--no-pdf", flag_kind="off",
            flag_help="Do not write the PDF."),
    Setting("paper", PRINT + "paper", _choice(Paper), "Paper size of the PDF.",
            flag="--paper", flag_kind="choice"),
    Setting("card", PRINT + "card_size", _card,
            f"Card size: {', '.join(CARD_PRESETS)} or WxH in mm or in (default: 95x65 mm).",
            flag="--card", metavar="SIZE", template_default='"default"'),
    Setting("duplex", PRINT + "duplex", _choice(Duplex),
            "The edge your printer flips on when printing double-sided.",
            flag="--duplex", flag_kind="choice"),
    Setting("layout", PRINT + "layout", _choice(Layout),
            "duplex: fronts and backs on alternate pages; fold: side by side, for single-sided printers.",
            flag="--layout", flag_kind="choice"),
    Setting("font_floor", PRINT + "font_floor", _floor,
            "Smallest font size (pt) before an answer continues on another card.",
            flag="--font-floor", metavar="PT", from_flag=_number(float)),
    Setting("anki_url", "anki_url", _url, "Where AnkiConnect answers, for cardgen sync.",
            flag="--anki-url", metavar="URL", scope="anki"),
    Setting("anki_key", "anki_key", _string, "AnkiConnect's API key, when it has one set (cardgen sync).",
            flag="--anki-key", metavar="KEY", scope="anki", example='"my-secret"'),
    Setting("back_offset", PRINT + "back_offset", _offset,
            "Shift back pages by [dx, dy] mm if your printer's fronts and backs do not line up.",
            flag="--back-offset", metavar="DX,DY", from_flag=_offset_flag),
)  # fmt: skip
BY_KEY = {s.key: s for s in SETTINGS}
CHOICES: dict[str, type[StrEnum]] = {"paper": Paper, "duplex": Duplex, "layout": Layout}


def default(setting: Setting) -> Any:
    """The value a build uses when neither the file nor a flag sets it."""
    if setting.target.startswith(PRINT):
        return getattr(PrintOptions(), setting.target.removeprefix(PRINT))
    return getattr(BuildConfig(), setting.target)


def find_config(start: Path) -> tuple[Path, Mapping[str, Any]] | None:
    """``cardgen.toml`` in ``start``, else ``[tool.cardgen]`` of ``pyproject.toml`` there."""
    toml = start / CONFIG_NAME
    if toml.is_file():
        return toml, _read(toml)
    pyproject = start / "pyproject.toml"
    if pyproject.is_file():
        tool = _read(pyproject).get("tool", {})
        if isinstance(tool, dict) and isinstance(tool.get("cardgen"), dict):
            return pyproject, tool["cardgen"]
    return None


def settings_files(start: Path) -> list[Path]:
    """The files settings may come from (watched by ``cardgen watch``)."""
    return [start / CONFIG_NAME, start / "pyproject.toml"]


def _read(path: Path) -> dict[str, Any]:
    import tomllib  # only when there is a settings file to read

    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path.name}: not valid TOML: {exc}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path.name}: cannot read: {exc}") from None


def validate(raw: Mapping[str, Any], origin: str) -> dict[str, Any]:
    """Checked values by key; every problem in one ConfigError, one per line."""
    values: dict[str, Any] = {}
    problems: list[str] = []
    for key, value in raw.items():
        setting = BY_KEY.get(key)
        if setting is None:
            close = difflib.get_close_matches(key, BY_KEY, n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else f"; known keys: {', '.join(BY_KEY)}"
            problems.append(f"{origin}: unknown key {key!r}{hint}")
            continue
        try:
            values[key] = setting.check(value)
        except ValueError as exc:
            problems.append(f"{origin}: {key}: {exc}")
    if problems:
        raise ConfigError("\n".join(problems))
    return values


def from_flags(flags: Mapping[str, Any]) -> dict[str, Any]:
    """Checked values of the flags given (None means not given), by the same rules as the file."""
    values: dict[str, Any] = {}
    problems: list[str] = []
    for setting in SETTINGS:
        given = flags.get(setting.key)
        if given is None or setting.flag is None:
            continue
        try:
            raw = setting.from_flag(given)
            if raw is not None:
                values[setting.key] = setting.check(raw)
        except ValueError as exc:
            problems.append(f"{setting.flag}: {exc}")
    if problems:
        raise ConfigError("\n".join(problems))
    return values


def load_settings(start: Path) -> dict[str, Any]:
    found = find_config(start)
    if found is None:
        return {}
    path, raw = found
    origin = CONFIG_NAME if path.name == CONFIG_NAME else "pyproject.toml [tool.cardgen]"
    values = validate(raw, origin)
    # Relative paths in the file are relative to the file (which is in ``start``: kept relative for messages).
    base = Path(".") if path.parent == start else path.parent
    if "sources" in values:
        values["sources"] = tuple(p if p.is_absolute() else base / p for p in values["sources"])
    if "output" in values and not values["output"].is_absolute():
        values["output"] = base / values["output"]
    return values


def make_config(file_values: Mapping[str, Any], flag_values: Mapping[str, Any]) -> BuildConfig:
    """Defaults ← file ← flags; both already checked (values given as None are not set)."""
    merged = {**file_values, **{k: v for k, v in flag_values.items() if v is not None}}
    plain = {BY_KEY[k].target: v for k, v in merged.items() if not BY_KEY[k].target.startswith(PRINT)}
    printing = {
        BY_KEY[k].target.removeprefix(PRINT): v for k, v in merged.items() if BY_KEY[k].target.startswith(PRINT)
    }
    config = replace(BuildConfig(), **plain)
    return replace(config, print_options=replace(config.print_options, **printing))


def _toml(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return f"{value:g}"
    if isinstance(value, str | Path):
        return json.dumps(str(value), ensure_ascii=False)
    if isinstance(value, frozenset):
        value = sorted(value, key=list(Kind).index) if all(isinstance(v, Kind) for v in value) else sorted(value)
    if isinstance(value, Iterable):
        return "[" + ", ".join(_toml(v) for v in value) + "]"
    raise TypeError(f"no TOML form for {value!r}")


def template_value(setting: Setting) -> str:
    """The setting's default as TOML (as ``--help`` and the ``init`` template show it)."""
    return setting.template_default or _toml(default(setting))


def template() -> str:
    """A ``cardgen.toml`` with every key, its help, and the default (or an example, commented out)."""
    lines = ["# cardgen settings. Every key is optional; command-line flags override these.",
             "# Reference: cardgen build --help"]  # fmt: skip
    for setting in SETTINGS:
        lines += ["", f"# {setting.help}"]
        value = default(setting)
        if value is None:
            lines.append(f"# {setting.key} = {setting.example}")
        else:
            lines.append(f"{setting.key} = {template_value(setting)}")
    return "\n".join(lines) + "\n"
