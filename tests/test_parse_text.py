"""Text repair and the record's language (issue #19): double-encoded UTF-8 is repaired with a
warning, and the language comes from the stopword vote and the script."""

import pytest

from newsreader.parse import parse_article
from newsreader.parse.decode import decode_bytes
from newsreader.parse.features import file_language


def test_double_encoded_utf8_is_repaired_with_a_warning():
    text, warnings = decode_bytes("The companyâ€™s cafÃ© said â€œyesâ€\x9d.".encode())
    assert text == "The company’s café said “yes”."
    assert warnings == ["double-encoded UTF-8 (mojibake) repaired"]


@pytest.mark.parametrize(
    "text, encoding",
    [
        ("Mayor Ana Muñoz said the café on Front Street would reopen next week. " * 3, "cp1252"),
        ("El alcalde Muñoz dijo que la calle se reabrirá la próxima semana, según él.", "cp1252"),
        (
            "Burmistrz powiedział, że ulica zostanie ponownie otwarta w przyszłym tygodniu. Żółć gęślą jaźń.",
            "cp1250",
        ),
        ("Мэр сказал, что улица откроется на следующей неделе, и жители рады.", "cp1251"),
        ("A tanács döntött a tervről.", "cp1250"),  # no language recognised: no tie to break
    ],
)
def test_a_single_byte_encoding_is_guessed_right_and_said(text, encoding):
    """A tie between Windows-1252 and Central European Windows-1250 (English or Spanish text
    with an "ñ") goes to Windows-1252, the web's: "Muñoz" came out as "Muńoz"."""
    decoded, warnings = decode_bytes(text.encode(encoding))
    assert decoded == text
    assert warnings == [f"not valid UTF-8; decoded as {encoding}"]


def test_clean_text_is_left_alone():
    assert decode_bytes("São Paulo café – “fine”".encode()) == ("São Paulo café – “fine”", [])


@pytest.mark.parametrize(
    "text, language",
    [
        ("The council said on Tuesday that the library will stay open for years.", "en"),
        ("Der Rat sagte am Dienstag, dass die Bibliothek offen bleibt und nicht schließt.", "de"),
        ("Совет заявил во вторник, что библиотека останется открытой.", "ru"),
        (
            "Рада заявила у вівторок, що бібліотека залишиться відкритою і що вона не буде закрита.",
            "uk",
        ),
        ("Το συμβούλιο είπε την Τρίτη ότι η βιβλιοθήκη θα μείνει ανοιχτή.", "el"),
        ("东京都5日宣布将开设新图书馆。", "zh"),
        ("東京都は5日、新しい図書館を開くと発表した。", "ja"),
        ("서울시는 5일 새 도서관을 연다고 밝혔다.", "ko"),
        ("12345 67890", None),
    ],
)
def test_language_from_stopwords_and_script(text, language):
    assert file_language(text)[0] == language


def test_the_record_carries_its_language_and_the_repair_warning():
    story = "The harbour board voted on Tuesday to rebuild the old pierâ€™s boards, the board said."
    article = parse_article(f"Harbour board votes\n\n{story}\n".encode(), "a.txt")
    assert article.language == "en"
    assert "double-encoded UTF-8 (mojibake) repaired" in article.warnings
