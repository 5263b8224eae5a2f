"""Raw text dumps: a file's bytes, read up to a cap, and its original text decoded."""

from __future__ import annotations

from newsreader.model import Entry

#: Bytes read from one file at most; the rest is left out with a warning.
READ_CAP = 8 * 1024 * 1024


def read_entry(entry: Entry) -> tuple[bytes, list[str]]:
    """The file's bytes, at most READ_CAP of them, and warnings about the read."""
    try:
        with open(entry.path, "rb") as handle:
            data = handle.read(READ_CAP + 1)
    except OSError as error:
        return b"", [f"could not read the file: {error.strerror or error}"]
    if len(data) > READ_CAP:
        return data[:READ_CAP], [f"file larger than {READ_CAP // (1024 * 1024)} MB; only the start was read"]
    return data, []


def raw_text(entry: Entry) -> str:
    """The file's original text, decoded (the raw text is never lost)."""
    from newsreader.parse.decode import decode_bytes

    return decode_bytes(read_entry(entry)[0])[0]
