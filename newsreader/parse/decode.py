"""Bytes to text: the only place that guesses encodings.

UTF-8 (with or without BOM) and UTF-16/32 with a BOM are taken as they say;
anything else that is not valid UTF-8 goes to charset-normalizer (imported
only then). Line endings become ``\\n``. Every guess or loss is reported as
a warning, so the record can say how much to trust its text.
"""

from __future__ import annotations

import codecs

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE, whose BOM it starts with
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_DETECT_PREFIX = 64 * 1024  # enough bytes for a confident guess, cheap on huge files


def decode_bytes(data: bytes) -> tuple[str, list[str]]:
    """Return the text of ``data`` with normalised newlines, and warnings about the decoding."""
    warnings: list[str] = []
    guessed = False
    utf8 = False  # the text is the data's own UTF-8
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            text = data[len(bom) :].decode(encoding, "replace")
            utf8 = encoding == "utf-8"
            break
    else:
        wide = _wide_encoding(data)
        if wide:
            text = data.decode(wide, "replace")
            warnings.append(f"no byte-order mark; decoded as {wide}")
        else:
            try:
                text = data.decode("utf-8")
                utf8 = True
            except UnicodeDecodeError:
                text, warning = _decode_guessing(data)
                warnings.append(warning)
                guessed = True
    # in UTF-8 and UTF-16/32 a carriage return or a NUL has its byte in the data, so the byte
    # test (memchr) spares two scans of the text for the usual file; a guessed encoding may
    # spell them otherwise (UTF-7), so its text is scanned
    if guessed or b"\r" in data:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if (guessed or b"\x00" in data) and "\x00" in text:
        text = text.replace("\x00", "")
        warnings.append("NUL bytes removed; the file may be binary")
    if not (utf8 and _MOJIBAKE_LEAD not in data) and any(map(text.__contains__, _MOJIBAKE_MARKS)):
        text = _repaired(text, warnings)
    return text, warnings


#: What UTF-8 read as Latin-1 or Windows-1252 leaves behind: "companyâ€™s", "cafÃ©", "Â ".
#: Three substring scans in C tell the usual file it has none, so ftfy (~2 ms a file) runs
#: only where they stand.
_MOJIBAKE_MARKS = ("â€", "Ã", "Â")
#: The byte that opens "â", "Ã" and "Â" in UTF-8: text decoded from UTF-8 data without it holds
#: none of the marks (nor does it once NUL bytes are taken out), which one scan of the bytes
#: tells, without the text's three.
_MOJIBAKE_LEAD = b"\xc3"


def _repaired(text: str, warnings: list[str]) -> str:
    """``text`` with double-encoded UTF-8 repaired by ftfy, saying so when it changed."""
    from ftfy import fix_encoding

    fixed = fix_encoding(text)
    if fixed != text:
        warnings.append("double-encoded UTF-8 (mojibake) repaired")
    return fixed


def _wide_encoding(data: bytes) -> str | None:
    """UTF-16/32 without a BOM, told by where the zero bytes of mostly-Latin text fall."""
    sample = data[:4096]
    if sample.count(0) < len(sample) // 4 or len(sample) < 8:
        return None
    zeros = [
        sum(1 for i in range(k, len(sample), 4) if sample[i] == 0) / (len(sample) // 4 or 1)
        for k in range(4)
    ]
    if min(zeros[1:]) > 0.9 and zeros[0] < 0.5:
        return "utf-32-le"
    if min(zeros[:3]) > 0.9 and zeros[3] < 0.5:
        return "utf-32-be"
    if zeros[1] > 0.7 and zeros[3] > 0.7 and zeros[0] < 0.5 and zeros[2] < 0.5:
        return "utf-16-le"
    if zeros[0] > 0.7 and zeros[2] > 0.7 and zeros[1] < 0.5 and zeros[3] < 0.5:
        return "utf-16-be"
    return None


def _decode_guessing(data: bytes) -> tuple[str, str]:
    """Decode bytes that are not UTF-8, saying which encoding was guessed."""
    from charset_normalizer import from_bytes

    matches = from_bytes(data[:_DETECT_PREFIX])
    best = matches.best()
    if best is None:
        return data.decode(
            "utf-8", "replace"
        ), "not valid UTF-8 and no encoding fits; bad bytes replaced"
    encoding = best.encoding
    if (
        best.coherence > 0  # zero: no language recognised, so no tie to speak of
        and best.language not in _CENTRAL_EUROPEAN
        and any(_as_good(match, best) for match in matches if match.encoding == _WEB_DEFAULT)
    ):
        encoding = _WEB_DEFAULT
    return data.decode(encoding, "replace"), f"not valid UTF-8; decoded as {encoding}"


#: The single-byte encoding of most saved pages that are not UTF-8 (HTML5 reads "latin-1" so).
#: charset-normalizer breaks its ties by name, so "Muñoz" in English or Spanish text came out
#: as Central European "Muńoz": on a tie in a language it recognises, this one.
_WEB_DEFAULT = "cp1252"
#: ... but not when the text reads as a language the Central European code pages are for.
_CENTRAL_EUROPEAN = frozenset(
    "Polish Czech Slovak Hungarian Slovene Croatian Romanian Bosnian Serbian Albanian".split()
)


def _as_good(match, best) -> bool:
    """Whether charset-normalizer finds ``match`` no messier and no less coherent than ``best``."""
    return match.chaos <= best.chaos and match.coherence >= best.coherence
