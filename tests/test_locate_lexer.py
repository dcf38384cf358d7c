"""The TOML tokenizer on its own: token kinds, texts, lines and columns, written by hand."""

from __future__ import annotations

from tui.tomlfile.toml_lexer import (
    ARRAY_TABLE,
    BARE,
    COMMENT,
    KEY_VALUE,
    NEWLINE,
    OTHER,
    PUNCT,
    STRING,
    tokenize,
)


def test_tokens_of_a_tricky_text() -> None:
    text = (
        "a.b = 1\n"
        "t = [ [1], '''\n"
        "[x] # in\n"
        "''' ] # c\n"
        "d = 1979-05-27 07:32:00\n"
        "[[ r ]]\r\n"
        "[ s.u ]  # end\n"
        "e = [\n"
        "[1]\n"
        "]\n"
    )
    assert list(tokenize(text)) == [
        (KEY_VALUE, "a.b", 0, 6),
        (BARE, "t", 1, 0),
        (PUNCT, "=", 1, 2),
        (PUNCT, "[", 1, 4),
        (PUNCT, "[", 1, 6),
        (BARE, "1", 1, 7),
        (PUNCT, "]", 1, 8),
        (PUNCT, ",", 1, 9),
        (STRING, "'''\n[x] # in\n'''", 1, 11),
        (PUNCT, "]", 3, 4),
        (COMMENT, "# c", 3, 6),
        (NEWLINE, "\n", 3, 9),
        (BARE, "d", 4, 0),
        (PUNCT, "=", 4, 2),
        (BARE, "1979-05-27", 4, 4),
        (BARE, "07:32:00", 4, 15),
        (NEWLINE, "\n", 4, 23),
        (ARRAY_TABLE, "r", 5, 3),
        (PUNCT, "[", 6, 0),
        (BARE, "s.u", 6, 2),
        (PUNCT, "]", 6, 6),
        (COMMENT, "# end", 6, 9),
        (NEWLINE, "\n", 6, 14),
        (BARE, "e", 7, 0),
        (PUNCT, "=", 7, 2),
        (PUNCT, "[", 7, 4),
        (NEWLINE, "\n", 7, 5),
        (PUNCT, "[", 8, 0),  # inside an array: "[1]" is an element, not a header
        (BARE, "1", 8, 1),
        (PUNCT, "]", 8, 2),
        (NEWLINE, "\n", 8, 3),
        (PUNCT, "]", 9, 0),
        (NEWLINE, "\n", 9, 1),
    ]


def test_strings_end_where_toml_ends_them() -> None:
    cases = {
        '"a\\"b" x': '"a\\"b"',
        '"""a""""" x': '"""a"""""',  # up to two quotes before the closing delimiter
        "'''a''''' x": "'''a'''''",
        "'C:\\' x": "'C:\\'",  # no escapes in literal strings
        '"""a\\\n  b""" x': '"""a\\\n  b"""',
    }
    for text, string in cases.items():
        assert next(tokenize(text))[:2] == (STRING, string), text


def test_text_that_is_not_toml_still_tokenizes() -> None:
    assert [kind for kind, *_ in tokenize('"open\n§')] == [STRING, NEWLINE, OTHER]
    assert list(tokenize("x   ")) == [(BARE, "x", 0, 0)]
    assert list(tokenize("")) == []
