"""Folder walks report every entry they skip, and odd file names import safely (#11).

Tests run as root, where permissions do not stop reads: unreadable folders are
simulated by making `os.scandir`/`os.stat` raise PermissionError for one path.
"""

from __future__ import annotations

import json
import os
import shutil

import pytest

from articles.dump_files import Skipped, find_dumps
from articles.models import Article
from tests.importing.conftest import IMPORT_DUMPS


@pytest.fixture
def tree(tmp_path):
    """dumps/ with one good file in a sub-folder, plus whatever a test adds."""
    root = tmp_path / "dumps"
    (root / "2016").mkdir(parents=True)
    shutil.copy(IMPORT_DUMPS / "valley_bridge.txt", root / "2016" / "bridge.txt")
    return root


def _deny(monkeypatch, denied):
    """PermissionError for `denied` (and anything under it), as for a non-root user."""
    real_scandir, real_stat = os.scandir, os.stat

    def check(path):
        if os.fspath(path).startswith(str(denied)):
            raise PermissionError(13, "Permission denied", os.fspath(path))

    def scandir(path="."):
        check(path)
        return real_scandir(path)

    def fake_stat(path, *args, **kwargs):
        if os.fspath(path) != str(denied):  # the folder itself can be seen, not entered
            check(path)
        return real_stat(path, *args, **kwargs)

    monkeypatch.setattr(os, "scandir", scandir)
    monkeypatch.setattr(os, "stat", fake_stat)


def test_a_symlink_loop_is_reported_and_counted_as_failed(run_import, tree, courier):
    (tree / "2016" / "again").symlink_to(tree)

    run = run_import(str(tree))

    assert run.exit_code == 1
    assert f"FAILED {tree / '2016' / 'again'}: symlink loop" in run.err
    assert "1 new, 0 updated, 0 unchanged, 1 failed" in run.out
    assert Article.objects.count() == 1


def test_a_link_to_itself_is_a_loop_too(tree):
    (tree / "self.txt").symlink_to(tree / "self.txt")

    skipped = [e for e in find_dumps([str(tree)], "*.txt") if isinstance(e, Skipped)]

    assert skipped == [Skipped(str(tree / "self.txt"), skipped[0].reason)]
    assert skipped[0].reason.startswith("symlink loop")


def test_a_dangling_link_is_reported_with_its_target(run_import, tree, courier):
    (tree / "gone.txt").symlink_to(tree / "deleted.txt")

    run = run_import(str(tree))

    assert run.exit_code == 1
    assert f"FAILED {tree / 'gone.txt'}: dangling symlink" in run.err
    assert "deleted.txt" in run.err
    assert Article.objects.count() == 1


def test_a_symlinked_folder_is_followed(tree, tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "a.txt").write_text("x", encoding="utf-8")
    (tree / "linked").symlink_to(elsewhere)

    assert list(find_dumps([str(tree)], "*.txt")) == [
        str(tree / "2016" / "bridge.txt"),
        str(tree / "linked" / "a.txt"),
    ]


def test_an_unreadable_sub_folder_is_reported(run_import, tree, monkeypatch, courier):
    (tree / "locked").mkdir()
    _deny(monkeypatch, tree / "locked")

    run = run_import(str(tree))

    assert run.exit_code == 1
    assert f"FAILED {tree / 'locked'}: unreadable folder: Permission denied" in run.err
    assert "1 new, 0 updated, 0 unchanged, 1 failed" in run.out


def test_an_explicit_file_under_an_unreadable_folder_is_a_clean_failure(
    run_import, tree, monkeypatch, courier
):
    locked = tree / "locked"
    locked.mkdir()
    shutil.copy(IMPORT_DUMPS / "courier_market.txt", locked / "market.txt")
    _deny(monkeypatch, locked)

    run = run_import(str(locked / "market.txt"), str(tree / "2016" / "bridge.txt"))

    assert run.exit_code == 1
    assert f"FAILED {locked / 'market.txt'}: cannot read file: Permission denied" in run.err
    assert "Traceback" not in run.err
    assert Article.objects.count() == 1


def test_a_file_name_that_is_not_utf8_is_stored_safely_and_reported(run_import, tree, courier):
    odd = os.path.join(os.fsencode(tree), b"caf\xe9.txt")
    shutil.copy(IMPORT_DUMPS / "valley_bridge.txt", odd)
    os.remove(tree / "2016" / "bridge.txt")
    report = tree.parent / "report.jsonl"

    run = run_import(str(tree), "--report", str(report), "-v", "2")

    assert run.exit_code == 0, run.err
    article = Article.objects.get()
    assert article.source_path.endswith("caf\\xe9.txt")
    assert any(w.startswith("file name is not valid UTF-8") for w in article.import_warnings)
    [line] = report.read_text(encoding="utf-8").splitlines()
    assert json.loads(line)["source"].endswith("caf\\xe9.txt")
    assert "caf\\xe9.txt" in run.out


def test_a_dry_run_prints_json_for_a_non_utf8_name(run_import, tree, courier):
    shutil.copy(IMPORT_DUMPS / "valley_bridge.txt", os.path.join(os.fsencode(tree), b"\xff.txt"))

    run = run_import(str(tree), "--dry-run", "--format", "json")

    assert run.exit_code == 0, run.err
    sources = [json.loads(line)["source"] for line in run.out.splitlines()]
    assert sources == [str(tree / "2016" / "bridge.txt"), str(tree / "\\xff.txt")]
    json.dumps(sources).encode("utf-8")  # nothing unencodable left
