from __future__ import annotations

from report_data import check_golden, clean_result, render


def test_golden():
    check_golden("statistics.txt", render("statistics"))


def test_sorted_by_count_then_rule():
    rows = [line.split() for line in render("statistics", lang="en").splitlines()]
    assert [(r[0], r[1]) for r in rows] == [
        ("2", "GL301"),
        ("1", "GL101"),
        ("1", "GL201"),
        ("1", "GL402"),
        ("1", "GL502"),
    ]
    assert rows[0][2:] == ["sum-mismatch", "error"]


def test_clean_run_prints_nothing():
    assert render("statistics", clean_result()) == ""
