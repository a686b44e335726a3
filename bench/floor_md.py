"""The Markdown floor: read a file and parse it with markdown-it-py (CommonMark + GFM tables).

    python bench/floor_md.py FILE.md …

Interpreter start, `import markdown_it`, reading the file as UTF-8 and building the token
stream. Prints the number of tokens so nothing is skipped. Also used for the plain-text seeds.
"""

import sys

from markdown_it import MarkdownIt


def parse(md: MarkdownIt, path: str) -> int:
    with open(path, encoding="utf-8") as f:
        return len(md.parse(f.read()))


if __name__ == "__main__":
    md = MarkdownIt("commonmark").enable("table")
    print(sum(parse(md, p) for p in sys.argv[1:]))
