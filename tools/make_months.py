"""Write ``newsreader/parse/months.json``: month names of many languages, from CLDR (via babel).

    pip install babel && python tools/make_months.py

A development-time tool: the parser reads the JSON file and never imports babel. Each name
(wide and abbreviated, as a date writes it and standing alone, lower-cased, without a final
period) maps to its month number. A spelling two languages give different months is left out,
unless English gives it (``mar``: March); so is any spelling shorter than three letters,
which is too easily something else.
"""

from __future__ import annotations

import json
from pathlib import Path

from babel import Locale

OUT = Path(__file__).resolve().parent.parent / "newsreader" / "parse" / "months.json"
#: Languages of the world's news written with spaces between words (CJK dates have their own
#: pattern in dates.py). English first: its spelling wins a clash.
LOCALES = (
    "en de fr es it pt nl pl cs sk sl hr sr_Latn bs ro hu fi sv da nb nn is et lv lt el ru uk bg "
    "be mk sr tr id ms tl vi ca eu gl ga cy sq af sw az kk uz ka hy he ar fa hi bn ur th"
).split()


def month_names() -> dict[str, int]:
    names: dict[str, int] = {}
    clashes: set[str] = set()
    for code in LOCALES:
        locale = Locale.parse(code)
        for context in ("format", "stand-alone"):
            for width in ("wide", "abbreviated"):
                for number, name in locale.months[context][width].items():
                    key = name.lower().rstrip(".")
                    if len(key) < 3 or not key.replace(" ", "").isalpha():
                        continue
                    if key in names and names[key] != number:
                        if code != "en" and key not in _ENGLISH:
                            clashes.add(key)
                        continue
                    names.setdefault(key, number)
    return {key: number for key, number in sorted(names.items()) if key not in clashes}


_ENGLISH = {
    name.lower().rstrip(".")
    for width in ("wide", "abbreviated")
    for name in Locale("en").months["format"][width].values()
}


def main() -> None:
    names = month_names()
    OUT.write_text(
        json.dumps(names, ensure_ascii=False, separators=(",", ":"), sort_keys=True) + "\n",
        encoding="utf-8",
    )
    print(f"wrote {len(names)} month names to {OUT}")


if __name__ == "__main__":
    main()
