"""Each table/arithmetic kind's docstring carries a YAML example (what `govlint explain` prints):
it must be a valid rule whose parameters the kind accepts, and bad parameters name their key."""

from __future__ import annotations

import importlib
import textwrap

import pytest
import yaml

from govlint.kinds import KINDS

OWN = ["required-table", "table-structure", "sum", "balance", "partition", "cross-check", "percentage",
       "invalid-figure", "blank-cell", "implausible-figure", "carryover"]
BASE = {"id", "name", "kind", "severity", "message", "basis", "examples", "doc"}


def example(kind: str) -> dict:
    doc = importlib.import_module(KINDS[kind]).__doc__ or ""
    block = doc[doc.index("    - id:"):]
    (rule,) = yaml.safe_load(textwrap.dedent(block))
    return rule


@pytest.mark.parametrize("kind", OWN)
def test_docstring_example_prepares(kind):
    rule = example(kind)
    assert rule["kind"] == kind
    importlib.import_module(KINDS[kind]).prepare({k: v for k, v in rule.items() if k not in BASE})


@pytest.mark.parametrize("kind,params,key", [
    ("sum", {"tables": {"表四": {"cols": ["结果维持"], "min": 1}}, "identities": [{"table": "表五", "parts": [{}]}]},
     "identities"),
    ("balance", {"tables": {"表三": {"rows": ["a"]}}, "table": "表三", "left": [], "right": ["x"]}, "left"),
    ("cross-check", {"prefix": "(", "quantities": []}, "prefix"),
    ("percentage", {"lookback": -1}, "lookback"),
    ("table-structure", {"tables": {"表三": {"rows": ["a"]}}, "min_found": 2}, "min_found"),
    ("required-table", {"tables": {"表三": {"rows": ["a"]}}, "required": ["表九"]}, "required"),
    ("carryover", {"tables": {"表三": {"rows": ["a"]}}}, "carry"),
    ("implausible-figure", {"tables": {"表二": {"rows": ["规章"]}}, "issuer": "镇$", "figures": []}, "figures"),
    ("partition", {"exhaustive_totals": "("}, "exhaustive_totals"),
])
def test_bad_parameters_name_their_key(kind, params, key):
    with pytest.raises(ValueError) as e:
        importlib.import_module(KINDS[kind]).prepare(params)
    assert e.value.key == key
