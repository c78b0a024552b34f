"""`manage.py evaluate_extraction`: scoring labelled dumps from the command line.

Uses two fictional demo dumps from sample_data/ (see sample_data/README.md): a Northwind
Herald article about Finance Minister Tomas Brandt and a Morning Lantern article with
22 reader comments.
"""

from __future__ import annotations

import json
import shutil
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

SAMPLE = Path(__file__).resolve().parents[2] / "sample_data"
FILES = ["001_northwind_budget_warning.txt", "006_lantern_okafor_housing_plan.txt"]


@pytest.fixture
def labelled(tmp_path: Path) -> Path:
    """tmp/labels/labels.json + tmp/dumps/*.txt: the layout the default --base expects."""
    (tmp_path / "dumps").mkdir()
    (tmp_path / "labels").mkdir()
    all_labels = json.loads((SAMPLE / "labels" / "labels.json").read_text(encoding="utf-8"))
    labels = [label for label in all_labels if label["file"] in FILES]
    for name in FILES:
        shutil.copy(SAMPLE / "dumps" / name, tmp_path / "dumps" / name)
    path = tmp_path / "labels" / "labels.json"
    path.write_text(json.dumps(labels), encoding="utf-8")
    return path


def _run(*args: str) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command(
        "evaluate_extraction",
        *args,
        "--outlets-file",
        str(SAMPLE / "outlets.json"),
        stdout=out,
        stderr=err,
    )
    return out.getvalue(), err.getvalue()


def _rows(output: str) -> dict[str, list[str]]:
    return {line.split()[0]: line.split()[1:] for line in output.splitlines() if line.strip()}


def test_the_report_has_a_row_per_field_and_a_summary(labelled):
    out, _ = _run(str(labelled))
    rows = _rows(out)

    assert rows["field"] == ["tp", "fp", "fn", "precision", "recall"]
    for field in ("title", "outlet", "published", "persons", "quotes", "comments"):
        assert field in rows
    assert "Scored 2 labelled files (0 failed to parse)." in out


def test_the_labelled_titles_are_found(labelled):
    out, _ = _run(str(labelled))

    assert _rows(out)["title"][:3] == ["2", "0", "0"]


def test_named_files_limit_the_labels_scored(labelled):
    one = labelled.parent.parent / "dumps" / FILES[1]

    out, _ = _run(str(labelled), str(one))

    assert "Scored 1 labelled files" in out
    assert int(_rows(out)["comments"][2]) + int(_rows(out)["comments"][0]) == 22


def test_a_precision_below_the_threshold_fails_after_printing(labelled):
    labels = json.loads(labelled.read_text(encoding="utf-8"))
    for label in labels:
        label["title"] = "A headline nobody wrote"
    labelled.write_text(json.dumps(labels), encoding="utf-8")
    out = StringIO()

    with pytest.raises(CommandError, match="title precision 0.000 < 0.5") as error:
        call_command("evaluate_extraction", str(labelled), "--min-precision", "0.5", stdout=out)

    assert error.value.returncode == 1
    assert "title" in out.getvalue()


def test_verbose_output_lists_each_mismatch(labelled):
    labels = json.loads(labelled.read_text(encoding="utf-8"))
    labels[0]["title"] = "A headline nobody wrote"
    labelled.write_text(json.dumps(labels), encoding="utf-8")

    out, _ = _run(str(labelled), "--verbosity", "2")

    assert f"{FILES[0]}: title: expected 'A headline nobody wrote'" in out


def test_an_explicit_base_folder_is_used(labelled, tmp_path):
    moved = tmp_path / "elsewhere"
    shutil.move(tmp_path / "dumps", moved)

    out, _ = _run(str(labelled), "--base", str(moved))

    assert "(0 failed to parse)" in out


def test_a_missing_dump_is_reported_as_failed(labelled, tmp_path):
    (tmp_path / "dumps" / FILES[0]).unlink()

    out, err = _run(str(labelled))

    assert "(1 failed to parse)" in out
    assert f"FAILED {tmp_path / 'dumps' / FILES[0]}" in err


@pytest.mark.parametrize("content", ["{}", "not json"])
def test_an_unreadable_label_file_is_a_usage_error(tmp_path, content):
    path = tmp_path / "labels.json"
    path.write_text(content, encoding="utf-8")

    with pytest.raises(CommandError, match="labels.json"):
        call_command("evaluate_extraction", str(path))
