"""cleaners.decode: charset precedence, detection, and binary sniffing."""

from __future__ import annotations

import codecs

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cleaners.decode import codec_name, decode_html, looks_binary

TEXT = "<p>Café – “kutipan” kata Menteri, harga €5</p>"
LATIN9 = "<p>Harga €5, kata Menteri</p>"  # € is 0xA4 in ISO-8859-15 but ¤ in windows-1252


# Precedence ------------------------------------------------------------------------------------


def test_header_charset_used():
    data = LATIN9.encode("iso-8859-15")
    assert decode_html(data, "text/html; charset=iso-8859-15") == LATIN9
    assert decode_html(data, 'text/html; Charset="ISO-8859-15"') == LATIN9


def test_header_beats_meta():
    data = b'<meta charset="windows-1252">' + LATIN9.encode("iso-8859-15")
    assert decode_html(data, "text/html; charset=iso-8859-15").endswith(LATIN9)


@pytest.mark.parametrize(
    "meta",
    [
        b'<meta charset="iso-8859-15">',
        b"<META CHARSET=iso-8859-15>",
        b'<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-15">',
    ],
)
def test_meta_charset_used(meta: bytes):
    data = b"<html><head>" + meta + b"</head><body>" + LATIN9.encode("iso-8859-15")
    assert decode_html(data, "text/html").endswith(LATIN9)


def test_meta_only_in_first_4_kib():
    late = b"<!--" + b" " * 5000 + b'--><meta charset="iso-8859-15">'
    data = late + LATIN9.encode("iso-8859-15")
    assert decode_html(data).endswith(LATIN9.replace("€", "¤"))  # detection: windows-1252


@pytest.mark.parametrize(
    "content_type", ["text/html; charset=nonsense", "text/html; charset=base64"]
)
def test_unknown_or_non_text_header_charset_falls_through(content_type: str):
    data = b'<meta charset="iso-8859-15">' + LATIN9.encode("iso-8859-15")
    assert decode_html(data, content_type).endswith(LATIN9)


def test_unknown_meta_charset_falls_through_to_detection():
    data = b'<meta charset="x-klingon">' + TEXT.encode("utf-8")
    assert decode_html(data).endswith(TEXT)


@pytest.mark.parametrize("codec", ["utf-8-sig", "utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
def test_bom(codec: str):
    bom = {
        "utf-8-sig": b"",  # the codec writes its own BOM
        "utf-16-le": codecs.BOM_UTF16_LE,
        "utf-16-be": codecs.BOM_UTF16_BE,
        "utf-32-le": codecs.BOM_UTF32_LE,
        "utf-32-be": codecs.BOM_UTF32_BE,
    }[codec]
    data = bom + TEXT.encode(codec)
    assert decode_html(data) == TEXT
    # The bytes' own BOM outranks a header that was never checked (WHATWG order).
    assert decode_html(data, "text/html; charset=iso-8859-1") == TEXT


def test_utf8_bom_with_utf8_header_is_not_text():
    assert decode_html(codecs.BOM_UTF8 + b"<p>ok</p>", "text/html; charset=utf-8") == "<p>ok</p>"


def test_meta_declaring_utf16_means_utf8():
    data = '<meta charset="utf-16"><p>Café</p>'.encode()
    assert decode_html(data) == '<meta charset="utf-16"><p>Café</p>'


def test_latin1_label_means_windows_1252():
    data = "“kutipan” – Café".encode("cp1252")
    assert decode_html(data, "text/html; charset=ISO-8859-1") == "“kutipan” – Café"


# Detection -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Café – “kutipan”",
        "<html><body><p>Menteri berkata “ya” — 100% setuju</p></body></html>",
        "<p>Grüße aus München – Straße, naïve «quote» €5</p>",
    ],
)
def test_undeclared_windows_1252(text: str):
    assert decode_html(text.encode("cp1252")) == text


def test_undeclared_other_legacy_charset_still_detected():
    text = "<p>Привет, как дела? Это тест кодировки страницы.</p>"
    assert decode_html(text.encode("cp1251")) == text


def test_undeclared_utf8():
    assert decode_html(TEXT.encode()) == TEXT


def test_mostly_utf8_with_a_stray_byte_stays_utf8():
    text = "<p>Café – “kutipan” kata Menteri, ‘semua’ setuju — ya.</p>" * 3
    data = text.encode() + b"\xff"
    assert decode_html(data) == text + "\ufffd"


def test_garbage_never_raises():
    assert isinstance(decode_html(bytes(range(256)) * 4, "text/html; charset=utf-8"), str)


@given(st.binary(max_size=600), st.one_of(st.none(), st.text(max_size=40)))
def test_decode_html_total(data: bytes, content_type: str | None):
    assert isinstance(decode_html(data, content_type), str)


@given(st.text(max_size=300))
def test_declared_utf8_round_trips(text: str):
    assert decode_html(text.encode(), "text/html; charset=utf-8") == text.removeprefix("\ufeff")


def test_codec_name():
    assert codec_name("UTF8") == "utf-8"
    assert codec_name(" 'Windows-1252' ") == "cp1252"
    assert codec_name("latin1") == "cp1252"
    assert codec_name("gb2312") == "gb18030"
    for bad in (None, "", "nonsense", "base64", "rot13", "zlib"):
        assert codec_name(bad) is None


# Binary sniffing -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG image"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00", "JPEG image"),
        (b"GIF89a\x01\x00\x01\x00", "GIF image"),
        (b"GIF87a\x01\x00\x01\x00", "GIF image"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3", "PDF document"),
        (b"\x1f\x8b\x08\x00\x00\x00\x00\x00", "gzip data"),
        (b"PK\x03\x04\x14\x00\x00\x00", "zip archive"),
        (b"RIFF\x24\x00\x00\x00WEBPVP8 ", "WebP image"),
    ],
)
def test_magic_numbers(data: bytes, reason: str):
    assert looks_binary(data) == reason


def test_nul_bytes_are_binary():
    assert "NUL" in looks_binary(b"<html>" + b"\x00\x01\x02\x03" * 10)
    assert looks_binary(b"<html>" + b"a" * 2000 + b"\x00") is None  # only the first KiB counts


@pytest.mark.parametrize("codec", ["utf-16", "utf-32", "utf-16-le", "utf-16-be"])
def test_utf16_and_utf32_text_is_not_binary(codec: str):
    assert looks_binary(TEXT.encode(codec)) is None  # with a BOM, or ASCII-heavy without one


@pytest.mark.parametrize(
    "data", [TEXT.encode(), TEXT.encode("cp1252"), b"", b"  <!doctype html>", b"PDF report"]
)
def test_text_is_not_binary(data: bytes):
    assert looks_binary(data) is None
