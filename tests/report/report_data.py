"""A fixed, synthetic run shared by every reporter test (no reader or rule involved).

It covers: a Markdown finding with line/column/span/values/related, a DOCX table-cell finding
(no line; table/row/col), a DOCX paragraph finding with a long excerpt, a document-level DOCX
finding that knows nothing but its file, an info and a warning, a clean file, and a read error.

Golden files live in golden/; run with GOVLINT_UPDATE_GOLDEN=1 to rewrite them after an
intended change, then review the diff.
"""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest

from govlint.diagnostics import Diagnostic
from govlint.report import get
from govlint.report.base import ReportOptions, RuleInfo, RunResult

GOLDEN = Path(__file__).parent / "golden"

MD = "docs/report-2023.md"
DOCX = "二〇二三年报告.docx"
CLEAN = "clean.md"
BROKEN = "broken.docx"

SECTION_3 = "第3节「收到和处理政府信息公开申请情况」"
SECTION_1 = "第1节「总体情况」"

LONG_PARAGRAPH = (
    "2023年，我区坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻落实党的二十大精神，"
    "按照《中华人民共和国政府信息公开条例》要求，围绕区委、区政府中心工作，"
    "本年度共主动公开政府信息XX条，其中通过政府网站公开 1,203 条，"
    "进一步提升了政务公开标准化规范化水平。"
)

RULES = {
    "GL101": RuleInfo(
        "GL101",
        "required-section",
        "error",
        "annual-2021",
        "《条例》(2019) 第五十条",
        "缺少必备章节「{section}」",
        "The template requires these sections in this order.",
        "https://example.invalid/rules/GL101",
    ),
    "GL201": RuleInfo(
        "GL201",
        "statistics-period-missing",
        "warning",
        "annual-common",
        "《政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）",
        "未说明本报告数据的统计期限",
        "",
    ),
    "GL301": RuleInfo(
        "GL301",
        "sum-mismatch",
        "error",
        "annual-common",
        "《条例》(2019) 第五十条",
        "各项之和（{sum}）与总计（{total}）不一致",
        "A stated total must equal the sum of its parts.",
    ),
    "GL402": RuleInfo(
        "GL402",
        "deprecated-term",
        "info",
        "annual-2021",
        "《条例》(2019)",
        "「{term}」为旧条例用语",
        "",
    ),
    "GL502": RuleInfo("GL502", "placeholder", "error", "annual-common", "", "草稿占位符「{text}」未替换", ""),
}


def diagnostics() -> list[Diagnostic]:
    excerpt_md = "共受理申请１８３８件，其中当面申请1516件、网络申请306件、信函申请27件。"
    items = [
        Diagnostic(
            path=MD,
            rule="GL301",
            name="sum-mismatch",
            severity="error",
            message="各项之和（1849）与总计（1838）不一致",
            line=12,
            column=6,
            location=f"{SECTION_3} / line 12",
            excerpt=excerpt_md,
            pack="annual-common",
            basis="《条例》(2019) 第五十条",
            values={"total": 1838, "parts": [1516, 306, 27], "sum": 1849},
            section=SECTION_3,
            span=(5, 9),
            end_line=12,
            end_column=10,
            related=("line 12 第13列", "line 12 第24列"),
            order=7,
        ),
        Diagnostic(
            path=MD,
            rule="GL402",
            name="deprecated-term",
            severity="info",
            message="「免予公开」为旧条例用语，现行条例已不再使用",
            line=3,
            column=None,
            location="line 3",
            excerpt="对3件申请作出免予公开决定。",
            pack="annual-2021",
            basis="《条例》(2019)",
            section=None,
            span=(6, 10),
            order=1,
        ),
        Diagnostic(
            path=DOCX,
            rule="GL101",
            name="required-section",
            severity="error",
            message="缺少必备章节「行政复议、行政诉讼情况」",
            line=None,
            column=None,
            location="",
            excerpt="",
            pack="annual-2021",
            basis="《条例》(2019) 第五十条",
            order=0,
        ),
        Diagnostic(
            path=DOCX,
            rule="GL502",
            name="placeholder",
            severity="error",
            message="草稿占位符「XX」未替换",
            line=None,
            column=None,
            location=f"{SECTION_1} / 第14段",
            excerpt=LONG_PARAGRAPH,
            pack="annual-common",
            section=SECTION_1,
            span=(LONG_PARAGRAPH.index("XX"), LONG_PARAGRAPH.index("XX") + 2),
            paragraph=14,
            order=14,
        ),
        Diagnostic(
            path=DOCX,
            rule="GL201",
            name="statistics-period-missing",
            severity="warning",
            message="未说明本报告数据的统计期限（应为2023年1月1日至12月31日）",
            line=None,
            column=None,
            location=f"{SECTION_1} / 第15段",
            excerpt="本报告中所列数据的统计期限\n自2023年1月1日起。",
            pack="annual-common",
            basis="《政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）",
            section=SECTION_1,
            paragraph=15,
            order=15,
        ),
        Diagnostic(
            path=DOCX,
            rule="GL301",
            name="sum-mismatch",
            severity="error",
            message="（七）总计 183 ≠ 各项之和 185，相差 2",
            line=None,
            column=None,
            location=f"{SECTION_3} / 表2 第5行 第3列",
            excerpt="183",
            pack="annual-common",
            basis="《条例》(2019) 第五十条",
            values={"total": 183, "parts": [120, 40, 25], "sum": 185},
            section=SECTION_3,
            span=(0, 3),
            table=2,
            row=5,
            col=3,
            related=("表2 第3行 第3列", "表2 第4行 第3列"),
            order=31,
        ),
    ]
    return sorted(items, key=Diagnostic.sort_key)


def run_result() -> RunResult:
    return RunResult(
        diagnostics=diagnostics(),
        files=[MD, DOCX, CLEAN],
        errors=[(BROKEN, "不是有效的 DOCX 文件（zip 结构损坏）")],
        rules=dict(RULES),
        tool_version="0.1.0",
    )


def clean_result() -> RunResult:
    return RunResult(diagnostics=[], files=[CLEAN, MD], errors=[], rules=dict(RULES), tool_version="0.1.0")


def render(fmt: str, result: RunResult | None = None, **options) -> str:
    stream = io.StringIO()
    get(fmt).render(result if result is not None else run_result(), stream, ReportOptions(**options))
    return stream.getvalue()


def check_golden(name: str, actual: str) -> None:
    """Compare with golden/<name>; GOVLINT_UPDATE_GOLDEN=1 rewrites it instead."""
    path = GOLDEN / name
    if os.environ.get("GOVLINT_UPDATE_GOLDEN") == "1":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8", newline="\n")
        return
    if not path.exists():
        pytest.fail(f"golden file {path} missing: run with GOVLINT_UPDATE_GOLDEN=1 and review it")
    expected = path.read_text(encoding="utf-8")
    assert actual == expected, f"output differs from {path} (GOVLINT_UPDATE_GOLDEN=1 rewrites it)"
