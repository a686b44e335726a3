"""Shared helpers for the integration tests: run the CLI in a subprocess, lint in process, and
the clean example report (examples/good-2023.md) to derive drafts from."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
GOOD_MD = ROOT / "examples" / "good-2023.md"
GOOD_DOCX = ROOT / "examples" / "good-2023.docx"

# Used when examples/good-2023.md is not there: a minimal clean 2023 report (six parts,
# statistics period, contact, website).
MINIMAL_CLEAN = """# 江南市清河区人民政府2023年政府信息公开工作年度报告

本报告所列数据统计期限自2023年1月1日至2023年12月31日。本报告电子版可在清河区人民政府门户网站（https://www.qinghe.example.gov.cn）查阅。如对本报告有疑问，请与区政府办公室联系（电话：0571-87654321）。

## 一、总体情况

全年主动公开政府信息3126条。

## 二、主动公开政府信息情况

本年制发行政规范性文件6件。

## 三、收到和处理政府信息公开申请情况

全年新收政府信息公开申请85件。

## 四、政府信息公开行政复议、行政诉讼情况

本年未发生行政复议、行政诉讼。

## 五、存在的主要问题及改进情况

公开内容不够全面，下一步将加强。

## 六、其他需要报告的事项

本机关未收取信息处理费。
"""


def good_text() -> str:
    return GOOD_MD.read_text(encoding="utf-8") if GOOD_MD.exists() else MINIMAL_CLEAN


def run_cli(*args: str, cwd: str | os.PathLike | None = None, env: dict | None = None) -> subprocess.CompletedProcess:
    """`python -m govlint ARGS` with a private cache dir; text output."""
    e = dict(os.environ)
    e.pop("GITHUB_ACTIONS", None)
    e.update(env or {})
    return subprocess.run([sys.executable, "-m", "govlint", *args], capture_output=True, text=True,
                          encoding="utf-8", cwd=cwd, env=e, timeout=120)


@pytest.fixture(scope="session")
def packset():
    from govlint import packs

    return packs.load()


@pytest.fixture
def lint(packset):
    """lint(path, **settings) → diagnostics, in process."""
    from govlint import engine
    from govlint.analyze import analyze

    def _lint(path, **settings):
        return engine.lint(analyze(str(path)), packset, engine.Settings(**settings))

    return _lint
