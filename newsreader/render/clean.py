"""Make untrusted text safe to print: the single place content is sanitised.

File contents, file names and user input may carry terminal escape
sequences (CSI, OSC such as window titles or clipboard writes), C0/C1
control characters, DEL and bidi overrides. All of them are removed before
any printer writes text; tab and newline survive only where asked. Bytes
of a file name that were not UTF-8 become U+FFFD, so printing never fails.
"""

from __future__ import annotations

import re

_ESCAPE = re.compile(
    r"\x1b\][^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?"  # OSC ... BEL/ST
    r"|\x1b[P^_X][^\x1b\x9c]*(?:\x1b\\|\x9c)?"  # DCS, PM, APC, SOS ... ST
    r"|\x1b\[[0-?]*[ -/]*[@-~]?"  # CSI
    r"|\x1b[ -/]*[0-~]?"  # other ESC sequences, or a lone ESC
    r"|\x9b[0-?]*[ -/]*[@-~]?"  # 8-bit CSI
    r"|\x9d[^\x07\x9c]*[\x07\x9c]?"  # 8-bit OSC
)
_C1_AND_BIDI = (
    r"\x7f-\x9f\u202a-\u202e\u2066-\u2069"  # DEL, C1 controls, bidi overrides and isolates
)
_SURROGATES = r"\ud800-\udfff"  # undecodable bytes in file names (surrogateescape)
_CONTROL = re.compile(rf"[\x00-\x08\x0b-\x1f{_C1_AND_BIDI}]")
_SURROGATE = re.compile(rf"[{_SURROGATES}]")
_SPACES = re.compile(r"[\t\n]+")
_SEPARATORS = re.compile("[\u2028\u2029]")  # line and paragraph separators: some tools break lines


def clean(text: str) -> str:
    """``text`` without escape sequences and control characters, Unicode's line and paragraph
    separators made spaces; tabs and newlines are kept."""
    if text.isprintable():
        return text  # the common case: nothing to strip (tab and newline are not printable)
    text = _SEPARATORS.sub(" ", _CONTROL.sub("", _ESCAPE.sub("", text)))
    return _SURROGATE.sub("\ufffd", text)


def clean_field(text: str) -> str:
    """``text`` made safe for one tab-separated field: also no tabs or newlines."""
    if text.isprintable():
        return text  # no tab or newline either: the common case, and the hot path of `list`
    return _SPACES.sub(" ", clean(text))


#: Printable ASCII, most of a listing's bytes: none of it needs cleaning, so it is set aside
#: in one C pass before the rest is looked at.
_PLAIN_ASCII = bytes(range(0x20, 0x7F))
#: What clean_field changes, as UTF-8, in bytes that hold no printable ASCII: C0 controls and
#: DEL, C1 controls (U+0080-U+009F), line and paragraph separators (U+2028, U+2029), bidi
#: overrides (U+202A-U+202E) and isolates (U+2066-U+2069).
_UNCLEAN_UTF8 = re.compile(
    rb"[\x00-\x08\x0b-\x1f\x7f]|\xc2[\x80-\x9f]|\xe2\x80[\xa8-\xae]|\xe2\x81[\xa6-\xa9]"
)


def utf8_is_clean(data: bytes, tabs: int, newlines: int) -> bool:
    """True when UTF-8 ``data`` holds nothing :func:`clean_field` would change but exactly
    ``tabs`` tabs and ``newlines`` newlines, the ones the caller put there. Bytes that are
    not UTF-8 (surrogates included) make it False."""
    rest = data.translate(None, _PLAIN_ASCII)  # multi-byte characters stay whole
    if rest.count(b"\t") != tabs or rest.count(b"\n") != newlines:
        return False
    if _UNCLEAN_UTF8.search(rest):
        return False
    try:
        data.decode()  # the whole: taking out ASCII could join the halves of a broken character
    except UnicodeDecodeError:
        return False
    return True
