"""Print every character the game can show, for subsetting its fonts.

Reads the interface strings (assets/i18n/*.json) and every string in the data
(assets/data/*.json), adds the printable ASCII, Latin-1 and Latin Extended-A
ranges (typed nicknames, names in citations) and common punctuation, and
prints them sorted as one line of text. Same inputs, same output."""

import json
import pathlib
import sys

root = pathlib.Path(__file__).resolve().parent.parent


def strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from strings(v)


chars = set()
for path in sorted((root / "assets" / "i18n").glob("*.json")) + sorted((root / "assets" / "data").glob("*.json")):
    for text in strings(json.loads(path.read_text(encoding="utf-8"))):
        chars.update(text)
ranges = [(0x20, 0x7E), (0xA0, 0x17F), (0x2010, 0x2027), (0x2030, 0x203A), (0x3000, 0x3011), (0xFF01, 0xFF1F)]
for lo, hi in ranges:
    chars.update(chr(c) for c in range(lo, hi + 1))
chars = sorted(c for c in chars if c.isprintable() or c == " ")
sys.stdout.write("".join(chars))
