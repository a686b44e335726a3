from __future__ import annotations

import json
from decimal import Decimal

from report_data import check_golden, clean_result, diagnostics, render, run_result


def test_golden():
    check_golden("json.json", render("json"))


def test_items_are_the_contract():
    items = json.loads(render("json"))
    assert items == [d.to_json() for d in diagnostics()]
    required = {
        "path",
        "rule",
        "severity",
        "message",
        "line",
        "column",
        "location",
        "excerpt",
        "pack",
        "values",
    }
    assert all(required <= item.keys() for item in items)
    assert list(items[0])[:4] == ["path", "rule", "name", "severity"]


def test_text_is_not_escaped():
    assert "各项之和" in render("json") and "\\u" not in render("json")


def test_clean_run_is_an_empty_array():
    assert json.loads(render("json", clean_result())) == []


def test_values_with_decimals_still_serialise():
    from govlint import record

    result = run_result()
    d = record.replace(result.diagnostics[0], values={"percent": Decimal("12.5"), "total": Decimal("3")})
    result.diagnostics = [d]
    assert json.loads(render("json", result))[0]["values"] == {"percent": 12.5, "total": 3}
