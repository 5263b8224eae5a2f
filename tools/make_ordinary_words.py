"""Write ``newsreader/parse/ordinary_words.txt``: English words that are never proper names.

    apt-get install wamerican && python tools/make_ordinary_words.py

A development-time tool, like ``make_given_names.py``: the parser reads the text file.
Debian's English word list (wamerican) writes proper names capitalised, so a word it holds
only in lower case ("climate", "check", "galaxy") is an ordinary word and never part of a
person's name, while one it also holds capitalised ("Price", "Rose", "Smith") may be. A
would-be name without a given name whose every word is ordinary ("Climate Change", "Fact
Check", "Dark Mode") is a topic chip or a control, not a person.
"""

from __future__ import annotations

from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "newsreader" / "parse" / "ordinary_words.txt"
WORDS = Path("/usr/share/dict/american-english")


def ordinary_words() -> set[str]:
    words = WORDS.read_text(encoding="utf-8").split()
    capitalised = {word.lower() for word in words if word[:1].isupper()}
    return {word for word in words if word.isalpha() and word.islower()} - capitalised


def main() -> None:
    words = sorted(ordinary_words())
    OUT.write_text("\n".join(words) + "\n", encoding="utf-8")
    print(f"wrote {len(words)} ordinary words to {OUT}")


if __name__ == "__main__":
    main()
