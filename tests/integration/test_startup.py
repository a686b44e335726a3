"""The start-up path: what a run imports and the shortcuts that keep it cheap, with the same
output as the long way round."""

from __future__ import annotations

import subprocess
import sys

import pytest

from govlint import __version__

from .conftest import good_text, run_cli


def test_version_shortcut_prints_what_argparse_prints():
    assert run_cli("--version").stdout == f"govlint {__version__}\n"
    # with other arguments the parser handles it: same text
    r = run_cli("--no-color", "--version")
    assert (r.returncode, r.stdout) == (0, f"govlint {__version__}\n")


def test_a_concise_check_imports_no_rich_shutil_or_tomllib(tmp_path):
    draft = tmp_path / "draft.md"
    draft.write_text(good_text(), encoding="utf-8")
    code = (
        "import sys\n"
        "from govlint.cli import main\n"
        f"main(['--no-color', '--no-config', {str(draft)!r}])\n"
        "print(' '.join(sorted(m for m in ('rich', 'shutil', 'tomllib') if m in sys.modules)))\n"
    )
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, encoding="utf-8", timeout=120)
    assert r.stderr == ""
    assert r.stdout.splitlines()[-1] == ""  # none of them


def test_help_lists_the_options():
    r = run_cli("--help")
    assert r.returncode == 0 and "--jobs" in r.stdout and r.stdout.startswith("usage: govlint")


@pytest.mark.parametrize(("text", "configures"), [
    ("[tool.govlint]\nselect = ['GL5']\n", True),
    ("[ tool . 'govlint' ]\nselect = ['GL5']\n", True),
    ("tool.govlint.select = ['GL5']\n", True),
    ("tool = { black = {}, govlint = {select = ['GL5']} }\n", True),
    ("[tool]\ngovlint = {select = ['GL5']}\n", True),
    ("[tool]\n\"govlint\".select = ['GL5']\n", True),
    ("[tool.govlint.severity]\nGL101 = 'info'\n", True),
    ("[project]\nname = 'govlint'\n[project.scripts]\ngovlint = 'govlint.cli:main'\n[tool.ruff]\nx = 1\n", False),
    ("[tool.black]\nline-length = 100\n", False),
])
def test_pyproject_is_parsed_only_when_it_can_configure_govlint(tmp_path, text, configures):
    tomllib = pytest.importorskip("tomllib")  # Python 3.11+

    from govlint import config

    assert config._may_configure_govlint(text) is configures
    assert ("govlint" in tomllib.loads(text).get("tool", {})) <= configures  # never a miss
    (tmp_path / "pyproject.toml").write_text(text, encoding="utf-8")
    got = config.load(tmp_path / "pyproject.toml")
    assert got == (tomllib.loads(text)["tool"].get("govlint") or {} if configures else {})


def test_jobs_workers_run_the_packs_of_pack_files(tmp_path):
    """--jobs workers lint with the parent's packs, --pack FILE included (they used to load only
    the built-in ones)."""
    pack = tmp_path / "mine.yaml"
    pack.write_text(
        "id: mine\ntitle: mine\nextends: [annual-2021]\nrules:\n"
        "  - id: XX501\n    name: no-zhongdian\n    kind: forbidden-pattern\n    severity: error\n"
        "    message: 禁用词“{match}”\n    basis: 本单位规定\n    patterns:\n      - {pattern: '总体情况'}\n",
        encoding="utf-8",
    )
    for i in range(3):
        (tmp_path / f"d{i}.md").write_text(good_text(), encoding="utf-8")
    serial = run_cli("-f", "concise", "--no-config", "--pack", str(pack), *(str(tmp_path / f"d{i}.md") for i in range(3)))
    parallel = run_cli("-f", "concise", "--no-config", "--pack", str(pack), "-j", "2",
                       *(str(tmp_path / f"d{i}.md") for i in range(3)))
    assert serial.stdout.count("XX501") == 3
    assert (parallel.returncode, parallel.stdout, parallel.stderr) == (serial.returncode, serial.stdout, serial.stderr)
