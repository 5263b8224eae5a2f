"""Write ``newsreader/parse/given_names.txt``: given names of many countries, from Faker's lists.

    pip install faker && python tools/make_given_names.py

A development-time tool: the parser reads the text file and never imports Faker. Faker's
person providers hold the common first names of each locale it knows (census and registry
lists, MIT-licensed); written in Latin, Greek or Cyrillic letters, lower-cased, one a line.
The byline pass reads them as evidence that a capitalised pair of words is a person
("Dana Whitlock") rather than interface text ("Contact Us", "Copy URL").
"""

from __future__ import annotations

import importlib
import pkgutil
import unicodedata
from pathlib import Path

import faker.providers.person as person

OUT = Path(__file__).resolve().parent.parent / "newsreader" / "parse" / "given_names.txt"
_SCRIPTS = ("LATIN", "GREEK", "CYRILLIC")
#: Words that are given names somewhere but far more often interface or news words on a page;
#: a name list is evidence, and these would be false evidence.
_COMMON_WORDS = set(
    "will may june april august art grace hope joy faith bill mark rich ray page case "
    "major read share save follow home love star sky rose iris summer autumn dawn news sport "
    "china india paris london georgia virginia carolina florida york jersey texas king "
    "royal said long".split()
)


def given_names() -> set[str]:
    names: set[str] = set()
    for module in pkgutil.iter_modules(person.__path__):
        provider = importlib.import_module(f"{person.__name__}.{module.name}").Provider
        for attribute in ("first_names", "first_names_male", "first_names_female"):
            found = vars(provider).get(attribute, ())
            if not isinstance(found, (dict, tuple, list)):
                continue
            for name in found.keys() if isinstance(found, dict) else found:
                word = name.strip().lower()
                if len(word) >= 2 and word.isalpha() and _script(word) and " " not in word:
                    names.add(word)
    return names - _COMMON_WORDS


def _script(word: str) -> bool:
    return all(unicodedata.name(c, "").startswith(_SCRIPTS) for c in word)


def main() -> None:
    names = sorted(given_names())
    OUT.write_text("\n".join(names) + "\n", encoding="utf-8")
    print(f"wrote {len(names)} given names to {OUT}")


if __name__ == "__main__":
    main()
