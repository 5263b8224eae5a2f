"""Write ``newsreader/parse/given_names.txt``: given names of many countries, from Faker's lists.

    pip install faker && apt-get install wamerican && python tools/make_given_names.py

A development-time tool: the parser reads the text file and never imports Faker. Faker's
person providers hold the common first names of each locale it knows (census and registry
lists, MIT-licensed); written in Latin, Greek or Cyrillic letters, lower-cased, one a line.
The byline pass reads them as evidence that a capitalised pair of words is a person
("Dana Whitlock") rather than interface text ("Contact Us", "Copy URL"). Names that are
ordinary English words and no proper names ("Council", in the US list) are left out, by
Debian's English word list, and so are a few that are proper names but more often page words
("June", "Page", "Will").
"""

from __future__ import annotations

import importlib
import pkgutil
import unicodedata
from pathlib import Path

import faker.providers.person as person

OUT = Path(__file__).resolve().parent.parent / "newsreader" / "parse" / "given_names.txt"
_SCRIPTS = ("LATIN", "GREEK", "CYRILLIC")
#: An English word list (Debian's wamerican): it writes proper names capitalised, so a name that
#: stands there only in lower case ("council", "library" in the US list of every name ever
#: given) is an ordinary word, and no evidence of a person.
WORDS = Path("/usr/share/dict/american-english")
#: Words that are given names somewhere, and capitalised in the word list as months, places or
#: names, but far more often interface or news words on a page: false evidence of a person.
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
    words = set(WORDS.read_text(encoding="utf-8").split())
    names -= _COMMON_WORDS
    return {name for name in names if name.capitalize() in words or name not in words}


def _script(word: str) -> bool:
    return all(unicodedata.name(c, "").startswith(_SCRIPTS) for c in word)


def main() -> None:
    names = sorted(given_names())
    OUT.write_text("\n".join(names) + "\n", encoding="utf-8")
    print(f"wrote {len(names)} given names to {OUT}")


if __name__ == "__main__":
    main()
