"""Regenerate lint/govlint/data/t2s.txt from OpenCC's TSCharacters.txt.

Why a vendored table and not the `opencc` binding: govlint needs a conversion that keeps every
character at its offset (diagnostics point at the original text), and a 1:1 character table does
that by construction with `str.translate`; it also avoids a per-CPython binary wheel (no musllinux
wheel, not abi3) and the namespace clash between `opencc` distributions.

Usage: python scripts/gen_t2s.py path/to/TSCharacters.txt  (from the OpenCC source, Apache-2.0)
"""

import sys
from pathlib import Path

HEADER = (
    "# Traditional -> Simplified, one character to one character (first OpenCC candidate).\n"
    "# Derived from OpenCC 1.4.2 data/dictionary/TSCharacters.txt (Apache-2.0, see NOTICE-OpenCC)\n"
    "# by scripts/gen_t2s.py. Each line: two characters, traditional then simplified.\n"
)


def main(src: str) -> None:
    pairs = []
    for line in Path(src).read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        key, values = line.split("\t")
        first = values.split()[0]
        # Keep only 1:1 mappings that change the character: offsets must survive conversion.
        if len(key) == 1 and len(first) == 1 and first != key:
            pairs.append(key + first)
    out = Path(__file__).resolve().parent.parent / "lint/govlint/data/t2s.txt"
    out.write_text(HEADER + "\n".join(pairs) + "\n", encoding="utf-8")
    print(f"{len(pairs)} pairs -> {out}")


if __name__ == "__main__":
    main(sys.argv[1])
