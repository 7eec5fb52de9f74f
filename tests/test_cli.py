"""The command line through click's CliRunner."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from cardgen import __version__
from cardgen.cli import main


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.slow  # writes the PDF
def test_build_reports_unanswered_and_outputs(project: Path) -> None:
    """By default: warnings that need action (none here) and a compact summary; -v lists every
    unanswered question and every printed card set smaller or continued; --json says it all."""
    code, out, err = run("build")
    assert code == 0, out
    assert err == "" and len(out.splitlines()) <= 6, out
    assert "31 questions: 107 cards (7 Q&A, 67 table, 33 term), 24 unanswered, 2 passage(s) left out (-v lists" in out
    assert "PDF: " in out and " set smaller, " in out and " continued on further cards" in out
    assert "wrote build/kubernetes-interview.pdf (" in out and "wrote build/kubernetes-interview.apkg (" in out
    assert (project / "build" / "kubernetes-interview.apkg").stat().st_size > 0

    code, out, _ = run("build", "-v", "--force")
    assert code == 0, out
    assert any(
        line.startswith("source/kubernetes-interview.md:176: kube-proxy")
        and "Q&A card printed" in line
        and "continued on" in line
        for line in out.splitlines()
    ), out
    assert "source/kubernetes-interview.md:15: unanswered: 如果从零开始部署集群" in out
    assert sum(": unanswered: " in line for line in out.splitlines()) == 24

    code, out, _ = run("build", "--json", "--force")
    facts = json.loads(out)
    assert facts["cards"] == {"qa": 7, "table": 67, "term": 33} and len(facts["unanswered"]) == 24
    assert facts["unanswered"][0] == {
        "file": "source/kubernetes-interview.md",
        "line": 15,
        "question": "如果从零开始部署集群",
    }
    assert facts["left_out"] == [
        {
            "file": "source/kubernetes-interview.md",
            "line": line,
            "message": f"heading under an unanswered question, on no card: {words}",
        }
        for line, words in ((17, "二进制部署"), (19, "kubeadm部署"))
    ]
    assert facts["printed"]["cards"] > 107 and facts["printed"]["cut_off"] == []
    assert {o["path"] for o in facts["outputs"]} == {
        "build/kubernetes-interview.apkg",
        "build/kubernetes-interview.pdf",
    }


def test_build_options(project: Path) -> None:
    code, out, _ = run("build", "source", "-o", "elsewhere", "--deck", "K8s 面试", "--question-level", "5", "--no-pdf")
    assert code == 0, out
    assert "2 cards" not in out and "0 cards" in out  # level 5 holds only the two empty sub-headings
    code, out, _ = run("build", "source", "-o", "elsewhere", "--deck", "K8s 面试", "--no-pdf")
    assert code == 0 and (project / "elsewhere" / "K8s-面试.apkg").exists()


def test_reworded_question_is_reported(project: Path) -> None:
    assert run("build", "--no-pdf")[0] == 0
    notes = project / "source" / "kubernetes-interview.md"
    notes.write_text(
        notes.read_text(encoding="utf-8").replace("#### 5.探针有哪几种", "#### 5.探针有哪几种类型"), encoding="utf-8"
    )
    code, out, _ = run("build", "--no-pdf")
    assert code == 0
    assert "source/kubernetes-interview.md:30: reworded (same note kept): '探针有哪几种' → '探针有哪几种类型'" in out


def test_user_error_is_one_line_with_file_and_line(project: Path) -> None:
    (project / "source" / "latin1.md").write_bytes(b"## Caf\xe9?\n")
    code, out, err = run("build", "--no-pdf")
    assert code == 1
    assert err.strip().splitlines() == [
        "Error: source/latin1.md:1: not valid UTF-8 (byte offset 6); save the file as UTF-8"
    ]
    assert "Traceback" not in out + err


def test_missing_source(project: Path) -> None:
    code, _, err = run("build", "nope")
    assert code == 1 and err.strip() == "Error: nope: no such file or folder"


def test_version() -> None:
    code, out, _ = run("--version")
    assert code == 0 and __version__ in out


def test_console_script_keeps_exit_status_and_output(project: Path) -> None:
    """The installed ``cardgen`` (``cli.run``) ends without the last collection, and still
    exits with the command's status after printing everything."""
    script = "from cardgen.cli import run; run()"
    done = subprocess.run([sys.executable, "-c", script, "build", "--no-pdf", "-q"], capture_output=True, text=True)
    assert done.returncode == 0 and "wrote build/kubernetes-interview.apkg" in done.stdout, done.stderr
    assert (project / "build" / "kubernetes-interview.apkg").stat().st_size > 0
    done = subprocess.run([sys.executable, "-c", script, "build", "nope"], capture_output=True, text=True)
    assert done.returncode == 1 and done.stderr.strip() == "Error: nope: no such file or folder"


@pytest.mark.parametrize("command", [[], ["build"]])
def test_help_has_examples(command: list[str]) -> None:
    code, out, _ = run(*command, "--help")
    assert code == 0 and "Example" in out and "cardgen build" in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--card", "huge"], "Error: --card: expected one of default, a7"),
        (["--back-offset", "1"], "Error: --back-offset: expected DX,DY in mm"),
        (["--back-offset", "30,0"], "Error: --back-offset: [30.0, 0.0] is more than 20 mm"),
        (["--question-level", "9"], "Error: --question-level: expected a heading level from 1 to 6, got 9"),
        (["--font-floor", "big"], "Error: --font-floor: expected a number, got 'big'"),
        (["--card", "300x100"], "Error: card size 300×100 mm does not fit on a4 paper"),
        (["--kinds", "qa,flash"], "Error: --kinds: expected a list of qa, table, term, cloze"),
    ],
)
def test_print_option_errors(project: Path, args: list[str], message: str) -> None:
    code, _, err = run("build", *args)
    assert code == 1 and err.startswith(message), err


def test_kinds_option(project: Path) -> None:
    code, out, _ = run("build", "--no-pdf", "--kinds", "table")
    assert code == 0 and "31 questions: 67 cards (67 table), 24 unanswered" in out


def test_quiet_and_verbose(project: Path) -> None:
    code, out, _ = run("build", "--no-pdf", "-q")
    assert code == 0 and out.splitlines() == [
        "1 file(s), 31 questions: 107 cards (7 Q&A, 67 table, 33 term), 24 unanswered, 2 passage(s) left out",
        "wrote build/kubernetes-interview.apkg",
    ]
    code, out, _ = run("build", "--no-pdf", "--force")
    assert "24 unanswered, 2 passage(s) left out (-v lists them, or cardgen check)" in out
    code, out, _ = run("build", "--no-pdf", "-v", "--force")
    assert code == 0 and ": unanswered: " in out
    # An unanswered question's empty sub-headings: their words, where they are.
    assert "kubernetes-interview.md:19: heading under an unanswered question, on no card: kubeadm部署" in out
    assert "wrote build/kubernetes-interview.apkg (" in out and "KiB)" in out
    assert out.splitlines()[-1].startswith("time: parse + extract ")


@pytest.mark.parametrize("command", ["check", "preview", "watch", "init"])
def test_every_command_has_help_with_an_example(command: str) -> None:
    code, out, _ = run(command, "--help")
    assert code == 0 and "Example" in out and f"cardgen {command}" in out
