"""A small client for AnkiConnect, the add-on that lets programs talk to a running Anki.

Only the standard library: one JSON POST per action (API version 6). Every failure becomes a
``CardgenError`` that says what to do: Anki not running or the add-on missing, a wrong API key,
an add-on too old for an action, or Anki answering an error.
"""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from typing import Any

from cardgen.errors import CardgenError

API_VERSION = 6
ADDON_CODE = "2055492159"
TIMEOUT_SECONDS = 60


class AnkiConnectError(CardgenError):
    """AnkiConnect could not be reached or answered an error."""


class AnkiConnect:
    """AnkiConnect at ``url``, with its API key when it has one set."""

    def __init__(self, url: str, key: str | None = None) -> None:
        self.url, self.key = url, key

    def call(self, action: str, **params: Any) -> Any:
        """Run one action; its result."""
        body: dict[str, Any] = {"action": action, "version": API_VERSION, "params": params}
        if self.key:
            body["key"] = self.key
        request = urllib.request.Request(
            self.url, json.dumps(body).encode("utf-8"), {"Content-Type": "application/json"}
        )
        try:
            with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:
                answer = json.loads(response.read().decode("utf-8"))
        except (urllib.error.URLError, ConnectionError, TimeoutError) as exc:
            raise AnkiConnectError(
                f"cannot reach Anki at {self.url} ({getattr(exc, 'reason', exc)}): start Anki, with the AnkiConnect "
                f"add-on installed (in Anki: Tools › Add-ons › Get Add-ons…, code {ADDON_CODE}), then run this again"
            ) from exc
        except ValueError as exc:
            raise AnkiConnectError(f"{self.url} is not AnkiConnect (its answer is not JSON)") from exc
        if not isinstance(answer, dict) or set(answer) != {"result", "error"}:
            raise AnkiConnectError(f"{self.url} is not AnkiConnect version {API_VERSION} or newer: update the add-on")
        error = answer["error"]
        if error is None:
            return answer["result"]
        text = str(error)
        if "api key" in text.lower():
            raise AnkiConnectError(
                "AnkiConnect refused the API key: set anki_key in cardgen.toml (or --anki-key) to the key in "
                "AnkiConnect's settings (Tools › Add-ons › AnkiConnect › Config)"
            )
        if "unsupported action" in text.lower():
            raise AnkiConnectError(f"this AnkiConnect is too old for {action!r}: update the add-on (code {ADDON_CODE})")
        raise AnkiConnectError(f"Anki answered an error to {action!r}: {text}")
