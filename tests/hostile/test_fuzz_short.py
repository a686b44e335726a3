"""A short run of the fuzz harness (fuzz/fuzz_readers.py) in CI: a few thousand Hypothesis cases
across the targets, ~25 s. A developer runs the same targets for hours (see fuzz/README.md)."""

from __future__ import annotations

import importlib.util
import sys

import pytest

from .conftest import ROOT

_spec = importlib.util.spec_from_file_location("fuzz_readers", ROOT / "fuzz" / "fuzz_readers.py")
fuzz = importlib.util.module_from_spec(_spec)
sys.modules["fuzz_readers"] = fuzz
_spec.loader.exec_module(fuzz)

# examples per target: ~1 ms each for text and numbers, ~20 ms for docx-xml, ~90 ms for docx
EXAMPLES = {"text": 700, "markdown": 700, "numbers": 700, "docx-xml": 150, "docx": 50}


@pytest.mark.parametrize("target", sorted(EXAMPLES))
def test_fuzz_target_short_run(target):
    fuzz.hypothesis_property(target, EXAMPLES[target], derandomize=True)()


def test_fuzz_seed_inputs():
    """The seeds and what earlier fuzzing found, replayed (regression inputs live here)."""
    good = (ROOT / "examples" / "good-2023.md").read_bytes()
    for target in ("text", "markdown"):
        for data in (good, b"", b"\x00" * 100, "# 标题\n".encode() * 1000, b"- " * 3000, b"> " * 3000,
                     b"|" * 5000 + b"\n", "一" .encode() * 10000, b"<!--" * 1000):
            fuzz.checked(target, data)
    for data in (b"", b"\x07" + b"\x04\x00\x00\x00", b"\x00" + b"\x04\x80\x00\x00", b"\x03" * 64):
        fuzz.checked("docx", data)
    fuzz.checked("numbers", "9999999999999999999999999亿 1e30万".encode())  # beyond Decimal's precision
    fuzz.checked("docx-xml", b"")
    fuzz.checked("docx-xml", b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY e "x">]><d>&e;</d>')
