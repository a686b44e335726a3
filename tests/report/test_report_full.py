"""The human report: goldens (plain, ASCII, English), CJK-aware markers, wrapping, determinism."""

from __future__ import annotations

import pytest
from report_data import check_golden, clean_result, render, run_result

from govlint import record
from govlint.report.base import text_width
from govlint.report.full import excerpt_window, wrap


def test_golden_plain():
    check_golden("full.txt", render("full", color=False, ascii=False))


def test_golden_ascii():
    check_golden("full-ascii.txt", render("full", color=False, ascii=True))


def test_golden_english_narrow_with_statistics():
    check_golden("full-en.txt", render("full", lang="en", ascii=True, width=60, statistics=True))


def test_golden_clean():
    out = render("full", clean_result())
    check_golden("full-clean.txt", out)
    assert out == "未发现问题，共 2 个文件\n"
    assert render("full", clean_result(), lang="en") == "No problems found in 2 files\n"


def test_cjk_marker_alignment():
    window = excerpt_window("共受理申请１８３８件", (5, 9), budget=80)
    assert window.text == "共受理申请１８３８件"
    assert (window.column, window.length) == (10, 8)


def test_cjk_marker_alignment_in_output():
    out = render("full").splitlines()
    i = next(n for n, line in enumerate(out) if "共受理申请１８３８件" in line)
    excerpt, marker = out[i], out[i + 1]
    start = excerpt.index("共")
    prefix_cells = text_width(excerpt[:start])
    assert marker[prefix_cells:] == " " * 10 + "^" * 8
    assert text_width(excerpt[: excerpt.index("１")]) == prefix_cells + 10


def test_long_excerpt_is_trimmed_around_the_span():
    text = "甲" * 100 + "XX" + "乙" * 100
    window = excerpt_window(text, (100, 102), budget=40)
    assert window.text.startswith("…") and window.text.endswith("…")
    assert text_width(window.text) <= 40
    assert window.text[window.start : window.end] == "XX"
    assert text_width(window.text[: window.start]) == window.column and window.length == 2
    ascii_window = excerpt_window(text, (100, 102), budget=40, ellipsis="...")
    assert ascii_window.text.startswith("...") and text_width(ascii_window.text) <= 40


def test_span_wider_than_the_window_keeps_its_start():
    window = excerpt_window("前" + "中" * 50, (1, 51), budget=20)
    assert window.text.startswith("…中") and window.column == 1  # marker starts right after "…"
    assert text_width(window.text) <= 20 and window.length >= 16


def test_excerpt_without_span_and_with_line_breaks():
    window = excerpt_window("第一行\n第二行", None, budget=80)
    assert window.text == "第一行 第二行" and window.column is None


def test_zero_width_span_gets_one_marker():
    assert excerpt_window("共计件", (2, 2), budget=80)[1:3] == (4, 1)


def test_every_line_fits_the_width():
    for width in (40, 60, 100):
        for ascii_style in (False, True):
            out = render("full", width=width, ascii=ascii_style)
            assert max(text_width(line) for line in out.splitlines()) <= width, (width, ascii_style)


def test_wrap_breaks_between_chinese_characters_not_inside_numbers():
    text = "各项之和（1849）与总计（1838）不一致，请核对表格"
    lines = [text[s:e] for s, e in wrap(text, 12)]
    assert "".join(lines) == text
    assert all(text_width(line) <= 12 for line in lines)
    assert all(not line.startswith(("，", "）")) and not line.endswith("（") for line in lines)
    assert not any(line.endswith("18") for line in lines)  # 1849 / 1838 stay whole


def test_wrap_drops_spaces_at_breaks_and_keeps_newlines():
    text = "alpha beta gamma\n第二段"
    assert [text[s:e] for s, e in wrap(text, 10)] == ["alpha beta", "gamma", "第二段"]


def test_no_trailing_whitespace_and_no_escape_codes():
    out = render("full")
    assert "\x1b[" not in out
    assert all(line == line.rstrip() for line in out.splitlines())


def test_ascii_style_has_no_unicode_decorations():
    out = render("full", ascii=True)
    for decoration in "│…·─━":
        assert decoration not in out
    assert "| " in out and "..." in out and "^" in out


def test_color_marks_the_span_in_the_severity_colour():
    out = render("full", color=True)
    assert "共受理申请\x1b[1;31m１８３８\x1b[0m件" in out  # only the span is styled, not the excerpt


def test_basis_can_be_hidden():
    assert "依据：" in render("full") and "依据：" not in render("full", show_basis=False)


def test_messages_are_not_rich_markup():
    result = run_result()
    result.diagnostics = [record.replace(result.diagnostics[0], message="[bold]原样[/bold] :smile:")]
    assert "[bold]原样[/bold] :smile:" in render("full", result)


@pytest.mark.parametrize(
    "env",
    [{"FORCE_COLOR": "1"}, {"NO_COLOR": "1"}, {"COLUMNS": "30"}, {"TERM": "dumb"}, {"TTY_COMPATIBLE": "1"}],
)
def test_output_ignores_the_environment(monkeypatch, env):
    expected = render("full")
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    assert render("full") == expected
