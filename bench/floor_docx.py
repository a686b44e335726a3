"""The .docx floor: load a file with python-docx and read every paragraph and table cell.

    python bench/floor_docx.py FILE.docx …

This is what any python-docx based tool pays before it checks anything: interpreter start,
`import docx` (lxml), unzip + parse, and the public API's text of every body paragraph and every
cell (`Table.rows` → `row.cells` → `cell.text`, merged cells read once per grid slot, as the API
returns them). Prints the number of characters read so nothing is skipped.
"""

import sys

import docx
from docx.table import Table


def read(path: str) -> int:
    n = 0
    for block in docx.Document(path).iter_inner_content():
        if isinstance(block, Table):
            for row in block.rows:
                for cell in row.cells:
                    n += len(cell.text)
        else:
            n += len(block.text)
    return n


if __name__ == "__main__":
    print(sum(read(p) for p in sys.argv[1:]))
