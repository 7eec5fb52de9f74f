"""Settings from ``cardgen.toml`` (or ``[tool.cardgen]`` in ``pyproject.toml``) and the command line.

Every key is validated and *all* problems are reported at once, each as
``cardgen.toml: key: problem``; an unknown key gets a "did you mean". Command-line flags
override the file; the file overrides the defaults in :class:`BuildConfig`.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any

from cardgen.cards import KINDS
from cardgen.config import BuildConfig
from cardgen.errors import ConfigError
from cardgen.layout import DUPLEX_MODES, LAYOUTS, PAPERS, PrintOptions, parse_card_size

CONFIG_NAME = "cardgen.toml"


def _choice(options: tuple[str, ...] | list[str]) -> Callable[[Any], Any]:
    def check(value: Any) -> Any:
        if not isinstance(value, str) or value.lower() not in options:
            raise ValueError(f"expected one of {', '.join(options)}, got {value!r}")
        return value.lower()

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


def _kinds(value: Any) -> frozenset[str]:
    if isinstance(value, str):
        value = [v.strip() for v in value.split(",")]
    if not isinstance(value, list) or not value or not all(isinstance(v, str) and v in KINDS for v in value):
        raise ValueError(f"expected a list of {', '.join(KINDS)}, got {value!r}")
    return frozenset(value)


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


def _language(value: Any) -> str:
    if not isinstance(value, str) or not value.replace("-", "").isalnum():
        raise ValueError(f"expected a language tag such as zh-CN, en, ja, got {value!r}")
    return value


# key → (validator, where the value goes)
KEYS: dict[str, Callable[[Any], Any]] = {
    "sources": _sources,
    "output": lambda v: Path(_string(v)),
    "deck": _string,
    "subdecks": _bool,
    "namespace": _string,
    "question_level": _level,
    "kinds": _kinds,
    "allow_html": _bool,
    "language": _language,
    "apkg": _bool,
    "pdf": _bool,
    "paper": _choice(list(PAPERS)),
    "card": _card,
    "duplex": _choice(DUPLEX_MODES),
    "layout": _choice(LAYOUTS),
    "font_floor": _floor,
    "back_offset": _offset,
}


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
        check = KEYS.get(key)
        if check is None:
            close = difflib.get_close_matches(key, KEYS, n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else f"; known keys: {', '.join(KEYS)}"
            problems.append(f"{origin}: unknown key {key!r}{hint}")
            continue
        try:
            values[key] = check(value)
        except ValueError as exc:
            problems.append(f"{origin}: {key}: {exc}")
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


def make_config(file_values: Mapping[str, Any], flags: Mapping[str, Any]) -> BuildConfig:
    """Defaults ← file ← flags (flags given as None are not set)."""
    merged = {**file_values, **{k: v for k, v in flags.items() if v is not None}}
    config = BuildConfig()
    plain = {
        "sources": "sources", "output": "output_dir", "deck": "deck_name", "subdecks": "subdecks",
        "namespace": "namespace", "question_level": "question_level", "kinds": "kinds",
        "allow_html": "allow_html", "apkg": "write_apkg", "pdf": "write_pdf",
    }  # fmt: skip
    config = replace(config, **{field: merged[key] for key, field in plain.items() if key in merged})
    printing = {
        "paper": "paper", "card": "card_size", "duplex": "duplex", "layout": "layout",
        "font_floor": "font_floor", "back_offset": "back_offset", "language": "language",
    }  # fmt: skip
    options = replace(PrintOptions(), **{field: merged[key] for key, field in printing.items() if key in merged})
    return replace(config, print_options=options)
