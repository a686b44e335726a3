"""The exit-code contract of DESIGN.md, one test per rule: 0 nothing at or above --fail-on
(default error), 1 findings at or above it, 2 usage error, unreadable input, broken pack or config."""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import good_text, run_cli

ANCHOR = "### （二）依申请公开"


def _draft(tmp_path: Path, name: str, extra: str = "") -> Path:
    text = good_text()
    anchor = ANCHOR if ANCHOR in text else "## 二、"
    p = tmp_path / name
    p.write_text(text.replace(anchor, extra + anchor, 1), encoding="utf-8")
    return p


@pytest.fixture
def clean(tmp_path):
    return _draft(tmp_path, "clean.md")


@pytest.fixture
def warning_only(tmp_path):  # GL204 contact-invalid: a warning
    return _draft(tmp_path, "warning.md", "咨询电话：0571-8765。\n\n")


@pytest.fixture
def error(tmp_path):  # GL502 placeholder: an error
    return _draft(tmp_path, "error.md", "另发布解读材料XX件。\n\n")


@pytest.fixture
def info_only(tmp_path):  # GL901 unused suppression: an info
    return _draft(tmp_path, "info.md", "<!-- govlint-disable-next-line GL502 -->\n另发布解读材料24件。\n\n")


def _severities(stdout: str) -> set[str]:
    return {ln.split("[", 1)[1].split("]", 1)[0] for ln in stdout.splitlines() if "[" in ln}


def test_0_when_clean(clean):
    r = run_cli("-f", "concise", str(clean))
    assert (r.returncode, r.stdout, r.stderr) == (0, "", "")


def test_0_with_only_warnings_under_default_fail_on_error(warning_only):
    for extra in ([], ["--fail-on", "error"]):
        r = run_cli("-f", "concise", *extra, str(warning_only))
        assert r.returncode == 0 and _severities(r.stdout) == {"warning"}


def test_1_with_an_error(error):
    r = run_cli("-f", "concise", str(error))
    assert r.returncode == 1 and "GL502 [error]" in r.stdout


def test_1_with_a_warning_under_fail_on_warning(warning_only):
    r = run_cli("-f", "concise", "--fail-on", "warning", str(warning_only))
    assert r.returncode == 1


def test_1_with_an_info_under_fail_on_info(info_only):
    assert run_cli("-f", "concise", "--fail-on", "warning", str(info_only)).returncode == 0
    r = run_cli("-f", "concise", "--fail-on", "info", str(info_only))
    assert r.returncode == 1 and _severities(r.stdout) == {"info"}


def test_0_with_findings_under_exit_zero(error):
    r = run_cli("-f", "concise", "--exit-zero", str(error))
    assert r.returncode == 0 and "GL502" in r.stdout


def test_2_for_no_paths():
    r = run_cli()
    assert r.returncode == 2 and "FILE or DIR" in r.stderr


def test_2_for_an_unknown_option(clean):
    r = run_cli("--no-such-option", str(clean))
    assert r.returncode == 2 and "--no-such-option" in r.stderr


def test_2_for_a_missing_file_and_the_others_still_linted(tmp_path, error, clean):
    missing = tmp_path / "missing.md"
    r = run_cli("-f", "concise", str(error), str(missing), str(clean))
    assert r.returncode == 2
    assert f"{missing}: no such file or directory" in r.stderr
    assert f"{error}:" in r.stdout and "GL502" in r.stdout  # the readable files' findings are printed
    # even under --exit-zero: unreadable input is not a finding
    assert run_cli("-f", "concise", "--exit-zero", str(missing), str(clean)).returncode == 2


def test_2_for_a_broken_pack(tmp_path, clean):
    pack = tmp_path / "pack.yaml"
    pack.write_text("id: mine\ntitle: t\nrules:\n  - id: XX101\n    kind: nope\n    severity: warning\n"
                    "    message: m\n    basis: b\n", encoding="utf-8")
    r = run_cli("--pack", str(pack), str(clean))
    assert r.returncode == 2 and f"{pack}:5" in r.stderr and r.stdout == ""


def test_2_for_a_broken_config_naming_file_and_line(tmp_path, clean):
    cfg = tmp_path / "conf.yaml"
    cfg.write_text("select: [GL5]\ncolour: red\n", encoding="utf-8")
    r = run_cli("--config", str(cfg), str(clean))
    assert r.returncode == 2 and f"{cfg}:2" in r.stderr and "colour" in r.stderr
    # the same, found by discovery beside the draft
    (tmp_path / ".govlint.yaml").write_text("fail-on: error\nfial-on: warning\n", encoding="utf-8")
    r = run_cli(str(clean))
    assert r.returncode == 2 and ".govlint.yaml:2" in r.stderr and "fial-on" in r.stderr
