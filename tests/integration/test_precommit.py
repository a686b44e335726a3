"""pre-commit: the hook in .pre-commit-hooks.yaml installs from PyPI and fails a commit of a draft
with an error, passes a clean one.

The hook repository is a snapshot of this working tree (lint/, rules/, schemas/, pyproject.toml,
README.md, .pre-commit-hooks.yaml) committed to a scratch git repo, so the test checks the code
as it is, committed or not. pre-commit builds its own virtualenv and installs govlint and its
dependencies from PyPI into PRE_COMMIT_HOME (a temporary directory).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT, good_text

PRE_COMMIT = Path(sys.executable).with_name("pre-commit")
SNAPSHOT = ["lint", "rules", "schemas", "pyproject.toml", "README.md", ".pre-commit-hooks.yaml"]

ERROR_DRAFT = """# 江南市清河区人民政府2023年政府信息公开工作年度报告

本报告所列数据统计期限自2023年1月1日至2023年12月31日。

## 一、总体情况

全年主动公开政府信息XX条。
"""


def _git(*args: str, cwd: Path, env: dict) -> str:
    return subprocess.run(["git", *args], cwd=cwd, env=env, check=True, capture_output=True, text=True).stdout


def _pre_commit(*args: str, cwd: Path, env: dict) -> subprocess.CompletedProcess:
    return subprocess.run([str(PRE_COMMIT), *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=300)


@pytest.mark.slow
@pytest.mark.skipif(not PRE_COMMIT.exists() or shutil.which("git") is None, reason="needs pre-commit and git")
def test_pre_commit_hook_fails_on_error_and_passes_clean(tmp_path):
    env = dict(os.environ, PRE_COMMIT_HOME=str(tmp_path / "pc-home"), GIT_AUTHOR_NAME="t",
               GIT_AUTHOR_EMAIL="t@example.invalid", GIT_COMMITTER_NAME="t",
               GIT_COMMITTER_EMAIL="t@example.invalid", PIP_DISABLE_PIP_VERSION_CHECK="1")
    env.pop("GITHUB_ACTIONS", None)
    for var in ("GIT_DIR", "GIT_INDEX_FILE", "GIT_WORK_TREE"):  # when run from inside a git hook
        env.pop(var, None)

    hooks = tmp_path / "hook-repo"
    hooks.mkdir()
    for name in SNAPSHOT:
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(src, hooks / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        else:
            shutil.copy2(src, hooks / name)
    _git("init", "-q", cwd=hooks, env=env)
    _git("add", ".", cwd=hooks, env=env)
    _git("commit", "-q", "-m", "snapshot", cwd=hooks, env=env)
    rev = _git("rev-parse", "HEAD", cwd=hooks, env=env).strip()

    work = tmp_path / "drafts"
    work.mkdir()
    _git("init", "-q", cwd=work, env=env)
    (work / "bad.md").write_text(ERROR_DRAFT, encoding="utf-8")
    (work / "good.md").write_text(good_text(), encoding="utf-8")
    (work / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {hooks.as_posix()}\n    rev: {rev}\n    hooks:\n      - id: govlint\n",
        encoding="utf-8")
    _git("add", ".", cwd=work, env=env)

    # try-repo on the erroring draft: the hook runs govlint and fails
    r = _pre_commit("try-repo", str(hooks), "govlint", "--files", "bad.md", cwd=work, env=env)
    out = r.stdout + r.stderr
    assert r.returncode == 1, out
    assert "GL502" in out and "GL101" in out  # the placeholder and the missing parts

    # the committed config, same hook environment (cached by repo and rev)
    r = _pre_commit("run", "--files", "good.md", cwd=work, env=env)
    assert r.returncode == 0, r.stdout + r.stderr
    assert "Passed" in r.stdout
    r = _pre_commit("run", "--files", "bad.md", "good.md", cwd=work, env=env)
    assert r.returncode == 1 and "bad.md" in r.stdout and "good.md:" not in r.stdout

    # and a real commit of the bad draft is refused once the hook is installed
    assert _pre_commit("install", cwd=work, env=env).returncode == 0
    _git("commit", "-q", "-m", "clean draft", "--", "good.md", ".pre-commit-config.yaml", cwd=work, env=env)
    c = subprocess.run(["git", "commit", "-q", "-m", "bad draft", "--", "bad.md"], cwd=work, env=env,
                       capture_output=True, text=True)
    assert c.returncode != 0 and "GL502" in c.stdout + c.stderr
