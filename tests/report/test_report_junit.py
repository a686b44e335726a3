from __future__ import annotations

import xml.etree.ElementTree as ET

from report_data import BROKEN, CLEAN, DOCX, MD, check_golden, clean_result, render, run_result


def test_golden():
    check_golden("junit.xml", render("junit"))


def _parse(text: str) -> ET.Element:
    assert text.startswith('<?xml version="1.0" encoding="UTF-8"?>\n')
    return ET.fromstring(text.encode("utf-8"))


def test_suites_and_cases():
    root = _parse(render("junit"))
    assert root.tag == "testsuites"
    suites = {s.get("name"): s for s in root.findall("testsuite")}
    assert list(suites) == [MD, DOCX, CLEAN, BROKEN]

    docx_cases = {c.get("name"): c for c in suites[DOCX].findall("testcase")}
    assert list(docx_cases) == ["GL101", "GL502", "GL201", "GL301"]
    assert all(c.get("classname") == DOCX for c in docx_cases.values())
    failure = docx_cases["GL301"].find("failure")
    assert failure.get("type") == "error"
    assert (
        failure.text
        == "第3节「收到和处理政府信息公开申请情况」 / 表2 第5行 第3列: （七）总计 183 ≠ 各项之和 185，相差 2"
    )
    assert docx_cases["GL201"].find("failure").get("type") == "warning"

    md_cases = {c.get("name"): c for c in suites[MD].findall("testcase")}
    assert md_cases["GL402"].find("failure") is None  # info: passes, listed in system-out
    assert "免予公开" in md_cases["GL402"].find("system-out").text

    [clean_case] = suites[CLEAN].findall("testcase")
    assert clean_case.get("name") == "govlint" and len(clean_case) == 0
    [broken_case] = suites[BROKEN].findall("testcase")
    assert broken_case.find("error").get("message").startswith("不是有效的 DOCX")

    assert (root.get("tests"), root.get("failures"), root.get("errors")) == ("8", "5", "1")
    assert (suites[DOCX].get("tests"), suites[DOCX].get("failures")) == ("4", "4")


def test_several_occurrences_in_one_failure():
    from govlint import record

    result = run_result()
    cell = result.diagnostics[-1]
    result.diagnostics.append(
        record.replace(cell, row=6, location="表2 第6行 第3列", message="总计 9 ≠ 10")
    )
    root = _parse(render("junit", result))
    case = [c for c in root.iter("testcase") if c.get("classname") == DOCX and c.get("name") == "GL301"][0]
    failure = case.find("failure")
    assert failure.text.splitlines()[1] == "表2 第6行 第3列: 总计 9 ≠ 10"
    assert failure.get("message").endswith("（共 2 处）")


def test_escaping_and_invalid_characters():
    from govlint import record

    result = run_result()
    error = next(d for d in result.diagnostics if d.severity == "error")
    result.diagnostics = [record.replace(error, message='<a href="x">&\x0b</a>')]
    root = _parse(render("junit", result))
    assert root.find(".//failure").get("message") == '<a href="x">&</a>'


def test_clean_run_passes():
    root = _parse(render("junit", clean_result()))
    assert root.get("failures") == "0" and len(list(root.iter("testcase"))) == 2
