"""cardgen sync against a real Anki desktop running the real AnkiConnect add-on (headless)."""

from __future__ import annotations

import json
import re
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path
from typing import Any, ClassVar

import pytest
from click.testing import CliRunner

from cardgen.anki.connect import AnkiConnect, AnkiConnectError
from cardgen.cli import main
from cardgen.commands.sync import owned_query, sync
from cardgen.config.options import BuildConfig
from tests.ankiapp import PLUGIN, AnkiApp, free_port

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not PLUGIN.is_dir(), reason="../shared/anki-connect is not here"),
]
NOTES = Path("source/kubernetes-interview.md")
DECK = "kubernetes-interview"


@pytest.fixture(scope="module")
def anki(tmp_path_factory: pytest.TempPathFactory) -> Iterator[AnkiApp]:
    """One Anki for the module; started in a throw-away base folder, stopped by its process id."""
    pytest.importorskip("aqt")
    app = AnkiApp(tmp_path_factory.mktemp("anki"))
    yield app
    app.stop()


@pytest.fixture
def empty(anki: AnkiApp) -> AnkiApp:
    """The collection emptied before each test."""
    notes = anki.call("findNotes", query="deck:*")
    if notes:
        anki.call("deleteNotes", notes=notes)
    return anki


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def edit(old: str, new: str) -> None:
    text = NOTES.read_text(encoding="utf-8")
    assert old in text
    NOTES.write_text(text.replace(old, new, 1), encoding="utf-8")


def notes_of(anki: AnkiApp) -> dict[int, dict[str, Any]]:
    ids = anki.call("findNotes", query="deck:*")
    return {int(n["noteId"]): n for n in anki.call("notesInfo", notes=ids)} if ids else {}  # type: ignore[union-attr]


def test_sync_edit_prune_keeps_reviews_and_touches_nothing_else(project: Path, empty: AnkiApp) -> None:
    code, out, err = run("sync", "--no-pdf", "--anki-url", empty.url)
    assert code == 0, out + err
    assert "Anki: 107 added, 0 updated, 0 unchanged" in out
    assert len(notes_of(empty)) == 107
    # Someone else's notes in the same deck: a plain note, and one of cardgen's note types written by hand.
    other = empty.call("addNote", note={"deckName": DECK, "modelName": "Basic", "fields": {"Front": "x", "Back": "y"}})
    lookalike = empty.call("addNote", note={"deckName": DECK, "modelName": "cardgen Q&A",
                                            "fields": {"Question": "Mine", "Answer": "Hand-made"}})  # fmt: skip
    probe = next(
        i for i, n in notes_of(empty).items() if n["fields"].get("Question", {}).get("value") == "探针有哪几种"
    )
    (card,) = notes_of(empty)[probe]["cards"]
    assert empty.call("answerCards", answers=[{"cardId": card, "ease": 3}]) == [True]

    edit("简而言之一个是找到所有符合条件的", "简而言之：预选找到所有符合条件的节点")  # an answer changed
    edit("#### 5.探针有哪几种", "#### 5.探针有哪几种类型")  # a question reworded
    text = NOTES.read_text(encoding="utf-8")  # a question with a table deleted (#19, Flannel: 12 table cards)
    start = text.index("#### 19.")
    NOTES.write_text(text[:start] + text[text.index("#### 20.") :], encoding="utf-8")
    last = "#### 31.Kubernetes中存在哪几种负载均衡"
    edit(last, f"{last}\n\nService、Ingress 和外部负载均衡器。\n")  # a question added

    before = notes_of(empty)
    code, out, _ = run("sync", "--no-pdf", "--dry-run", "--anki-url", empty.url)
    assert code == 0 and "Anki (dry run, nothing changed): 1 would be added" in out, out
    assert "13 note(s) the notes no longer make would be tagged cardgen::removed" in out
    assert notes_of(empty) == before, "--dry-run changes nothing in Anki"

    code, out, _ = run("sync", "--no-pdf", "--prune", "--anki-url", empty.url)
    assert code == 0, out
    assert "Anki: 1 added," in out and "13 note(s) the notes no longer make were deleted from Anki" in out
    after = notes_of(empty)
    assert other in after and lookalike in after, "another tool's notes are never touched"
    contents = [tuple(f["value"] for f in n["fields"].values()) for n in after.values()]
    assert len(contents) == len(set(contents)), "no duplicate"
    questions = [n["fields"].get("Question", {}).get("value", "") for n in after.values()]
    assert not any("Flannel网络插件的实现原理" in q for q in questions), (
        "the deleted question's Q&A and table notes are gone"
    )
    assert after[probe]["fields"]["Question"]["value"] == "探针有哪几种类型", "the reworded question kept its note"
    assert empty.call("getReviewsOfCards", cards=[card])[str(card)], "and its review"  # type: ignore[index]
    changed = next(
        n for n in after.values() if "预选找到所有符合条件的节点" in n["fields"].get("Answer", {}).get("value", "")
    )
    assert changed["noteId"] in before, "the answer was updated in place"
    assert len(after) == 107 - 13 + 1 + 2


def test_removed_notes_are_tagged_without_prune(project: Path, empty: AnkiApp) -> None:
    assert run("sync", "--no-pdf", "--kinds", "qa,table", "--anki-url", empty.url)[0] == 0
    code, out, _ = run("sync", "--no-pdf", "--kinds", "qa", "--anki-url", empty.url)  # a kind switched off
    assert code == 0 and "67 note(s) the notes no longer make were tagged cardgen::removed" in out, out
    assert len(empty.call("findNotes", query="tag:cardgen::removed")) == 67  # type: ignore[arg-type]
    assert len(notes_of(empty)) == 74


def test_anki_not_running_is_a_clear_error(project: Path) -> None:
    code, _, err = run("sync", "--no-pdf", "--anki-url", f"http://127.0.0.1:{free_port()}")
    assert code == 1 and err.startswith("Error: cannot reach Anki at http://127.0.0.1:")
    assert "code 2055492159" in err and not Path("build").exists(), "nothing was built either"


def test_a_wrong_api_key_is_a_clear_error(project: Path, tmp_path: Path) -> None:
    pytest.importorskip("aqt")
    keyed = AnkiApp(tmp_path / "keyed", key="right")
    try:
        code, _, err = run("sync", "--no-pdf", "--anki-url", keyed.url, "--anki-key", "wrong")
        assert code == 1 and "AnkiConnect refused the API key" in err
        code, out, _ = run("sync", "--no-pdf", "--anki-url", keyed.url, "--anki-key", "right")
        assert code == 0 and "Anki: 107 added" in out
    finally:
        keyed.stop()


class _Stub(BaseHTTPRequestHandler):
    """An AnkiConnect that answers from a script, for the failures a real one will not make on cue."""

    answers: ClassVar[dict[str, dict[str, Any]]] = {}

    def do_POST(self) -> None:
        action = json.loads(self.rfile.read(int(self.headers["Content-Length"])))["action"]
        body = json.dumps(self.answers.get(action, {"result": [], "error": None})).encode()
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def stub() -> Iterator[tuple[str, type[_Stub]]]:
    server = HTTPServer(("127.0.0.1", 0), _Stub)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", _Stub
    server.shutdown()


def test_too_old_and_errors_midway_are_clear(project: Path, stub: tuple[str, type[_Stub]]) -> None:
    url, handler = stub
    handler.answers = {
        "version": {"result": 6, "error": None},
        "findNotes": {"result": None, "error": "unsupported action"},
    }
    with pytest.raises(AnkiConnectError, match=r"too old for 'findNotes'.*while finding cardgen's notes"):
        sync(BuildConfig(write_pdf=False), AnkiConnect(url))
    handler.answers = {
        "version": {"result": 6, "error": None},
        "importPackage": {"result": None, "error": "collection is not available"},
    }
    code, _, err = run("sync", "--no-pdf", "--anki-url", url)
    assert code == 1 and re.search(r"Anki answered an error to 'importPackage': collection is not available "
                                   r"\(while importing the deck; done so far: the build was written\)", err), err  # fmt: skip
    handler.answers = {"version": {"result": 4, "error": None}}
    code, _, err = run("sync", "--no-pdf", "--anki-url", url)
    assert code == 1 and "AnkiConnect answers version 4; cardgen needs 6" in err


def test_owned_query_escapes_anki_wildcards() -> None:
    assert owned_query('my_deck "x"*').startswith('"deck:my\\_deck \\"x\\"\\*" ("note:cardgen Q&A"')


def test_watch_sync_pushes_every_rebuild(project: Path, empty: AnkiApp) -> None:
    import time

    from cardgen.commands.watch import watch

    lines: list[str] = []
    stop = threading.Event()
    config = BuildConfig(write_pdf=False, anki_url=empty.url)
    thread = threading.Thread(target=watch, args=(lambda: config, lines.append, stop, project), kwargs={"sync": True})
    thread.start()
    try:
        deadline = time.monotonic() + 30
        while not any(line.startswith("watching") for line in lines) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert "built 107 cards; Anki: 107 added, 0 updated" in lines[0], lines
        edit(
            "#### 31.Kubernetes中存在哪几种负载均衡", "#### 31.Kubernetes中存在哪几种负载均衡\n\nService 和 Ingress。\n"
        )
        while len(lines) < 3 and time.monotonic() < deadline:
            time.sleep(0.1)
        assert "Anki: 1 added, 0 updated" in lines[2], lines
    finally:
        stop.set()
        thread.join(timeout=10)
