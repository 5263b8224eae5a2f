"""Is a would-be author a person? Given-name evidence, credentials and interface words.

Any two capitalised words pass for a name by their shape ("Contact Us", "Copy URL", "Save
Article"), so a name found without a "by" word must show more: a given name
(``given_names.txt``, written by ``tools/make_given_names.py`` from Faker's lists of the
common first names of many countries), or at least no word that a person's name does not
hold (an interface word, a stopword, an acronym); beside no more than a date, not only words
that are never a name's either (``ordinary_words.txt``). Credentials after a name ("MS, RDN, LD")
are not part of it, and not names of their own.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

#: Degrees and credentials written after a name ("Dana Whitlock MS, RDN, LD"), lower case.
CREDENTIALS = frozenset(
    "phd ph.d ph.d. md m.d. ms msc mba ma ba bsc rn rd rdn ld cdces lpn np dnp cpa cfa cfp esq dds dmd dvm "
    "mph mfa pharmd faan facs facp cdn cde cscs lcsw lmft lpc psyd edd jd llm obe mbe cbe".split()
)
#: Words of page furniture that no person's name holds: buttons, menus, widgets, kickers.
_INTERFACE = frozenset(
    "contact copy url link links social save share article articles print email subscribe "
    "login sign menu home search more read view comments comment post posts gallery galleries video "
    "videos photos photo magazine newsletter follow followers profile bio topics topic tags "
    "about privacy terms policy cookies settings account careers advertise help support "
    "shop store deals review reviews podcast podcasts live latest trending popular news "
    "opinion sports weather crime politics business markets tech science health travel "
    "food style entertainment culture lifestyle world local national update updates "
    "click watch listen download app apps premium icon button expand collapse submenu".split()
)
#: Lower-case words that join the parts of a name ("Ludwig van Beethoven", "Bill de Blasio",
#: "José Ortega y Gasset", "Ibn al Haytham"): a name may hold them uncapitalised.
PARTICLES = frozenset(
    "de da di del della der den du dos das le la el al van von ter ten bin ibn st. y".split()
)
_LONG_NAME = 4  # words from which a would-be name without a given name reads as a phrase
#: Function words that stand in interface text ("Contact Us", "About This") but in no name.
_FUNCTION_WORDS = frozenset(
    "us we our you your the a an of to in on for and with this that it my all me here now".split()
)


@lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    """The given-names list, lower case, loaded on first use."""
    text = resources.files("newsreader.parse").joinpath("given_names.txt").read_text("utf-8")
    return frozenset(text.split())


@lru_cache(maxsize=1)
def ordinary_words() -> frozenset[str]:
    """English words that are never part of a proper name (``ordinary_words.txt``, written by
    ``tools/make_ordinary_words.py``), loaded on first use: only would-be names without a given
    name are looked up."""
    text = resources.files("newsreader.parse").joinpath("ordinary_words.txt").read_text("utf-8")
    return frozenset(text.split())


def is_credential(word: str) -> bool:
    """A degree or credential written after a name ("PhD", "RDN", "M.D.")."""
    return word.lower().strip(",") in CREDENTIALS


def has_given_name(name: str) -> bool:
    """One of the name's words (bar the last, a surname) is a known given name."""
    words = name.lower().replace("-", " ").split()
    known = given_names()
    return any(word.strip(".,'’") in known for word in words[:-1] or words)


def in_no_name(word: str) -> bool:
    """Whether no person's name holds ``word``, in any case: an interface word ("share",
    "store", "gallery") or a function word ("of", "your")."""
    lower = word.lower()
    return lower in _INTERFACE or lower in _FUNCTION_WORDS


def reads_as_interface(name: str) -> bool:
    """True when a would-be name with no given name in it holds a word that a person's name
    does not: an interface word ("Copy URL", "Social Links"), a function word ("Contact Us"),
    a sentence's full stop ("Post Crime."), four words or more, or capitals ("HARBOR COUNCIL");
    and any would-be name with an acronym of three capitals or more beside ordinary words
    ("CBC Arts")."""
    words = _words(name)
    acronyms = sum(len(word) >= 3 and word.isupper() and word.isalpha() for word in words)
    if 0 < acronyms < len(words):
        return True  # an acronym beside ordinary words: "CBC Arts", "Copy URL"; not "DANA WHITLOCK"
    if has_given_name(name):
        return False
    if name.endswith(".") or len(words) >= _LONG_NAME or acronyms:
        return True  # "Post Crime.", "Harbor Council Keeps Library", "HARBOR COUNCIL"
    return any(map(in_no_name, words))


def only_ordinary_words(name: str) -> bool:
    """Whether a would-be name has no given name and only words that are never a name's
    ("Climate Change", "Fact Check", "Dark Mode"; see :func:`ordinary_words`): a topic chip
    or a control, unless what stands beside it shows an author ("Follow", a handle)."""
    if has_given_name(name):
        return False
    ordinary = ordinary_words()
    return all(word.lower() in ordinary for word in _words(name))


def _words(name: str) -> list[str]:
    """A would-be name's words without the punctuation around them."""
    return [word.strip(".,:;'’\"") for word in name.split()]
