"""grep's vocabulary: the words the index holds, for widening a word fragment to whole words.

grep's prefilter widens a fragment ("easefir") to the indexed words that
contain it, read from the ``terms`` table. An article's words are added as
it is stored (its text folded as the tokenizer folds it, see
:mod:`letters`), or, after a large update, read at once from the full-text
index's own word list. Articles the prefilter never rules out need none.
"""

from __future__ import annotations

from newsreader.model import WORD

_ASCII_BYTES = bytes(range(128))
_EDGES = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~“”‘’«»…–—"  # characters never inside a WORD


def terms(folded: str, known: set[str]) -> set[str]:
    """The words (``WORD`` runs) of the already folded text ``folded`` that are not in ``known``.

    Splits on whitespace first, in C, and runs the regex only on the new chunks
    that are not a single word already (those with punctuation attached): a few
    times faster than the regex over the whole text, with the same result.
    """
    found = set()
    for chunk in set(folded.split()) - known:
        word = chunk.strip(_EDGES)  # "said," and "(AP)" are words once their edges go
        if word.isalnum():  # exactly the characters of a WORD run
            found.add(word)
        elif word:
            found.update(WORD.findall(word))
    return found - known


def non_ascii(text: str) -> set[str]:
    """The characters of ``text`` beyond ASCII: its UTF-8 without the ASCII bytes, decoded, all in
    C (a set of the whole text costs several times as much)."""
    if text.isascii():
        return set()
    return set(
        text.encode("utf-8", "surrogatepass")
        .translate(None, _ASCII_BYTES)
        .decode("utf-8", "surrogatepass")
    )
