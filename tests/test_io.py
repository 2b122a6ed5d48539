"""Reading inputs: walking directories, path lists, encodings, record boundaries, huge texts."""
import io
import json
import os

import pytest

from kursk_cli import io as kio
from kursk_cli.errors import InputError
from kursk_cli.pipeline import parse, parse_chunks


def read(data: bytes, input_format="text", **options):
    return list(kio.read_documents("-", kio.ReadOptions(input_format=input_format, **options),
                                   stdin=io.BytesIO(data)))


def test_walk_skips_symlinks_fifos_and_other_extensions(tmp_path):
    (tmp_path / "b.txt").write_text("b")
    (tmp_path / "a.jsonl").write_text("{}")
    (tmp_path / "notes.pdf").write_text("x")
    (tmp_path / "link.txt").symlink_to(tmp_path / "b.txt")
    os.mkfifo(tmp_path / "pipe.txt")
    walked = list(kio.expand_paths([str(tmp_path)]))
    assert walked == [str(tmp_path / "a.jsonl"), str(tmp_path / "b.txt")]
    followed = list(kio.expand_paths([str(tmp_path)], follow_symlinks=True))
    assert str(tmp_path / "link.txt") in followed


@pytest.mark.parametrize("data,null,expected", [
    (b"a.txt\nb c.txt\r\n\n", False, ["a.txt", "b c.txt"]),
    (b"a.txt\0line\nbreak.txt\0", True, ["a.txt", "line\nbreak.txt"]),
], ids=["lines", "nul"])
def test_paths_file(data, null, expected):
    assert list(kio.read_paths_file(io.BytesIO(data), null)) == expected


@pytest.mark.parametrize("separator", ["\u2028", "\u0085", "\x0c", "\r"],
                         ids=["line-separator", "next-line", "form-feed", "carriage-return"])
def test_only_newline_ends_a_record(separator):
    text = f"first part{separator}second part"
    data = (json.dumps({"text": text}, ensure_ascii=False) + "\n").encode("utf-8")
    (document,) = read(data, "jsonl")
    assert document.text == text
    csv_data = f'id,text\n1,"{text}"\n'.encode("utf-8")
    (row,) = read(csv_data, "csv")
    assert row.text == text


def test_utf8_bom_is_dropped_so_offsets_count_from_the_text():
    (document,) = read("\ufeffKyiv".encode("utf-8"))
    assert document.text == "Kyiv"


def test_unknown_encoding_is_an_input_error():
    (error,) = read(b"text", encoding="no-such-codec")
    assert isinstance(error, InputError) and "unknown encoding" in error.message


def test_empty_record_is_a_document_with_empty_text():
    (document,) = read(b'{"id": 1}\n', "jsonl")
    assert document.text == ""


def test_huge_text_is_read_in_chunks_with_whole_file_offsets(monkeypatch):
    monkeypatch.setattr(kio, "LONG_TEXT_BYTES", 200)
    monkeypatch.setattr(kio, "CHUNK_CHARACTERS", 120)
    paragraph = "Russian forces fired 12 missiles at Kyiv, officials said.\n\n"
    text = "Ωmega. " + paragraph * 12
    (document,) = read(text.encode("utf-8"))
    assert document.chunks is not None
    pieces = list(document.chunks)
    assert len(pieces) > 3
    assert "".join(piece for _, piece in pieces) == text
    assert all(text[offset:offset + len(piece)] == piece for offset, piece in pieces)


def test_parse_chunks_shifts_offsets_and_figure_indexes():
    paragraph = "Officials said 12 missiles were fired.\n\n"
    pieces = [(0, paragraph), (len(paragraph), paragraph)]
    whole = paragraph * 2
    document = parse_chunks(iter(pieces), reference_date="2024-05-04")
    for kind in ("figures", "dates", "entities", "statements"):
        for item in getattr(document, kind):
            assert whole[item.start:item.end] == item.text
    single = parse(paragraph, reference_date="2024-05-04")
    assert len(document.figures) == 2 * len(single.figures)


def test_undecodable_bytes_in_a_huge_text_name_the_byte_offset(monkeypatch):
    monkeypatch.setattr(kio, "LONG_TEXT_BYTES", 10)
    monkeypatch.setattr(kio, "CHUNK_CHARACTERS", 8)
    (document,) = read(b"abcdefghijklmnop\xffqrs")
    with pytest.raises(InputError, match="at byte 16"):
        list(document.chunks)


@pytest.mark.parametrize("output_format", ["json", "jsonl", "csv"])
def test_huge_text_through_the_command_streams_the_same_record(tmp_path, monkeypatch, output_format):
    """A chunked file's findings go through temporary files, and come out as parse_chunks gives them."""
    from click.testing import CliRunner
    from kursk_cli.cli import main

    monkeypatch.setattr(kio, "LONG_TEXT_BYTES", 300)
    monkeypatch.setattr(kio, "CHUNK_CHARACTERS", 200)
    paragraph = "Russian forces fired 12 missiles at Kyiv on 3 May 2024, officials said.\n\n"
    path = tmp_path / "huge.txt"
    path.write_text(paragraph * 10, encoding="utf-8")
    result = CliRunner().invoke(main, ["extract", str(path), "-f", output_format,
                                       "--reference-date", "2024-05-04"])
    assert result.exit_code == 0, result.stderr
    (document,) = read(path.read_bytes())
    expected = parse_chunks(document.chunks, reference_date="2024-05-04", id=str(path), source=str(path),
                            reference_date_source="option").to_dict()
    assert len(expected["figures"]) == 10
    if output_format == "json":
        assert json.loads(result.stdout) == [expected]
    elif output_format == "jsonl":
        assert json.loads(result.stdout) == expected
    else:
        assert result.stdout.count("\nfigure,") + result.stdout.count(",figure,") >= 10


def test_api_arguments_are_checked_with_the_package_errors():
    from kursk_cli.errors import ArgumentError
    assert parse("5 tanks", kinds="figures,dates").kinds == ("figures", "dates")
    with pytest.raises(ArgumentError, match="unknown kind"):
        parse("x", kinds=["people"])
    with pytest.raises(ArgumentError, match="not a calendar date"):
        parse("x", reference_date="April 2025")
