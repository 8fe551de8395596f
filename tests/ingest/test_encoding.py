from __future__ import annotations

import codecs

import pytest

from isnad.ingest import IngestError, decode

ARABIC = "كشف دبلوماسيون غربيون أن أعدادا متزايدة من عناصر التنظيم يحاولون الفرار، بحسب الصحيفة.\n"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (ARABIC.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + ARABIC.encode("utf-8"), "utf-8-sig"),
        (ARABIC.encode("utf-16"), "utf-16-le"),  # Python writes the platform's (LE) byte-order mark
        (codecs.BOM_UTF16_BE + ARABIC.encode("utf-16-be"), "utf-16-be"),
        (ARABIC.encode("cp1256"), "cp1256"),
    ],
)
def test_decodes_the_encodings_arabic_news_comes_in(data: bytes, encoding: str) -> None:
    assert decode(data, "a.txt") == (ARABIC, encoding)


def test_other_arabic_encodings_are_guessed_and_checked() -> None:
    # ISO-8859-6 puts letters where Windows-1256 has accented Latin ones, so the Windows-1256
    # reading is rejected and charset-normalizer's guess, checked as Arabic, is taken.
    text, encoding = decode((ARABIC * 3).encode("iso8859_6"), "a.txt")
    assert (text, encoding) == (ARABIC * 3, "iso8859_6")


def test_a_declared_charset_is_trusted_after_utf8() -> None:
    assert decode(ARABIC.encode("cp1256"), "a.html", declared="windows-1256") == (ARABIC, "cp1256")


@pytest.mark.parametrize(
    "data",
    [
        b"Caf\xe9 cr\xe8me, cr\xeape et cr\xe8me br\xfbl\xe9e.\n",  # French in Latin-1
        b"ma\xf1ana es otro d\xeda\n",  # Spanish in Latin-1: \xf1 is an Arabic mark in cp1256
        ARABIC.encode("utf-8")[:20] + b"\xff\xfe\xfd" + ARABIC.encode("utf-8")[20:],  # broken UTF-8
    ],
)
def test_undecodable_bytes_are_refused_not_guessed(data: bytes) -> None:
    with pytest.raises(IngestError, match=r"not valid UTF-8 .*Windows-1256.*re-save it as UTF-8") as raised:
        decode(data, "bad.txt")
    assert raised.value.source_path == "bad.txt"
    assert raised.value.line == 1
    assert str(raised.value).startswith("bad.txt:1: ")


def test_the_line_of_the_first_bad_byte_is_reported() -> None:
    data = ARABIC.encode("utf-8") * 2 + b"caf\xe9\n"
    with pytest.raises(IngestError) as raised:
        decode(data, "bad.txt")
    assert raised.value.line == 3


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG"),
        (b"PK\x03\x04\x14\x00\x06\x00", "ZIP"),
        (b"some text\x00\x01\x02 more", "NUL bytes"),
    ],
)
def test_binary_files_are_refused(data: bytes, kind: str) -> None:
    with pytest.raises(IngestError, match=f"binary file.*{kind}"):
        decode(data, "x.txt")


@pytest.mark.parametrize(("data", "what"), [(b"", "empty"), (b" \n\t\r\n ", "only whitespace")])
def test_files_without_text_are_refused(data: bytes, what: str) -> None:
    with pytest.raises(IngestError, match=what):
        decode(data, "x.txt")


def test_a_bom_without_valid_text_after_it_is_refused() -> None:
    with pytest.raises(IngestError, match="UTF-16-LE byte-order mark but is not valid UTF-16-LE"):
        decode(codecs.BOM_UTF16_LE + b"\x00\xd8", "x.txt")  # a lone surrogate


def test_problem_from_an_error_keeps_the_place_apart_from_the_reason() -> None:
    problem = IngestError("f.jsonl", "not valid JSON", line=4).to_problem()
    assert (problem.source_path, problem.line, problem.error) == ("f.jsonl", 4, "not valid JSON")
