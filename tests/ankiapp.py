"""A real Anki desktop with the real AnkiConnect add-on, headless, for the sync tests.

How to run it comes from ``../shared/anki-connect/README.md``: a base folder whose profile exists
before Anki starts (else a modal language picker blocks the add-ons), the add-on copied into its
``addons21``, offscreen Qt, its own single-instance key and XDG folders, stopped by SIGTERM to its
process group. The add-on is a test fixture and is never copied into the project.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

PLUGIN = Path(__file__).resolve().parent.parent.parent / "shared" / "anki-connect" / "plugin"
PROFILE = "User 1"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def prepare(base: Path, port: int, key: str | None) -> None:
    """A base folder with a profile and the add-on, so Anki starts straight into it."""
    from aqt.profiles import ProfileManager

    manager = ProfileManager(ProfileManager.get_created_base_folder(str(base)))
    manager.setupMeta()
    manager.set_update_check(False)
    manager.set_check_for_addon_updates(False)
    manager.setLang("en_US")
    manager.create(PROFILE)
    manager.db.close()
    addon = base / "addons21" / "ankiconnect"
    shutil.copytree(PLUGIN, addon)
    config = json.loads((addon / "config.json").read_text())
    config.update(webBindPort=port, apiKey=key)
    (addon / "config.json").write_text(json.dumps(config))
    # Anki reads an add-on's config from meta.json once it has been changed by the user.
    (addon / "meta.json").write_text(json.dumps({"config": config}))


class AnkiApp:
    """One Anki process, with AnkiConnect answering on ``url``."""

    def __init__(self, base: Path, key: str | None = None) -> None:
        self.base, self.port, self.key = base, free_port(), key
        self.url = f"http://127.0.0.1:{self.port}"
        prepare(base, self.port, key)
        env = {
            **os.environ,
            "QT_QPA_PLATFORM": "offscreen",
            "QTWEBENGINE_DISABLE_SANDBOX": "1",
            "ANKI_SINGLE_INSTANCE_KEY": f"cardgen-test-{self.port}",
            "XDG_CACHE_HOME": str(base / "xdg-cache"),
            "XDG_CONFIG_HOME": str(base / "xdg-config"),
            "XDG_DATA_HOME": str(base / "xdg-data"),
            "XDG_RUNTIME_DIR": str(base / "xdg-runtime"),
        }
        (base / "xdg-runtime").mkdir(mode=0o700, exist_ok=True)
        self.log = open(base / "anki.log", "wb")  # noqa: SIM115 - closed in stop()
        self.process = subprocess.Popen(
            [sys.executable, "-c", "import aqt; aqt.run()", "-b", str(base), "-p", PROFILE],
            env=env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        self._wait()

    def _wait(self, timeout: float = 60.0) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"Anki exited: {(self.base / 'anki.log').read_text(errors='replace')[-2000:]}")
            try:
                self.call("version")
                return
            except OSError:
                time.sleep(0.3)
        self.stop()
        raise RuntimeError("AnkiConnect did not answer in time")

    def call(self, action: str, **params: object) -> object:
        body: dict[str, object] = {"action": action, "version": 6, "params": params}
        if self.key:
            body["key"] = self.key
        request = urllib.request.Request(self.url, json.dumps(body).encode(), {"Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=30) as response:
            answer = json.loads(response.read())
        if answer.get("error"):
            raise RuntimeError(answer["error"])
        return answer.get("result")

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
        self.log.close()
