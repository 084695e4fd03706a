"""Reading sources: decoding, rejection reasons, scanning and change planning."""

from __future__ import annotations

import hashlib

from pipeline.sources import article_id, decode_source, plan_changes, read_source, scan_sources


def test_utf8_with_bom_and_crlf_is_decoded_and_normalised():
    raw = "\ufeffTitle\r\n\r\nBody “quoted” text.\r\n".encode()
    source = decode_source("a.txt", raw)
    assert source.encoding == "utf-8-sig"
    assert source.text == "Title\n\nBody “quoted” text.\n"
    assert source.sha256 == hashlib.sha256(raw).hexdigest()


def test_cp1252_bytes_are_detected_and_recorded():
    raw = "The café’s “naïve” owner said so, and more words follow here.".encode("cp1252")
    source = decode_source("b.txt", raw)
    assert source.encoding == "cp1252"
    assert source.text == "The café’s “naïve” owner said so, and more words follow here."


def test_empty_whitespace_and_binary_sources_are_rejected_with_reasons():
    assert decode_source("e.txt", b"").reason == "empty file"
    assert decode_source("w.txt", b"  \n\t \n").reason == "no text: whitespace only"
    assert "PNG" in decode_source("p.txt", b"\x89PNG\r\n\x1a\n\x00\x00rest").reason
    assert "PDF" in decode_source("d.txt", b"%PDF-1.7\n...").reason
    assert decode_source("e.txt", b"").rejected


def test_oversized_source_is_rejected_naming_the_limit(tmp_path, monkeypatch):
    monkeypatch.setattr("pipeline.sources.MAX_SOURCE_BYTES", 100)
    (tmp_path / "big.txt").write_text("word " * 50)
    source = read_source(str(tmp_path), "big.txt")
    assert source.rejected
    assert "250 bytes, over the 100-byte limit" in source.reason


def test_scan_finds_txt_and_html_recursively_and_skips_hidden(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "a.txt").write_text("one")
    (tmp_path / "sub" / "b.html").write_text("<p>two</p>")
    (tmp_path / "notes.md").write_text("ignored")
    (tmp_path / ".hidden.txt").write_text("ignored")
    found = scan_sources(str(tmp_path))
    assert sorted(found) == ["a.txt", "sub/b.html"]
    assert found["a.txt"] == hashlib.sha256(b"one").hexdigest()


def test_scan_accepts_fsspec_urls(tmp_path):
    (tmp_path / "a.txt").write_text("one")
    assert list(scan_sources(tmp_path.as_uri())) == ["a.txt"]


def test_plan_changes_finds_added_changed_deleted_and_unbuilt():
    current = {"a": "1", "b": "2-new", "c": "3", "d": "4"}
    built = {"a": "1", "b": "2", "c": None}
    changes = plan_changes(current, built, registered={"a", "b", "c", "gone"})
    assert changes.added == ("c", "d")
    assert changes.changed == ("b",)
    assert changes.deleted == ("gone",)
    assert not plan_changes({"a": "1"}, {"a": "1"}, {"a"})


def test_article_id_depends_on_content_only():
    assert article_id("ab" * 32) == article_id("ab" * 32) != article_id("cd" * 32)
