"""The `sclc-qa` command: output formats, exit codes and one-line errors.

Fast tests need no model: usage errors, the question-file check, a missing or stale index, and
`build` with the fake embedder. The slow ones run the real index that conftest builds once.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import httpx
import pytest
from typer.testing import CliRunner, Result

from readiness import wait_until_ready
from sclc_qa import engine as engine_module
from sclc_qa.cli import app
from sclc_qa.config import Settings
from sclc_qa.embedding import HashingEmbedder
from sclc_qa.evaluation import EvalReport
from sclc_qa.models import Answer, Passage, SectionSummary

ROOT = Path(__file__).resolve().parent.parent
CORPUS_DIR = ROOT / "corpus"
CORPUS_FILE_NAME = "es-sclc-immunotherapy-review.txt"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
CASPIAN = "What was the OS hazard ratio in CASPIAN?"
COMMANDS = ("build", "ask", "search", "sections", "eval", "serve")


def run(*args: str) -> Result:
    """Invoke the CLI in-process; an unexpected exception fails the test with its traceback."""
    result = CliRunner().invoke(app, list(args))
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result


def assert_one_line_error(result: Result, code: int, *fragments: str) -> str:
    """A failed command prints exactly one `error: …` line on stderr, and nothing on stdout."""
    assert result.exit_code == code, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("error: ")
    assert "Traceback" not in result.output
    assert result.stdout == ""
    for fragment in fragments:
        assert fragment in lines[0]
    return lines[0]


@pytest.fixture(scope="session")
def real(real_settings: Settings) -> list[str]:
    """Global options that point the CLI at the session's real MiniLM index."""
    return ["--index-dir", str(real_settings.index_dir), "--corpus-dir", str(CORPUS_DIR)]


@pytest.fixture
def fake_embedder(monkeypatch: pytest.MonkeyPatch) -> None:
    # The CLI always builds with the real model; swap it only where the model is not under test.
    monkeypatch.setattr(engine_module, "MiniLMEmbedder", lambda *_, **__: HashingEmbedder())


def write_questions(path: Path, *questions: dict[str, object]) -> Path:
    path.write_text("".join(json.dumps(q) + "\n" for q in questions), encoding="utf-8")
    return path


# --- fast tier: no model ------------------------------------------------------------------------


def test_help_lists_every_command() -> None:
    result = run("--help")
    assert result.exit_code == 0
    for command in COMMANDS:
        assert command in result.stdout
    assert "--index-dir" in result.stdout and "--corpus-dir" in result.stdout


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_help_has_examples(command: str) -> None:
    result = run(command, "--help")
    assert result.exit_code == 0
    assert "Examples:" in result.stdout
    assert f"sclc-qa {command}" in result.stdout


def test_importing_the_cli_does_not_load_the_engine() -> None:
    # `sclc-qa --help` must stay fast: numpy, faiss and torch load only inside commands.
    code = (
        "import sys, sclc_qa.cli; "
        "heavy = {'sclc_qa.engine', 'numpy', 'faiss', 'torch'} & set(sys.modules); "
        "assert not heavy, heavy"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)


def test_python_dash_m_runs_the_cli() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "sclc_qa", "--version"],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
        env={"PYTHONPATH": str(ROOT / "src"), "PATH": ""},
    )
    assert done.stdout.startswith("sclc-qa ")


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (("ask",), "Missing argument"),
        (("ask", "q", "--top-k", "many"), "--top-k"),
        (("search", "q", "--mode", "fuzzy"), "--mode"),
        (("nonsense",), "nonsense"),
        ((), "Missing command"),
    ],
)
def test_usage_errors_are_one_line(args: tuple[str, ...], fragment: str) -> None:
    line = assert_one_line_error(run(*args), 2, fragment)
    assert "--help" in line


def test_missing_index_says_to_build(tmp_path: Path) -> None:
    result = run(
        "--index-dir", str(tmp_path / "nowhere"), "--corpus-dir", str(CORPUS_DIR), "ask", "q"
    )
    assert_one_line_error(result, 1, "sclc-qa build", str(tmp_path / "nowhere"))


@pytest.mark.parametrize(
    ("content", "fragment"),
    [
        ('{"id": "x1", "question": "Q?"}\n', "questions.jsonl:1"),
        ("this is not json\n", "questions.jsonl:1"),
        ("\n\n", "holds no questions"),
    ],
)
def test_malformed_question_file_is_a_clean_error(
    tmp_path: Path, content: str, fragment: str
) -> None:
    file = tmp_path / "questions.jsonl"
    file.write_text(content, encoding="utf-8")
    # The file is checked before any index is opened, so a missing index does not hide it.
    result = run("--index-dir", str(tmp_path / "none"), "eval", str(file))
    assert_one_line_error(result, 2, fragment)


def test_missing_question_file_is_a_clean_error(tmp_path: Path) -> None:
    assert_one_line_error(run("eval", str(tmp_path / "absent.jsonl")), 2, "absent.jsonl")


def test_build_prints_steps_then_a_summary(tmp_path: Path, fake_embedder: None) -> None:
    index = tmp_path / "index"
    result = run("--index-dir", str(index), "--corpus-dir", str(CORPUS_DIR), "build")
    assert result.exit_code == 0, result.output
    assert re.fullmatch(
        rf"built {re.escape(str(index))}/: 1 document, \d+ sections, \d+ chunks, "
        r"\d+ sentences in \d+\.\d s\n",
        result.stdout,
    )
    assert "1 document(s): 0 unchanged, 1 to embed" in result.stderr
    assert (index / "CURRENT").is_file()


def test_index_built_with_another_model_is_stale(tmp_path: Path) -> None:
    index = tmp_path / "index"
    engine_module.Engine.build(
        Settings(corpus_dir=CORPUS_DIR, index_dir=index), embedder=HashingEmbedder()
    )
    result = run("--index-dir", str(index), "--corpus-dir", str(CORPUS_DIR), "sections")
    assert_one_line_error(result, 1, "model", "sclc-qa build")


def test_invalid_setting_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SCLC_QA_ANSWER__ABSTAIN_BELOW", "lots")
    assert_one_line_error(run("sections"), 2, "abstain_below")


# --- slow tier: the real model and index --------------------------------------------------------


@pytest.mark.slow
def test_ask_prints_answer_confidence_and_citations(real: list[str]) -> None:
    result = run(*real, "ask", CASPIAN)
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert "0.73" in lines[0]
    assert lines[1].startswith("confidence ")
    assert re.fullmatch(
        r'\[es-sclc-immunotherapy-review › 4\.1\.1 First-line chemoimmunotherapy\] ".*0\.73.*"',
        lines[2],
    )
    assert all(re.fullmatch(r'\[[^\]]+\] ".+"', line) for line in lines[2:])


@pytest.mark.slow
def test_ask_json_is_an_answer_with_verbatim_quotes(real: list[str], corpus_text: str) -> None:
    result = run(*real, "ask", CASPIAN, "--json", "--top-k", "2")
    assert result.exit_code == 0, result.output
    answer = Answer.model_validate_json(result.stdout)
    assert not answer.abstained and answer.answer is not None and "0.73" in answer.answer
    assert answer.start is not None and answer.end is not None
    assert corpus_text[answer.start : answer.end] == answer.answer
    assert 1 <= len(answer.citations) <= 2
    for c in answer.citations:
        assert corpus_text[c.start : c.end] == c.quote


@pytest.mark.slow
def test_ask_abstains_in_words(real: list[str]) -> None:
    result = run(*real, "ask", "What was the OS hazard ratio in KEYNOTE-604?")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("No answer: ")


@pytest.mark.slow
@pytest.mark.parametrize("mode", ["hybrid", "dense", "lexical"])
def test_search_json_lists_passages(real: list[str], corpus_text: str, mode: str) -> None:
    result = run(
        *real, "search", "CASPIAN overall survival", "--json", "--top-k", "3", "--mode", mode
    )
    assert result.exit_code == 0, result.output
    passages = [Passage.model_validate(p) for p in json.loads(result.stdout)]
    assert len(passages) == 3
    assert [p.score for p in passages] == sorted((p.score for p in passages), reverse=True)
    for p in passages:
        assert corpus_text[p.start : p.end] == p.text


@pytest.mark.slow
def test_search_prints_one_line_per_passage(real: list[str]) -> None:
    result = run(*real, "search", "tarlatamab DLL3", "--top-k", "4")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert len(lines) == 4
    assert all(re.match(r"\s*\d+\.\d{3}  \S+ ", line) for line in lines)


@pytest.mark.slow
def test_sections_lists_the_review(real: list[str]) -> None:
    result = run(*real, "sections")
    assert result.exit_code == 0, result.output
    assert re.search(
        r"^\s+4\.1\.1\s+\d+\s+\d+\s+First-line chemoimmunotherapy$", result.stdout, re.M
    )
    summaries = [
        SectionSummary.model_validate(s)
        for s in json.loads(run(*real, "sections", "--json").stdout)
    ]
    assert "4.1.1" in {s.section for s in summaries}


@pytest.mark.slow
@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (("ask", ""), "empty"),
        (("ask", "   "), "empty"),
        (("search", ""), "empty"),
        (("ask", CASPIAN, "--top-k", "0"), "--top-k"),
        (("search", CASPIAN, "--top-k", "51"), "--top-k"),
    ],
)
def test_bad_questions_are_one_line_errors(
    real: list[str], args: tuple[str, ...], fragment: str
) -> None:
    assert_one_line_error(run(*real, *args), 2, fragment)


CASPIAN_ROW = {
    "id": "t1",
    "question": CASPIAN,
    "answerable": True,
    "sections": ["4.1.1"],
    "answers": ["HR = 0.73"],
    "category": "numeric",
}


@pytest.mark.slow
def test_eval_json_and_report(real: list[str], tmp_path: Path) -> None:
    questions = write_questions(
        tmp_path / "q.jsonl",
        CASPIAN_ROW,
        {
            "id": "t2",
            "question": "What was the OS hazard ratio in KEYNOTE-604?",
            "answerable": False,
            "category": "unanswerable",
        },
        {
            "id": "t3",
            "question": "Median OS in the atezolizumab arm of IMpower133?",
            "answerable": True,
            "sections": ["4.1.1"],
            "answers": ["12.3 months"],
            "category": "numeric",
        },
    )
    out = tmp_path / "report" / "report.md"
    result = run(*real, "eval", str(questions), "--no-test", "--json", "--report", str(out))
    assert result.exit_code == 0, result.output
    report = EvalReport.model_validate_json(result.stdout)
    dev = report.splits["dev"]
    assert list(report.splits) == ["dev"] and dev.questions == dev.evaluated == 3
    assert {r.id for r in dev.results} == {"t1", "t2", "t3"}
    written = [Path(line.removeprefix("wrote ")) for line in result.stderr.splitlines()]
    assert out in written and len(written) == 4
    assert out.read_text(encoding="utf-8").startswith("# sclc-qa evaluation")
    pngs = [p for p in written if p.suffix == ".png"]
    assert len(pngs) == 3  # recall, risk–coverage, reliability
    for png in pngs:
        assert png.read_bytes().startswith(PNG_SIGNATURE)


@pytest.mark.slow
def test_eval_prints_a_summary(real: list[str], tmp_path: Path) -> None:
    questions = write_questions(
        tmp_path / "q.jsonl",
        CASPIAN_ROW,
    )
    result = run(*real, "eval", str(questions))
    assert result.exit_code == 0, result.output
    for heading in ("dev: ", "test: ", "frozen: totals only", "recall@1", "accuracy", "risk"):
        assert heading in result.stdout
    assert re.search(r"^dev failures: \d+", result.stdout, re.M)
    assert "test failures" not in result.stdout  # the frozen split never lists a question


# --- serve ----------------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def serve(*args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "sclc_qa", *args],
        cwd=ROOT,
        env=os.environ | {"PYTHONPATH": str(ROOT / "src")},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def last_line_error(proc: subprocess.Popen[str], *fragments: str) -> None:
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 1, err
    assert out == ""
    assert "Traceback" not in err
    last = err.strip().splitlines()[-1]
    assert last.startswith("error: ")
    for fragment in fragments:
        assert fragment in last


@pytest.mark.parametrize("port", ["0", "70000", "http"])
def test_serve_refuses_a_bad_port(port: str) -> None:
    assert_one_line_error(run("serve", "--port", port), 2, "--port")


def test_serve_on_a_busy_port_is_a_one_line_error() -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        last_line_error(serve("serve", "--port", str(port)), f"cannot listen on 127.0.0.1:{port}")


@pytest.mark.parametrize("host", ["http://qa.example.org", "qa.example.org:8000", "a b"])
def test_serve_refuses_a_malformed_allowed_host(host: str) -> None:
    assert_one_line_error(run("serve", "--allowed-host", host), 2, "--allowed-host", "host name")


@pytest.mark.parametrize("workers", ["1", "2"])
def test_serve_without_an_index_stops_and_says_to_build(tmp_path: Path, workers: str) -> None:
    # One process finds out while loading in the background; several check before forking.
    proc = serve(
        "--index-dir",
        str(tmp_path / "none"),
        "serve",
        "--port",
        str(free_port()),
        "--workers",
        workers,
    )
    last_line_error(proc, "sclc-qa build")


@pytest.mark.slow
def test_serve_answers_then_stops_cleanly_on_ctrl_c(real: list[str]) -> None:
    port = free_port()
    proc = serve(*real, "serve", "--port", str(port))
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_ready(base, 60, alive=lambda: proc.poll() is None)
        r = httpx.post(f"{base}/ask", json={"question": CASPIAN})
        assert "0.73" in r.json()["answer"], r.text
    finally:
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=30)
    assert proc.returncode == 0, err
    logged = [json.loads(line) for line in err.splitlines() if line.startswith("{")]
    requests = [r for r in logged if r.get("event") == "request" and r["path"] == "/ask"]
    assert requests and requests[0]["status"] == 200 and "question" not in requests[0]
    assert "Traceback" not in err


@pytest.mark.slow
@pytest.mark.parametrize("workers", ["1", "2"])
def test_serve_is_bounded_and_exits_0_on_sigterm(real: list[str], workers: str) -> None:
    # One process runs uvicorn's server directly; several run under its supervisor. Both
    # stop on SIGTERM (docker stop, systemd) with exit status 0, and both use the bounded
    # HTTP protocol (workers get it through the supervisor).
    port = free_port()
    env = {"SCLC_QA_SERVICE__REQUEST_TIMEOUT_S": "2", "SCLC_QA_SERVICE__DRAIN_S": "3"}
    args = [*real, "serve", "--port", str(port), "--workers", workers]
    proc = subprocess.Popen(
        [sys.executable, "-m", "sclc_qa", *args],
        cwd=ROOT,
        env=os.environ | {"PYTHONPATH": str(ROOT / "src")} | env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        wait_until_ready(f"http://127.0.0.1:{port}", 90, alive=lambda: proc.poll() is None)
        with socket.create_connection(("127.0.0.1", port), timeout=20) as sock:
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                sock.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: " + b"a" * 2**20)
            assert sock.recv(65536).startswith(b"HTTP/1.1 431 ")
        with socket.create_connection(("127.0.0.1", port), timeout=20) as sock:
            sock.sendall(b"GET /heal")
            started = time.monotonic()
            assert sock.recv(65536).startswith(b"HTTP/1.1 408 ")
            assert time.monotonic() - started < 2 + 2
        # Stopping drains: a request that arrives meanwhile is answered, not reset (the
        # supervisor passes SIGTERM on within half a second).
        proc.send_signal(signal.SIGTERM)
        time.sleep(1.0)
        with socket.create_connection(("127.0.0.1", port), timeout=20) as sock:
            sock.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
            reply = b""
            while chunk := sock.recv(65536):
                reply += chunk
        assert reply.startswith(b"HTTP/1.1 503 ") and b"shutting_down" in reply, reply[:300]
    finally:
        proc.send_signal(signal.SIGTERM)
        _, err = proc.communicate(timeout=60)
    assert proc.returncode == 0, err[-2000:]
    assert "Traceback" not in err


def _readyz_builds(base: str, n: int) -> set[str]:
    # A new connection per request, so the workers share them out.
    return {
        httpx.get(f"{base}/readyz", headers={"Connection": "close"}, timeout=30).json()["build"]
        for _ in range(n)
    }


def _workers(log: Path) -> list[tuple[str, str]]:
    """(pid, build) of every worker that started serving, from the server's log."""
    return re.findall(r"worker process (\d+) serves index (build-\w+)", log.read_text())


def _wait_for(predicate: Callable[[], bool], timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        assert time.monotonic() < deadline, f"{what} did not happen in {timeout:.0f} s"
        time.sleep(0.25)


@pytest.mark.slow
def test_workers_serve_one_build_across_a_rebuild_a_kill_and_a_reload(
    real_settings: Settings, tmp_path: Path
) -> None:
    # A copy of the real index and corpus, so the corpus can change and be rebuilt.
    corpus, index = tmp_path / "corpus", tmp_path / "index"
    shutil.copytree(CORPUS_DIR, corpus)
    shutil.copytree(real_settings.index_dir, index)
    paths = ["--index-dir", str(index), "--corpus-dir", str(corpus)]
    port, log = free_port(), tmp_path / "serve.log"
    base = f"http://127.0.0.1:{port}"
    with log.open("w") as err:
        proc = subprocess.Popen(
            [sys.executable, "-m", "sclc_qa", *paths, "serve", "--port", str(port)],
            cwd=ROOT,
            env=os.environ | {"PYTHONPATH": str(ROOT / "src")},
            stdout=subprocess.DEVNULL,
            stderr=err,
            text=True,
        )
    try:
        wait_until_ready(base, 90, alive=lambda: proc.poll() is None)
        _wait_for(lambda: len(_workers(log)) == 2, 90, "both workers loading")
        (old,) = _readyz_builds(base, 6)
        assert {b for _, b in _workers(log)} == {old}

        # Rebuild with a changed figure, then kill a worker: its replacement finds the new
        # build, refuses to serve it, exits, and is restarted with a growing delay.
        text = corpus / CORPUS_FILE_NAME
        text.write_text(text.read_text().replace("HR = 0.73", "HR = 0.74"))
        assert run(*paths, "build").exit_code == 0
        new = (index / "CURRENT").read_text().strip()
        assert new != old
        os.kill(int(_workers(log)[0][0]), signal.SIGKILL)
        _wait_for(lambda: "restarting it in 2 s" in log.read_text(), 120, "a second restart")
        assert f"now holds {new}, but this server serves {old}" in log.read_text()
        answers = {
            httpx.post(
                f"{base}/ask", json={"question": CASPIAN}, headers={"Connection": "close"}
            ).json()["answer"]
            for _ in range(60)
        }
        assert len(answers) == 1 and "0.73" in answers.pop()
        assert _readyz_builds(base, 30) == {old}

        # SIGHUP: verify and pin the new build, replace every worker.
        proc.send_signal(signal.SIGHUP)
        _wait_for(
            lambda: f"every worker now serves index build {new}" in log.read_text(), 60, "reload"
        )
        _wait_for(lambda: _readyz_builds(base, 1) == {new}, 90, "the new build answering")
        assert _readyz_builds(base, 30) == {new}
        r = httpx.post(f"{base}/ask", json={"question": CASPIAN}, timeout=30)
        assert "0.74" in r.json()["answer"]
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=60)
    assert proc.returncode == 0, log.read_text()[-3000:]
    assert "Traceback" not in log.read_text()


# --- errors found before any long work -------------------------------------------------------


@pytest.mark.parametrize("command", ["ask", "search"])
def test_a_blank_question_is_refused_before_the_engine_loads(
    command: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr("sclc_qa.cli._engine", lambda ctx: pytest.fail("the engine was loaded"))
    assert_one_line_error(run(command, "   "), 2, "the question is empty")


@pytest.mark.parametrize("command", ["ask", "search"])
@pytest.mark.parametrize(
    ("env", "args", "fragment"),
    [
        ({}, ("--top-k", "51"), "--top-k must be between 1 and 50, got 51"),
        ({}, ("--top-k", "0"), "--top-k must be between 1 and 50, got 0"),
        ({"SCLC_QA_ANSWER__MAX_TOP_K": "10"}, ("--top-k", "11"), "between 1 and 10, got 11"),
        ({}, ("x" * 2001,), "2001 characters long; the limit is 2000"),
        ({"SCLC_QA_ANSWER__MAX_QUESTION_CHARS": "100"}, ("x" * 101,), "the limit is 100"),
    ],
)
def test_limits_come_from_the_settings_and_are_checked_before_loading(
    command: str,
    env: dict[str, str],
    args: tuple[str, ...],
    fragment: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("sclc_qa.cli._engine", lambda ctx: pytest.fail("the engine was loaded"))
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    question = args[0] if not args[0].startswith("--") else "What is SCLC?"
    options = args if args[0].startswith("--") else ()
    assert_one_line_error(run(command, question, *options), 2, fragment)


def test_search_modes_are_the_settings_modes() -> None:
    from typing import get_args, get_type_hints

    from sclc_qa import retrieval
    from sclc_qa.config import SEARCH_MODES, SearchMode
    from sclc_qa.engine import Engine
    from sclc_qa.evaluation import runner

    assert SEARCH_MODES == get_args(SearchMode) == ("hybrid", "dense", "lexical")
    # One definition: the engine, the retriever and the evaluation take the settings' type.
    assert not hasattr(retrieval, "Mode")
    for function in (Engine.search, retrieval.Retriever.search):
        assert get_type_hints(function)["mode"] == SearchMode
    assert set(runner.MODES) == set(SEARCH_MODES)
    assert "<hybrid|dense|lexical>" in run("search", "--help").stdout


def test_an_unparseable_setting_is_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SCLC_QA_SERVICE", "{not json")
    assert_one_line_error(run("sections"), 2, "invalid setting")


def test_an_unwritable_report_path_is_refused_before_evaluating(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr("sclc_qa.cli._engine", lambda ctx: pytest.fail("the engine was loaded"))
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    result = run("eval", "--report", str(blocker / "report" / "report.md"))
    assert_one_line_error(result, 2, "cannot write the report")


@pytest.mark.parametrize("pointer", [b"\xff\xfe\x00", b"build-" + b"x" * 100_000, b""])
def test_a_garbled_current_pointer_is_one_short_line(
    tmp_path: Path, fake_embedder: None, pointer: bytes
) -> None:
    index = tmp_path / "index"
    assert run("--index-dir", str(index), "--corpus-dir", str(CORPUS_DIR), "build").exit_code == 0
    (index / "CURRENT").write_bytes(pointer)
    result = run("--index-dir", str(index), "--corpus-dir", str(CORPUS_DIR), "sections")
    line = assert_one_line_error(result, 1, "does not name a build folder", "sclc-qa build")
    assert len(line) < 300
